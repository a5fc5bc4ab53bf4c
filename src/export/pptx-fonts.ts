// A font family and the build's fonts in, the typeface a PPTX declares out, and whether the deck must carry the font (no metric twin every viewer has).
import type { FontFamily, FontRegistry } from '../layout/fonts.js';

const BUILT_IN_NAMES: Record<string, string> = {
  serif: 'PT Serif',
  sans: 'PT Sans',
  // Measured with Arimo, written as Arial: every viewer has Arial or its metric twin (Arimo, Liberation Sans).
  slides: 'Arial',
};

/**
 * Fonts with the same advance widths as a Microsoft font that every PPTX viewer has or substitutes by its twin (fontconfig
 * maps Arial to Liberation Sans or Arimo, Calibri to Carlito…): a deck measured with one declares the Microsoft name and
 * wraps the same everywhere without carrying a font.
 */
const METRIC_TWINS: Record<string, string> = {
  arial: 'Arial', arimo: 'Arial', 'liberation sans': 'Arial',
  calibri: 'Calibri', carlito: 'Calibri',
  cambria: 'Cambria', caladea: 'Cambria',
  'times new roman': 'Times New Roman', tinos: 'Times New Roman', 'liberation serif': 'Times New Roman',
  'courier new': 'Courier New', cousine: 'Courier New', 'liberation mono': 'Courier New',
};

export interface DeckFont {
  /** The typeface the runs name. */
  typeface: string;
  /** True when the typeface is a metric twin's Microsoft name: viewers set it with the widths the layout measured. */
  twin: boolean;
}

/** The typeface a deck names for a family: a metric twin's Microsoft name, else the font's own family name (name ID 1). */
export function deckFont(family: FontFamily, fonts: FontRegistry): DeckFont {
  const own = fonts.isBrand(family) ? fonts.face({ family, weight: 'regular', italic: false }).source.familyName : BUILT_IN_NAMES[family] ?? family;
  const twin = METRIC_TWINS[family === 'slides' ? 'arimo' : own.toLowerCase()];
  return twin ? { typeface: twin, twin: true } : { typeface: own, twin: false };
}

/** The typeface a deck names for a family. */
export function officeFontName(family: FontFamily, fonts: FontRegistry): string {
  return deckFont(family, fonts).typeface;
}

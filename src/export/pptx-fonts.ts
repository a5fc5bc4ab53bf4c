// A font family in, the family name a PPTX declares out: viewers substitute metric-compatible faces (Arial ↔ Arimo).
import type { FontFamily } from '../layout/fonts.js';

const OFFICE_NAMES: Record<FontFamily, string> = {
  serif: 'PT Serif',
  sans: 'PT Sans',
  // Measured with Arimo, written as Arial: every viewer has Arial or its metric twin (Arimo, Liberation Sans).
  slides: 'Arial',
};

export function officeFontName(family: FontFamily): string {
  return OFFICE_NAMES[family];
}

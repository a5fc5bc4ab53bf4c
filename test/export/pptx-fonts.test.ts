// Tests src/export/pptx-fonts.ts: each font family maps to the typeface a PPTX declares; metric twins declare the Microsoft name.
import { describe, expect, it } from 'vitest';
import { deckFont, officeFontName } from '../../src/export/pptx-fonts.js';
import { FONT_FAMILIES, FontRegistry, fontRegistryFor } from '../../src/layout/fonts.js';
import { LORA } from '../support/brand-theme.js';

const fonts = fontRegistryFor(undefined);

describe('officeFontName', () => {
  it('writes the slides family as Arial, whose metric twin Arimo measured it', () => {
    expect(officeFontName('slides', fonts)).toBe('Arial');
    expect(deckFont('slides', fonts).twin).toBe(true);
  });

  it('writes the briefing families under their own names, as fonts without a twin', () => {
    expect(officeFontName('serif', fonts)).toBe('PT Serif');
    expect(officeFontName('sans', fonts)).toBe('PT Sans');
    expect(deckFont('serif', fonts).twin).toBe(false);
  });

  it('names every family, each differently', () => {
    const names = FONT_FAMILIES.map((family) => officeFontName(family, fonts));
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z ]+$/);
    expect(new Set(names).size).toBe(FONT_FAMILIES.length);
  });

  it("names a theme's face by its font's own family name (name ID 1), whatever the theme calls it", () => {
    const brand = new FontRegistry({ 'Office Serif': { regular: LORA.regular } });
    expect(deckFont('Office Serif', brand)).toEqual({ typeface: 'Lora', twin: false });
  });

  it("declares a theme's metric twin of a Microsoft font (Arimo) as the Microsoft name, needing no embedding", async () => {
    const { createRequire } = await import('node:module');
    const arimo = createRequire(import.meta.url).resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf');
    expect(deckFont('Brand Sans', new FontRegistry({ 'Brand Sans': { regular: arimo } }))).toEqual({ typeface: 'Arial', twin: true });
  });
});

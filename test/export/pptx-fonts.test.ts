// Tests src/export/pptx-fonts.ts: each font family maps to the family name a PPTX declares (slides are written as Arial).
import { describe, expect, it } from 'vitest';
import { officeFontName } from '../../src/export/pptx-fonts.js';
import { FONT_FAMILIES } from '../../src/layout/fonts.js';

describe('officeFontName', () => {
  it('writes the slides family as Arial, whose metric twin Arimo measured it', () => {
    expect(officeFontName('slides')).toBe('Arial');
  });

  it('writes the briefing families under their own names', () => {
    expect(officeFontName('serif')).toBe('PT Serif');
    expect(officeFontName('sans')).toBe('PT Sans');
  });

  it('names every family, each differently', () => {
    const names = FONT_FAMILIES.map(officeFontName);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z ]+$/);
    expect(new Set(names).size).toBe(FONT_FAMILIES.length);
  });
});

// Tests src/layout/fonts.ts: face ids, TTF files for every face, metrics and additive widths, and the registry's one face per spec.
import { LORA } from '../support/brand-theme.js';
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Face, FONT_FAMILIES, FontRegistry, faceId, fontFile, type FaceSpec, type FontWeight } from '../../src/layout/fonts.js';

const WEIGHTS: FontWeight[] = ['regular', 'bold'];
const ALL_SPECS: FaceSpec[] = FONT_FAMILIES.flatMap((family) => WEIGHTS.flatMap((weight) => [false, true].map((italic) => ({ family, weight, italic }))));

const fonts = new FontRegistry();
const serif = fonts.face({ family: 'serif', weight: 'regular', italic: false });

describe('faceId', () => {
  it('joins family and weight, and appends -italic only for italic faces', () => {
    expect(faceId({ family: 'serif', weight: 'regular', italic: false })).toBe('serif-regular');
    expect(faceId({ family: 'serif', weight: 'bold', italic: true })).toBe('serif-bold-italic');
    expect(faceId({ family: 'slides', weight: 'regular', italic: true })).toBe('slides-regular-italic');
    expect(faceId({ family: 'sans', weight: 'bold', italic: false })).toBe('sans-bold');
  });

  it('gives every face of the 3 families × 2 weights × 2 slants its own id', () => {
    expect(ALL_SPECS).toHaveLength(12);
    expect(new Set(ALL_SPECS.map(faceId)).size).toBe(12);
  });
});

describe('fontFile', () => {
  it.each(ALL_SPECS.map((spec) => [faceId(spec), spec] as const))('%s resolves to an existing .ttf file', (_id, spec) => {
    const file = fontFile(spec);
    expect(file).toMatch(/\.ttf$/);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('picks the package of the family and the folder of the weight and slant', () => {
    expect(fontFile({ family: 'serif', weight: 'bold', italic: true })).toMatch(/pt-serif[\\/]700Bold_Italic[\\/]PTSerif_700Bold_Italic\.ttf$/);
    expect(fontFile({ family: 'sans', weight: 'regular', italic: false })).toMatch(/pt-sans[\\/]400Regular[\\/]PTSans_400Regular\.ttf$/);
    expect(fontFile({ family: 'slides', weight: 'regular', italic: true })).toMatch(/arimo[\\/]400Regular_Italic[\\/]Arimo_400Regular_Italic\.ttf$/);
  });
});

describe('Face', () => {
  it.each(ALL_SPECS.map((spec) => [faceId(spec), spec] as const))('%s has a positive ascent and a negative descent, of plausible size', (_id, spec) => {
    const face = fonts.face(spec);
    expect(face.ascent).toBeGreaterThan(0);
    expect(face.descent).toBeLessThan(0);
    expect(face.ascent - face.descent).toBeGreaterThan(0.8);
    expect(face.ascent - face.descent).toBeLessThan(2);
  });

  it('keeps only the face fields of a spec and names itself by its id', () => {
    const spec = { family: 'sans', weight: 'bold', italic: false, sizePt: 12, colour: '#000000' } as FaceSpec;
    const face = new Face(spec, fontFile(spec));
    expect(face.spec).toEqual({ family: 'sans', weight: 'bold', italic: false });
    expect(face.id).toBe('sans-bold');
    expect(face.file).toBe(fontFile(face.spec));
    expect(face.bytes.length).toBe(statSync(face.file).size);
  });

  it('measures nothing as zero width', () => {
    expect(serif.width('', 12)).toBe(0);
  });

  it('adds widths: width(a + b) = width(a) + width(b)', () => {
    const pairs: [string, string][] = [['Lukashenko ', 'regime'], ['AV', 'AV'], ['f', 'i'], ['Віцебск', ' 2023'], ['T', 'o']];
    for (const face of ALL_SPECS.map((spec) => fonts.face(spec))) {
      for (const [a, b] of pairs) expect(face.width(a + b, 10), `${face.id}: ${a}|${b}`).toBeCloseTo(face.width(a, 10) + face.width(b, 10), 9);
    }
  });

  it('ignores kerning: "AV" is as wide as "A" and "V" apart', () => {
    for (const face of ALL_SPECS.map((spec) => fonts.face(spec))) expect(face.width('AV', 1)).toBeCloseTo(face.width('A', 1) + face.width('V', 1), 12);
  });

  it('scales linearly with the size in points', () => {
    const text = 'Consulate General in Rostov-on-Don';
    const one = serif.width(text, 1);
    expect(one).toBeGreaterThan(0);
    expect(serif.width(text, 10)).toBeCloseTo(10 * one, 9);
    expect(serif.width(text, 10.5)).toBeCloseTo(10.5 * one, 9);
    expect(serif.width(text, 24)).toBeCloseTo(2 * serif.width(text, 12), 9);
  });

  it('gives the same width from the cache as on first measure', () => {
    const spec: FaceSpec = { family: 'serif', weight: 'regular', italic: false };
    const face = new Face(spec, fontFile(spec));
    const first = face.width('cache me', 11);
    expect(face.width('cache me', 11)).toBe(first);
    expect(first).toBeCloseTo(serif.width('cache me', 11), 12);
  });

  it('is proportional: "W" is wider than "i", and bold is wider than regular', () => {
    expect(serif.width('W', 10)).toBeGreaterThan(2 * serif.width('i', 10));
    const bold = fonts.face({ family: 'serif', weight: 'bold', italic: false });
    expect(bold.width('administration', 10)).toBeGreaterThan(serif.width('administration', 10));
  });

  it('measures the slides face with the metrics of Arial (Arimo is its metric twin)', () => {
    const slides = fonts.face({ family: 'slides', weight: 'regular', italic: false });
    // Arial's advances on its 2048-unit em: a 1139, space 569, W 1933, i 455.
    expect(slides.width('a', 1)).toBeCloseTo(1139 / 2048, 6);
    expect(slides.width(' ', 1)).toBeCloseTo(569 / 2048, 6);
    expect(slides.width('W', 1)).toBeCloseTo(1933 / 2048, 6);
    expect(slides.width('i', 1)).toBeCloseTo(455 / 2048, 6);
  });

  it.each(FONT_FAMILIES)('%s has the Cyrillic letters of Belarusian, Ukrainian and Russian', (family) => {
    for (const spec of ALL_SPECS.filter((s) => s.family === family)) {
      const face = fonts.face(spec);
      for (const ch of 'АБВГДЕЁЖЗИЙКЛМНОПРСТУЎФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуўфхцчшщъыьэюяІіЇїЄєҐґ') {
        expect(face.hasGlyph(ch.codePointAt(0)!), `${face.id} ${ch}`).toBe(true);
      }
    }
  });

  it('has no emoji, and measures one as a single missing glyph (not one per UTF-16 unit)', () => {
    const emoji = 0x1f600;
    for (const face of ALL_SPECS.map((spec) => fonts.face(spec))) {
      expect(face.hasGlyph(emoji), face.id).toBe(false);
      const notdef = face.font.getGlyph(0).advanceWidth / face.font.unitsPerEm;
      expect(face.width('😀', 1)).toBeCloseTo(notdef, 12);
      expect(face.width('a😀b', 1)).toBeCloseTo(face.width('a', 1) + notdef + face.width('b', 1), 12);
    }
  });
});

describe('FontRegistry', () => {
  it('hands back the same face object for equal specs, whatever else the style carries', () => {
    const registry = new FontRegistry();
    const a = registry.face({ family: 'serif', weight: 'regular', italic: false });
    const b = registry.face({ family: 'serif', weight: 'regular', italic: false, sizePt: 30, colour: '#ff0000' } as FaceSpec);
    expect(b).toBe(a);
  });

  it('hands back different faces for a different weight, slant or family', () => {
    const registry = new FontRegistry();
    const regular = registry.face({ family: 'serif', weight: 'regular', italic: false });
    const bold = registry.face({ family: 'serif', weight: 'bold', italic: false });
    const italic = registry.face({ family: 'serif', weight: 'regular', italic: true });
    const sans = registry.face({ family: 'sans', weight: 'regular', italic: false });
    expect(new Set([regular, bold, italic, sans]).size).toBe(4);
    expect([regular.id, bold.id, italic.id, sans.id]).toEqual(['serif-regular', 'serif-bold', 'serif-regular-italic', 'sans-regular']);
  });

  it('lists the faces used, each once, in the order first asked for', () => {
    const registry = new FontRegistry();
    expect(registry.used()).toEqual([]);
    const bold = registry.face({ family: 'sans', weight: 'bold', italic: false });
    const slides = registry.face({ family: 'slides', weight: 'regular', italic: true });
    registry.face({ family: 'sans', weight: 'bold', italic: false });
    const used = registry.used();
    expect(used).toHaveLength(2);
    expect(used[0]).toBe(bold);
    expect(used[1]).toBe(slides);
  });

  it('parses a file once for every registry, while each registry lists only the faces it was asked for', () => {
    const spec: FaceSpec = { family: 'sans', weight: 'regular', italic: false };
    const [a, b] = [new FontRegistry(), new FontRegistry()];
    expect(a.face(spec)).toBe(b.face(spec));
    a.face({ family: 'serif', weight: 'bold', italic: false });
    expect(a.used().map((face) => face.id)).toEqual(['sans-regular', 'serif-bold']);
    expect(b.used().map((face) => face.id)).toEqual(['sans-regular']);
  });

  it("sets a style a theme family lacks in the face it falls back to, never a faked one", () => {
    const brand = new FontRegistry({ Lora: { regular: LORA.regular, italic: LORA.italic } });
    expect(brand.face({ family: 'Lora', weight: 'bold', italic: false }).spec).toEqual({ family: 'Lora', weight: 'regular', italic: false });
    expect(brand.face({ family: 'Lora', weight: 'bold', italic: true }).spec).toEqual({ family: 'Lora', weight: 'regular', italic: true });
    expect(brand.face({ family: 'Lora', weight: 'regular', italic: true }).file).toBe(LORA.italic);
    expect(brand.styles('Lora')).toEqual(['regular', 'italic']);
    // Lora is not Arimo: its words measure otherwise than the slides family's.
    expect(brand.face({ family: 'Lora', weight: 'regular', italic: false }).width('Occupied territories', 10)).not.toBeCloseTo(brand.face({ family: 'slides', weight: 'regular', italic: false }).width('Occupied territories', 10), 0);
  });
});

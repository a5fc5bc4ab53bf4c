// Tests src/export/pdf-fonts.ts: pdfFont sets one glyph per code point at its advance (no kerning, no ligatures), each with its own code points.
import { describe, expect, it } from 'vitest';
import { PDF_FEATURES, pdfFont } from '../../src/export/pdf-fonts.js';
import { FontRegistry } from '../../src/layout/fonts.js';

const fonts = new FontRegistry();
const serif = fonts.face({ family: 'serif', weight: 'regular', italic: false });
const slides = fonts.face({ family: 'slides', weight: 'regular', italic: false });
const advance = (face: typeof serif, ch: string) => face.font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;

describe('pdfFont(face).layout', () => {
  it('gives one glyph per code point, each the glyph of that code point', () => {
    const text = 'Vitebsk, Віцебск';
    const run = pdfFont(serif).layout(text);
    const codePoints = [...text].map((ch) => ch.codePointAt(0)!);
    expect(run.glyphs).toHaveLength(codePoints.length);
    expect(run.positions).toHaveLength(codePoints.length);
    run.glyphs.forEach((glyph, i) => expect(glyph.id).toBe(serif.font.glyphForCodePoint(codePoints[i]!).id));
  });

  it('places glyphs by their advances alone, with no kerning: "AV" advances as A plus V', () => {
    for (const face of [serif, slides]) {
      const run = pdfFont(face).layout('AV');
      expect(run.positions.map((p) => p.xAdvance)).toEqual([advance(face, 'A'), advance(face, 'V')]);
      expect(run.advanceWidth).toBe(advance(face, 'A') + advance(face, 'V'));
      for (const p of run.positions) expect([p.yAdvance, p.xOffset, p.yOffset]).toEqual([0, 0, 0]);
    }
  });

  it('advances exactly as wide as the layout measured the text', () => {
    const text = 'Consulate General of the Republic of Belarus in Rostov-on-Don';
    const run = pdfFont(serif).layout(text);
    expect(run.advanceWidth / serif.font.unitsPerEm).toBeCloseTo(serif.width(text, 1), 9);
  });

  it('sets no ligatures: "fi" stays two glyphs', () => {
    const run = pdfFont(serif).layout('office');
    expect(run.glyphs).toHaveLength(6);
    expect(run.glyphs.map((g) => g.codePoints)).toEqual([...'office'].map((ch) => [ch.codePointAt(0)]));
  });

  it('gives each glyph its own code points, even when the same glyph id is drawn twice', () => {
    const run = pdfFont(serif).layout('AA');
    const [first, second] = run.glyphs;
    expect(first!.id).toBe(second!.id);
    expect(first).not.toBe(second);
    expect(first!.codePoints).toEqual([65]);
    expect(second!.codePoints).toEqual([65]);
  });

  it('keeps a code point outside the BMP whole, as one glyph with that code point', () => {
    const run = pdfFont(serif).layout('a😀b');
    expect(run.glyphs.map((g) => g.codePoints)).toEqual([[0x61], [0x1f600], [0x62]]);
  });

  it('is empty for empty text', () => {
    const run = pdfFont(serif).layout('');
    expect(run.glyphs).toEqual([]);
    expect(run.positions).toEqual([]);
    expect(run.advanceWidth).toBe(0);
  });
});

describe('pdfFont', () => {
  it('gives the same proxy for the same face, and another for another face', () => {
    expect(pdfFont(serif)).toBe(pdfFont(serif));
    expect(pdfFont(slides)).not.toBe(pdfFont(serif));
    const other = new FontRegistry().face({ family: 'serif', weight: 'regular', italic: false });
    expect(pdfFont(other)).not.toBe(pdfFont(serif));
  });

  it('passes every other property through to the parsed font', () => {
    const font = pdfFont(serif);
    expect(font.unitsPerEm).toBe(serif.font.unitsPerEm);
    expect(font.unitsPerEm).toBeGreaterThan(0);
    expect(font.postscriptName).toBe(serif.font.postscriptName);
    expect(font.ascent).toBe(serif.font.ascent);
    expect(font.numGlyphs).toBe(serif.font.numGlyphs);
  });

  it('leaves the face’s own font shaping as before', () => {
    expect(serif.font.layout).not.toBe(pdfFont(serif).layout);
    expect(typeof serif.font.layout).toBe('function');
  });

  it('turns kerning and ligatures off for drawing', () => {
    expect(PDF_FEATURES).toEqual({ kern: false, liga: false });
  });
});

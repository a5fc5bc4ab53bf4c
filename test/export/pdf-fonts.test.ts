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

  it('gives each code point a glyph of its own, made once, even where two code points share a glyph id', () => {
    const run = pdfFont(serif).layout('AA');
    expect(run.glyphs[0]).toBe(run.glyphs[1]);
    expect(run.glyphs[0]!.codePoints).toEqual([65]);
    // The micro sign and the Greek mu are one glyph in PT Serif: each keeps its own code point.
    const pairs: [number, number][] = [[0xb5, 0x3bc]];
    const shared = pairs.find(([a, b]) => serif.font.glyphForCodePoint(a).id === serif.font.glyphForCodePoint(b).id);
    expect(shared, 'a pair of code points sharing a glyph').toBeDefined();
    const [a, b] = shared!;
    const both = pdfFont(serif).layout(String.fromCodePoint(a, b)).glyphs;
    expect(both[0]!.id).toBe(both[1]!.id);
    expect(both.map((g) => g.codePoints)).toEqual([[a], [b]]);
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
    // Registries share the parsed faces, and so their proxies.
    const again = new FontRegistry().face({ family: 'serif', weight: 'regular', italic: false });
    expect(pdfFont(again)).toBe(pdfFont(serif));
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

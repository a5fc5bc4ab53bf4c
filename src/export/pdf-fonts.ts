// Faces from the layout's font registry in, fonts for pdfkit out: glyphs set by their advances, exactly as layout measured.
import type * as fontkit from 'fontkit';
import type { Face } from '../layout/fonts.js';
import { withFastSubsets } from './pdf-subset.js';

/** OpenType features for drawing: none, so that what is drawn is the sum of advances the layout measured. */
export const PDF_FEATURES: Record<string, boolean> = { kern: false, liga: false };

const unshapedFonts = new WeakMap<Face, fontkit.Font>();

/**
 * The face's parsed font for pdfkit, made once for every document, whose `layout` sets glyphs by their advances (pdfkit
 * would otherwise shape every string with the OpenType tables, at real cost).
 */
export function pdfFont(face: Face): fontkit.Font {
  let unshaped = unshapedFonts.get(face);
  if (!unshaped) {
    const font = face.font;
    // fontkit shares one glyph object per id, carrying the code points of whichever call made it first (none, for a
    // component of a composite glyph); each code point gets a glyph of its own, made once, so every PDF writes a right
    // ToUnicode map.
    const byCodePoint = new Map<number, fontkit.Glyph>();
    const glyphFor = (codePoint: number): fontkit.Glyph => {
      let glyph = byCodePoint.get(codePoint);
      if (!glyph) byCodePoint.set(codePoint, (glyph = Object.create(font.glyphForCodePoint(codePoint), { codePoints: { value: [codePoint] } }) as fontkit.Glyph));
      return glyph;
    };
    const layout = (text: string) => {
      const glyphs = [];
      for (const ch of text) glyphs.push(glyphFor(ch.codePointAt(0)!));
      const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
      return { glyphs, positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) };
    };
    const fast = withFastSubsets(font);
    unshaped = new Proxy(fast, { get: (target, property) => (property === 'layout' ? layout : Reflect.get(target, property)) });
    unshapedFonts.set(face, unshaped);
  }
  return unshaped;
}

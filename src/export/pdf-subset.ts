// A fontkit font in, the same font whose subsets (the fonts embedded in a PDF) copy simple glyphs without decoding their outlines.
import type * as fontkit from 'fontkit';
import { Memo } from '../layout/memo.js';

/** The parts of fontkit's TrueType subset (TTFSubset) that adding a glyph touches; fontkit does not export the class. */
interface TrueTypeSubset {
  font: TrueTypeFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph: (gid: number) => number;
  glyphs: number[];
  encode: () => Uint8Array;
}

/**
 * Subsets made before, by font and glyph list (the glyphs in the order the document first used them): a warm rebuild
 * of an unchanged text, or a second document with the first's glyphs, embeds them without encoding the font again.
 * Encoding appends a composite glyph's components to the list; that list is remembered with the bytes.
 */
const encodedSubsets = new WeakMap<object, Memo<{ bytes: Uint8Array; glyphs: number[] }>>();

interface TrueTypeFont {
  getGlyph: (gid: number) => fontkit.Glyph & { _getMetrics: () => { leftBearing: number } };
  loca?: { offsets: number[] };
  _getTableStream: (table: string) => { pos: number; readBuffer: (length: number) => Uint8Array };
  _variationProcessor?: unknown;
}

/**
 * fontkit decodes every glyph's points when it subsets, only to learn whether the glyph is composite (its components are
 * then renumbered); the first int16 of the glyph (numberOfContours, negative for a composite) says that. Simple glyphs are
 * copied as fontkit copies them (the same bytes and metrics); composites and variable fonts keep fontkit's own way.
 */
export function withFastSubsets<T extends object>(font: T): T {
  const createSubset = Reflect.get(font, 'createSubset') as (() => TrueTypeSubset) | undefined;
  if (typeof createSubset !== 'function') return font;
  return new Proxy(font, {
    get: (target, property, receiver) => {
      if (property !== 'createSubset') return Reflect.get(target, property, receiver);
      return function (this: unknown) {
        const subset = createSubset.call(this ?? target);
        const encode = subset.encode;
        let memo = encodedSubsets.get(target);
        if (!memo) encodedSubsets.set(target, (memo = new Memo(8)));
        subset.encode = function (this: TrueTypeSubset): Uint8Array {
          const made = memo!.get(this.glyphs.join(','), () => {
            const bytes = encode.call(this);
            return { bytes, glyphs: [...this.glyphs] };
          });
          this.glyphs = [...made.glyphs];
          return made.bytes;
        };
        const original = subset._addGlyph;
        if (typeof original !== 'function' || !subset.font.loca) return subset;
        subset._addGlyph = function (gid: number): number {
          const ttf = this.font;
          if (ttf._variationProcessor) return original.call(this, gid);
          const offsets = ttf.loca!.offsets;
          const start = offsets[gid]!;
          const stream = ttf._getTableStream('glyf');
          stream.pos += start;
          const buffer = stream.readBuffer(offsets[gid + 1]! - start);
          if (buffer.length >= 2 && (((buffer[0]! << 8) | buffer[1]!) << 16) >> 16 < 0) return original.call(this, gid);
          const glyph = ttf.getGlyph(gid);
          this.glyf.push(buffer);
          this.loca.offsets.push(this.offset);
          this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
          this.offset += buffer.length;
          return this.glyf.length - 1;
        };
        return subset;
      };
    },
  });
}

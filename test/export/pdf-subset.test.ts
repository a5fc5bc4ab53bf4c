// Tests src/export/pdf-subset.ts: the subsets of every built-in face are byte-identical to fontkit's own, without decoding simple glyphs.
import { describe, expect, it, vi } from 'vitest';
import * as fontkit from 'fontkit';
import { FontRegistry, type FontFamily } from '../../src/layout/fonts.js';
import { withFastSubsets } from '../../src/export/pdf-subset.js';

const FAMILIES: FontFamily[] = ['serif', 'sans', 'slides'];
// Latin, Cyrillic of the four languages, and letters many fonts build from components (ё, й, ї, ў, accented Latin).
const TEXT = 'Briefing 2023 — «Лукашэнка» ў Мінску, їжак, ёлка, йод; Škoda, café, naïve, Łódź. ґ Ґ € № ’';

type Subset = { includeGlyph: (id: number) => number; encode: () => Uint8Array };

function subsetBytes(font: fontkit.Font, glyphIds: number[]): Buffer {
  const subset = (font as unknown as { createSubset: () => Subset }).createSubset();
  for (const id of glyphIds) subset.includeGlyph(id);
  return Buffer.from(subset.encode());
}

describe('withFastSubsets', () => {
  const registry = new FontRegistry();
  for (const family of FAMILIES) {
    for (const [weight, italic] of [['regular', false], ['bold', false], ['regular', true]] as const) {
      it(`writes the same subset as fontkit for ${family} ${weight}${italic ? ' italic' : ''}, decoding composite glyphs only`, () => {
        const face = registry.face({ family, weight, italic });
        // Fresh fonts: decoding is counted on their glyphs alone.
        const plain = fontkit.create(face.bytes) as fontkit.Font;
        const fast = fontkit.create(face.bytes) as fontkit.Font;
        const ids = [...TEXT].map((ch) => plain.glyphForCodePoint(ch.codePointAt(0)!).id);
        const wrapped = withFastSubsets(fast);
        let decoded = 0;
        let decodedByFontkit = 0;
        const glyphs = new Set<number>();
        const proto = Object.getPrototypeOf(fast.getGlyph(ids[0]!)) as { _decode: () => { numberOfContours: number } | null };
        const decode = proto._decode;
        proto._decode = function (this: { id: number }) {
          const result = decode.call(this);
          const owner = (this as unknown as { _font: unknown })._font;
          if (owner === fast || owner === wrapped) {
            decoded++;
            glyphs.add(this.id);
          } else if (owner === plain) decodedByFontkit++;
          return result;
        };
        try {
          const expected = subsetBytes(plain, ids);
          const got = subsetBytes(wrapped, ids);
          expect(got.equals(expected)).toBe(true);
          // Only composites were decoded, never every glyph of the text.
          for (const id of glyphs) expect((decode.call(fast.getGlyph(id)) as { numberOfContours: number }).numberOfContours).toBeLessThan(0);
          expect(decoded).toBeLessThan(new Set(ids).size);
          expect(decodedByFontkit).toBeGreaterThanOrEqual(new Set(ids).size);
        } finally {
          proto._decode = decode;
        }
      });
    }
  }

  it('is caught when it copies a composite glyph without renumbering its components', () => {
    const face = registry.face({ family: 'serif', weight: 'regular', italic: false });
    const plain = fontkit.create(face.bytes) as fontkit.Font;
    const composite = [...TEXT].map((ch) => plain.glyphForCodePoint(ch.codePointAt(0)!)).find((g) => (g as unknown as { _decode: () => { numberOfContours: number } | null })._decode()?.numberOfContours! < 0);
    expect(composite, 'the text holds a composite glyph of PT Serif').toBeDefined();
    // A broken variant: every glyph taken as simple (what the check on numberOfContours prevents).
    const broken = fontkit.create(face.bytes) as fontkit.Font;
    const subset = (broken as unknown as { createSubset: () => Subset & { _addGlyph: (gid: number) => number; glyf: Uint8Array[]; loca: { offsets: number[] }; hmtx: { metrics: unknown[] }; offset: number; font: { loca: { offsets: number[] }; _getTableStream: (t: string) => { pos: number; readBuffer: (n: number) => Uint8Array } } } }).createSubset();
    subset._addGlyph = function (gid) {
      const offsets = this.font.loca.offsets;
      const stream = this.font._getTableStream('glyf');
      stream.pos += offsets[gid]!;
      const buffer = stream.readBuffer(offsets[gid + 1]! - offsets[gid]!);
      this.glyf.push(buffer);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: 0, bearing: 0 });
      this.offset += buffer.length;
      return this.glyf.length - 1;
    };
    subset.includeGlyph(composite!.id);
    expect(Buffer.from(subset.encode()).equals(subsetBytes(plain, [composite!.id]))).toBe(false);
  });
});

describe('remembered subsets', () => {
  it('encodes a font for a glyph list once: the same list again gives the same bytes without encoding, another list its own', () => {
    const face = new FontRegistry().face({ family: 'serif', weight: 'regular', italic: false });
    const font = fontkit.create(face.bytes) as fontkit.Font;
    const wrapped = withFastSubsets(font);
    const ids = [...'Лукашэнка ў Мінску, café'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
    const plainBytes = subsetBytes(fontkit.create(face.bytes) as fontkit.Font, ids);
    // fontkit's TrueType subset class (not exported): its encode counted.
    const proto = Object.getPrototypeOf((font as unknown as { createSubset: () => Subset }).createSubset()) as Subset;
    const spy = vi.spyOn(proto, 'encode');
    let encodings = 0;
    const count = () => (encodings = spy.mock.calls.length);
    const first = subsetBytes(wrapped, ids);
    const afterFirst = count();
    const again = subsetBytes(wrapped, ids);
    expect(afterFirst).toBe(1);
    expect(count()).toBe(afterFirst);
    expect(again.equals(first)).toBe(true);
    expect(first.equals(plainBytes)).toBe(true);
    const other = subsetBytes(wrapped, [...ids].reverse());
    expect(count()).toBe(2);
    expect(other.equals(first)).toBe(false);
    spy.mockRestore();
  });
});

// DEFLATE remembered by content: zlib's bytes for a short stream; a long one cut where its bytes say, so what two streams share is deflated once, and every stream inflates to itself.
import { deflateRawSync, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, deflatedBytesSoFar, deflateRaw, deflateZlib, MAX_PIECE_BYTES, MIN_PIECE_BYTES, pieceEnds } from '../../src/export/deflate.js';
import { clearMemos } from '../../src/layout/memo.js';

/** PDF-like drawing operators, different for every seed (a map's outlines, say). */
function operators(count: number, seed: number): Buffer {
  let x = seed * 2654435761 + 1;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const n = x >>> 0;
    lines.push(`${(n % 60000) / 100} ${((n >>> 16) % 40000) / 100} l`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('deflate', () => {
  it('gives zlib’s own bytes for a stream too short to cut, and the same buffer again for the same content', () => {
    clearMemos();
    const text = Buffer.from('0 0 m 10 10 l S\n'.repeat(200));
    const first = deflateZlib(text);
    expect(first.equals(deflateSync(text))).toBe(true);
    expect(deflateZlib(Buffer.from(text))).toBe(first);
    expect(deflateRaw(text).equals(deflateRawSync(text, { level: 6 }))).toBe(true);
    expect(inflateSync(deflateZlib(Buffer.from('1 1 m S\n'))).toString()).toBe('1 1 m S\n');
  });

  // Was a leak: zlib returns a view of a 16 KB buffer, and 4,096 remembered small streams held 64 MB.
  it('keeps what it remembers in buffers of their own size', () => {
    clearMemos();
    const small = deflateZlib(Buffer.from('q 1 0 0 1 0 0 cm Q\n'));
    expect(small.buffer.byteLength).toBe(small.length);
    const pieces = deflateRaw(operators(20_000, 5));
    expect(pieces.buffer.byteLength).toBeLessThan(pieces.length + 1024);
  });

  it('cuts a long stream into pieces of bounded size, at the same places in every process', () => {
    const bytes = operators(40_000, 7);
    const ends = pieceEnds(bytes);
    expect(ends.length).toBeGreaterThan(bytes.length / MAX_PIECE_BYTES);
    expect(ends.at(-1)).toBe(bytes.length);
    ends.forEach((end, i) => {
      const length = end - (i === 0 ? 0 : ends[i - 1]!);
      expect(length).toBeLessThanOrEqual(MAX_PIECE_BYTES);
      expect(length).toBeGreaterThanOrEqual(i === ends.length - 1 ? 1 : MIN_PIECE_BYTES);
    });
    // Most cuts are chosen by content, not forced at the maximum.
    expect(ends.filter((end, i) => end - (i === 0 ? 0 : ends[i - 1]!) === MAX_PIECE_BYTES).length).toBeLessThan(ends.length / 2);
    expect(pieceEnds(Buffer.from(bytes))).toEqual(ends);
  });

  it('inflates to the very bytes for streams of any length, zlib-wrapped (with zlib’s checksum) and raw', () => {
    clearMemos();
    for (const count of [1, 500, 3_000, 12_345, 60_000]) {
      const bytes = operators(count, count);
      expect(inflateSync(deflateZlib(bytes)).equals(bytes), `zlib, ${bytes.length} bytes`).toBe(true);
      expect(inflateRawSync(deflateRaw(bytes)).equals(bytes), `raw, ${bytes.length} bytes`).toBe(true);
    }
    const long = operators(60_000, 3);
    expect(adler32(long)).toBe(deflateSync(long).readUInt32BE(deflateSync(long).length - 4));
    expect(adler32(new Uint8Array(0))).toBe(1);
  });

  it('deflates only the pieces around an edit when a long stream comes again changed, even when the edit moves what follows', () => {
    clearMemos();
    const map = operators(30_000, 11);
    const page = (title: string) => Buffer.concat([Buffer.from(`BT /F1 12 Tf (${title}) Tj ET\n`), map, Buffer.from(`BT (${title}) Tj ET\n`)]);
    const first = page('Briefing 1');
    const before = deflatedBytesSoFar();
    const firstDeflated = deflateZlib(first);
    expect(deflatedBytesSoFar() - before).toBe(first.length);
    const second = page('Another briefing, with a longer title');
    const mid = deflatedBytesSoFar();
    const secondDeflated = deflateZlib(second);
    const again = deflatedBytesSoFar() - mid;
    expect(inflateSync(secondDeflated).equals(second)).toBe(true);
    expect(again).toBeLessThanOrEqual(2 * MAX_PIECE_BYTES);
    expect(again).toBeLessThan(second.length / 2);
    // The price of the cuts: a few per cent over one deflate of the whole.
    expect(firstDeflated.length).toBeLessThan(deflateSync(first).length * 1.08);
  });
});

// Bytes in, DEFLATE out (raw for a zip entry, zlib-wrapped for a PDF stream), remembered by content: a stream is cut at
// points its own bytes choose, so the runs two documents share (a map's outlines, a slide's shapes, what an edit left
// alone) are deflated once per process however far they have moved. A stream too short to cut is zlib's own bytes.
import { createHash } from 'node:crypto';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { Memo } from '../layout/memo.js';

/** No cut nearer than this to the last (a piece deflated alone loses the matches it could have found before it). */
export const MIN_PIECE_BYTES = 8 * 1024;
/** A piece is cut here at the latest. */
export const MAX_PIECE_BYTES = 64 * 1024;
/** A cut where the rolling hash's top 14 bits are zero: one place in 16 KB, on average, past the minimum. */
const CUT_SHIFT = 32 - 14;
const LEVEL = 6;

/** A fixed random number per byte value (xorshift32 from a fixed seed): the cuts are the same in every process. */
const GEAR = (() => {
  const table = new Uint32Array(256);
  let x = 0x9e3779b9;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x >>> 0;
  }
  return table;
})();

const MAX_REMEMBERED_BYTES = 12 * 1024 * 1024;
const pieces = new Memo<Buffer>(4096, { weigh: (bytes) => bytes.buffer.byteLength, maxWeight: MAX_REMEMBERED_BYTES });
let deflatedBytes = 0;

/** How many input bytes were deflated (not found remembered) since the process started: what the tests count. */
export function deflatedBytesSoFar(): number {
  return deflatedBytes;
}

/**
 * Where the bytes are cut: after a byte where a Gear hash of the 32 bytes up to it has its top bits zero (content-defined
 * chunking, as backup tools do), at least MIN_PIECE_BYTES apart and at most MAX_PIECE_BYTES. The ends of the pieces.
 */
export function pieceEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let start = 0;
  let hash = 0;
  for (let i = 0; i < bytes.length; i++) {
    hash = ((hash << 1) + GEAR[bytes[i]!]!) >>> 0;
    const length = i + 1 - start;
    if (length >= MAX_PIECE_BYTES || (length >= MIN_PIECE_BYTES && hash >>> CUT_SHIFT === 0 && bytes.length - (i + 1) >= MIN_PIECE_BYTES)) {
      ends.push(i + 1);
      start = i + 1;
      hash = 0;
    }
  }
  if (start < bytes.length || ends.length === 0) ends.push(bytes.length);
  return ends;
}

/**
 * zlib's result in a buffer of its own size: zlib hands back a view of a 16 KB buffer or more, which a remembered
 * 300-byte piece would keep alive (4,096 of them: 64 MB).
 */
function ownSize(bytes: Buffer): Buffer {
  if (bytes.buffer.byteLength <= bytes.length + 1024) return bytes;
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  return copy;
}

const digest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64');

/** One piece, alone: ended by a sync flush (byte-aligned, not final) so the next piece's blocks can follow it. */
function deflatePiece(piece: Uint8Array, last: boolean): Buffer {
  return pieces.get(`${last ? 'end' : 'cut'} ${digest(piece)}`, () => {
    deflatedBytes += piece.length;
    return ownSize(deflateRawSync(piece, { level: LEVEL, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
  });
}

/** Raw DEFLATE (as a zip entry holds it) of the bytes, piece by piece. */
export function deflateRaw(bytes: Uint8Array): Buffer {
  const ends = pieceEnds(bytes);
  const parts = ends.map((end, i) => deflatePiece(bytes.subarray(i === 0 ? 0 : ends[i - 1]!, end), i === ends.length - 1));
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** zlib-wrapped DEFLATE (a PDF's FlateDecode stream): zlib's own bytes when the stream is one piece. */
export function deflateZlib(bytes: Uint8Array): Buffer {
  const ends = pieceEnds(bytes);
  if (ends.length === 1) {
    return pieces.get(`zlib ${digest(bytes)}`, () => {
      deflatedBytes += bytes.length;
      return ownSize(deflateSync(bytes, { level: LEVEL }));
    });
  }
  const body = deflateRaw(bytes);
  const out = Buffer.allocUnsafe(2 + body.length + 4);
  // CMF 0x78: deflate with a 32 KB window; FLG 0x9c: the default level, and the header's check bits.
  out[0] = 0x78;
  out[1] = 0x9c;
  body.copy(out, 2);
  out.writeUInt32BE(adler32(bytes), 2 + body.length);
  return out;
}

/** The Adler-32 checksum zlib ends a stream with (RFC 1950). */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5,552 bytes is the most that can be summed before b could pass 2^32 (zlib's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(start + 5552, bytes.length);
    for (let i = start; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

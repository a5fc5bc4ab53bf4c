// Pictures made in memory for tests: a PNG of given size and colours (two bands), written with node:zlib.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG `width`×`height`: the left 30 % in `left`, the rest in `right` (hex colours). */
export function bandedPng(width: number, height: number, left = '#1f4e79', right = '#f2c14e'): Buffer {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(left), rgb(right)];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(x < width * 0.3 ? a! : b!, 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A JPEG of the same two bands, stored `width`×`height`, with an EXIF orientation (1–8) that says how to turn it: a
 * viewer that honours it shows the left band at the top for 6 (a quarter turn clockwise).
 */
export async function bandedJpeg(width: number, height: number, orientation: number, left = '#1f4e79', right = '#f2c14e'): Promise<Buffer> {
  const { default: jpeg } = await import('jpeg-js');
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(left), rgb(right)];
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([...(x < width * 0.3 ? a! : b!), 255], (y * width + x) * 4);
  const encoded = Buffer.from(jpeg.encode({ data, width, height }, 90).data);
  // An Exif APP1 segment (big-endian TIFF, one IFD entry: Orientation) right after the start-of-image marker.
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
  return Buffer.concat([encoded.subarray(0, 2), app1, encoded.subarray(2)]);
}

/** A photograph-like JPEG of `width`×`height`: the same pseudo-random noise every time, which compresses as badly as a photo. */
export async function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const words = new Uint32Array(Math.ceil((width * height * 3) / 4));
  let state = 0x2545f491;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    words[i] = state >>> 0;
  }
  const raw = Buffer.from(words.buffer, 0, width * height * 3);
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** An RGBA PNG of `width`×`height`, half transparent red. */
export async function translucentPng(width: number, height: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toBuffer();
}

/** A small SVG chart: a gradient panel, three yellow bars and a label in text (`label`). */
export function chartSvg(label = 'Trade, 2023'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">
<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#1f4e79"/><stop offset="1" stop-color="#9cc3e6"/></linearGradient></defs>
<rect x="5" y="5" width="390" height="190" rx="20" fill="url(#g)"/>
<rect x="40" y="120" width="40" height="50" fill="#f2c14e"/><rect x="100" y="80" width="40" height="90" fill="#f2c14e"/><rect x="160" y="40" width="40" height="130" fill="#f2c14e"/>
<text x="230" y="110" font-family="Helvetica, sans-serif" font-size="28" font-weight="bold" fill="#fff">${label}</text>
</svg>`;
}

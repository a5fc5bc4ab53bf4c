// An image file named by a field (a theme's logo, an article's picture) in, its bytes, format and size out; anything else is an error naming the field and file.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { imageSize } from 'image-size';
import { BriefkitError } from '../diagnostics.js';
import { svgProblem } from './svg.js';

export interface ImageSource {
  /** Content hash: the same picture used twice is embedded once. */
  id: string;
  bytes: Buffer;
  /** An SVG is drawn as vectors in the PDFs and as itself (with a PNG fallback) in the deck. */
  format: 'png' | 'jpeg' | 'svg';
  /** Size as it is shown (a JPEG's EXIF orientation applied), pixels; an SVG's in CSS pixels, for its proportions. */
  widthPx: number;
  heightPx: number;
  /** EXIF orientation (1–8; 1 is upright): how the stored pixels are to be turned and mirrored to be shown upright. */
  orientation: number;
  /** Where it was named, for an error found only when it is decoded (downscaling a damaged photograph). */
  origin?: { file: string; field: string; owner: string };
}

const FORMATS: Record<string, ImageSource['format']> = { png: 'png', jpg: 'jpeg', svg: 'svg' };

/** Images are read once per file and change: a batch or a watch reuses them. */
const cache = new Map<string, ImageSource>();

/**
 * Reads and checks an image: it must exist, be a file, hold bytes, and be a PNG or JPEG whose size can be read, or an
 * SVG that is well-formed, has a size (width and height, or a viewBox) and draws only itself (no script, no other file).
 * `field` and `owner` say where it was named ("logo" in office/theme.yaml), for the error.
 */
export function loadImage(file: string, field: string, owner: string): ImageSource {
  const fail = (message: string): never => {
    throw new BriefkitError([{ severity: 'error', file: owner, path: field, rule: 'image', message: `${file}: ${message}` }]);
  };
  let stamp: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) fail('is not a file');
    if (stat.size === 0) fail('is empty (0 bytes)');
    stamp = `${file}@${stat.mtimeMs}@${stat.size}`;
  } catch (error) {
    if (error instanceof BriefkitError) throw error;
    return fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const cached = cache.get(stamp);
  if (cached) return cached;
  const bytes = readFileSync(file);
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return fail(looksLikeSvg(bytes) ? svgProblemOf(bytes) ?? 'has no size (give its <svg> a viewBox, or a width and a height)' : 'is not an image briefkit can read (PNG, JPEG or SVG expected)');
  }
  const format = FORMATS[size.type ?? ''];
  if (!format) return fail(`is ${size.type ? `a ${size.type.toUpperCase()} image` : 'not an image'}; PNG, JPEG or SVG expected`);
  if (format === 'svg') {
    const problem = svgProblemOf(bytes);
    if (problem) return fail(problem);
  }
  if (!size.width || !size.height) return fail(format === 'svg' ? 'has no size (give its <svg> a viewBox, or a width and a height)' : 'has no width or height');
  // EXIF orientations 5–8 turn the picture a quarter: it shows with width and height swapped.
  const orientation = size.orientation !== undefined && size.orientation >= 1 && size.orientation <= 8 ? size.orientation : 1;
  const turned = orientation >= 5;
  const image: ImageSource = {
    id: createHash('sha256').update(bytes).digest('hex').slice(0, 16), bytes, format,
    widthPx: turned ? size.height : size.width, heightPx: turned ? size.width : size.height, orientation,
    origin: { file, field, owner },
  };
  cache.set(stamp, image);
  return image;
}

const looksLikeSvg = (bytes: Buffer) => /<svg[\s>]/.test(bytes.subarray(0, 4096).toString('utf8'));

function svgProblemOf(bytes: Buffer): string | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) return 'is not UTF-8 text (save the SVG as UTF-8)';
  return svgProblem(text);
}

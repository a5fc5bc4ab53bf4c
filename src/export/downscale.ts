// A raster picture and the largest size it is placed at in, the picture at no more than 300 dpi of that size out (sharp, loaded only when a picture needs it).
import { createHash } from 'node:crypto';
import type { ImageSource } from '../load/image.js';
import { BriefkitError } from '../diagnostics.js';
import { lazyRequire } from '../load/lazy-require.js';

/** Print resolution: pixels per inch at the placed size beyond which a picture is downscaled. */
export const MAX_DPI = 300;
/** JPEG quality of a downscaled photograph: no visible loss at print size. */
const JPEG_QUALITY = 90;

/** The pixel size that `MAX_DPI` gives a box of `widthPt` × `heightPt` points. */
export function pixelsAtMaxDpi(widthPt: number, heightPt: number): { widthPx: number; heightPx: number } {
  return { widthPx: Math.ceil((widthPt / 72) * MAX_DPI), heightPx: Math.ceil((heightPt / 72) * MAX_DPI) };
}

/** Whether the picture has more pixels than `MAX_DPI` needs at its largest placed size (an SVG never). */
export function exceedsMaxDpi(image: ImageSource, widthPt: number, heightPt: number): boolean {
  if (image.format === 'svg') return false;
  const needed = pixelsAtMaxDpi(widthPt, heightPt);
  return image.widthPx > needed.widthPx && image.heightPx > needed.heightPx;
}

/** Downscaled pictures, by picture id and size: a batch or the four documents of one build downscale each once. */
const downscaled = new Map<string, Promise<ImageSource>>();

/**
 * The picture as it is embedded for a largest placement of `widthPt` × `heightPt`: itself when it is upright and has no
 * more pixels than 300 dpi need, else resized (or only turned) to those (turned upright by its EXIF orientation, which the copy then no longer
 * needs), a JPEG as a JPEG, a PNG as a PNG with its transparency.
 */
export function atMaxDpi(image: ImageSource, widthPt: number, heightPt: number): Promise<ImageSource> {
  const tooLarge = exceedsMaxDpi(image, widthPt, heightPt);
  // A turned photograph is turned once, here: its copy is upright with no EXIF orientation, so no viewer turns it twice.
  if (!tooLarge && image.orientation === 1) return Promise.resolve(image);
  const { widthPx, heightPx } = tooLarge ? pixelsAtMaxDpi(widthPt, heightPt) : image;
  const key = `${image.id}@${widthPx}x${heightPx}`;
  let done = downscaled.get(key);
  if (!done) downscaled.set(key, (done = resize(image, widthPx, heightPx)));
  return done;
}

async function resize(image: ImageSource, widthPx: number, heightPx: number): Promise<ImageSource> {
  try {
    return await resized(image, widthPx, heightPx);
  } catch (error) {
    if (error instanceof BriefkitError) throw error;
    const where = image.origin;
    throw new BriefkitError([{
      severity: 'error', rule: 'image', ...(where ? { file: where.owner, path: where.field } : {}),
      message: `${where?.file ?? 'a picture'}: is damaged and cannot be decoded (${String((error as Error).message).split('\n')[0]}); save it again as PNG or JPEG`,
    }]);
  }
}

async function resized(image: ImageSource, widthPx: number, heightPx: number): Promise<ImageSource> {
  const sharp = lazyRequire<typeof import('sharp').default>('sharp');
  const resized = sharp(image.bytes, { failOn: 'truncated' }).rotate().resize({ width: widthPx, height: heightPx, fit: 'inside', kernel: 'lanczos3' });
  const encoded = image.format === 'jpeg'
    ? resized.jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:2:0' })
    : resized.png({ compressionLevel: 9, adaptiveFiltering: true, palette: (await sharp(image.bytes).metadata()).isPalette ?? false });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return {
    id: createHash('sha256').update(data).digest('hex').slice(0, 16), bytes: data, format: image.format,
    widthPx: info.width, heightPx: info.height, orientation: 1,
  };
}

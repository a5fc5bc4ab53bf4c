// A logo picture + the box it may take in, the image item at the picture's proportions out (fitted, never stretched).
import type { ImageSource } from '../load/image.js';
import type { ImageItem, Tag } from './frame.js';

/** The logo `heightPt` tall (narrower boxes make it smaller), its top left at (x, y), or its right edge at x with `alignRight`. */
export function logoItem(image: ImageSource, box: { x: number; y: number; heightPt: number; maxWidthPt: number; alignRight?: boolean }, tag: Tag, onMaster = false): ImageItem {
  const aspect = image.widthPx / image.heightPx;
  const h = Math.min(box.heightPt, box.maxWidthPt / aspect);
  const w = h * aspect;
  return { kind: 'image', x: box.alignRight ? box.x - w : box.x, y: box.y, w, h, image, alt: 'Logo', tag, ...(onMaster ? { onMaster } : {}) };
}

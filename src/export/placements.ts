// Frames in, each picture's largest placed size in them out (points, a scaled group's scale applied): what its pixels must cover.
import type { ImageSource } from '../load/image.js';
import type { Frame, FrameItem } from '../layout/frame.js';
import { assertNever } from '../parse/doc.js';

export interface Placement {
  image: ImageSource;
  widthPt: number;
  heightPt: number;
}

/** Picture id → the largest box it is drawn into, over every frame (a picture used twice counts once, at its larger size). */
export function largestPlacements(frames: readonly Frame[]): Map<string, Placement> {
  const out = new Map<string, Placement>();
  const visit = (item: FrameItem, scale: number): void => {
    switch (item.kind) {
      case 'image': {
        const seen = out.get(item.image.id);
        const widthPt = item.w * scale;
        const heightPt = item.h * scale;
        if (!seen || widthPt * heightPt > seen.widthPt * seen.heightPt) out.set(item.image.id, { image: item.image, widthPt, heightPt });
        break;
      }
      case 'group':
        for (const child of item.items) visit(child, scale * item.scale);
        break;
      case 'text': case 'rect': case 'rule': case 'table': case 'ellipse': case 'path':
        break;
      default:
        assertNever(item);
    }
  };
  for (const frame of frames) for (const item of frame.items) visit(item, 1);
  return out;
}

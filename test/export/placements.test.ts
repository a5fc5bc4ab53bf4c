// Each picture's largest placed size over the frames: scaled groups (handout pages) count at their scale, a picture used twice once.
import { describe, expect, it } from 'vitest';
import { largestPlacements } from '../../src/export/placements.js';
import { INSIDE_GROUP, type Frame, type ImageItem } from '../../src/layout/frame.js';
import type { ImageSource } from '../../src/load/image.js';

const picture = (id: string): ImageSource => ({ id, bytes: Buffer.alloc(1), format: 'jpeg', widthPx: 3000, heightPx: 2000, orientation: 1 });
const placed = (image: ImageSource, w: number, h: number): ImageItem => ({ kind: 'image', x: 10, y: 10, w, h, image, alt: '', tag: INSIDE_GROUP });
const frame = (items: Frame['items']): Frame => ({ kind: 'page', width: 595, height: 842, items });

describe('largestPlacements', () => {
  it('takes the larger of two uses, and a picture inside a scaled group at its scale', () => {
    const a = picture('a');
    const b = picture('b');
    const frames = [
      frame([placed(a, 300, 200), { kind: 'group', x: 0, y: 0, scale: 0.5, w: 960, h: 540, tag: INSIDE_GROUP, items: [{ kind: 'group', x: 0, y: 0, scale: 1, w: 900, h: 500, tag: INSIDE_GROUP, items: [placed(b, 800, 400)] }] }]),
      frame([placed(a, 450, 300)]),
    ];
    const out = largestPlacements(frames);
    expect([...out.keys()]).toEqual(['a', 'b']);
    expect(out.get('a')).toMatchObject({ widthPt: 450, heightPt: 300 });
    expect(out.get('b')).toMatchObject({ widthPt: 400, heightPt: 200 });
  });
});

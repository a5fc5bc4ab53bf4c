// The logo item: the picture's proportions kept, fitted to the height and width it may take, aligned left or right.
import { describe, expect, it } from 'vitest';
import { logoItem } from '../../src/layout/logo.js';
import type { ImageSource } from '../../src/load/image.js';

const wide: ImageSource = { id: 'w', bytes: Buffer.alloc(0), format: 'png', widthPx: 600, heightPx: 200, orientation: 1 };

describe('logoItem', () => {
  it('is as tall as asked, as wide as its proportions say, at its top left corner', () => {
    expect(logoItem(wide, { x: 10, y: 20, heightPt: 30, maxWidthPt: 500 }, { artifact: 'Layout' })).toMatchObject({ kind: 'image', x: 10, y: 20, w: 90, h: 30, alt: 'Logo' });
  });

  it('gets smaller, never stretched, when the width would be too much', () => {
    const item = logoItem(wide, { x: 0, y: 0, heightPt: 30, maxWidthPt: 60 }, { artifact: 'Layout' });
    expect([item.w, item.h]).toEqual([60, 20]);
  });

  it('ends at x when aligned right, and marks itself for the slide master when asked', () => {
    const item = logoItem(wide, { x: 900, y: 0, heightPt: 18, maxWidthPt: 120, alignRight: true }, { artifact: 'Pagination' }, true);
    expect(item.x + item.w).toBe(900);
    expect(item.onMaster).toBe(true);
    expect(logoItem(wide, { x: 0, y: 0, heightPt: 18, maxWidthPt: 120 }, { artifact: 'Layout' }).onMaster).toBeUndefined();
  });
});

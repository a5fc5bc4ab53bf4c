// Balanced parts: counts shared out evenly, larger first; cuts that fit, never a lone continuation item when avoidable.
import { describe, expect, it } from 'vitest';
import { balancedPartition, balancedSizes, cutInto, fewestParts } from '../../../src/layout/slides/balance.js';

describe('balancedSizes and fewestParts', () => {
  it('shares items out evenly, the larger parts first (7 → 4 + 3, 13 → 5 + 4 + 4)', () => {
    expect(balancedSizes(7, fewestParts(7, 6))).toEqual([4, 3]);
    expect(balancedSizes(13, fewestParts(13, 6))).toEqual([5, 4, 4]);
    expect(balancedSizes(12, fewestParts(12, 6))).toEqual([6, 6]);
    expect(balancedSizes(6, fewestParts(6, 6))).toEqual([6]);
    expect(fewestParts(0, 6)).toBe(1);
    expect(() => balancedSizes(3, 0)).toThrow(/internal/);
  });

  it('cuts a list into parts of the sizes given', () => {
    expect(cutInto(['a', 'b', 'c', 'd', 'e'], [3, 2])).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });
});

describe('balancedPartition', () => {
  const always = () => true;

  it('is the balanced split when everything fits: 7 → 4 + 3, 13 → 5 + 4 + 4, 23 → 6 + 6 + 6 + 5', () => {
    expect(balancedPartition(7, 6, always)).toEqual([4, 3]);
    expect(balancedPartition(13, 6, always)).toEqual([5, 4, 4]);
    expect(balancedPartition(23, 6, always)).toEqual([6, 6, 6, 5]);
    expect(balancedPartition(1, 6, always)).toEqual([1]);
    expect(balancedPartition(0, 6, always)).toEqual([]);
  });

  it('respects what fits: heights in a box of 10 (the issue\'s 12 + 11 + 1 cannot happen)', () => {
    const heights = [3, 3, 3, 3, 6, 2, 2];
    const fits = (start: number, end: number) => heights.slice(start, end).reduce((a, b) => a + b, 0) <= 10;
    const sizes = balancedPartition(heights.length, 6, fits)!;
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(heights.length);
    let at = 0;
    for (const size of sizes) {
      expect(fits(at, at + size)).toBe(true);
      at += size;
    }
    expect(sizes.slice(1).every((size) => size >= 2)).toBe(true);
  });

  it('makes a lone continuation part only when no cut avoids it, and then as few as it can', () => {
    // Items of 6 in a box of 10: none can share a slide.
    expect(balancedPartition(3, 6, (start, end) => end - start === 1)).toEqual([1, 1, 1]);
    // 2 + 9 + 2 in a box of 10: the tall middle item stands alone, the last one must too.
    const heights = [2, 9, 2];
    expect(balancedPartition(3, 6, (s, e) => heights.slice(s, e).reduce((a, b) => a + b, 0) <= 10)).toEqual([1, 1, 1]);
    // 2 + 2 + 9 + 1 + 1: a cut into [2, 2] [9] [1, 1] has one lone part, better than [2] [2] [9, 1]…
    const more = [2, 2, 9, 1, 1];
    const sizes = balancedPartition(5, 6, (s, e) => more.slice(s, e).reduce((a, b) => a + b, 0) <= 10)!;
    expect(sizes.slice(1).filter((size) => size === 1)).toHaveLength(1);
  });

  it('gives up when an item does not fit even alone', () => {
    expect(balancedPartition(3, 6, (start, end) => !(start <= 1 && end > 1))).toBeUndefined();
  });
});

describe('balancedPartition, when an item must stand alone', () => {
  it('leaves the tallest alone, not a short one its neighbour could have taken', () => {
    // Heights as parts of a slide: 0.83 and 0.08 fill a slide; 0.08 and 0.19 would share one easily.
    const heights = [0.13, 0.95, 0.22, 0.4, 0.83, 0.08, 0.19];
    const fits = (start: number, end: number) => heights.slice(start, end).reduce((sum, h) => sum + h, 0) <= 1;
    const share = (index: number) => heights[index]!;
    expect(balancedPartition(heights.length, 6, fits, share)).toEqual([1, 1, 2, 1, 2]);
    // Without heights the tie goes to the larger parts first, which strands the short last item.
    expect(balancedPartition(heights.length, 6, fits)).toEqual([1, 1, 2, 2, 1]);
  });
});

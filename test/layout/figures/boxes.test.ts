// Tests src/layout/figures/boxes.ts: rectangle intersection (with an optional gap) and containment (with a tiny tolerance).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inside, intersects, type Box } from '../../../src/layout/figures/boxes.js';

const box = (x: number, y: number, w: number, h: number): Box => ({ x, y, w, h });
const A = box(0, 0, 10, 10);

describe('intersects', () => {
  it('is true for overlapping boxes and for a box inside another', () => {
    expect(intersects(A, box(5, 5, 10, 10))).toBe(true);
    expect(intersects(A, box(2, 2, 3, 3))).toBe(true);
    expect(intersects(box(2, 2, 3, 3), A)).toBe(true);
  });

  it('is false for boxes apart on either axis', () => {
    expect(intersects(A, box(20, 0, 5, 5))).toBe(false);
    expect(intersects(A, box(0, 20, 5, 5))).toBe(false);
    // Overlapping in x but not in y, and the other way round.
    expect(intersects(A, box(5, 11, 5, 5))).toBe(false);
    expect(intersects(A, box(11, 5, 5, 5))).toBe(false);
  });

  it('is false for boxes that only touch at an edge or a corner', () => {
    expect(intersects(A, box(10, 0, 5, 10))).toBe(false);
    expect(intersects(A, box(0, 10, 10, 5))).toBe(false);
    expect(intersects(A, box(10, 10, 5, 5))).toBe(false);
  });

  it('with a gap, counts boxes closer than the gap as colliding', () => {
    const right = box(12, 0, 5, 10); // 2 apart
    expect(intersects(A, right)).toBe(false);
    expect(intersects(A, right, 1)).toBe(false);
    expect(intersects(A, right, 2)).toBe(false); // exactly the gap apart: not closer than it
    expect(intersects(A, right, 2.5)).toBe(true);
    expect(intersects(A, box(0, 13, 10, 5), 3.1)).toBe(true);
  });

  it('is symmetric (property)', () => {
    const arbBox = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }), w: fc.integer({ min: 0, max: 40 }), h: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(arbBox, arbBox, fc.integer({ min: 0, max: 5 }), (a, b, gap) => {
        expect(intersects(a, b, gap)).toBe(intersects(b, a, gap));
      }),
    );
  });

  it('agrees with a direct test of whether the open rectangles share a point (property)', () => {
    const arbBox = fc.record({ x: fc.integer({ min: -20, max: 20 }), y: fc.integer({ min: -20, max: 20 }), w: fc.integer({ min: 1, max: 15 }), h: fc.integer({ min: 1, max: 15 }) });
    fc.assert(
      fc.property(arbBox, arbBox, (a, b) => {
        // On integer coordinates, open rectangles share a point iff they share a half-integer point.
        let shared = false;
        for (let x = Math.max(a.x, b.x) + 0.5; x < Math.min(a.x + a.w, b.x + b.w); x++) {
          for (let y = Math.max(a.y, b.y) + 0.5; y < Math.min(a.y + a.h, b.y + b.h); y++) shared = true;
        }
        expect(intersects(a, b)).toBe(shared);
      }),
    );
  });
});

describe('inside', () => {
  const frame = box(10, 20, 100, 50);

  it('is true for a box within the frame, and for the frame itself', () => {
    expect(inside(box(20, 30, 10, 10), frame)).toBe(true);
    expect(inside(frame, frame)).toBe(true);
  });

  it('is false for a box sticking out on any side', () => {
    expect(inside(box(9, 30, 10, 10), frame)).toBe(false); // left
    expect(inside(box(20, 19, 10, 10), frame)).toBe(false); // top
    expect(inside(box(101, 30, 10, 10), frame)).toBe(false); // right: 111 > 110
    expect(inside(box(20, 61, 10, 10), frame)).toBe(false); // bottom: 71 > 70
  });

  it('is false for the frame inside the box (containment is not symmetric)', () => {
    expect(inside(box(0, 0, 200, 200), frame)).toBe(false);
    expect(inside(frame, box(0, 0, 200, 200))).toBe(true);
  });

  it('forgives rounding errors below a millionth of a point, and no more', () => {
    expect(inside(box(10 - 1e-7, 20, 100 + 1e-7, 50 + 5e-7), frame)).toBe(true);
    expect(inside(box(10 - 1e-5, 20, 10, 10), frame)).toBe(false);
    expect(inside(box(10, 20, 100 + 1e-5, 50), frame)).toBe(false);
  });

  it('a box inside the frame does not reach across the frame\'s edges (property)', () => {
    const arbBox = fc.record({ x: fc.integer({ min: 0, max: 120 }), y: fc.integer({ min: 0, max: 80 }), w: fc.integer({ min: 1, max: 50 }), h: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(arbBox, (b) => {
        const expected = b.x >= 10 && b.y >= 20 && b.x + b.w <= 110 && b.y + b.h <= 70;
        expect(inside(b, frame)).toBe(expected);
        // A box inside the frame intersects it.
        if (expected) expect(intersects(b, frame)).toBe(true);
      }),
    );
  });
});

// The figure registry: every figure kind makes its data from an article and lays itself out on a page and in a slide body.
import { describe, expect, it } from 'vitest';
import { FIGURES, FIGURE_NAMES, figureKind, isFigureName, type FigureNode } from '../../../src/layout/figures/index.js';
import { FontRegistry } from '../../../src/layout/fonts.js';
import { loadArticleFile } from '../../../src/load/load.js';
import { labelsFor } from '../../../src/render/labels.js';
import { loadTheme, TEMPLATES_DIR } from '../../../src/pipeline/build.js';
import type { FrameItem } from '../../../src/layout/frame.js';
import { SEED_DATA } from '../../support/seed.js';

const article = loadArticleFile(SEED_DATA).value;
const labels = labelsFor('en');
const context = { theme: loadTheme(TEMPLATES_DIR), fonts: new FontRegistry(), lang: 'en' };

/** The points an item covers (its box, or its line's or path's ends), relative to its parent. */
function extent(item: FrameItem): { left: number; top: number; right: number; bottom: number } {
  switch (item.kind) {
    case 'rule':
      return { left: Math.min(item.x1, item.x2), top: Math.min(item.y1, item.y2), right: Math.max(item.x1, item.x2), bottom: Math.max(item.y1, item.y2) };
    case 'path': {
      const points = item.subpaths.flat();
      return { left: Math.min(...points.map((p) => p[0])), top: Math.min(...points.map((p) => p[1])), right: Math.max(...points.map((p) => p[0])), bottom: Math.max(...points.map((p) => p[1])) };
    }
    case 'table':
      return { left: item.x, top: item.y, right: item.x + item.columns.reduce((a, b) => a + b, 0), bottom: item.y + item.rows.reduce((a, r) => a + r.height, 0) };
    default:
      return { left: item.x, top: item.y, right: item.x + item.w, bottom: item.y + item.h };
  }
}

describe('figure registry', () => {
  it('names each figure once; isFigureName knows them and nothing else', () => {
    expect(FIGURE_NAMES).toEqual(['timeline', 'map']);
    expect(FIGURE_NAMES.every(isFigureName)).toBe(true);
    expect(isFigureName('toString')).toBe(false);
    expect(isFigureName('chart')).toBe(false);
  });

  for (const name of FIGURE_NAMES) {
    describe(name, () => {
      const made = FIGURES[name].fromArticle(article, labels, {});
      const node = { type: 'figure', name, data: made!.data, alt: made!.alt } as FigureNode;

      it('makes data and an alt text from the seed, and nothing from an article without events and places', () => {
        expect(made).not.toBeNull();
        expect(made!.alt.length).toBeGreaterThan(20);
        expect(FIGURES[name].fromArticle({ ...article, events: [], places: [] }, labels, {})).toBeNull();
      });

      it('lays out on a page in pieces of positive height whose items stay inside the column width', () => {
        const pieces = figureKind(node).onPage(node.data, context, 459);
        expect(pieces.length).toBeGreaterThan(0);
        for (const piece of pieces) {
          expect(piece.heightPt).toBeGreaterThan(0);
          for (const item of piece.items) {
            const e = extent(item);
            expect(e.left).toBeGreaterThanOrEqual(-0.5);
            expect(e.right).toBeLessThanOrEqual(459 + 1.5);
          }
        }
      });

      it('lays out in a slide body with every item inside the body', () => {
        const body = { widthPt: 876, heightPt: 400 };
        const parts = figureKind(node).onSlides(node.data, context, body);
        expect(parts.length).toBeGreaterThan(0);
        for (const part of parts) {
          expect(part.weight).toBeGreaterThan(0);
          for (const item of part.items) {
            const e = extent(item);
            expect(e.left).toBeGreaterThanOrEqual(-0.5);
            expect(e.top).toBeGreaterThanOrEqual(-0.5);
            expect(e.right).toBeLessThanOrEqual(body.widthPt + 1.5);
            expect(e.bottom).toBeLessThanOrEqual(body.heightPt + 0.5);
          }
        }
      });
    });
  }
});

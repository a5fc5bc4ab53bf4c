// The figure registry: every figure kind makes its data from an article and lays itself out on a page and in a slide body.
import { describe, expect, it } from 'vitest';
import { FIGURES, FIGURE_NAMES, figureKind, isFigureName, type FigureNode } from '../../../src/layout/figures/index.js';
import { FontRegistry } from '../../../src/layout/fonts.js';
import { loadArticleFile } from '../../../src/load/load.js';
import { labelsFor } from '../../../src/render/labels.js';
import { loadTheme, TEMPLATES_DIR } from '../../../src/pipeline/build.js';
import type { Frame, FrameItem } from '../../../src/layout/frame.js';
import { PROJECT_ROOT } from '../../../src/pipeline/build.js';
import { SEED_DATA } from '../../support/seed.js';
import { articleFrames } from '../../support/seed-frames.js';
import { bandedPng } from '../../support/images.js';
import { BriefkitError } from '../../../src/diagnostics.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const seed = loadArticleFile(SEED_DATA).value;
// The seed with a picture as the first paragraph of its first section (the picture is written beside a made-up article file).
const pictureDir = mkdtempSync(join(tmpdir(), 'briefkit-figures-'));
writeFileSync(join(pictureDir, 'banner.png'), bandedPng(600, 200));
const ARTICLE_FILE = join(pictureDir, 'article.yaml');
const article = { ...seed, sections: [{ ...seed.sections[0]!, paragraphs: [{ image: 'banner.png', alt: 'A banner', caption: 'The banner.' }, ...seed.sections[0]!.paragraphs] }, ...seed.sections.slice(1)] };
const ATTRIBUTES: Record<string, Record<string, string>> = { image: { ref: 's0b0' } };
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

describe('figure data from the article', () => {
  it('has no timeline or map for an article without events and places', () => {
    expect(FIGURES.timeline.fromArticle({ ...article, events: [], places: [] }, labels, {})).toBeNull();
    expect(FIGURES.map.fromArticle({ ...article, events: [], places: [] }, labels, {})).toBeNull();
  });

  it('finds a picture relative to the article file, and names the field when it is missing or the ref is wrong', () => {
    expect(FIGURES.image.fromArticle(article, labels, { ref: 's0b0' }, ARTICLE_FILE)?.data.image).toMatchObject({ format: 'png', widthPx: 600, heightPx: 200 });
    const elsewhere = join(tmpdir(), 'elsewhere', 'article.yaml');
    expect(() => FIGURES.image.fromArticle(article, labels, { ref: 's0b0' }, elsewhere)).toThrow(/banner\.png: no such file/);
    try {
      FIGURES.image.fromArticle(article, labels, { ref: 's0b0' }, elsewhere);
    } catch (error) {
      expect((error as BriefkitError).diagnostics[0]).toMatchObject({ file: elsewhere, path: 'sections[0].paragraphs[0].image', rule: 'image' });
    }
    expect(() => FIGURES.image.fromArticle(article, labels, { ref: 's0b1' }, ARTICLE_FILE)).toThrow(/::image\{ref="s0b1"\} names no picture/);
  });
});

describe('figure registry', () => {
  it('names each figure once; isFigureName knows them and nothing else', () => {
    expect(FIGURE_NAMES).toEqual(['timeline', 'map', 'image']);
    expect(FIGURE_NAMES.every(isFigureName)).toBe(true);
    expect(isFigureName('toString')).toBe(false);
    expect(isFigureName('chart')).toBe(false);
  });

  for (const name of FIGURE_NAMES) {
    describe(name, () => {
      const made = FIGURES[name].fromArticle(article, labels, ATTRIBUTES[name] ?? {}, ARTICLE_FILE);
      const node = { type: 'figure', name, data: made!.data, alt: made!.alt } as FigureNode;

      it('makes data and an alt text from the article', () => {
        expect(made).not.toBeNull();
        expect(made!.alt.length).toBeGreaterThan(name === 'image' ? 3 : 20);
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

/** The smallest size a figure label may have on a slide (projected); credits may be smaller. */
const SLIDE_LABEL_PT = 16;

/** Every text run inside a figure of the slides: its slide, text, size, and the source of its text box. */
function figureRuns(slides: Frame[]): { slide: number; text: string; sizePt: number; source: string }[] {
  const out: { slide: number; text: string; sizePt: number; source: string }[] = [];
  slides.forEach((slide, index) => {
    const visit = (item: FrameItem, inFigure: boolean) => {
      if (item.kind === 'text' && inFigure) for (const p of item.paragraphs) for (const run of p.layout.spec.runs) if (run.text.trim() !== '') out.push({ slide: index + 1, text: run.text, sizePt: run.style.sizePt, source: item.source ?? '' });
      if (item.kind === 'group') item.items.forEach((child) => visit(child, inFigure || ('struct' in item.tag && item.tag.struct.some((level) => level.role === 'Figure'))));
    };
    slide.items.forEach((item) => visit(item, false));
  });
  return out;
}
const belowSlideSize = (runs: ReturnType<typeof figureRuns>) => runs.filter((r) => r.sizePt < SLIDE_LABEL_PT && !r.source.endsWith('credit')).map((r) => `slide ${r.slide}: "${r.text.slice(0, 30)}" at ${r.sizePt} pt`);

describe('figure labels on slides, as projected', () => {
  const fixtures = { seed: SEED_DATA, belarusian: join(PROJECT_ROOT, 'test/fixtures/stress/belarusian.yaml'), doubled: join(PROJECT_ROOT, 'test/fixtures/stress/doubled.yaml') };
  for (const [name, file] of Object.entries(fixtures)) {
    it(`${name}: no text of a figure is below 16 pt (its data credit aside), on every figure slide`, () => {
      const runs = figureRuns(articleFrames(file).slides);
      // The timeline's labels and years, the map's names and scale: the walk found the figures' words.
      expect(runs.length).toBeGreaterThan(15);
      expect(new Set(runs.map((r) => r.slide)).size).toBeGreaterThanOrEqual(2);
      expect(belowSlideSize(runs)).toEqual([]);
      // The credit may be smaller, but stays readable.
      for (const credit of runs.filter((r) => r.source.endsWith('credit'))) expect(credit.sizePt).toBeGreaterThanOrEqual(12);
    });
  }

  it('every figure kind draws its slide labels at 16 pt or more', () => {
    for (const name of FIGURE_NAMES) {
      const made = FIGURES[name].fromArticle(article, labels, ATTRIBUTES[name] ?? {}, ARTICLE_FILE)!;
      const node = { type: 'figure', name, data: made.data, alt: made.alt } as FigureNode;
      const parts = figureKind(node).onSlides(node.data, context, { widthPt: 876, heightPt: 400 });
      const slides: Frame[] = parts.map((part) => ({ kind: 'slide', width: 960, height: 540, items: [{ kind: 'group', x: 42, y: 100, scale: 1, w: 876, h: 400, items: part.items, tag: { struct: [{ role: 'Figure', id: name, alt: made.alt }] } }] }));
      expect(figureRuns(slides).length, name).toBeGreaterThan(0);
      expect(belowSlideSize(figureRuns(slides)), name).toEqual([]);
    }
  });

  it('the check has teeth: the map laid out at the briefing\'s 9 pt on a slide is caught', () => {
    const made = FIGURES.map.fromArticle(article, labels, {})!;
    const pieces = FIGURES.map.onPage(made.data, context, 876);
    const slides: Frame[] = [{ kind: 'slide', width: 960, height: 540, items: [{ kind: 'group', x: 42, y: 100, scale: 1, w: 876, h: 400, items: pieces[0]!.items, tag: { struct: [{ role: 'Figure', id: 'map', alt: made.alt }] } }] }];
    expect(belowSlideSize(figureRuns(slides)).length).toBe(article.places.length + 1); // the names and the scale bar; the credit is spared
  });
});

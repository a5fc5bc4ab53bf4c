// Slide layout: every box fits its text at no less than the minimum sizes, titles are marked, long content continues.
import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/model/article.js';
import { loadArticleFile } from '../../src/load/load.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutSlides, SLIDE_SIZES } from '../../src/layout/slides.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import type { Frame } from '../../src/layout/frame.js';
import { SEED_DATA } from '../support/seed.js';
import { intersects, lineBoxes, textItems } from '../support/frames.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const seedFigures = figureSource(loadArticleFile(SEED_DATA).value, labelsFor('en'));
const slidesFrom = (markdown: string, aspect: '16:9' | '4:3' = '16:9') => layoutSlides(parseMarkdown(markdown, 'slides.md', seedFigures).value, theme, fonts, { aspect, lang: 'en', footer: 'Footer' });

function expectEveryBoxFits(frames: Frame[]): void {
  for (const frame of frames) {
    for (const item of textItems(frame)) {
      for (const paragraph of item.paragraphs) {
        for (const line of paragraph.lines) {
          expect(paragraph.top + line.top + line.height, `${frame.title}: "${line.fragments.map((f) => f.text).join('')}"`).toBeLessThanOrEqual(item.h + 0.01);
          expect(line.width).toBeLessThanOrEqual(item.w + 0.01);
          for (const fragment of line.fragments) expect(fragment.x + fragment.width).toBeLessThanOrEqual(item.w + 0.01);
        }
      }
      expect(item.x).toBeGreaterThanOrEqual(0);
      expect(item.y + item.h).toBeLessThanOrEqual(frame.height);
      expect(item.x + item.w).toBeLessThanOrEqual(frame.width);
    }
    const boxes = lineBoxes(frame, fonts);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!), `${frame.title}: ${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
  }
}

describe('layoutSlides', () => {
  const article = loadArticleFile(SEED_DATA).value;
  const markdown = renderMarkdown(article, loadTemplates(TEMPLATES_DIR), 1_700_000_000_000).value.slides!;

  it('lays out the seed deck: one title per slide, every box fitting, nothing below the minimum sizes', () => {
    const { value: frames, diagnostics } = slidesFrom(markdown);
    expect(diagnostics).toEqual([]);
    expect(frames.length).toBe(11);
    for (const frame of frames) {
      expect([frame.width, frame.height]).toEqual([SLIDE_SIZES['16:9'].width, SLIDE_SIZES['16:9'].height]);
      const titles = frame.items.filter((item) => item.kind === 'text' && item.slideTitle);
      expect(titles, frame.title).toHaveLength(1);
    }
    expectEveryBoxFits(frames);
    const bodySizes = frames.slice(1).flatMap((frame) => textItems(frame).filter((i) => !i.slideTitle && 'struct' in i.tag && i.tag.struct.length > 0).flatMap((i) => i.paragraphs.flatMap((p) => p.layout.spec.runs.map((r) => r.style.sizePt))));
    expect(Math.min(...bodySizes)).toBeGreaterThanOrEqual(theme.slides.sizes.minBody);
  });

  it('carries every notes paragraph of the seed', () => {
    const frames = slidesFrom(markdown).value;
    const notes = frames.flatMap((f) => f.notes ?? []).join('\n');
    for (const paragraph of article.sections.flatMap((s) => s.paragraphs.flatMap(blockTexts))) expect(notes).toContain(paragraph);
  });

  it('shrinks text towards the minimum before it splits', () => {
    const bullets = Array.from({ length: 6 }, (_, i) => `- Point ${i + 1}: the regime keeps its ties with the occupied territories of Ukraine quiet, fearing new sanctions`).join('\n');
    const frames = slidesFrom(`# Title\n\n${bullets}\n`).value;
    expect(frames).toHaveLength(1);
    const sizes = textItems(frames[0]!).filter((i) => !i.slideTitle && !('artifact' in i.tag)).flatMap((i) => i.paragraphs.map((p) => p.layout.spec.runs[0]!.style.sizePt));
    expect(Math.max(...sizes)).toBeLessThan(theme.slides.sizes.body);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(theme.slides.sizes.minBody);
    expectEveryBoxFits(frames);
  });

  it('continues long content on numbered slides with the notes shared out, in both aspects', () => {
    for (const aspect of ['16:9', '4:3'] as const) {
      const bullets = Array.from({ length: 30 }, (_, i) => `- Point ${i + 1}: ${'the regime keeps its ties with the occupied territories quiet '.repeat(1 + (i % 3))}`).join('\n');
      const notes = Array.from({ length: 9 }, (_, i) => `Note paragraph ${i + 1}.`).join('\n\n');
      const { value: all } = slidesFrom(`# A long section\n\n${bullets}\n\n:::notes\n${notes}\n:::\n`, aspect);
      // A divider introduces the set (three slides or more); the set's slides are numbered, six bullets or fewer each.
      expect(all[0]!.layout).toBe('section');
      const frames = all.slice(1);
      expect(frames.length).toBe(5);
      frames.forEach((frame, index) => expect(frame.title).toBe(`A long section (${index + 1}/${frames.length})`));
      expect(frames.flatMap((f) => f.notes ?? [])).toEqual(Array.from({ length: 9 }, (_, i) => `Note paragraph ${i + 1}.`));
      expectEveryBoxFits(frames);
      const shown = frames.flatMap((f) => textItems(f).filter((i) => !i.slideTitle && !('artifact' in i.tag)).flatMap((i) => i.paragraphs.map((p) => p.layout.spec.runs.map((r) => r.text).join('')))).filter((t) => t.startsWith('Point'));
      expect(shown).toHaveLength(30);
    }
  });

  it('splits a long table by rows and repeats its header', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `| ${i + 1} April 2023 | Event number ${i + 1} with a label long enough to wrap onto a second line of the cell |`).join('\n');
    const frames = slidesFrom(`# Timeline\n\n| Date | Event |\n| --- | --- |\n${rows}\n`).value;
    expect(frames.length).toBeGreaterThan(1);
    let bodyRows = 0;
    for (const frame of frames) {
      const table = frame.items.find((i) => i.kind === 'table');
      expect(table && table.kind === 'table' && table.rows[0]!.header).toBe(true);
      if (table && table.kind === 'table') {
        bodyRows += table.rows.length - 1;
        expect(table.y + table.rows.reduce((s, r) => s + r.height, 0)).toBeLessThanOrEqual(frame.height - 30);
      }
    }
    expect(bodyRows).toBe(25);
  });

  it('reports a title that cannot fit in two lines at the minimum size', () => {
    const { diagnostics } = slidesFrom(`# ${'Very long title words '.repeat(12)}\n\n- a point\n`);
    expect(diagnostics.map((d) => d.rule)).toContain('slide-title-too-long');
  });
});

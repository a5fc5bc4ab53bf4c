// Briefing layout from the seed's Markdown: pages, margins, no colliding lines, header and footer, widows and orphans.
import { describe, expect, it, beforeAll } from 'vitest';
import { blockTexts } from '../../src/model/article.js';
import { loadArticleFile } from '../../src/load/load.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutBriefing, PAPER } from '../../src/layout/briefing.js';
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
const options = { paper: 'a4' as const, lang: 'en', header: 'Briefing · Title', footerLeft: 'Author', pageOf: 'page {page} of {pages}' };

function briefingFrom(markdown: string, paper: 'a4' | 'letter' = 'a4'): Frame[] {
  return layoutBriefing(parseMarkdown(markdown, 'briefing.md', seedFigures).value, theme, fonts, { ...options, paper }).value;
}

describe('layoutBriefing', () => {
  let pages: Frame[];
  let article: ReturnType<typeof loadArticleFile>['value'];
  beforeAll(() => {
    article = loadArticleFile(SEED_DATA).value;
    pages = briefingFrom(renderMarkdown(article, loadTemplates(TEMPLATES_DIR), 1_700_000_000_000).value.briefing!);
  });

  it('makes A4 pages with every line inside the margins and none colliding', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect([page.width, page.height]).toEqual([PAPER.a4.width, PAPER.a4.height]);
      const boxes = lineBoxes(page, fonts);
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(theme.briefing.margins.left - 0.01);
        expect(box.x + box.w).toBeLessThanOrEqual(page.width - theme.briefing.margins.right + 0.01);
        expect(box.y).toBeGreaterThan(0);
        expect(box.y + box.h).toBeLessThan(page.height);
      }
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!), `${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
    }
  });

  it('puts every paragraph of the article on the pages, in order', () => {
    const text = pages.map((page) => lineBoxes(page, fonts).map((b) => b.text).join(' ')).join(' ').replace(/-\s/g, '-').replace(/\s+/g, '');
    let from = 0;
    for (const paragraph of article.sections.flatMap((s) => s.paragraphs.flatMap(blockTexts))) {
      const squeezed = paragraph.replace(/\s+/g, '');
      // A layout hyphen may stand at a line end inside a word; compare without hyphens.
      const at = text.replace(/-/g, '').indexOf(squeezed.replace(/-/g, ''), from);
      expect(at, paragraph.slice(0, 50)).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it('numbers pages "page X of Y" in the footer and repeats the header after the first page', () => {
    pages.forEach((page, index) => {
      const texts = textItems(page).flatMap((item) => item.paragraphs.flatMap((p) => p.lines.map((l) => l.fragments.map((f) => f.text).join(''))));
      expect(texts).toContain(`page ${index + 1} of ${pages.length}`);
      expect(texts.includes('Briefing · Title')).toBe(index > 0);
    });
  });

  it('leaves no paragraph with a single line at the foot or the head of a page', () => {
    const pieces = new Map<string, number[]>();
    for (const page of pages) {
      for (const item of textItems(page)) {
        // Figure text (tagged as part of its figure) is not running text.
        if (!('struct' in item.tag) || item.tag.struct.length === 0) continue;
        const id = item.tag.struct.map((s) => s.id).join('/');
        for (const paragraph of item.paragraphs) pieces.set(id, [...(pieces.get(id) ?? []), paragraph.lines.length]);
      }
    }
    for (const [, counts] of pieces) if (counts.length > 1) for (const count of counts) expect(count).toBeGreaterThanOrEqual(2);
  });

  it('splits a long text over pages and honours widows and orphans there', () => {
    const long = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}. ${'The regime keeps its ties with the occupied territories quiet, fearing new sanctions. '.repeat(6)}`).join('\n\n');
    const frames = briefingFrom(`## Heading\n\n${long}`, 'letter');
    expect(frames.length).toBeGreaterThan(1);
    expect(frames[0]!.width).toBe(PAPER.letter.width);
    const counts = frames.flatMap((frame) => textItems(frame).filter((i) => 'struct' in i.tag && i.tag.struct[0]!.role === 'P').map((i) => i.paragraphs[0]!.lines.length));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
  });

  it('keeps a heading with the text that follows it', () => {
    const filler = Array.from({ length: 40 }, () => 'Filler line of text that is long enough to wrap across the page width once or twice.').join(' ');
    for (let extra = 0; extra < 30; extra++) {
      const frames = briefingFrom(`${filler}\n\n${'More words here. '.repeat(extra * 3)}\n\n## A heading\n\nBody after the heading, long enough to take two lines at least on the page. ${'Words. '.repeat(20)}`);
      for (const frame of frames) {
        const items = textItems(frame).filter((i) => 'struct' in i.tag);
        const last = items[items.length - 1]!;
        if ('struct' in last.tag) expect(last.tag.struct[0]!.role).not.toBe('H2');
      }
    }
  });
});

// Briefing make-up with pictures: a tall (portrait) picture is at most 45 % of the text block high, and one that does
// not fit the rest of a page waits for the next page's top while the text goes on — no heading pushed over, no page left short.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArticleFile } from '../../src/load/load.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutBriefing, PAPER } from '../../src/layout/briefing.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import type { Frame, FrameItem, ImageItem } from '../../src/layout/frame.js';
import { SEED_DATA } from '../support/seed.js';
import { lineBoxes } from '../support/frames.js';
import { bandedPng } from '../support/images.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const options = { paper: 'a4' as const, lang: 'en', header: 'Briefing · Title', footerLeft: 'Author', pageOf: 'page {page} of {pages}' };
const { margins } = theme.briefing;
const bottom = PAPER.a4.height - margins.bottom;
const textBlockPt = PAPER.a4.height - margins.top - margins.bottom;

/** The seed article with a portrait picture (1 wide, 3 high) as the first paragraph of its second section. */
function articleWithPortrait() {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-portrait-'));
  writeFileSync(join(dir, 'tall.png'), bandedPng(300, 900));
  const article = loadArticleFile(SEED_DATA).value;
  article.sections[1]!.paragraphs.unshift({ image: join(dir, 'tall.png'), alt: 'A tall picture', caption: 'A portrait picture.' });
  return article;
}

const FILLER = 'The committee met again in the spring and agreed on a list of joint projects, none of which was published at the time, and the officials who signed it declined to comment on it afterwards. ';

function pictures(frame: Frame): ImageItem[] {
  const out: ImageItem[] = [];
  const visit = (item: FrameItem, dy: number) => {
    if (item.kind === 'image') out.push({ ...item, y: item.y + dy });
    if (item.kind === 'group') item.items.forEach((child) => visit(child, dy + item.y));
  };
  frame.items.forEach((item) => visit(item, 0));
  return out;
}

describe('a portrait picture in the briefing', () => {
  const article = articleWithPortrait();
  const figures = figureSource(article, labelsFor('en'));
  const layout = (paragraphs: number) => {
    const markdown = `## First section\n\n${Array.from({ length: paragraphs }, () => FILLER.repeat(2)).join('\n\n')}\n\n## Second section\n\n::image{ref="s1b0"}\n\n${FILLER.repeat(3)}\n\n${FILLER.repeat(3)}\n\n${FILLER.repeat(3)}\n`;
    return layoutBriefing(parseMarkdown(markdown, 'briefing.md', figures).value, theme, fonts, options).value;
  };

  it('is at most 45 % of the text block high, never stretched', () => {
    const [picture] = layout(1).flatMap(pictures);
    expect(picture!.h).toBeLessThanOrEqual(0.45 * textBlockPt + 0.01);
    expect(picture!.w / picture!.h).toBeCloseTo(300 / 900, 5);
  });

  it('never pushes its heading over nor leaves a page short: whatever text stands before it, every page but the last is filled', () => {
    for (let paragraphs = 1; paragraphs <= 7; paragraphs++) {
      const pages = layout(paragraphs);
      pages.slice(0, -1).forEach((page, index) => {
        const inked = Math.max(...lineBoxes(page, fonts).filter((b) => b.y < bottom).map((b) => b.y + b.h), ...pictures(page).map((p) => p.y + p.h));
        expect(bottom - inked, `${paragraphs} paragraphs before it, page ${index + 1}`).toBeLessThan(60);
      });
      const headingPage = pages.findIndex((page) => lineBoxes(page, fonts).some((b) => b.text === 'Second section'));
      const picturePage = pages.findIndex((page) => pictures(page).length > 0);
      // The picture is on its heading's page or at the top of the next one.
      expect(picturePage - headingPage, `${paragraphs} paragraphs`).toBeGreaterThanOrEqual(0);
      expect(picturePage - headingPage).toBeLessThanOrEqual(1);
      if (picturePage > headingPage) expect(pictures(pages[picturePage]!)[0]!.y).toBeCloseTo(margins.top, 0);
    }
  });
});

describe('a pull quote before a heading and its picture', () => {
  it('waits rather than pushing the picture below it: the picture comes right under its heading', () => {
    const article = articleWithPortrait();
    const figures = figureSource(article, labelsFor('en'));
    const markdown = `## First section\n\n${FILLER}\n\n:::pullquote\n“We came to look at what we can build together,” the head of the delegation said in Melitopol.\n\n— Ivan Kruk\n:::\n\n## Second section\n\n::image{ref="s1b0"}\n\n${FILLER.repeat(3)}\n\n${FILLER.repeat(3)}\n`;
    const pages = layoutBriefing(parseMarkdown(markdown, 'briefing.md', figures).value, theme, fonts, options).value;
    const page = pages.find((p) => lineBoxes(p, fonts).some((b) => b.text === 'Second section'))!;
    const heading = lineBoxes(page, fonts).find((b) => b.text === 'Second section')!;
    const [picture] = pictures(page);
    expect(picture, 'the picture on its heading\'s page').toBeDefined();
    expect(picture!.y - (heading.y + heading.h)).toBeLessThan(30);
    // The quote is still set, beside the text.
    expect(pages.flatMap((p) => lineBoxes(p, fonts)).some((b) => b.text.includes('We came to look'))).toBe(true);
  });
});

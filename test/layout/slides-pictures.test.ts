// A picture on the slides, chosen by content: beside a short section's bullets (two columns, bullets still fitting),
// on a slide of its own after a long section's; the handout shows it as part of its slide.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArticleFile } from '../../src/load/load.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutSlides } from '../../src/layout/slides.js';
import { layoutHandout } from '../../src/layout/handout.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import type { Frame, FrameItem } from '../../src/layout/frame.js';
import { SEED_DATA } from '../support/seed.js';
import { textItems } from '../support/frames.js';
import { bandedPng } from '../support/images.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const dir = mkdtempSync(join(tmpdir(), 'briefkit-slide-pictures-'));
writeFileSync(join(dir, 'wide.png'), bandedPng(900, 600));
const article = loadArticleFile(SEED_DATA).value;
article.sections[0]!.paragraphs.unshift({ image: join(dir, 'wide.png'), alt: 'A banner', caption: 'The banner.' });
const figures = figureSource(article, labelsFor('en'));
const slidesFrom = (markdown: string) => layoutSlides(parseMarkdown(markdown, 'slides.md', figures).value, theme, fonts, { aspect: '16:9', lang: 'en', footer: 'Footer' }).value;

const hasPicture = (items: FrameItem[]): boolean => items.some((item) => item.kind === 'image' || (item.kind === 'group' && hasPicture(item.items)));
const BULLET = 'The committee signed a trade agreement with the occupation authorities of Crimea in early March';

describe('a picture on the slides', () => {
  it('stands beside a short section\'s bullets: one two-column slide, every bullet inside its box, the picture in the right half', () => {
    const [slide, ...rest] = slidesFrom(`# Short section\n\n- ${BULLET}\n- Nobody in Kyiv was asked\n- Both sides will meet again\n\n::image{ref="s0b0"}\n`);
    expect(rest).toEqual([]);
    expect(slide!.layout).toBe('two-column');
    const picture = slide!.items.find((item) => item.kind === 'group' && hasPicture(item.items))!;
    expect(picture.kind === 'group' && picture.x).toBeGreaterThan(slide!.width / 2 - 40);
    const body = textItems(slide!).filter((item) => item.paragraphs.some((p) => p.layout.spec.bullet));
    expect(body.flatMap((item) => item.paragraphs).length).toBe(3);
    for (const item of body) {
      for (const paragraph of item.paragraphs) for (const line of paragraph.lines) expect(paragraph.top + line.top + line.height).toBeLessThanOrEqual(item.h + 0.01);
      expect(item.x + item.w).toBeLessThanOrEqual((picture as { x: number }).x);
    }
  });

  it('gets a slide of its own after a long section\'s bullets', () => {
    const frames = slidesFrom(`# Long section\n\n${Array.from({ length: 9 }, (_, i) => `- ${BULLET}, said official number ${i + 1} of the committee`).join('\n')}\n\n::image{ref="s0b0"}\n`);
    const withPicture = frames.filter((frame) => hasPicture(frame.items));
    expect(withPicture.map((frame) => frame.layout)).toEqual(['figure']);
    expect(frames.indexOf(withPicture[0]!)).toBe(frames.length - 1);
    expect(frames.slice(0, -1).every((frame) => !hasPicture(frame.items))).toBe(true);
  });

  it('is part of its slide on the handout page', () => {
    const slides: Frame[] = slidesFrom(`# Short section\n\n- ${BULLET}\n- Nobody in Kyiv was asked\n\n::image{ref="s0b0"}\n`);
    const pages = layoutHandout(slides, theme, fonts, { paper: 'a4', mode: 'lines', lang: 'en', title: 'Title', pageOf: 'page {page} of {pages}', notesLabel: 'Notes', slideLabel: 'Slide' });
    const slideGroups = pages.flatMap((page) => page.items).filter((item) => item.kind === 'group' && item.scale < 1);
    expect(slideGroups).toHaveLength(1);
    expect(hasPicture((slideGroups[0] as { items: FrameItem[] }).items)).toBe(true);
  });
});

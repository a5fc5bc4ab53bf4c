// Handout layout: ⌈slides/3⌉ pages of scaled slide frames with note lines, or slides with every notes paragraph.
import { describe, expect, it } from 'vitest';
import { layoutHandout } from '../../src/layout/handout.js';
import { PAPER } from '../../src/layout/briefing.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import type { Frame, GroupItem } from '../../src/layout/frame.js';
import { fixtureFrames } from '../support/frame-fixture.js';
import { textItems } from '../support/frames.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const slides = (count: number): Frame[] => Array.from({ length: count }, (_, i) => ({ ...fixtureFrames(fonts)[0]!, title: `Slide ${i + 1}`, notes: [`Notes of slide ${i + 1}, first paragraph.`, `Second paragraph of slide ${i + 1}.`] }));
const options = { paper: 'a4' as const, mode: 'lines' as const, lang: 'en', title: 'Article title', pageOf: 'page {page} of {pages}', notesLabel: 'Notes' };

describe('layoutHandout', () => {
  for (const count of [1, 3, 4, 10]) {
    it(`puts ${count} slides on ${Math.ceil(count / 3)} pages, three to a page, inside the paper, each with ruled lines beside it`, () => {
      const pages = layoutHandout(slides(count), theme, fonts, options);
      expect(pages).toHaveLength(Math.ceil(count / 3));
      const groups = pages.flatMap((page) => page.items.filter((i): i is GroupItem => i.kind === 'group'));
      expect(groups.map((g) => ('struct' in g.tag ? g.tag.struct[0]?.alt : undefined))).toEqual(Array.from({ length: count }, (_, i) => `Slide ${i + 1}: Slide ${i + 1}`));
      for (const page of pages) {
        expect([page.width, page.height]).toEqual([PAPER.a4.width, PAPER.a4.height]);
        for (const group of page.items.filter((i): i is GroupItem => i.kind === 'group')) {
          expect(group.x + group.w * group.scale).toBeLessThan(page.width / 2 + 60);
          expect(group.y + group.h * group.scale).toBeLessThan(page.height - 48);
          const rules = page.items.filter((i) => i.kind === 'rule' && i.x1 > group.x + group.w * group.scale && i.y1 >= group.y && i.y1 <= group.y + group.h * group.scale);
          expect(rules.length).toBeGreaterThanOrEqual(5);
        }
      }
    });
  }

  it('numbers the pages and carries the title in the header', () => {
    const pages = layoutHandout(slides(7), theme, fonts, { ...options, paper: 'letter' });
    pages.forEach((page, index) => {
      const texts = textItems(page).map((item) => item.paragraphs[0]!.lines[0]!.fragments.map((f) => f.text).join(''));
      expect(texts).toEqual(expect.arrayContaining(['Article title', `page ${index + 1} of ${pages.length}`]));
      expect(page.width).toBe(PAPER.letter.width);
    });
  });

  it('in notes mode shows every notes paragraph under its slide, two slides a page', () => {
    const pages = layoutHandout(slides(6), theme, fonts, { ...options, mode: 'notes' });
    expect(pages).toHaveLength(3);
    const text = pages.flatMap((page) => textItems(page).flatMap((item) => item.paragraphs.flatMap((p) => p.lines.map((l) => l.fragments.map((f) => f.text).join(''))))).join(' ');
    for (let i = 1; i <= 6; i++) {
      expect(text.replace(/-\s/g, '')).toContain(`Notes of slide ${i}, first paragraph.`);
      expect(text).toContain(`Second paragraph of slide ${i}.`);
    }
  });
});

// Handout layout: scaled slide frames with note lines (three a page, figures two a page), or slides with every notes paragraph; no slide text printed below 6 pt.
import { describe, expect, it } from 'vitest';
import { layoutHandout, MIN_PRINTED_PT, showsFigure } from '../../src/layout/handout.js';
import { PAPER } from '../../src/layout/briefing.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import type { Frame, FrameItem, GroupItem } from '../../src/layout/frame.js';
import { fixtureFrames } from '../support/frame-fixture.js';
import { textItems } from '../support/frames.js';
import { articleFrames } from '../support/seed-frames.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const slides = (count: number): Frame[] => Array.from({ length: count }, (_, i) => ({ ...fixtureFrames(fonts)[0]!, title: `Slide ${i + 1}`, notes: [`Notes of slide ${i + 1}, first paragraph.`, `Second paragraph of slide ${i + 1}.`] }));
const options = { paper: 'a4' as const, mode: 'lines' as const, lang: 'en', title: 'Article title', pageOf: 'page {page} of {pages}', notesLabel: 'Notes', slideLabel: 'Slide' };

/** Every text run of a page as printed: its size × the scale of the groups it is in. */
function printedRuns(page: Frame): { text: string; printedPt: number }[] {
  const out: { text: string; printedPt: number }[] = [];
  const visit = (item: FrameItem, scale: number) => {
    if (item.kind === 'text') for (const p of item.paragraphs) for (const run of p.layout.spec.runs) if (run.text.trim() !== '') out.push({ text: run.text, printedPt: run.style.sizePt * scale });
    if (item.kind === 'table') item.rows.forEach((row) => row.cells.forEach((cell) => visit(cell.item, scale)));
    if (item.kind === 'group') item.items.forEach((child) => visit(child, scale * item.scale));
  };
  page.items.forEach((item) => visit(item, 1));
  return out;
}
const tooSmall = (pages: Frame[]) => pages.flatMap((page, i) => printedRuns(page).filter((r) => r.printedPt < MIN_PRINTED_PT - 1e-9).map((r) => `page ${i + 1}: "${r.text.slice(0, 30)}" at ${r.printedPt.toFixed(2)} pt`));
const slideGroups = (page: Frame) => page.items.filter((i): i is GroupItem => i.kind === 'group');

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
          // The slide at the left, with a hand's width of lines beside it.
          expect(group.x + group.w * group.scale).toBeLessThan(page.width - 48 - 150);
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

  it('prints no slide text below 6 pt: a slide whose text is 18 pt gets a larger third, one with 12 pt text half a page', () => {
    const small = (sizePt: number): Frame => {
      const [slide] = fixtureFrames(fonts);
      const shrink = (item: FrameItem): FrameItem => (item.kind === 'text' ? { ...item, paragraphs: item.paragraphs.map((p) => ({ ...p, layout: { ...p.layout, spec: { ...p.layout.spec, runs: p.layout.spec.runs.map((r) => ({ ...r, style: { ...r.style, sizePt } })) } } })) } : item);
      return { ...slide!, items: slide!.items.filter((i) => i.kind !== 'table').map(shrink) };
    };
    for (const paper of ['a4', 'letter'] as const) {
      for (const mode of ['lines', 'notes'] as const) {
        const pages = layoutHandout([small(24), small(18), small(12), small(24)], theme, fonts, { ...options, paper, mode });
        expect(tooSmall(pages), `${paper} ${mode}`).toEqual([]);
      }
    }
    const pages = layoutHandout([small(24), small(18), small(12)], theme, fonts, options);
    const scales = pages.flatMap(slideGroups).map((g) => Math.round(g.scale * 1000) / 1000);
    expect(scales[0]).toBeCloseTo(0.291, 3); // 24 pt: the third's usual size
    expect(scales[1]).toBeCloseTo(MIN_PRINTED_PT / 18, 3);
    expect(scales[2]).toBeGreaterThanOrEqual(MIN_PRINTED_PT / 12);
  });

  it('the size check has teeth: a slide at three-up\'s old scale (0.29) prints its 18 pt text at 5.2 pt, and is caught', () => {
    const [slide] = fixtureFrames(fonts);
    const page: Frame = { kind: 'page', width: 595, height: 842, items: [{ kind: 'group', x: 48, y: 82, scale: 0.29, w: 960, h: 540, items: slide!.items, tag: { artifact: 'Layout' } }] };
    expect(tooSmall([page]).some((s) => s.includes('Date') && s.includes('5.22 pt'))).toBe(true);
  });

  it('leaves out each slide\'s own footer, number and marking (the page has its own) and writes "Slide n" beside it', () => {
    const [slide] = fixtureFrames(fonts);
    const footer = { ...textItems(slide!)[1]!, tag: { artifact: 'Pagination' as const }, source: 'slide 1 footer' };
    const pages = layoutHandout([{ ...slide!, items: [...slide!.items, footer] }, slide!], theme, fonts, { ...options, slideLabel: 'Слайд' });
    expect(slideGroups(pages[0]!).map((g) => g.items.length)).toEqual([slide!.items.length, slide!.items.length]);
    const texts = textItems(pages[0]!).map((item) => item.paragraphs[0]!.lines[0]!.fragments.map((f) => f.text).join(''));
    expect(texts).toEqual(expect.arrayContaining(['Слайд 1', 'Слайд 2']));
  });
});

describe('the seed\'s handout', () => {
  const seed = articleFrames();

  for (const paper of ['a4', 'letter'] as const) {
    for (const mode of ['lines', 'notes'] as const) {
      it(`(${paper}, ${mode}) prints every text run of every slide at 6 pt or more (size × the slide's scale)`, () => {
        const pages = seed.handout(mode, paper);
        expect(printedRuns(pages[0]!).length).toBeGreaterThan(10);
        expect(tooSmall(pages)).toEqual([]);
      });
    }
  }

  it('prints the slides with a figure (timeline, map) two to a page, larger, and the others three to a page, in order', () => {
    const pages = seed.handout('lines');
    const figures = seed.slides.map(showsFigure);
    expect(figures.filter(Boolean)).toHaveLength(2);
    const placed = pages.map((page) => slideGroups(page).map((g) => ({ index: Number(/^slide-(\d+)$/.exec('struct' in g.tag ? g.tag.struct[0]!.id : '')![1]) - 1, scale: g.scale })));
    expect(placed.flat().map((p) => p.index)).toEqual(seed.slides.map((_, i) => i));
    for (const page of placed) {
      if (page.some((p) => figures[p.index])) expect(page.length).toBeLessThanOrEqual(2);
      else expect(page.length).toBeLessThanOrEqual(3);
    }
    const figureScales = placed.flat().filter((p) => figures[p.index]).map((p) => p.scale);
    const otherScales = placed.flat().filter((p) => !figures[p.index]).map((p) => p.scale);
    expect(Math.min(...figureScales)).toBeGreaterThan(1.5 * Math.max(...otherScales));
    // Three a page where they can: the seven slides before the timeline fill two pages and start a third.
    expect(placed.slice(0, 2).map((page) => page.length)).toEqual([3, 3]);
  });
});

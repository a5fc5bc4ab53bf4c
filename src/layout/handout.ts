// Slide frames in, handout page frames out: slides with ruled note lines (three a page, figures two a page, larger) or with their speaker notes.
import type { Theme } from '../model/theme.js';
import type { FontRegistry } from './fonts.js';
import type { Frame, FrameItem, TextItem } from './frame.js';
import { PAPER } from './briefing.js';
import { layoutParagraph, type ParagraphLayout } from './text.js';
import { plainRuns } from './runs.js';
import { markingLine } from './marking.js';

export interface HandoutOptions {
  paper: 'a4' | 'letter';
  mode: 'lines' | 'notes';
  lang: string;
  title: string;
  /** "page {page} of {pages}" */
  pageOf: string;
  notesLabel: string;
  /** "Slide", before each slide's number beside it. */
  slideLabel?: string;
  /** A protective marking, at the top and the bottom of every page. */
  marking?: string;
}

const MARGIN = 48;
const HEADER = 34;
const FOOTER = 30;
const GAP = 18;
const RULE_SPACING = 20;
/** No slide text is printed smaller than this (its size on the slide × the slide's scale on the page). */
export const MIN_PRINTED_PT = 6;
/** A slide's number beside it, and the first note line under the number. */
const NUMBER_SIZE_PT = 8;

export function layoutHandout(slides: Frame[], theme: Theme, fonts: FontRegistry, options: HandoutOptions): Frame[] {
  const paper = PAPER[options.paper];
  // The slide's own footer, number and marking are left out: the page has its title, numbers and marking, and each
  // slide gets its number beside it, in print size.
  const printed = slides.map((slide) => ({ ...slide, items: slide.items.filter((item) => !(item.kind === 'text' && 'artifact' in item.tag && item.tag.artifact === 'Pagination')) }));
  const number = (index: number, x: number, y: number, width: number) => slideNumber(`${options.slideLabel ?? 'Slide'} ${index + 1}`, x, y, width, theme, fonts, options.lang);
  const pages = options.mode === 'lines' ? linesPages(printed, theme, paper, number) : notesPages(printed, theme, fonts, options, paper, number);
  return pages.map((items, index) => ({
    kind: 'page' as const,
    width: paper.width,
    height: paper.height,
    title: `handout page ${index + 1}`,
    items: [...chrome(theme, fonts, options, paper, index + 1, pages.length), ...markingItems(theme, fonts, options, paper), ...items],
  }));
}

function slideGroup(slide: Frame, index: number, x: number, y: number, scale: number, theme: Theme): FrameItem[] {
  return [
    {
      kind: 'group', x, y, scale, w: slide.width, h: slide.height, items: slide.items, clip: true, ...(slide.background ? { background: slide.background } : {}),
      tag: { struct: [{ role: 'Figure', id: `slide-${index + 1}`, alt: `Slide ${index + 1}: ${slide.title ?? ''}` }] },
    },
    { kind: 'rect', x, y, w: slide.width * scale, h: slide.height * scale, stroke: theme.colors.rule, strokeWidth: 0.75, tag: { artifact: 'Layout' } },
  ];
}

type NumberLabel = (index: number, x: number, y: number, width: number) => TextItem;

/** Whether a slide shows a figure (a timeline, a map, a picture): a group tagged as a figure. */
export function showsFigure(slide: Frame): boolean {
  return slide.items.some((item) => item.kind === 'group' && 'struct' in item.tag && item.tag.struct.some((level) => level.role === 'Figure'));
}

/** The smallest text size on a slide, in its own points (table cells and figures included). */
export function smallestTextPt(items: FrameItem[]): number {
  let smallest = Infinity;
  const visit = (item: FrameItem, scale: number) => {
    if (item.kind === 'text') for (const paragraph of item.paragraphs) for (const run of paragraph.layout.spec.runs) if (run.text.trim() !== '') smallest = Math.min(smallest, run.style.sizePt * scale);
    if (item.kind === 'table') item.rows.forEach((row) => row.cells.forEach((cell) => visit(cell.item, scale)));
    if (item.kind === 'group') item.items.forEach((child) => visit(child, scale * item.scale));
  };
  items.forEach((item) => visit(item, 1));
  return smallest;
}

/**
 * Slides with ruled lines for notes, in reading order, down the page: a slide without a figure in a third of the page
 * (the slide left, the lines right), a slide with one — or one whose text would print below 6 pt there — in half of it,
 * across the page, with lines under it. A page holds three thirds, two halves, or a third and a half.
 */
function linesPages(slides: Frame[], theme: Theme, paper: { width: number; height: number }, number: NumberLabel): FrameItem[][] {
  const contentWidth = paper.width - 2 * MARGIN;
  const top = MARGIN + HEADER;
  const bottom = paper.height - MARGIN - FOOTER;
  const third = (bottom - top - 2 * GAP) / 3;
  const half = (bottom - top - GAP) / 2;
  const pages: FrameItem[][] = [[]];
  let y = top;
  const rules = (page: FrameItem[], left: number, from: number, to: number) => {
    for (let lineY = from; lineY <= to + 0.01; lineY += RULE_SPACING) page.push({ kind: 'rule', x1: left, y1: lineY, x2: MARGIN + contentWidth, y2: lineY, colour: theme.colors.rule, width: 0.6, tag: { artifact: 'Layout' } });
  };
  slides.forEach((slide, index) => {
    const readable = MIN_PRINTED_PT / smallestTextPt(slide.items);
    // In a third: as large as the third allows beside at least a hand's width of lines, and never unreadable.
    const thirdScale = Math.max(Math.min(third / slide.height, (contentWidth * 0.56) / slide.width), readable);
    const inThird = !showsFigure(slide) && thirdScale * slide.height <= third + 0.01 && thirdScale * slide.width <= contentWidth - 150;
    const slotHeight = inThird ? third : half;
    if (y > top && y + slotHeight > bottom + 0.01) {
      pages.push([]);
      y = top;
    }
    const page = pages[pages.length - 1]!;
    if (inThird) {
      const height = slide.height * thirdScale;
      page.push(...slideGroup(slide, index, MARGIN, y, thirdScale, theme));
      const linesLeft = MARGIN + slide.width * thirdScale + 22;
      page.push(number(index, linesLeft, y, MARGIN + contentWidth - linesLeft));
      rules(page, linesLeft, y + RULE_SPACING, y + height);
    } else {
      // Across the page, leaving room under it for the number and two lines (fewer where the text needs the room).
      const numberHeight = NUMBER_SIZE_PT * 1.3 + 3;
      const withLines = Math.min(contentWidth / slide.width, (half - numberHeight - 2 * RULE_SPACING) / slide.height);
      const scale = Math.min(Math.max(withLines, readable), contentWidth / slide.width, (half - numberHeight) / slide.height);
      const height = slide.height * scale;
      page.push(...slideGroup(slide, index, MARGIN + (contentWidth - slide.width * scale) / 2, y, scale, theme));
      page.push(number(index, MARGIN, y + height + 3, contentWidth));
      rules(page, MARGIN, y + height + 3 + RULE_SPACING, y + half);
    }
    y += slotHeight + GAP;
  });
  return pages;
}

/** "Slide 3" in the page's small type, at (x, y). */
function slideNumber(text: string, x: number, y: number, width: number, theme: Theme, fonts: FontRegistry, lang: string): TextItem {
  const layout = layoutParagraph({ runs: plainRuns(text, { family: theme.briefing.fonts.heading, sizePt: NUMBER_SIZE_PT, colour: theme.colors.muted, bold: true }), align: 'left', lineHeightPt: NUMBER_SIZE_PT * 1.3, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, width, fonts, lang);
  return { kind: 'text', x, y, w: width, h: layout.height, tag: { artifact: 'Pagination' }, paragraphs: [{ layout, top: 0, lines: layout.lines.slice(0, 1) }] };
}

function notesPages(slides: Frame[], theme: Theme, fonts: FontRegistry, options: HandoutOptions, paper: { width: number; height: number }, number: NumberLabel): FrameItem[][] {
  const contentWidth = paper.width - 2 * MARGIN;
  const top = MARGIN + HEADER;
  const bottom = paper.height - MARGIN - FOOTER;
  const size = 9.5;
  const pages: FrameItem[][] = [[]];
  let y = top;
  slides.forEach((slide, index) => {
    // A figure across the page; any slide large enough that its text prints at 6 pt at least.
    const scale = Math.min(contentWidth / slide.width, Math.max(showsFigure(slide) ? contentWidth / slide.width : (contentWidth * 0.62) / slide.width, MIN_PRINTED_PT / smallestTextPt(slide.items)));
    const slideHeight = slide.height * scale;
    const notes = (slide.notes ?? []).map((text) =>
      layoutParagraph({ runs: plainRuns(text, { family: theme.briefing.fonts.body, sizePt: size, colour: theme.colors.text }), align: 'left', lineHeightPt: size * 1.4, spaceBeforePt: 0, spaceAfterPt: 4, indentPt: 0, hyphenate: true, breakAfterHyphen: false }, contentWidth, fonts, options.lang),
    );
    const numberHeight = NUMBER_SIZE_PT * 1.3 + 4;
    const need = slideHeight + 8 + numberHeight + Math.min(notes.reduce((h, n) => h + n.height + 4, 0), 3 * size * 1.4);
    if (y > top && y + need > bottom) {
      pages.push([]);
      y = top;
    }
    const left = MARGIN + (contentWidth - slide.width * scale) / 2;
    pages[pages.length - 1]!.push(...slideGroup(slide, index, left, y, scale, theme), number(index, left, y + slideHeight + 3, slide.width * scale));
    y += slideHeight + 10 + numberHeight;
    for (const note of notes) {
      let start = 0;
      while (start < note.lines.length) {
        const fit = Math.max(0, Math.floor((bottom - y) / note.spec.lineHeightPt));
        if (fit === 0) {
          pages.push([]);
          y = top;
          continue;
        }
        const lines = note.lines.slice(start, start + fit);
        pages[pages.length - 1]!.push(noteItem(note, lines, y, contentWidth, index));
        y += lines.length * note.spec.lineHeightPt;
        start += lines.length;
      }
      y += note.spec.spaceAfterPt;
    }
    y += GAP;
  });
  return pages;
}

function noteItem(layout: ParagraphLayout, lines: ParagraphLayout['lines'], y: number, width: number, slideIndex: number): TextItem {
  return {
    kind: 'text', x: MARGIN, y, w: width, h: lines.length * layout.spec.lineHeightPt, tag: { struct: [{ role: 'P', id: `notes-${slideIndex}-${y}` }] },
    paragraphs: [{ layout, top: -lines[0]!.top, lines }],
  };
}

function chrome(theme: Theme, fonts: FontRegistry, options: HandoutOptions, paper: { width: number; height: number }, page: number, pages: number): FrameItem[] {
  const size = theme.briefing.sizes.small;
  const width = paper.width - 2 * MARGIN;
  const line = (text: string, align: 'left' | 'right', y: number): TextItem => {
    const layout = layoutParagraph({ runs: plainRuns(text, { family: theme.briefing.fonts.heading, sizePt: size, colour: theme.colors.muted }), align, lineHeightPt: size * 1.3, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, width, fonts, options.lang);
    return { kind: 'text', x: MARGIN, y, w: width, h: layout.height, tag: { artifact: 'Pagination' }, paragraphs: [{ layout, top: 0, lines: layout.lines.slice(0, 1) }] };
  };
  return [
    line(options.title, 'left', MARGIN),
    { kind: 'rule', x1: MARGIN, y1: MARGIN + 16, x2: MARGIN + width, y2: MARGIN + 16, colour: theme.colors.rule, width: 0.5, tag: { artifact: 'Pagination' } },
    line(options.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages)), 'right', paper.height - MARGIN - 10),
  ];
}

function markingItems(theme: Theme, fonts: FontRegistry, options: HandoutOptions, paper: { width: number; height: number }): FrameItem[] {
  if (!options.marking) return [];
  const place = { x: MARGIN, width: paper.width - 2 * MARGIN, family: theme.briefing.fonts.heading, sizePt: theme.briefing.sizes.small + 0.5, colour: theme.colors.accent, fonts, lang: options.lang };
  return [markingLine(options.marking, { ...place, y: 20 }), markingLine(options.marking, { ...place, y: paper.height - 28 })];
}

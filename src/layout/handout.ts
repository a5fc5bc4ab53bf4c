// Slide frames in, handout page frames out: three slides a page with ruled note lines, or two with their speaker notes.
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
  /** A protective marking, at the top and the bottom of every page. */
  marking?: string;
}

const MARGIN = 48;
const HEADER = 34;
const FOOTER = 30;
const GAP = 18;
const RULE_SPACING = 20;

export function layoutHandout(slides: Frame[], theme: Theme, fonts: FontRegistry, options: HandoutOptions): Frame[] {
  const paper = PAPER[options.paper];
  const pages = options.mode === 'lines' ? linesPages(slides, theme, paper) : notesPages(slides, theme, fonts, options, paper);
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

function linesPages(slides: Frame[], theme: Theme, paper: { width: number; height: number }): FrameItem[][] {
  const perPage = 3;
  const contentWidth = paper.width - 2 * MARGIN;
  const slotHeight = (paper.height - 2 * MARGIN - HEADER - FOOTER - (perPage - 1) * GAP) / perPage;
  const pages: FrameItem[][] = [];
  slides.forEach((slide, index) => {
    if (index % perPage === 0) pages.push([]);
    const slot = index % perPage;
    const scale = Math.min(slotHeight / slide.height, (contentWidth * 0.56) / slide.width);
    const x = MARGIN;
    const y = MARGIN + HEADER + slot * (slotHeight + GAP);
    const page = pages[pages.length - 1]!;
    page.push(...slideGroup(slide, index, x, y, scale, theme));
    const linesLeft = x + slide.width * scale + 22;
    const height = slide.height * scale;
    for (let lineY = y + RULE_SPACING; lineY <= y + height + 0.01; lineY += RULE_SPACING) {
      page.push({ kind: 'rule', x1: linesLeft, y1: lineY, x2: MARGIN + contentWidth, y2: lineY, colour: theme.colors.rule, width: 0.6, tag: { artifact: 'Layout' } });
    }
  });
  return pages;
}

function notesPages(slides: Frame[], theme: Theme, fonts: FontRegistry, options: HandoutOptions, paper: { width: number; height: number }): FrameItem[][] {
  const contentWidth = paper.width - 2 * MARGIN;
  const top = MARGIN + HEADER;
  const bottom = paper.height - MARGIN - FOOTER;
  const size = 9.5;
  const pages: FrameItem[][] = [[]];
  let y = top;
  slides.forEach((slide, index) => {
    const scale = (contentWidth * 0.62) / slide.width;
    const slideHeight = slide.height * scale;
    const notes = (slide.notes ?? []).map((text) =>
      layoutParagraph({ runs: plainRuns(text, { family: theme.briefing.fonts.body, sizePt: size, colour: theme.colors.text }), align: 'left', lineHeightPt: size * 1.4, spaceBeforePt: 0, spaceAfterPt: 4, indentPt: 0, hyphenate: true, breakAfterHyphen: false }, contentWidth, fonts, options.lang),
    );
    const need = slideHeight + 8 + Math.min(notes.reduce((h, n) => h + n.height + 4, 0), 3 * size * 1.4);
    if (y > top && y + need > bottom) {
      pages.push([]);
      y = top;
    }
    pages[pages.length - 1]!.push(...slideGroup(slide, index, MARGIN + (contentWidth - slide.width * scale) / 2, y, scale, theme));
    y += slideHeight + 10;
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

// Doc (briefing Markdown) + theme in, A4/Letter page frames out: flow, widows/orphans, tables, header and footer.
import type { Block, Doc, Inline } from '../parse/doc.js';
import { assertNever, inlineText } from '../parse/doc.js';
import type { Theme } from '../model/theme.js';
import type { Diagnostic, Result } from '../diagnostics.js';
import type { FontRegistry } from './fonts.js';
import { layoutParagraph, type ParagraphLayout, type ParagraphSpec, type TextStyle } from './text.js';
import { runsFromInlines, plainRuns, type RunBase } from './runs.js';
import { columnWidths, measureRows } from './table.js';
import { INSIDE_GROUP, type Frame, type FrameItem, type StructLevel, type Tag, type TextItem } from './frame.js';
import { figureKind } from './figures/index.js';
import { markingLine } from './marking.js';
import { logoItem } from './logo.js';
import type { ImageSource } from '../load/image.js';

export const PAPER: Record<'a4' | 'letter', { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export interface BriefingOptions {
  paper: 'a4' | 'letter';
  lang: string;
  /** Running header text, e.g. "Briefing · <title>". */
  header: string;
  footerLeft: string;
  /** "page {page} of {pages}" */
  pageOf: string;
  /** A protective marking, at the top and the bottom of every page. */
  marking?: string;
  /** On the cover, and small at the right of the running header. */
  logo?: ImageSource;
}

const MIN_LINES = 2; // orphans and widows

type Flow =
  | { kind: 'lines'; layout: ParagraphLayout; x: number; width: number; struct: StructLevel[]; keepWithNext: boolean }
  /**
   * In the side column, beside the text where it falls (a pull quote): items relative to its top left corner. `repeats`
   * is the text of the body it repeats: it is never set on that text's page or the page facing it.
   */
  | { kind: 'aside'; height: number; items: FrameItem[]; tag: Tag; repeats?: string }
  /**
   * Kept on one page: items relative to the block's top left corner, placed as a group (tagged as one element when `tag`
   * is). A `float` (a picture) that does not fit the rest of the page waits for the top of the next one while the text
   * goes on, instead of leaving a gap (or taking its heading along).
   */
  | { kind: 'block'; height: number; spaceBeforePt: number; spaceAfterPt: number; keepWithNext: boolean; items: FrameItem[]; tag: Tag; float?: boolean }
  | { kind: 'table'; x: number; widths: number[]; rows: { height: number; header: boolean; cells: ParagraphLayout[] }[]; padding: number; struct: StructLevel[]; spaceBeforePt: number; spaceAfterPt: number };

/** How much the leading and the space between paragraphs are tightened to pull a sparse last page back (1 = as themed). */
interface Tightness {
  leading: number;
  spacing: number;
}
const TIGHTER: Tightness[] = [{ leading: 0.985, spacing: 0.75 }, { leading: 0.97, spacing: 0.5 }];
/** When tightening cannot save the page, a little more air sends more of the text to it instead. */
const LOOSER: Tightness[] = [{ leading: 1.02, spacing: 1.5 }, { leading: 1.04, spacing: 2 }, { leading: 1.06, spacing: 2.5 }];
/** No page, the last included, is left holding less than this share of its text area. */
export const MIN_PAGE_FILL = 0.25;

/**
 * The briefing at the theme's leading; when its last page would hold less than a quarter of a page, the leading and
 * paragraph spacing are tightened a little, step by step, to pull it back; failing that, loosened a little to send more
 * to it. The first setting that saves or fills the last page is kept.
 */
export function layoutBriefing(doc: Doc, theme: Theme, fonts: FontRegistry, options: BriefingOptions): Result<Frame[]> {
  const first = layoutWith(doc, theme, fonts, options, { leading: 1, spacing: 1 });
  if (lastPageFill(first.value, theme) >= MIN_PAGE_FILL || first.value.length < 2) return first;
  for (const tightness of TIGHTER) {
    const tighter = layoutWith(doc, theme, fonts, options, tightness);
    if (tighter.value.length < first.value.length || lastPageFill(tighter.value, theme) >= MIN_PAGE_FILL) return tighter;
  }
  for (const looseness of LOOSER) {
    const looser = layoutWith(doc, theme, fonts, options, looseness);
    if (looser.value.length === first.value.length && lastPageFill(looser.value, theme) >= MIN_PAGE_FILL) return looser;
  }
  return first;
}

/** How full the last page's text area is: the lowest content item's bottom, as a share of the area's height. */
export function lastPageFill(pages: Frame[], theme: Theme): number {
  const page = pages[pages.length - 1];
  if (!page) return 0;
  const { top, bottom } = theme.briefing.margins;
  const areaBottom = page.height - bottom;
  const lowest = Math.max(top, ...page.items.filter((item) => 'y' in item && !('artifact' in item.tag && item.tag.artifact === 'Pagination') && item.y < areaBottom).map((item) => ('h' in item ? item.y + item.h : top)));
  return (lowest - top) / (areaBottom - top);
}

/** The side column and the text column: the text column keeps lines near 65 characters; figures and tables span both. */
export function columnsOf(theme: Theme, contentWidthPt: number): { textXPt: number; textWidthPt: number; sideXPt: number; sideWidthPt: number } {
  const { sideWidthPt, gutterPt, side } = theme.briefing.columns;
  const textWidthPt = contentWidthPt - sideWidthPt - gutterPt;
  return side === 'right'
    ? { textXPt: 0, textWidthPt, sideXPt: textWidthPt + gutterPt, sideWidthPt }
    : { textXPt: sideWidthPt + gutterPt, textWidthPt, sideXPt: 0, sideWidthPt };
}

function layoutWith(doc: Doc, theme: Theme, fonts: FontRegistry, options: BriefingOptions, tightness: Tightness): Result<Frame[]> {
  const diagnostics: Diagnostic[] = [];
  const paper = PAPER[options.paper];
  const { margins, sizes, fonts: roles } = theme.briefing;
  const colors = theme.colors;
  const contentWidth = paper.width - margins.left - margins.right;
  const grid = columnsOf(theme, contentWidth);
  const textWidth = grid.textWidthPt;
  const bodyLine = sizes.body * theme.briefing.lineHeightRatio * tightness.leading;
  let nextId = 0;
  const id = (prefix: string) => `${prefix}${++nextId}`;

  const base = (over: Partial<RunBase> = {}): RunBase => ({ family: roles.body, sizePt: sizes.body, colour: colors.text, linkColour: colors.accent, ...over });
  const figureContext = { theme, fonts, lang: options.lang, bodyHeightPt: paper.height - margins.top - margins.bottom };
  const spec = (runs: ParagraphSpec['runs'], over: Partial<ParagraphSpec> = {}): ParagraphSpec => ({
    runs, align: 'left', lineHeightPt: bodyLine, spaceBeforePt: 0, spaceAfterPt: theme.briefing.paragraphSpacing * tightness.spacing, indentPt: 0, hyphenate: false, breakAfterHyphen: false, breaker: 'total-fit', ...over,
  });
  const lay = (s: ParagraphSpec, width: number) => layoutParagraph(s, width, fonts, options.lang);
  const textItem = (layouts: { layout: ParagraphLayout; top: number }[], x: number, y: number, w: number, tag: Tag): TextItem => ({
    kind: 'text', x, y, w, h: Math.max(0, ...layouts.map((l) => l.top + l.layout.height)), tag,
    paragraphs: layouts.map((l) => ({ layout: l.layout, top: l.top, lines: l.layout.lines })),
  });

  const flows: Flow[] = [];
  const paragraphFlow = (inlines: Inline[], struct: StructLevel[], over: Partial<ParagraphSpec> = {}, runBase: Partial<RunBase> = {}, x = grid.textXPt, width = textWidth) => {
    const layout = lay(spec(runsFromInlines(inlines, base(runBase)), { align: 'justify', hyphenate: true, ...over }), width);
    flows.push({ kind: 'lines', layout, x, width, struct, keepWithNext: false });
  };

  /** A self-contained group of paragraphs (cover, key points, quote) placed as one unbreakable block. */
  const stackedBlock = (paragraphs: { layout: ParagraphLayout; struct: StructLevel[] }[], inset: { left: number; top: number; bottom: number }, decorate: (h: number) => FrameItem[], spacing: { before: number; after: number }) => {
    let top = inset.top;
    const placed = paragraphs.map((p, index) => {
      if (index > 0) top += p.layout.spec.spaceBeforePt;
      const entry = { ...p, top };
      top += p.layout.height + (index < paragraphs.length - 1 ? p.layout.spec.spaceAfterPt : 0);
      return entry;
    });
    const height = top + inset.bottom;
    flows.push({
      kind: 'block', height, spaceBeforePt: spacing.before, spaceAfterPt: spacing.after, keepWithNext: false, tag: INSIDE_GROUP,
      items: [
        ...decorate(height),
        ...placed.map((p) => textItem([{ layout: p.layout, top: 0 }], inset.left, p.top, contentWidth - inset.left, { struct: p.struct })),
      ],
    });
  };

  /**
   * A box of paragraphs that may break between them across pages: one block of the flow per paragraph (a heading kept
   * with the paragraph after it), each with its slice of the box's background, so that the pieces on one page read as
   * one box and a long box goes on over the next page instead of running through the footer.
   */
  const breakableBox = (paragraphs: { layout: ParagraphLayout; struct: StructLevel[]; keepWithNext?: boolean }[], inset: { left: number; top: number; bottom: number }, decorate: (h: number) => FrameItem[], spacing: { before: number; after: number }) => {
    paragraphs.forEach((p, index) => {
      const first = index === 0;
      const last = index === paragraphs.length - 1;
      const top = first ? inset.top : 0;
      const height = top + p.layout.height + (last ? inset.bottom : p.layout.spec.spaceAfterPt);
      flows.push({
        kind: 'block', height, spaceBeforePt: first ? spacing.before : 0, spaceAfterPt: last ? spacing.after : 0, keepWithNext: p.keepWithNext ?? false, tag: INSIDE_GROUP,
        items: [...decorate(height), textItem([{ layout: p.layout, top: 0 }], inset.left, top, contentWidth - inset.left, { struct: p.struct })],
      });
    });
  };

  const bulletParagraphs = (items: Block[][], ordered: boolean, runBase: Partial<RunBase>, width: number, listId: string): { layout: ParagraphLayout; struct: StructLevel[] }[] =>
    items.flatMap((item, index) => {
      const inlines = item.flatMap((block) => (block.type === 'paragraph' ? block.children : []));
      const b = base(runBase);
      const bulletStyle: TextStyle = { family: b.family, weight: ordered ? 'regular' : 'bold', italic: false, sizePt: b.sizePt, colour: colors.accent };
      // Numbers hang in an indent as wide as the list's widest number ("10." and on need more than "9.").
      const indentPt = ordered ? Math.max(16, Math.ceil(fonts.face(bulletStyle).width(`${items.length}.`, bulletStyle.sizePt) + bulletStyle.sizePt * 0.35)) : 16;
      const layout = lay(spec(runsFromInlines(inlines, b), { indentPt, bullet: { text: ordered ? `${index + 1}.` : '•', style: bulletStyle }, spaceAfterPt: 4, lineHeightPt: b.sizePt * 1.38 }), width);
      return [{ layout, struct: [{ role: 'L', id: listId }, { role: 'LI', id: `${listId}.${index}` }, { role: 'LBody', id: `${listId}.${index}b` }] as StructLevel[] }];
    });

  const headingFlow = (block: Extract<Block, { type: 'heading' }>) => {
    const size = block.depth <= 2 ? sizes.heading : sizes.subheading;
    const layout = lay(spec(runsFromInlines(block.children, base({ family: roles.heading, sizePt: size, bold: true, colour: colors.text })), { lineHeightPt: size * 1.3, spaceBeforePt: 14, spaceAfterPt: 5, balance: true }), textWidth);
    flows.push({ kind: 'lines', layout, x: grid.textXPt, width: textWidth, struct: [{ role: block.depth <= 2 ? 'H2' : 'H3', id: id('h'), outline: inlineText(block.children) }], keepWithNext: true });
  };

  for (const block of doc.children) {
    switch (block.type) {
      case 'container':
        if (block.name === 'cover') {
          const parts: { layout: ParagraphLayout; struct: StructLevel[] }[] = [];
          parts.push({ layout: lay(spec(plainRuns(options.header.split(' · ')[0]!.toUpperCase(), base({ family: roles.heading, sizePt: sizes.small + 0.5, colour: colors.accent, bold: true })), { spaceAfterPt: 8 }), contentWidth), struct: [{ role: 'P', id: id('kicker') }] });
          for (const child of block.children) {
            if (child.type === 'heading') {
              parts.push({ layout: lay(spec(runsFromInlines(child.children, base({ family: roles.heading, sizePt: sizes.title, colour: colors.text, bold: true })), { lineHeightPt: sizes.title * 1.3, spaceAfterPt: 10, balance: true }), contentWidth), struct: [{ role: 'H1', id: id('h') }] });
            } else if (child.type === 'paragraph') {
              parts.push({ layout: lay(spec(runsFromInlines(child.children, base({ family: roles.heading, sizePt: sizes.byline, colour: colors.muted })), { lineHeightPt: sizes.byline * 1.4, spaceAfterPt: 4 }), contentWidth), struct: [{ role: 'P', id: id('p') }] });
            }
          }
          const logo = options.logo ? logoItem(options.logo, { x: 0, y: 0, heightPt: 44, maxWidthPt: contentWidth * 0.4 }, { artifact: 'Layout' }) : undefined;
          stackedBlock(parts, { left: 0, top: logo ? logo.h + 16 : 0, bottom: 14 }, (h) => [
            ...(logo ? [logo] : []),
            { kind: 'rule', x1: 0, y1: h, x2: contentWidth, y2: h, colour: colors.accent, width: 1.5, tag: { artifact: 'Layout' } },
          ], { before: 0, after: 18 });
        } else if (block.name === 'keypoints') {
          const inset = 14;
          const innerWidth = contentWidth - 2 * inset - 4;
          const listId = id('l');
          const parts: { layout: ParagraphLayout; struct: StructLevel[]; keepWithNext?: boolean }[] = [];
          for (const child of block.children) {
            if (child.type === 'heading') parts.push({ layout: lay(spec(runsFromInlines(child.children, base({ family: roles.heading, sizePt: sizes.subheading, colour: colors.accent, bold: true })), { spaceAfterPt: 6, lineHeightPt: sizes.subheading * 1.3 }), innerWidth), struct: [{ role: 'H2', id: id('h'), outline: inlineText(child.children) }], keepWithNext: true });
            if (child.type === 'list') parts.push(...bulletParagraphs(child.items, child.ordered, { family: roles.heading, sizePt: sizes.body }, innerWidth, listId));
          }
          breakableBox(parts, { left: inset + 4, top: inset - 2, bottom: inset - 4 }, (h) => [
            { kind: 'rect', x: 0, y: 0, w: contentWidth, h, fill: colors.accentSoft, tag: { artifact: 'Background' } },
            { kind: 'rect', x: 0, y: 0, w: 4, h, fill: colors.accent, tag: { artifact: 'Background' } },
          ], { before: 0, after: 16 });
        } else if (block.name === 'quote') {
          // A quotation in the article's text: in the text column, indented and italic; it may run over pages.
          const quoteId = id('q');
          const [first, ...rest] = block.children;
          if (first?.type === 'paragraph') paragraphFlow(first.children, [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }], { indentPt: 18, align: 'left' }, { italic: true });
          for (const child of rest) if (child.type === 'paragraph') paragraphFlow(child.children, [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }], { indentPt: 18, align: 'left' }, { italic: true });
        } else if (block.name === 'pullquote') {
          // A pull quote: in the side column, large and italic, with its attribution under it.
          const quoteId = id('q');
          const [first, ...rest] = block.children;
          const sideWidth = grid.sideWidthPt - 12;
          const quoteSize = sizes.quote;
          const parts: { layout: ParagraphLayout; top: number; struct: StructLevel[] }[] = [];
          let top = 0;
          const add = (layout: ParagraphLayout, struct: StructLevel[]) => {
            parts.push({ layout, top, struct });
            top += layout.height + layout.spec.spaceAfterPt;
          };
          if (first?.type === 'paragraph') add(lay(spec(runsFromInlines(first.children, base({ family: roles.heading, sizePt: quoteSize, italic: true, colour: colors.accent })), { lineHeightPt: quoteSize * 1.28, spaceAfterPt: 6, hyphenate: false, align: 'left' }), sideWidth), [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }]);
          for (const child of rest) if (child.type === 'paragraph') add(lay(spec(runsFromInlines(child.children, base({ family: roles.heading, sizePt: sizes.small + 0.5, colour: colors.muted })), { lineHeightPt: (sizes.small + 0.5) * 1.35, spaceAfterPt: 0, align: 'left' }), sideWidth), [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }]);
          const height = top + 8;
          if (height > (paper.height - margins.top - margins.bottom) * MAX_ASIDE_SHARE) {
            // Too long to pull out: set in the text column as an indented quotation, which may run over pages.
            const indentPt = 18;
            if (first?.type === 'paragraph') paragraphFlow(first.children, [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }], { indentPt, align: 'left' }, { italic: true });
            for (const child of rest) if (child.type === 'paragraph') paragraphFlow(child.children, [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }], { indentPt, align: 'left' }, { family: roles.heading, sizePt: sizes.small + 0.5, colour: colors.muted });
            break;
          }
          flows.push({
            kind: 'aside', height, tag: INSIDE_GROUP, repeats: first?.type === 'paragraph' ? inlineText(first.children) : undefined,
            items: [
              { kind: 'rule', x1: 0, y1: 0, x2: 0, y2: height - 8, colour: colors.accent, width: 2, tag: { artifact: 'Layout' } },
              ...parts.map((p) => textItem([{ layout: p.layout, top: 0 }], 12, p.top, sideWidth, { struct: p.struct })),
            ],
          });
        } else if (block.name === 'backmatter') {
          // About the author, a citation: ragged right and unhyphenated, as references are set.
          for (const child of block.children) {
            if (child.type === 'heading') headingFlow(child);
            else if (child.type === 'paragraph') paragraphFlow(child.children, [{ role: 'P', id: id('p') }], { align: 'left', hyphenate: false });
          }
        } else if (block.name === 'notes') {
          // Speaker notes belong to slides; a briefing template that has them shows their paragraphs as text.
          for (const child of block.children) if (child.type === 'paragraph') paragraphFlow(child.children, [{ role: 'P', id: id('p') }]);
        } else {
          assertNever(block.name);
        }
        break;
      case 'heading':
        headingFlow(block);
        break;
      case 'paragraph':
        paragraphFlow(block.children, [{ role: 'P', id: id('p') }]);
        break;
      case 'list': {
        const listId = id('l');
        for (const part of bulletParagraphs(block.items, block.ordered, {}, textWidth, listId)) flows.push({ kind: 'lines', layout: part.layout, x: grid.textXPt, width: textWidth, struct: part.struct, keepWithNext: false });
        break;
      }
      case 'table': {
        const padding = 4;
        const cellSpec = (inlines: Inline[], header: boolean) => spec(runsFromInlines(inlines, base({ family: roles.heading, sizePt: sizes.table, bold: header, colour: colors.text })), { lineHeightPt: sizes.table * 1.3, spaceAfterPt: 0 });
        const specs = [block.header.map((c) => cellSpec(c, true)), ...block.rows.map((row) => row.map((c) => cellSpec(c, false)))];
        const widths = columnWidths(specs, contentWidth, padding, fonts);
        const rows = measureRows(specs, 1, widths, padding, fonts, options.lang);
        flows.push({ kind: 'table', x: 0, widths, rows, padding, struct: [{ role: 'Table', id: id('t') }], spaceBeforePt: 2, spaceAfterPt: 12 });
        break;
      }
      case 'figure': {
        const figure: StructLevel = { role: 'Figure', id: id(block.name), alt: block.alt };
        const pieces = figureKind(block).onPage(block.data, figureContext, contentWidth);
        for (const piece of pieces) flows.push({ kind: 'block', height: piece.heightPt, spaceBeforePt: piece.spaceBeforePt, spaceAfterPt: piece.spaceAfterPt, keepWithNext: false, items: piece.items, tag: { struct: [figure] }, ...(block.name === 'image' ? { float: true } : {}) });
        break;
      }
      case 'slide':
      case 'separator':
        break;
      default:
        assertNever(block);
    }
  }

  const pages = paginate(flows, { paper, margins, colors, options, fonts, theme, lang: options.lang, side: { x: grid.sideXPt, w: grid.sideWidthPt } });
  return { value: pages, diagnostics };
}

const contentWidth = (ctx: PageContext) => ctx.paper.width - ctx.margins.left - ctx.margins.right;

interface PageContext {
  paper: { width: number; height: number };
  margins: Theme['briefing']['margins'];
  colors: Theme['colors'];
  options: BriefingOptions;
  fonts: FontRegistry;
  theme: Theme;
  lang: string;
  /** The side column, relative to the left margin. */
  side: { x: number; w: number };
}

function paginate(flows: Flow[], ctx: PageContext): Frame[] {
  const { paper, margins } = ctx;
  const top = margins.top;
  const bottom = paper.height - margins.bottom;
  const left = margins.left;
  const pages: FrameItem[][] = [[]];
  let y = top;
  /** Bottom of the side column's content on this page: what spans both columns goes below it. */
  let sideBottom = top;
  const pendingAsides: Extract<Flow, { kind: 'aside' }>[] = [];
  /** The pages (0-based) each text's lines were set on, to keep a pull quote off the page of the sentence it repeats. */
  const textPages: { text: string; page: number }[] = [];
  const page = () => pages[pages.length - 1]!;
  const placeAsides = () => {
    while (pendingAsides.length > 0) {
      const aside = pendingAsides[0]!;
      if (!asideAllowed(aside, pages.length - 1, textPages)) return;
      // Not where a figure or table that spans both columns comes next on this page: it would go below the quote,
      // leaving a gap above it. The quote waits for the text after it.
      if (spanningSoonBelow(current, aside.height)) return;
      const at = Math.max(y, sideBottom);
      if (at + aside.height > bottom && at > top) return;
      page().push({ kind: 'group', x: left + ctx.side.x, y: at, scale: 1, w: ctx.side.w, h: aside.height, items: aside.items, tag: aside.tag });
      sideBottom = at + aside.height + 12;
      pendingAsides.shift();
    }
  };
  type Block = Extract<Flow, { kind: 'block' }>;
  /** Pictures waiting for the top of a page (`float`), in order. */
  const pendingFloats: Block[] = [];
  const fits = (block: Block) => atTop() || Math.max(y, sideBottom) + block.spaceBeforePt + block.height <= bottom;
  const placeBlock = (block: Block) => {
    clearSide();
    if (!atTop()) y += block.spaceBeforePt;
    page().push({ kind: 'group', x: left, y, scale: 1, w: contentWidth(ctx), h: block.height, items: block.items, tag: block.tag });
    y += block.height + block.spaceAfterPt;
  };
  const placeFloats = () => {
    while (pendingFloats.length > 0 && fits(pendingFloats[0]!)) placeBlock(pendingFloats.shift()!);
  };
  /** A new page: pictures waiting go at its top; pull quotes waiting for one go beside its text, so not while a figure or table is being set. */
  const newPage = (besideText = true) => {
    pages.push([]);
    y = top;
    sideBottom = top;
    placeFloats();
    if (besideText) placeAsides();
  };
  /** Pictures still waiting at the end get pages of their own. */
  const flushFloats = () => {
    while (pendingFloats.length > 0) {
      placeFloats();
      if (pendingFloats.length > 0) newPage(false);
    }
  };
  const atTop = () => y === top;
  /** Before anything that spans both columns: below the side column's content. */
  const clearSide = () => {
    if (sideBottom > y) y = sideBottom;
  };
  /** Whether a figure or table that fits this page would start less than `heightPt` below the flow at `index`. */
  /** The flow being set. */
  let current = -1;
  const spanningSoonBelow = (index: number, heightPt: number): boolean => {
    let below = 0;
    for (const next of flows.slice(index + 1)) {
      if (next.kind === 'aside') continue;
      if (next.kind === 'lines') {
        below += next.layout.spec.spaceBeforePt + next.layout.height + next.layout.spec.spaceAfterPt;
        if (below >= heightPt) return false;
        continue;
      }
      const need = next.kind === 'block' ? next.height : tableNeed(next, bottom - top);
      return y + below + next.spaceBeforePt + need <= bottom;
    }
    return false;
  };
  const firstHeight = (flow: Flow | undefined): number => {
    if (!flow) return 0;
    // A paragraph too short to split (fewer than two lines on each side) must come whole.
    if (flow.kind === 'lines') return flow.layout.spec.spaceBeforePt + (flow.layout.lines.length < 2 * MIN_LINES ? flow.layout.lines.length : MIN_LINES) * flow.layout.spec.lineHeightPt;
    if (flow.kind === 'block') return flow.spaceBeforePt + flow.height;
    if (flow.kind === 'aside') return 0;
    const need = tableNeed(flow, bottom - top);
    return need <= bottom - top ? flow.spaceBeforePt + need : 0;
  };

  flows.forEach((flow, index) => {
    current = index;
    switch (flow.kind) {
      case 'lines': {
        const { layout } = flow;
        const text = layout.spec.runs.map((run) => run.text).join('');
        const lineHeight = layout.spec.lineHeightPt;
        if (!atTop()) y += layout.spec.spaceBeforePt;
        // A heading keeps with what follows; a picture right after it that would wait for the next page does not count.
        const after = y + layout.height + layout.spec.spaceAfterPt;
        const next = flows[index + 1];
        const kept = next?.kind === 'block' && next.float && after + next.spaceBeforePt + next.height > bottom ? flows[index + 2] : next;
        if (flow.keepWithNext && !atTop() && after + firstHeight(kept) > bottom) newPage();
        let start = 0;
        while (start < layout.lines.length) {
          const remainingLines = layout.lines.length - start;
          let fit = Math.floor((bottom - y + 0.01) / lineHeight);
          if (fit >= remainingLines) fit = remainingLines;
          else if (fit < MIN_LINES || remainingLines <= MIN_LINES) fit = 0;
          else if (remainingLines - fit < MIN_LINES) fit = remainingLines - MIN_LINES < MIN_LINES ? 0 : remainingLines - MIN_LINES;
          if (fit <= 0 && !atTop()) {
            newPage();
            continue;
          }
          if (fit <= 0) fit = Math.max(1, Math.floor((bottom - y) / lineHeight));
          const lines = layout.lines.slice(start, start + fit);
          const offset = lines[0]!.top;
          textPages.push({ text: lettersOf(text.slice(lines[0]!.start, lines[lines.length - 1]!.end)), page: pages.length - 1 });
          page().push({
            kind: 'text', x: left + flow.x, y, w: flow.width, h: fit * lineHeight, tag: { struct: flow.struct },
            paragraphs: [{ layout, top: -offset, lines }],
          });
          y += fit * lineHeight;
          start += fit;
          if (start < layout.lines.length) newPage();
        }
        y += layout.spec.spaceAfterPt;
        break;
      }
      case 'aside':
        pendingAsides.push(flow);
        placeAsides();
        break;
      case 'block':
        if (flow.float && (pendingFloats.length > 0 || !fits(flow))) {
          pendingFloats.push(flow);
          break;
        }
        if (!fits(flow)) newPage(false);
        placeBlock(flow);
        placeAsides();
        break;
      case 'table': {
        clearSide();
        if (!atTop()) y += flow.spaceBeforePt;
        const [header, ...body] = flow.rows;
        if (!header) break;
        // A short table is kept whole; a long one needs its header and first row together.
        const need = tableNeed(flow, bottom - top);
        // (What needs more than a page starts where it is: a new page would only leave a heading alone above it.)
        if (y + need > bottom && !atTop() && need <= bottom - top) newPage(false);
        let rowsHere: typeof flow.rows = [header];
        let height = header.height;
        const tableId = flow.struct[0]!.id;
        const flush = () => {
          page().push(tableItem(flow, rowsHere, left + flow.x, y, tableId, ctx));
          y += height;
        };
        for (const row of body) {
          if (y + height + row.height > bottom && rowsHere.length > 1) {
            flush();
            newPage(false);
            rowsHere = [header];
            height = header.height;
          }
          rowsHere.push(row);
          height += row.height;
        }
        flush();
        y += flow.spaceAfterPt;
        placeAsides();
        break;
      }
      default:
        assertNever(flow);
    }
  });

  flushFloats();
  // Pull quotes still waiting: one that may stand on a later page gets one; one that found no page off its sentence's
  // spread (the article ends there) is left out — its words are in the text already, and it would stand beside them.
  while (pendingAsides.length > 0) {
    if (!asideAllowed(pendingAsides[0]!, pages.length, textPages)) pendingAsides.shift();
    else newPage();
  }
  const total = pages.length;
  return pages.map((items, index) => ({
    kind: 'page',
    width: paper.width,
    height: paper.height,
    items: [...markingItems(ctx), ...(index > 0 ? headerItems(ctx) : []), ...items, ...footerItems(ctx, index + 1, total)],
    title: `page ${index + 1}`,
  }));
}

/** A pull quote taller than this share of the text area is set in the text column instead. */
const MAX_ASIDE_SHARE = 0.5;

/** Tables of up to this many body rows are never split over pages. */
const KEEP_TABLE_ROWS = 8;

/** The height a table needs at the foot of a page: all of it when short and smaller than a page, else its header and first row. */
function tableNeed(flow: Extract<Flow, { kind: 'table' }>, pageHeightPt: number): number {
  const whole = flow.rows.reduce((sum, row) => sum + row.height, 0);
  if (flow.rows.length <= KEEP_TABLE_ROWS + 1 && whole <= pageHeightPt) return whole;
  return (flow.rows[0]?.height ?? 0) + (flow.rows[1]?.height ?? 0);
}

/** Letters and digits only, lower case: how a pull quote is found in the text whatever its quotation marks and breaks. */
function lettersOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Pages face each other in pairs after the first (2–3, 4–5, …); a pull quote stays off its sentence's spread. */
function asideAllowed(aside: Extract<Flow, { kind: 'aside' }>, pageIndex: number, textPages: { text: string; page: number }[]): boolean {
  if (!aside.repeats) return true;
  const key = lettersOf(aside.repeats).slice(0, 80);
  if (key.length === 0) return true;
  const spread = (index: number) => (index === 0 ? 0 : Math.floor((index + 1) / 2));
  return !textPages.some((entry) => entry.text.includes(key) && spread(entry.page) === spread(pageIndex));
}

let rowCounter = 0;

function tableItem(flow: Extract<Flow, { kind: 'table' }>, rows: Extract<Flow, { kind: 'table' }>['rows'], x: number, y: number, tableId: string, ctx: PageContext): FrameItem {
  let rowTop = 0;
  return {
    kind: 'table', x, y, columns: flow.widths, padding: flow.padding, borderColor: ctx.colors.rule, tag: { struct: flow.struct },
    rows: rows.map((row) => {
      const rowId = `${tableId}.r${++rowCounter}`;
      let cellX = 0;
      const cells = row.cells.map((layout, column) => {
        const width = flow.widths[column] ?? 0;
        const item: TextItem = {
          kind: 'text', x: cellX + flow.padding, y: rowTop + flow.padding, w: width - 2 * flow.padding, h: layout.height,
          paragraphs: [{ layout, top: 0, lines: layout.lines }],
          tag: { struct: [...flow.struct, { role: 'TR', id: rowId }, { role: row.header ? 'TH' : 'TD', id: `${rowId}.c${column}` }] },
        };
        cellX += width;
        return { item, ...(row.header ? { fill: ctx.colors.tableHeader } : {}) };
      });
      rowTop += row.height;
      return { height: row.height, header: row.header, cells };
    }),
  };
}

function smallText(text: string, x: number, y: number, width: number, align: 'left' | 'right', ctx: PageContext, tag: Tag): TextItem {
  const size = ctx.theme.briefing.sizes.small;
  const layout = layoutParagraph({
    runs: plainRuns(text, { family: ctx.theme.briefing.fonts.heading, sizePt: size, colour: ctx.colors.muted }),
    align, lineHeightPt: size * 1.3, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false, breakAfterHyphen: false,
  }, width, ctx.fonts, ctx.lang);
  const firstLine = layout.lines.slice(0, 1);
  return { kind: 'text', x, y, w: width, h: layout.height, tag, paragraphs: [{ layout, top: 0, lines: firstLine }] };
}

function headerItems(ctx: PageContext): FrameItem[] {
  const { margins, paper, colors } = ctx;
  const width = paper.width - margins.left - margins.right;
  const y = margins.top - 34;
  const logo = ctx.options.logo ? logoItem(ctx.options.logo, { x: margins.left + width, y: y - 3, heightPt: 14, maxWidthPt: width * 0.25, alignRight: true }, { artifact: 'Pagination' }) : undefined;
  return [
    ...(logo ? [logo] : []),
    smallText(ctx.options.header, margins.left, y, logo ? width - logo.w - 12 : width, 'left', ctx, { artifact: 'Pagination' }),
    { kind: 'rule', x1: margins.left, y1: y + 15, x2: margins.left + width, y2: y + 15, colour: colors.rule, width: 0.5, tag: { artifact: 'Pagination' } },
  ];
}

function footerItems(ctx: PageContext, page: number, pages: number): FrameItem[] {
  const { margins, paper, colors } = ctx;
  const width = paper.width - margins.left - margins.right;
  const y = paper.height - margins.bottom + 24;
  const pageText = ctx.options.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages));
  return [
    { kind: 'rule', x1: margins.left, y1: y - 6, x2: margins.left + width, y2: y - 6, colour: colors.rule, width: 0.5, tag: { artifact: 'Pagination' } },
    smallText(ctx.options.footerLeft, margins.left, y, width * 0.7, 'left', ctx, { artifact: 'Pagination' }),
    smallText(pageText, margins.left + width * 0.7, y, width * 0.3, 'right', ctx, { artifact: 'Pagination' }),
  ];
}

/** The marking centred above the running header and below the footer (every page, the first included). */
function markingItems(ctx: PageContext): FrameItem[] {
  const text = ctx.options.marking;
  if (!text) return [];
  const { margins, paper } = ctx;
  const place = { x: margins.left, width: paper.width - margins.left - margins.right, family: ctx.theme.briefing.fonts.heading, sizePt: ctx.theme.briefing.sizes.small + 0.5, colour: ctx.colors.accent, fonts: ctx.fonts, lang: ctx.lang };
  return [markingLine(text, { ...place, y: 16 }), markingLine(text, { ...place, y: paper.height - 26 })];
}

// Doc (briefing Markdown) + theme in, A4/Letter page frames out: flow, widows/orphans, tables, header and footer.
import type { Block, Doc, Inline } from '../parse/doc.js';
import { assertNever, inlineText } from '../parse/doc.js';
import type { Theme } from '../model/theme.js';
import type { Diagnostic, Result } from '../diagnostics.js';
import type { FontRegistry } from './fonts.js';
import { layoutParagraph, type ParagraphLayout, type ParagraphSpec, type TextStyle } from './text.js';
import { runsFromInlines, plainRuns, type RunBase } from './runs.js';
import { columnWidths, measureRows } from './table.js';
import type { Frame, FrameItem, StructLevel, Tag, TextItem } from './frame.js';
import { verticalTimelineRows } from './figures/timeline.js';
import { mapItems, type FigureData } from './figures/map.js';
import { shiftX } from './figures/shift.js';

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
  /** The data the figures (`::timeline`, `::map`) are drawn from. */
  figures?: FigureData;
}

const MIN_LINES = 2; // orphans and widows

type Flow =
  | { kind: 'lines'; layout: ParagraphLayout; x: number; width: number; struct: StructLevel[]; keepWithNext: boolean }
  | { kind: 'block'; height: number; spaceBefore: number; spaceAfter: number; keepWithNext: boolean; place: (x: number, y: number) => FrameItem[] }
  | { kind: 'table'; x: number; widths: number[]; rows: { height: number; header: boolean; cells: ParagraphLayout[] }[]; padding: number; struct: StructLevel[]; spaceBefore: number; spaceAfter: number };

export function layoutBriefing(doc: Doc, theme: Theme, fonts: FontRegistry, options: BriefingOptions): Result<Frame[]> {
  const diagnostics: Diagnostic[] = [];
  const paper = PAPER[options.paper];
  const { margins, sizes, fonts: roles } = theme.briefing;
  const colors = theme.colors;
  const contentWidth = paper.width - margins.left - margins.right;
  const bodyLine = sizes.body * theme.briefing.lineHeight;
  let nextId = 0;
  const id = (prefix: string) => `${prefix}${++nextId}`;

  const base = (over: Partial<RunBase> = {}): RunBase => ({ role: roles.body, size: sizes.body, color: colors.text, linkColor: colors.accent, ...over });
  const spec = (runs: ParagraphSpec['runs'], over: Partial<ParagraphSpec> = {}): ParagraphSpec => ({
    runs, align: 'left', lineHeight: bodyLine, spaceBefore: 0, spaceAfter: theme.briefing.paragraphSpacing, indent: 0, hyphenate: false, breakAfterHyphen: false, ...over,
  });
  const lay = (s: ParagraphSpec, width: number) => layoutParagraph(s, width, fonts, options.lang);
  const textItem = (layouts: { layout: ParagraphLayout; top: number }[], x: number, y: number, w: number, tag: Tag): TextItem => ({
    kind: 'text', x, y, w, h: Math.max(0, ...layouts.map((l) => l.top + l.layout.height)), tag,
    paragraphs: layouts.map((l) => ({ layout: l.layout, top: l.top, lines: l.layout.lines })),
  });

  const flows: Flow[] = [];
  const paragraphFlow = (inlines: Inline[], struct: StructLevel[], over: Partial<ParagraphSpec> = {}, runBase: Partial<RunBase> = {}, x = 0, width = contentWidth) => {
    const layout = lay(spec(runsFromInlines(inlines, base(runBase)), { align: 'justify', hyphenate: true, ...over }), width);
    flows.push({ kind: 'lines', layout, x, width, struct, keepWithNext: false });
  };

  /** A self-contained group of paragraphs (cover, key points, quote) placed as one unbreakable block. */
  const stackedBlock = (paragraphs: { layout: ParagraphLayout; struct: StructLevel[] }[], inset: { left: number; top: number; bottom: number }, decorate: (x: number, y: number, h: number) => FrameItem[], spacing: { before: number; after: number }) => {
    let top = inset.top;
    const placed = paragraphs.map((p, index) => {
      if (index > 0) top += p.layout.spec.spaceBefore;
      const entry = { ...p, top };
      top += p.layout.height + (index < paragraphs.length - 1 ? p.layout.spec.spaceAfter : 0);
      return entry;
    });
    const height = top + inset.bottom;
    flows.push({
      kind: 'block', height, spaceBefore: spacing.before, spaceAfter: spacing.after, keepWithNext: false,
      place: (x, y) => [
        ...decorate(x, y, height),
        ...placed.map((p) => textItem([{ layout: p.layout, top: 0 }], x + inset.left, y + p.top, contentWidth - inset.left, { struct: p.struct })),
      ],
    });
  };

  const bulletParagraphs = (items: Block[][], ordered: boolean, runBase: Partial<RunBase>, width: number, listId: string): { layout: ParagraphLayout; struct: StructLevel[] }[] =>
    items.flatMap((item, index) => {
      const inlines = item.flatMap((block) => (block.type === 'paragraph' ? block.children : []));
      const b = base(runBase);
      const bulletStyle: TextStyle = { font: ordered ? `${b.role}-regular` : `${b.role}-bold`, size: b.size, color: colors.accent };
      const layout = lay(spec(runsFromInlines(inlines, b), { indent: 16, bullet: { text: ordered ? `${index + 1}.` : '•', style: bulletStyle }, spaceAfter: 4, lineHeight: b.size * 1.38 }), width);
      return [{ layout, struct: [{ role: 'L', id: listId }, { role: 'LI', id: `${listId}.${index}` }, { role: 'LBody', id: `${listId}.${index}b` }] as StructLevel[] }];
    });

  for (const block of doc.children) {
    switch (block.type) {
      case 'container':
        if (block.name === 'cover') {
          const parts: { layout: ParagraphLayout; struct: StructLevel[] }[] = [];
          parts.push({ layout: lay(spec(plainRuns(options.header.split(' · ')[0]!.toUpperCase(), base({ role: roles.heading, size: sizes.small + 0.5, color: colors.accent, bold: true })), { spaceAfter: 8 }), contentWidth), struct: [{ role: 'P', id: id('kicker') }] });
          for (const child of block.children) {
            if (child.type === 'heading') {
              parts.push({ layout: lay(spec(runsFromInlines(child.children, base({ role: roles.heading, size: sizes.title, color: colors.text, bold: true })), { lineHeight: sizes.title * 1.3, spaceAfter: 10 }), contentWidth), struct: [{ role: 'H1', id: id('h') }] });
            } else if (child.type === 'paragraph') {
              parts.push({ layout: lay(spec(runsFromInlines(child.children, base({ role: roles.heading, size: sizes.byline, color: colors.muted })), { lineHeight: sizes.byline * 1.4, spaceAfter: 4 }), contentWidth), struct: [{ role: 'P', id: id('p') }] });
            }
          }
          stackedBlock(parts, { left: 0, top: 0, bottom: 14 }, (x, y, h) => [{ kind: 'rule', x1: x, y1: y + h, x2: x + contentWidth, y2: y + h, color: colors.accent, width: 1.5, tag: { artifact: 'Layout' } }], { before: 0, after: 18 });
        } else if (block.name === 'keypoints') {
          const inset = 14;
          const innerWidth = contentWidth - 2 * inset - 4;
          const listId = id('l');
          const parts: { layout: ParagraphLayout; struct: StructLevel[] }[] = [];
          for (const child of block.children) {
            if (child.type === 'heading') parts.push({ layout: lay(spec(runsFromInlines(child.children, base({ role: roles.heading, size: sizes.subheading, color: colors.accent, bold: true })), { spaceAfter: 6, lineHeight: sizes.subheading * 1.3 }), innerWidth), struct: [{ role: 'H2', id: id('h'), outline: inlineText(child.children) }] });
            if (child.type === 'list') parts.push(...bulletParagraphs(child.items, child.ordered, { role: roles.heading, size: sizes.body }, innerWidth, listId));
          }
          stackedBlock(parts, { left: inset + 4, top: inset - 2, bottom: inset - 4 }, (x, y, h) => [
            { kind: 'rect', x, y, w: contentWidth, h, fill: colors.accentSoft, tag: { artifact: 'Background' } },
            { kind: 'rect', x, y, w: 4, h, fill: colors.accent, tag: { artifact: 'Background' } },
          ], { before: 0, after: 16 });
        } else if (block.name === 'quote') {
          const quoteId = id('q');
          const [first, ...rest] = block.children;
          const parts: { layout: ParagraphLayout; struct: StructLevel[] }[] = [];
          if (first?.type === 'paragraph') parts.push({ layout: lay(spec(runsFromInlines(first.children, base({ size: sizes.quote, italic: true, color: colors.text })), { lineHeight: sizes.quote * 1.35, spaceAfter: 6, hyphenate: true }), contentWidth - 22), struct: [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }] });
          for (const child of rest) if (child.type === 'paragraph') parts.push({ layout: lay(spec(runsFromInlines(child.children, base({ role: roles.heading, size: sizes.byline - 1, color: colors.muted })), { lineHeight: (sizes.byline - 1) * 1.35, spaceAfter: 0 }), contentWidth - 22), struct: [{ role: 'BlockQuote', id: quoteId }, { role: 'P', id: id('p') }] });
          stackedBlock(parts, { left: 22, top: 4, bottom: 4 }, (x, y, h) => [{ kind: 'rect', x, y, w: 3, h, fill: colors.accent, tag: { artifact: 'Layout' } }], { before: 8, after: 16 });
        } else {
          for (const child of block.children) if (child.type === 'paragraph') paragraphFlow(child.children, [{ role: 'P', id: id('p') }]);
        }
        break;
      case 'heading': {
        const size = block.depth <= 2 ? sizes.heading : sizes.subheading;
        const layout = lay(spec(runsFromInlines(block.children, base({ role: roles.heading, size, bold: true, color: colors.text })), { lineHeight: size * 1.3, spaceBefore: 14, spaceAfter: 5 }), contentWidth);
        flows.push({ kind: 'lines', layout, x: 0, width: contentWidth, struct: [{ role: block.depth <= 2 ? 'H2' : 'H3', id: id('h'), outline: inlineText(block.children) }], keepWithNext: true });
        break;
      }
      case 'paragraph':
        paragraphFlow(block.children, [{ role: 'P', id: id('p') }]);
        break;
      case 'list': {
        const listId = id('l');
        for (const part of bulletParagraphs(block.items, block.ordered, {}, contentWidth, listId)) flows.push({ kind: 'lines', layout: part.layout, x: 0, width: contentWidth, struct: part.struct, keepWithNext: false });
        break;
      }
      case 'table': {
        const padding = 4;
        const cellSpec = (inlines: Inline[], header: boolean) => spec(runsFromInlines(inlines, base({ role: roles.heading, size: sizes.table, bold: header, color: colors.text })), { lineHeight: sizes.table * 1.3, spaceAfter: 0 });
        const specs = [block.header.map((c) => cellSpec(c, true)), ...block.rows.map((row) => row.map((c) => cellSpec(c, false)))];
        const widths = columnWidths(specs, contentWidth, padding, fonts);
        const rows = measureRows(specs, 1, widths, padding, fonts, options.lang);
        flows.push({ kind: 'table', x: 0, widths, rows, padding, struct: [{ role: 'Table', id: id('t') }], spaceBefore: 2, spaceAfter: 12 });
        break;
      }
      case 'directive':
        if (block.name === 'timeline' && options.figures && options.figures.events.length > 0) {
          const figure: StructLevel = { role: 'Figure', id: id('timeline'), alt: options.figures.timelineAlt };
          const style = { role: roles.heading, size: sizes.table + 0.5, text: colors.text, muted: colors.muted, accent: colors.accent, axis: colors.rule, background: '#ffffff' };
          const rows = verticalTimelineRows(options.figures.events, { style, fonts, lang: options.lang, figure, x: 0, width: contentWidth });
          rows.forEach((row, index) => flows.push({ kind: 'block', height: row.height, spaceBefore: index === 0 ? 10 : 0, spaceAfter: index === rows.length - 1 ? 14 : 0, keepWithNext: false, place: (x, y) => row.items(y).map((item) => shiftX(item, x)) }));
        } else if (block.name === 'map' && options.figures && options.figures.places.length > 0) {
          const figure: StructLevel = { role: 'Figure', id: id('map'), alt: options.figures.mapAlt };
          const height = Math.min(contentWidth * 0.72, 380);
          const style = { role: roles.heading, size: sizes.table, text: colors.text, muted: colors.muted, accent: colors.accent, water: '#e6eef5', land: '#f3f1ec', border: '#a9a397', tint: '#f0dadd', tintBorder: colors.accent };
          flows.push({ kind: 'block', height, spaceBefore: 8, spaceAfter: 14, keepWithNext: false, place: (x, y) => mapItems(options.figures!, { box: { x, y, w: contentWidth, h: height }, style, fonts, lang: options.lang, figure }) });
        }
        break;
      case 'separator':
        break;
      default:
        assertNever(block);
    }
  }

  const pages = paginate(flows, { paper, margins, colors, options, fonts, theme, lang: options.lang });
  return { value: pages, diagnostics };
}

interface PageContext {
  paper: { width: number; height: number };
  margins: Theme['briefing']['margins'];
  colors: Theme['colors'];
  options: BriefingOptions;
  fonts: FontRegistry;
  theme: Theme;
  lang: string;
}

function paginate(flows: Flow[], ctx: PageContext): Frame[] {
  const { paper, margins } = ctx;
  const top = margins.top;
  const bottom = paper.height - margins.bottom;
  const left = margins.left;
  const pages: FrameItem[][] = [[]];
  let y = top;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push([]);
    y = top;
  };
  const atTop = () => y === top;
  const firstHeight = (flow: Flow | undefined): number => {
    if (!flow) return 0;
    if (flow.kind === 'lines') return flow.layout.spec.spaceBefore + Math.min(flow.layout.lines.length, MIN_LINES) * flow.layout.spec.lineHeight;
    if (flow.kind === 'block') return flow.spaceBefore + flow.height;
    return flow.spaceBefore + (flow.rows[0]?.height ?? 0) + (flow.rows[1]?.height ?? 0);
  };

  flows.forEach((flow, index) => {
    switch (flow.kind) {
      case 'lines': {
        const { layout } = flow;
        const lineHeight = layout.spec.lineHeight;
        if (!atTop()) y += layout.spec.spaceBefore;
        if (flow.keepWithNext && !atTop() && y + layout.height + firstHeight(flows[index + 1]) > bottom) newPage();
        let start = 0;
        while (start < layout.lines.length) {
          const remainingLines = layout.lines.length - start;
          let fit = Math.floor((bottom - y + 0.01) / lineHeight);
          if (fit >= remainingLines) fit = remainingLines;
          else if (fit < MIN_LINES || remainingLines <= MIN_LINES) fit = 0;
          else if (remainingLines - fit < MIN_LINES) fit = remainingLines - MIN_LINES;
          if (fit <= 0 && !atTop()) {
            newPage();
            continue;
          }
          if (fit <= 0) fit = Math.max(1, Math.floor((bottom - y) / lineHeight));
          const lines = layout.lines.slice(start, start + fit);
          const offset = lines[0]!.top;
          page().push({
            kind: 'text', x: left + flow.x, y, w: flow.width, h: fit * lineHeight, tag: { struct: flow.struct },
            paragraphs: [{ layout, top: -offset, lines }],
          });
          y += fit * lineHeight;
          start += fit;
          if (start < layout.lines.length) newPage();
        }
        y += layout.spec.spaceAfter;
        break;
      }
      case 'block':
        if (!atTop()) y += flow.spaceBefore;
        if (y + flow.height > bottom && !atTop()) newPage();
        page().push(...flow.place(left, y));
        y += flow.height + flow.spaceAfter;
        break;
      case 'table': {
        if (!atTop()) y += flow.spaceBefore;
        const [header, ...body] = flow.rows;
        if (!header) break;
        const need = header.height + (body[0]?.height ?? 0);
        if (y + need > bottom && !atTop()) newPage();
        let rowsHere: typeof flow.rows = [header];
        let height = header.height;
        const tableId = flow.struct[0]!.id;
        const flush = () => {
          page().push(tableItem(flow, rowsHere, left + flow.x, y, tableId, ctx));
          y += height;
        };
        for (const row of body) {
          if (y + height + row.height > bottom) {
            flush();
            newPage();
            rowsHere = [header];
            height = header.height;
          }
          rowsHere.push(row);
          height += row.height;
        }
        flush();
        y += flow.spaceAfter;
        break;
      }
      default:
        assertNever(flow);
    }
  });

  const total = pages.length;
  return pages.map((items, index) => ({
    kind: 'page',
    width: paper.width,
    height: paper.height,
    items: [...(index > 0 ? headerItems(ctx) : []), ...items, ...footerItems(ctx, index + 1, total)],
    title: `page ${index + 1}`,
  }));
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
          kind: 'text', x: x + cellX + flow.padding, y: y + rowTop + flow.padding, w: width - 2 * flow.padding, h: layout.height,
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
    runs: plainRuns(text, { role: ctx.theme.briefing.fonts.heading, size, color: ctx.colors.muted }),
    align, lineHeight: size * 1.3, spaceBefore: 0, spaceAfter: 0, indent: 0, hyphenate: false, breakAfterHyphen: false,
  }, width, ctx.fonts, ctx.lang);
  const firstLine = layout.lines.slice(0, 1);
  return { kind: 'text', x, y, w: width, h: layout.height, tag, paragraphs: [{ layout, top: 0, lines: firstLine }] };
}

function headerItems(ctx: PageContext): FrameItem[] {
  const { margins, paper, colors } = ctx;
  const width = paper.width - margins.left - margins.right;
  const y = margins.top - 34;
  return [
    smallText(ctx.options.header, margins.left, y, width, 'left', ctx, { artifact: 'Pagination' }),
    { kind: 'rule', x1: margins.left, y1: y + 15, x2: margins.left + width, y2: y + 15, color: colors.rule, width: 0.5, tag: { artifact: 'Pagination' } },
  ];
}

function footerItems(ctx: PageContext, page: number, pages: number): FrameItem[] {
  const { margins, paper, colors } = ctx;
  const width = paper.width - margins.left - margins.right;
  const y = paper.height - margins.bottom + 24;
  const pageText = ctx.options.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages));
  return [
    { kind: 'rule', x1: margins.left, y1: y - 6, x2: margins.left + width, y2: y - 6, color: colors.rule, width: 0.5, tag: { artifact: 'Pagination' } },
    smallText(ctx.options.footerLeft, margins.left, y, width * 0.7, 'left', ctx, { artifact: 'Pagination' }),
    smallText(pageText, margins.left + width * 0.7, y, width * 0.3, 'right', ctx, { artifact: 'Pagination' }),
  ];
}

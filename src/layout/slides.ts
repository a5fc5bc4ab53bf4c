// Doc (slides Markdown) + theme in, slide frames out: every text box measured to fit, continuation slides when it cannot.
import type { Block, Doc, Inline } from '../parse/doc.js';
import { inlineText } from '../parse/doc.js';
import type { Theme } from '../model/theme.js';
import type { Diagnostic, Result } from '../diagnostics.js';
import type { FontRegistry } from './fonts.js';
import { layoutParagraph, type ParagraphLayout, type ParagraphSpec, type Run } from './text.js';
import { runsFromInlines, plainRuns, type RunBase } from './runs.js';
import { columnWidths, measureRows, type MeasuredRow } from './table.js';
import type { Frame, FrameItem, TextItem, TableItem } from './frame.js';
import { figureKind } from './figures/index.js';
import { markingLine } from './marking.js';
import { logoItem } from './logo.js';
import type { ImageSource } from '../load/image.js';
import type { FigureNode, SlideLayoutName } from '../parse/doc.js';

export const SLIDE_SIZES: Record<'16:9' | '4:3', { width: number; height: number }> = {
  '16:9': { width: 960, height: 540 },
  '4:3': { width: 720, height: 540 },
};

export interface SlideOptions {
  aspect: '16:9' | '4:3';
  lang: string;
  footer: string;
  /** A protective marking, at the top and the bottom of every slide. */
  marking?: string;
  /** Large on the title slide, small in the footer of every other slide (on the slide master). */
  logo?: ImageSource;
}

interface SlideSource {
  layout: SlideLayoutName;
  title: Inline[];
  body: Block[];
  notes: string[];
  index: number;
}

const SIZE_STEP = 1;

export function layoutSlides(doc: Doc, theme: Theme, fonts: FontRegistry, options: SlideOptions): Result<Frame[]> {
  const diagnostics: Diagnostic[] = [];
  const sources = splitSlides(doc);
  const frames: Frame[] = [];
  const ctx = makeContext(theme, fonts, options);
  for (const source of sources) {
    const figure = source.body.find((b): b is FigureNode => b.type === 'figure');
    const made = source.layout === 'title' ? [titleSlide(source, ctx)] : figure ? figureSlides(figure, source, ctx, diagnostics) : contentSlides(source, ctx, diagnostics);
    frames.push(...made);
  }
  frames.forEach((frame, index) => frame.items.push(...footerItems(ctx, index + 1, frame.kind === 'slide' && index === 0), ...markingItems(ctx)));
  return { value: frames, diagnostics };
}

function splitSlides(doc: Doc): SlideSource[] {
  const chunks: Block[][] = [[]];
  for (const block of doc.children) {
    if (block.type === 'separator') chunks.push([]);
    else chunks[chunks.length - 1]!.push(block);
  }
  return chunks
    .filter((chunk) => chunk.length > 0)
    .map((chunk, index) => {
      const directive = chunk.find((b) => b.type === 'slide');
      const titleBlock = chunk.find((b) => b.type === 'heading');
      const notes = chunk.filter((b) => b.type === 'container' && b.name === 'notes').flatMap((b) => (b.type === 'container' ? b.children : []));
      return {
        layout: directive?.type === 'slide' ? directive.layout : 'content',
        title: titleBlock && titleBlock.type === 'heading' ? titleBlock.children : [],
        body: chunk.filter((b) => b !== titleBlock && b !== directive && !(b.type === 'container' && b.name === 'notes')),
        notes: notes.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? inlineText(b.children) : '')).filter((t) => t.length > 0),
        index,
      };
    });
}

type Ctx = ReturnType<typeof makeContext>;

function makeContext(theme: Theme, fonts: FontRegistry, options: SlideOptions) {
  const size = SLIDE_SIZES[options.aspect];
  const s = theme.slides;
  const margin = s.margin;
  const safety = 1 - s.safetyMargin; // share of a box's height that content may fill
  return {
    theme, fonts, options, size, margin, safety,
    colors: theme.colors,
    contentWidth: size.width - 2 * margin,
    base: (over: Partial<RunBase>): RunBase => ({ family: s.fonts.body, sizePt: s.sizes.body, colour: theme.colors.text, linkColour: theme.colors.accent, ...over }),
    /**
     * Text boxes are declared exactly as wide as they were measured, so viewers with Arial's metrics wrap where we did;
     * the safety margin is kept in height instead (room for a viewer that wraps one line more).
     */
    lay: (spec: ParagraphSpec, width: number): ParagraphLayout => layoutParagraph(spec, width, fonts, options.lang),
  };
}

function spec(runs: ParagraphSpec['runs'], sizePt: number, lineHeightRatio: number, over: Partial<ParagraphSpec> = {}): ParagraphSpec {
  return { runs, align: 'left', lineHeightPt: sizePt * lineHeightRatio, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false, ...over };
}

function textItem(x: number, y: number, w: number, layouts: { layout: ParagraphLayout; top: number }[], source: string): TextItem {
  const h = Math.max(0, ...layouts.map((l) => l.top + l.layout.height));
  return { kind: 'text', x, y, w, h, source, tag: { struct: [{ role: 'P', id: `${source}` }] }, paragraphs: layouts.map((l) => ({ layout: l.layout, top: l.top, lines: l.layout.lines })) };
}

function stack(layouts: ParagraphLayout[]): { placed: { layout: ParagraphLayout; top: number }[]; height: number } {
  let top = 0;
  const placed = layouts.map((layout, index) => {
    if (index > 0) top += layout.spec.spaceBeforePt;
    const entry = { layout, top };
    top += layout.height + (index < layouts.length - 1 ? layout.spec.spaceAfterPt : 0);
    return entry;
  });
  return { placed, height: top };
}

function titleSlide(source: SlideSource, ctx: Ctx): Frame {
  const { size, margin, colors, theme } = ctx;
  const s = theme.slides;
  const width = ctx.contentWidth;
  let titleLayout: ParagraphLayout | undefined;
  for (let fontSize = s.sizes.coverTitle; fontSize >= s.sizes.minTitle; fontSize -= SIZE_STEP) {
    titleLayout = ctx.lay(spec(runsFromInlines(source.title, ctx.base({ sizePt: fontSize, bold: true, colour: colors.slideTitle })), fontSize, 1.15), width);
    if (titleLayout.lines.length <= 3) break;
  }
  const paragraphs = source.body.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  const smaller = paragraphs.map((p, index) => {
    const fontSize = index === 0 ? 22 : 18;
    return ctx.lay(spec(runsFromInlines(p.children, ctx.base({ sizePt: fontSize, colour: index === 0 ? colors.text : colors.muted })), fontSize, 1.2, { spaceAfterPt: 6 }), width);
  });
  const title = stack([titleLayout!]);
  const rest = stack(smaller);
  const titleY = Math.max(margin + 40, size.height * 0.42 - title.height);
  return {
    kind: 'slide', width: size.width, height: size.height, background: colors.slideBackground, title: inlineText(source.title), notes: source.notes,
    items: [
      { kind: 'rect', x: 0, y: 0, w: 18, h: size.height, fill: colors.slideBand, tag: { artifact: 'Background' } },
      ...(ctx.options.logo ? [logoItem(ctx.options.logo, { x: margin, y: 30, heightPt: 44, maxWidthPt: width * 0.35 }, { artifact: 'Layout' })] : []),
      { ...textItem(margin, titleY, width, title.placed, `slide ${source.index + 1} title`), slideTitle: true },
      { kind: 'rule', x1: margin, y1: titleY + title.height + 18, x2: margin + 120, y2: titleY + title.height + 18, colour: colors.accent, width: 3, tag: { artifact: 'Layout' } },
      textItem(margin, titleY + title.height + 38, width, rest.placed, `slide ${source.index + 1} byline`),
    ],
  };
}

const TITLE_TOP = 30;
const BODY_GAP = 22;
const FOOTER_SPACE = 46;

function fitTitle(text: Inline[], ctx: Ctx, suffix: string, diagnostics: Diagnostic[], source: SlideSource): ParagraphLayout {
  const s = ctx.theme.slides;
  const runsFor = (fontSize: number) => {
    const runs = runsFromInlines(text, ctx.base({ sizePt: fontSize, bold: true, colour: ctx.colors.slideTitle }));
    return suffix ? [...runs, ...plainRuns(suffix, ctx.base({ sizePt: fontSize, bold: false, colour: ctx.colors.muted }))] : runs;
  };
  let layout: ParagraphLayout | undefined;
  for (let fontSize = s.sizes.title; fontSize >= s.sizes.minTitle; fontSize -= SIZE_STEP) {
    layout = ctx.lay(spec(runsFor(fontSize), fontSize, 1.15), ctx.contentWidth);
    if (layout.lines.length <= 2) return layout;
  }
  diagnostics.push({ severity: 'warning', rule: 'slide-title-too-long', path: `slide ${source.index + 1} ("${inlineText(text).slice(0, 40)}…")`, message: `the title needs ${layout!.lines.length} lines at the minimum size of ${s.sizes.minTitle} pt; shorten it`, hint: 'section headings and labels become slide titles' });
  return layout!;
}

type BodyUnit = { kind: 'paragraph'; build: (sizePt: number) => ParagraphLayout } | { kind: 'table'; header: Inline[][]; rows: Inline[][][] };

function contentSlides(source: SlideSource, ctx: Ctx, diagnostics: Diagnostic[]): Frame[] {
  const { theme, colors } = ctx;
  const s = theme.slides;
  const width = ctx.contentWidth;
  const units: BodyUnit[] = [];
  const quote = source.layout === 'quote';
  source.body.forEach((block) => {
    if (block.type === 'list') {
      block.items.forEach((item, index) => {
        const inlines = item.flatMap((b) => (b.type === 'paragraph' ? b.children : []));
        units.push({ kind: 'paragraph', build: (size) => ctx.lay(spec(runsFromInlines(inlines, ctx.base({ sizePt: size })), size, s.lineHeightRatio, {
          indentPt: Math.round(size * 1.1), spaceAfterPt: size * 0.55,
          bullet: { text: block.ordered ? `${index + 1}.` : '•', style: { family: s.fonts.body, weight: 'regular', italic: false, sizePt: size, colour: colors.text } },
        }), width) });
      });
    } else if (block.type === 'paragraph') {
      const first = quote && units.length === 0;
      units.push({ kind: 'paragraph', build: (size) => {
        const fontSize = first ? Math.round(size * 1.35) : quote ? Math.round(size * 0.85) : size;
        return ctx.lay(spec(runsFromInlines(block.children, ctx.base({ sizePt: fontSize, italic: first, colour: first || !quote ? colors.text : colors.muted })), fontSize, s.lineHeightRatio, { spaceAfterPt: size * 0.6 }), width);
      } });
    } else if (block.type === 'table') {
      units.push({ kind: 'table', header: block.header, rows: block.rows });
    } else if (block.type === 'heading') {
      units.push({ kind: 'paragraph', build: (size) => ctx.lay(spec(runsFromInlines(block.children, ctx.base({ sizePt: size, bold: true })), size, s.lineHeightRatio, { spaceAfterPt: size * 0.4 }), width) });
    }
  });

  // Title first, with room for a "(1/9)" suffix so that continuation slides keep the same title size.
  const probeTitle = fitTitle(source.title, ctx, '', diagnostics, source);
  // A continuation suffix may add a line; reserve for it so that every slide of the set has its body at the same place.
  // Digits are equally wide, so "(n/n)" is the widest suffix of n slides; ten or more slides need a wider reservation.
  let reserve = ' (9/9)';
  let titleHeight: number;
  let bodyTop: number;
  let bodyHeight: number;
  let pagesOfContent: BodyPage[];
  for (;;) {
    titleHeight = Math.max(probeTitle.height, fitTitle(source.title, ctx, reserve, [], source).height);
    bodyTop = TITLE_TOP + titleHeight + BODY_GAP;
    bodyHeight = ctx.size.height - bodyTop - FOOTER_SPACE;
    pagesOfContent = paginateBody(units, ctx, bodyHeight * ctx.safety, width);
    const widest = ` (${pagesOfContent.length}/${pagesOfContent.length})`;
    if (widest.length <= reserve.length) break;
    reserve = widest;
  }
  const count = pagesOfContent.length;
  const notesChunks = splitNotes(source.notes, pagesOfContent.map((p) => p.weight));
  return pagesOfContent.map((content, index): Frame => {
    const suffix = count > 1 ? ` (${index + 1}/${count})` : '';
    const title = suffix ? fitTitle(source.title, ctx, suffix, [], source) : probeTitle;
    const items: FrameItem[] = [
      { kind: 'rect', x: 0, y: 0, w: ctx.size.width, h: 6, fill: colors.slideBand, tag: { artifact: 'Background' } },
      { ...textItem(ctx.margin, TITLE_TOP, width, [{ layout: title, top: 0 }], `slide ${source.index + 1} title`), h: titleHeight + 6, slideTitle: true },
      { kind: 'rule', x1: ctx.margin, y1: TITLE_TOP + titleHeight + 8, x2: ctx.margin + 64, y2: TITLE_TOP + titleHeight + 8, colour: colors.accent, width: 2.5, tag: { artifact: 'Layout' } },
      ...content.place(ctx.margin, bodyTop, bodyTop + bodyHeight, `slide ${source.index + 1} body`),
    ];
    return { kind: 'slide', width: ctx.size.width, height: ctx.size.height, background: colors.slideBackground, title: inlineText(source.title) + suffix, notes: notesChunks[index] ?? [], items };
  });
}

interface BodyPage {
  /** Places the slide's body from `y`; text boxes may extend down to `bottom` (their room for viewers' differences). */
  place: (x: number, y: number, bottom: number, source: string) => FrameItem[];
  weight: number;
}

/** Finds the largest size at which everything fits on one slide; at the minimum size, splits into as many slides as needed. */
function paginateBody(units: BodyUnit[], ctx: Ctx, height: number, width: number): BodyPage[] {
  const s = ctx.theme.slides;
  for (let size = s.sizes.body; size >= s.sizes.minBody; size -= SIZE_STEP) {
    const pages = fillPages(units, ctx, height, width, size);
    if (pages.length === 1 || size - SIZE_STEP < s.sizes.minBody) return pages;
  }
  return fillPages(units, ctx, height, width, s.sizes.minBody);
}

function fillPages(units: BodyUnit[], ctx: Ctx, height: number, width: number, size: number): BodyPage[] {
  type Piece = { kind: 'text'; layouts: ParagraphLayout[] } | { kind: 'table'; table: ReturnType<typeof measureTable>; rows: number[] };
  const pages: { pieces: Piece[]; used: number; weight: number }[] = [{ pieces: [], used: 0, weight: 0 }];
  const current = () => pages[pages.length - 1]!;
  const newPage = () => pages.push({ pieces: [], used: 0, weight: 0 });
  const addParagraph = (layout: ParagraphLayout) => {
    const page = current();
    const last = page.pieces[page.pieces.length - 1];
    if (last && last.kind === 'text') last.layouts.push(layout);
    else page.pieces.push({ kind: 'text', layouts: [layout] });
    page.used += layout.height + layout.spec.spaceAfterPt;
    page.weight += layout.lines.length;
  };
  for (const unit of units) {
    if (unit.kind === 'paragraph') {
      let layout = unit.build(size);
      // A paragraph taller than a whole slide is cut between lines and continues on the next slide (it cannot shrink further).
      while (layout.height > height && layout.lines.length > 1) {
        const before = current().used > 0 ? layout.spec.spaceBeforePt : 0;
        const room = Math.floor((height - current().used - before + 1e-6) / layout.spec.lineHeightPt);
        if (room < 2 && current().used > 0) {
          newPage();
          continue;
        }
        const [head, tail] = splitParagraph(layout, Math.max(1, room), width, ctx);
        addParagraph(head);
        newPage();
        layout = tail;
      }
      const need = layout.height + (current().used > 0 ? layout.spec.spaceBeforePt : 0);
      if (current().used > 0 && current().used + need > height) newPage();
      addParagraph(layout);
    } else {
      const table = measureTable(unit, ctx, width, size);
      const header = table.rows[0]!;
      let rows: number[] = [];
      let used = current().used + header.height;
      const queue = table.rows.map((_, index) => index).slice(1);
      while (queue.length > 0) {
        let index = queue.shift()!;
        const row = table.rows[index]!;
        if (used + row.height > height) {
          const started = rows.length > 0 || current().used > 0;
          const lines = (room: number) => Math.floor((room - 2 * table.padding + 1e-6) / rowLineHeight(row));
          if (row.height > height - header.height) {
            // A row taller than a whole slide: its cells are cut between lines, here if two lines fit, else on a new slide.
            if (started && lines(height - used) < 2) {
              if (rows.length > 0) current().pieces.push({ kind: 'table', table, rows });
              newPage();
              rows = [];
              used = header.height;
            }
            const parts = splitRow(table, index, Math.max(1, lines(height - used)), ctx);
            if (parts) {
              index = parts[0];
              queue.unshift(parts[1]);
            }
          } else if (started) {
            if (rows.length > 0) current().pieces.push({ kind: 'table', table, rows });
            newPage();
            rows = [];
            used = header.height;
          }
        }
        rows.push(index);
        used += table.rows[index]!.height;
        current().weight += 1;
      }
      current().pieces.push({ kind: 'table', table, rows });
      current().used = used + size * 0.6;
    }
  }
  return pages.map((page) => ({
    weight: Math.max(1, page.weight),
    place: (x, y, bottom, source) => {
      let top = y;
      const items: FrameItem[] = [];
      page.pieces.forEach((piece, index) => {
        if (piece.kind === 'text') {
          const stacked = stack(piece.layouts);
          const item = textItem(x, top, width, stacked.placed, `${source} ${index + 1}`);
          const nextTop = index < page.pieces.length - 1 ? top + stacked.height + size * 0.6 : bottom;
          item.h = Math.max(item.h, Math.min(bottom, nextTop) - top);
          items.push(item);
          top += stacked.height + (piece.layouts[piece.layouts.length - 1]?.spec.spaceAfterPt ?? 0);
        } else {
          const item = tableItem(piece.table, [0, ...piece.rows], x, top, `${source} table`);
          items.push(item);
          top += item.rows.reduce((sum, row) => sum + row.height, 0) + size * 0.6;
        }
      });
      return items;
    },
  }));
}

function measureTable(unit: Extract<BodyUnit, { kind: 'table' }>, ctx: Ctx, width: number, bodySize: number) {
  const size = Math.max(ctx.theme.slides.sizes.minBody, bodySize - 4);
  const padding = 6;
  const cell = (inlines: Inline[], header: boolean) => spec(runsFromInlines(inlines, ctx.base({ sizePt: size, bold: header, colour: ctx.colors.text })), size, ctx.theme.slides.lineHeightRatio);
  const specs = [unit.header.map((c) => cell(c, true)), ...unit.rows.map((row) => row.map((c) => cell(c, false)))];
  const widths = columnWidths(specs, width, padding, ctx.fonts);
  const rows = measureRows(specs, 1, widths, padding, ctx.fonts, ctx.options.lang);
  return { widths, rows, padding, headerFill: ctx.colors.tableHeader, border: ctx.colors.rule };
}

function tableItem(table: ReturnType<typeof measureTable>, rowIndexes: number[], x: number, y: number, source: string): TableItem {
  let rowTop = 0;
  return {
    kind: 'table', x, y, columns: table.widths, padding: table.padding, borderColor: table.border, source, tag: { struct: [{ role: 'Table', id: source }] },
    rows: rowIndexes.map((rowIndex) => {
      const row = table.rows[rowIndex]!;
      let cellX = 0;
      const cells = row.cells.map((layout, column) => {
        const w = table.widths[column] ?? 0;
        const item: TextItem = {
          kind: 'text', x: cellX + table.padding, y: rowTop + table.padding, w: w - 2 * table.padding, h: layout.height, source: `${source} r${rowIndex}c${column}`,
          paragraphs: [{ layout, top: 0, lines: layout.lines }],
          tag: { struct: [{ role: 'Table', id: source }, { role: 'TR', id: `${source}.${rowIndex}` }, { role: row.header ? 'TH' : 'TD', id: `${source}.${rowIndex}.${column}` }] },
        };
        cellX += w;
        return { item, ...(row.header ? { fill: table.headerFill } : {}) };
      });
      rowTop += row.height;
      return { height: row.height, header: row.header, cells };
    }),
  };
}

/** Runs cut at an offset of their joined text: the runs before it and the runs from it. */
function cutRuns(runs: Run[], offset: number): [Run[], Run[]] {
  const head: Run[] = [];
  const tail: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const end = at + run.text.length;
    if (end <= offset) head.push(run);
    else if (at >= offset) tail.push(run);
    else {
      head.push({ ...run, text: run.text.slice(0, offset - at) });
      tail.push({ ...run, text: run.text.slice(offset - at) });
    }
    at = end;
  }
  return [head, tail];
}

/**
 * A laid-out paragraph cut after at most `count` lines into two paragraphs, each laid out again at the same width (a
 * viewer wraps the text it is given, so the pieces are laid out as the text they hold). The head never has more than
 * `count` lines: it may have fewer, when a word cut between characters at the seam now fits on the line before it.
 * The continuation keeps the indent but not the bullet.
 */
function splitParagraph(layout: ParagraphLayout, count: number, width: number, ctx: Ctx): [ParagraphLayout, ParagraphLayout] {
  const { bullet: _bullet, ...rest } = layout.spec;
  for (let at = Math.min(count, layout.lines.length - 1); at >= 1; at--) {
    const [headRuns, tailRuns] = cutRuns(layout.spec.runs, layout.lines[at]!.start);
    const head = ctx.lay({ ...layout.spec, runs: headRuns }, width);
    if (head.lines.length <= count) return [head, ctx.lay({ ...rest, runs: tailRuns, spaceBeforePt: 0 }, width)];
  }
  throw new Error(`internal: no cut of a ${layout.lines.length}-line paragraph leaves at most ${count} lines before it`);
}

function rowLineHeight(row: MeasuredRow): number {
  return Math.max(...row.cells.map((cell) => cell.spec.lineHeightPt));
}

/** A table row cut after `count` lines of its cells into two rows (appended to the table); their indexes, or none if nothing would move. */
function splitRow(table: ReturnType<typeof measureTable>, index: number, count: number, ctx: Ctx): [number, number] | undefined {
  const row = table.rows[index]!;
  if (row.cells.every((cell) => cell.lines.length <= count)) return undefined;
  const heads: ParagraphLayout[] = [];
  const tails: ParagraphLayout[] = [];
  row.cells.forEach((cell, column) => {
    const width = (table.widths[column] ?? 0) - 2 * table.padding;
    if (cell.lines.length > count) {
      const [head, tail] = splitParagraph(cell, count, width, ctx);
      heads.push(head);
      tails.push(tail);
    } else {
      heads.push(cell);
      tails.push(ctx.lay({ ...cell.spec, runs: cell.spec.runs.slice(0, 1).map((run) => ({ ...run, text: '' })) }, width));
    }
  });
  const measured = (cells: ParagraphLayout[]): MeasuredRow => ({ cells, height: Math.max(...cells.map((cell) => cell.height)) + 2 * table.padding, header: row.header });
  table.rows.push(measured(heads), measured(tails));
  return [table.rows.length - 2, table.rows.length - 1];
}

/** Notes paragraphs shared out over continuation slides in order, in proportion to how much each slide shows. */
function splitNotes(notes: string[], weights: number[]): string[][] {
  if (weights.length <= 1) return [notes];
  const total = weights.reduce((a, b) => a + b, 0);
  const out: string[][] = weights.map(() => []);
  let cumulative = 0;
  const bounds = weights.map((w) => (cumulative += w) / total);
  notes.forEach((note, index) => {
    const position = (index + 0.5) / notes.length;
    const slide = bounds.findIndex((b) => position <= b + 1e-9);
    out[slide === -1 ? out.length - 1 : slide]!.push(note);
  });
  return out;
}

function footerItems(ctx: Ctx, number: number, isFirst: boolean): FrameItem[] {
  if (isFirst) return [];
  const size = ctx.theme.slides.sizes.small;
  const y = ctx.size.height - 30;
  // The logo stands left of the slide number; the footer text gives it room.
  const logo = ctx.options.logo ? logoItem(ctx.options.logo, { x: ctx.size.width - ctx.margin - 68, y: y - 3, heightPt: 18, maxWidthPt: 120, alignRight: true }, { artifact: 'Pagination' }, true) : undefined;
  const footerWidth = ctx.contentWidth - 80 - (logo ? logo.w : 0);
  const layout = (text: string, align: 'left' | 'right', width: number) =>
    ctx.lay(spec(plainRuns(text, ctx.base({ sizePt: size, colour: ctx.colors.muted })), size, 1.2, { align }), width);
  // One line: a title's own line breaks become spaces, and what does not fit ends in an ellipsis.
  const footer = oneLine(ctx.options.footer.replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ').trim(), (text) => layout(text, 'left', footerWidth));
  const numberBox: TextItem = { ...textItem(ctx.size.width - ctx.margin - 60, y, 60, [{ layout: layout(String(number), 'right', 60), top: 0 }], `slide ${number} number`), field: 'slide-number', tag: { artifact: 'Pagination' } };
  return [{ ...textItem(ctx.margin, y, footerWidth, [{ layout: footer, top: 0 }], `slide ${number} footer`), tag: { artifact: 'Pagination' } }, numberBox, ...(logo ? [logo] : [])];
}

/**
 * The text, or its longest beginning (whole words where it can) with an ellipsis, that lays out on one line. The text
 * itself is cut, not only the lines drawn, so that the PPTX (which writes the runs) shows what the PDF shows.
 */
function oneLine(text: string, lay: (text: string) => ParagraphLayout): ParagraphLayout {
  const whole = lay(text);
  if (whole.lines.length <= 1) return whole;
  const cuts: number[] = [];
  for (const match of text.matchAll(/\s+/g)) if (match.index > 0 && match.index < whole.lines[1]!.start) cuts.push(match.index);
  for (const cut of cuts.reverse()) {
    const layout = lay(`${text.slice(0, cut).trimEnd()}…`);
    if (layout.lines.length === 1) return layout;
  }
  const chars = [...text.slice(0, whole.lines[1]!.start)];
  for (let n = chars.length - 1; n > 0; n--) {
    const layout = lay(`${chars.slice(0, n).join('').trimEnd()}…`);
    if (layout.lines.length === 1) return layout;
  }
  return lay('…');
}

/** A figure's slides (as many as it needs: a timeline splits when its labels need it): the figure fills the body, every shape native. */
function figureSlides(node: FigureNode, source: SlideSource, ctx: Ctx, diagnostics: Diagnostic[]): Frame[] {
  const { colors, theme } = ctx;
  const width = ctx.contentWidth;
  const probe = fitTitle(source.title, ctx, ' (9/9)', diagnostics, source);
  const bodyTop = TITLE_TOP + probe.height + BODY_GAP;
  const bodyHeight = ctx.size.height - bodyTop - FOOTER_SPACE;
  const parts = figureKind(node).onSlides(node.data, { theme, fonts: ctx.fonts, lang: ctx.options.lang }, { widthPt: width, heightPt: bodyHeight });
  const notes = splitNotes(source.notes, parts.map((p) => p.weight));
  return parts.map((part, index): Frame => {
    const suffix = parts.length > 1 ? ` (${index + 1}/${parts.length})` : '';
    const title = fitTitle(source.title, ctx, suffix, [], source);
    // Each part of a split figure is a figure of its own (its own id), with the whole figure's alt text.
    const figureId = `${node.name}-${source.index + 1}${parts.length > 1 ? `-${index + 1}` : ''}`;
    return {
      kind: 'slide', width: ctx.size.width, height: ctx.size.height, background: colors.slideBackground, title: inlineText(source.title) + suffix, notes: notes[index] ?? [],
      items: [
        { kind: 'rect', x: 0, y: 0, w: ctx.size.width, h: 6, fill: colors.slideBand, tag: { artifact: 'Background' } },
        { ...textItem(ctx.margin, TITLE_TOP, width, [{ layout: title, top: 0 }], `slide ${source.index + 1} title`), h: probe.height + 6, slideTitle: true },
        { kind: 'rule', x1: ctx.margin, y1: TITLE_TOP + probe.height + 8, x2: ctx.margin + 64, y2: TITLE_TOP + probe.height + 8, colour: colors.accent, width: 2.5, tag: { artifact: 'Layout' } },
        { kind: 'group', x: ctx.margin, y: bodyTop, scale: 1, w: width, h: bodyHeight, items: part.items, tag: { struct: [{ role: 'Figure', id: figureId, alt: node.alt }] } },
      ],
    };
  });
}

/** The marking centred between the top band and the title, and below the footer line. */
function markingItems(ctx: Ctx): FrameItem[] {
  const text = ctx.options.marking;
  if (!text) return [];
  const place = { x: ctx.margin, width: ctx.contentWidth, family: ctx.theme.slides.fonts.body, sizePt: 9, colour: ctx.colors.accent, fonts: ctx.fonts, lang: ctx.options.lang };
  return [markingLine(text, { ...place, y: 9 }), markingLine(text, { ...place, y: ctx.size.height - 14 })];
}

// Doc (slides Markdown) + theme in, slide frames out: every text box measured to fit, continuation slides when it cannot.
import type { Block, Doc, Inline } from '../parse/doc.js';
import { inlineText } from '../parse/doc.js';
import type { Theme } from '../model/theme.js';
import type { Diagnostic, Result } from '../diagnostics.js';
import type { FontRegistry } from './fonts.js';
import { layoutParagraph, type Line, type ParagraphLayout, type ParagraphSpec, type Run } from './text.js';
import { runsFromInlines, plainRuns, type RunBase } from './runs.js';
import { columnWidths, measureRows, type MeasuredRow } from './table.js';
import type { Frame, FrameItem, TextItem, TableItem } from './frame.js';
import { figureKind } from './figures/index.js';
import { markingLine } from './marking.js';
import { logoItem } from './logo.js';
import type { ImageSource } from '../load/image.js';
import type { FigureNode, SlideLayoutKind, SlideLayoutName } from '../parse/doc.js';
import { balancedPartition, cutInto } from './slides/balance.js';
import type { KeyNumber } from './key-numbers.js';

/** The title of the key-numbers slide when its template gives none. */
export const KEY_NUMBERS_TITLES = { en: 'In numbers', be: 'У лічбах', uk: 'У цифрах', ru: 'В цифрах' } as const;

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
  /** The figures of the key-numbers slide (`::slide{layout="key-numbers"}`); fewer than two make no slide. */
  keyNumbers?: KeyNumber[];
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
  // The i-th quotation slide shows quotes[i] (the template makes one for each), so that a diagnostic can name it.
  let quoteIndex = 0;
  for (const source of sources) {
    switch (source.layout) {
      case 'title':
        frames.push(titleSlide(source, ctx));
        break;
      case 'section':
        frames.push(sectionSlide(source, ctx, source.notes));
        break;
      case 'quote':
        frames.push(quoteSlide(source, ctx, diagnostics, quoteIndex++));
        break;
      case 'key-numbers':
        frames.push(...keyNumbersSlide(source, ctx, diagnostics));
        break;
      default:
        frames.push(...contentSlides(source, ctx, diagnostics));
    }
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
    /** Titles and headings: the theme's heading family. */
    heading: (over: Partial<RunBase>): RunBase => ({ family: s.fonts.heading, sizePt: s.sizes.title, colour: theme.colors.slideTitle, linkColour: theme.colors.accent, ...over }),
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
    titleLayout = ctx.lay(spec(runsFromInlines(source.title, ctx.heading({ sizePt: fontSize, bold: true, colour: colors.slideTitle })), fontSize, 1.15), width);
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
    kind: 'slide', layout: 'title', width: size.width, height: size.height, background: colors.slideBackground, title: inlineText(source.title), notes: source.notes,
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
    const runs = runsFromInlines(text, ctx.heading({ sizePt: fontSize, bold: true, colour: ctx.colors.slideTitle }));
    return suffix ? [...runs, ...plainRuns(suffix, ctx.heading({ sizePt: fontSize, bold: false, colour: ctx.colors.muted }))] : runs;
  };
  let layout: ParagraphLayout | undefined;
  for (let fontSize = s.sizes.title; fontSize >= s.sizes.minTitle; fontSize -= SIZE_STEP) {
    layout = ctx.lay(spec(runsFor(fontSize), fontSize, 1.15), ctx.contentWidth);
    if (layout.lines.length <= 2) return layout;
  }
  diagnostics.push({ severity: 'warning', rule: 'slide-title-too-long', path: `slide ${source.index + 1} ("${inlineText(text).slice(0, 40)}…")`, message: `the title needs ${layout!.lines.length} lines at the minimum size of ${s.sizes.minTitle} pt; shorten it`, hint: 'section headings and labels become slide titles' });
  return layout!;
}

type ParagraphUnit = { kind: 'paragraph'; build: (sizePt: number, widthPt: number) => ParagraphLayout; bullet: boolean; heading: boolean; text: string };
type BodyUnit = ParagraphUnit | { kind: 'table'; header: Inline[][]; rows: Inline[][][] };

/** At most this many bullets (or paragraphs) on one slide; more are shared out over balanced continuation slides. */
export const MOST_BULLETS_PER_SLIDE = 6;
/** A statement's points are short: at most this many characters (one point, or each of two), at most so many lines at the size shown. */
const STATEMENT_MOST_CHARS = { one: 240, each: 160 };
const STATEMENT_MOST_LINES = { one: 4, each: 3 };
/** Above the body size, text grows only while the slide's tallest body stays below this share of its height. */
const GROWN_FILL_MOST = 0.8;
const COLUMN_GAP = 30;

/** The slide's body as units: each list item, paragraph and heading a paragraph unit, each table a table unit. */
function bodyUnits(blocks: Block[], ctx: Ctx): BodyUnit[] {
  const s = ctx.theme.slides;
  const units: BodyUnit[] = [];
  blocks.forEach((block) => {
    if (block.type === 'list') {
      const labelStyle = (size: number) => ({ family: s.fonts.body, weight: 'regular' as const, italic: false, sizePt: size, colour: ctx.colors.text });
      // A numbered list hangs its numbers in an indent as wide as its widest number ("10." and on need more than "9.").
      const indent = (size: number) => Math.max(Math.round(size * 1.1), block.ordered ? Math.ceil(ctx.fonts.face(labelStyle(size)).width(`${block.items.length}.`, size) + size * 0.35) : 0);
      block.items.forEach((item, index) => {
        const inlines = item.flatMap((b) => (b.type === 'paragraph' ? b.children : []));
        units.push({ kind: 'paragraph', bullet: true, heading: false, text: inlineText(inlines), build: (size, width) => ctx.lay(spec(runsFromInlines(inlines, ctx.base({ sizePt: size })), size, s.lineHeightRatio, {
          indentPt: indent(size), spaceAfterPt: size * 0.55,
          bullet: { text: block.ordered ? `${index + 1}.` : '•', style: labelStyle(size) },
        }), width) });
      });
    } else if (block.type === 'paragraph') {
      units.push({ kind: 'paragraph', bullet: false, heading: false, text: inlineText(block.children), build: (size, width) => ctx.lay(spec(runsFromInlines(block.children, ctx.base({ sizePt: size })), size, s.lineHeightRatio, { spaceAfterPt: size * 0.6 }), width) });
    } else if (block.type === 'table') {
      units.push({ kind: 'table', header: block.header, rows: block.rows });
    } else if (block.type === 'heading') {
      units.push({ kind: 'paragraph', bullet: false, heading: true, text: inlineText(block.children), build: (size, width) => ctx.lay(spec(runsFromInlines(block.children, ctx.heading({ sizePt: size, bold: true, colour: ctx.colors.text })), size, s.lineHeightRatio, { spaceAfterPt: size * 0.4 }), width) });
    }
  });
  return units;
}

/** Where a content slide's body lies, below a title that keeps room for a continuation suffix of `reserve`. */
interface BodyBox {
  titleHeight: number;
  top: number;
  height: number;
}

function bodyBox(source: SlideSource, ctx: Ctx, reserve: string, diagnostics: Diagnostic[]): BodyBox {
  const probe = fitTitle(source.title, ctx, '', diagnostics, source);
  const titleHeight = Math.max(probe.height, reserve ? fitTitle(source.title, ctx, reserve, [], source).height : 0);
  const top = TITLE_TOP + titleHeight + BODY_GAP;
  return { titleHeight, top, height: ctx.size.height - top - FOOTER_SPACE };
}

/** The band, the title (with its continuation suffix) and the accent rule of a content slide. */
function chrome(source: SlideSource, ctx: Ctx, box: BodyBox, suffix: string): FrameItem[] {
  const title = fitTitle(source.title, ctx, suffix, [], source);
  return [
    { kind: 'rect', x: 0, y: 0, w: ctx.size.width, h: 6, fill: ctx.colors.slideBand, tag: { artifact: 'Background' } },
    { ...textItem(ctx.margin, TITLE_TOP, ctx.contentWidth, [{ layout: title, top: 0 }], `slide ${source.index + 1} title`), h: box.titleHeight + 6, slideTitle: true },
    { kind: 'rule', x1: ctx.margin, y1: TITLE_TOP + box.titleHeight + 8, x2: ctx.margin + 64, y2: TITLE_TOP + box.titleHeight + 8, colour: ctx.colors.accent, width: 2.5, tag: { artifact: 'Layout' } },
  ];
}

function slideFrame(source: SlideSource, ctx: Ctx, layout: SlideLayoutKind, suffix: string, notes: string[], items: FrameItem[]): Frame {
  return { kind: 'slide', layout, width: ctx.size.width, height: ctx.size.height, background: ctx.colors.slideBackground, title: inlineText(source.title) + suffix, notes, items };
}

/**
 * The slides of a content source: a statement (one or two short points, large), balanced bullet slides (at most six
 * bullets each), or body slides with tables; figures beside the bullets (two columns) or on slides of their own.
 */
function contentSlides(source: SlideSource, ctx: Ctx, diagnostics: Diagnostic[]): Frame[] {
  const figures = source.body.filter((b): b is FigureNode => b.type === 'figure');
  const units = bodyUnits(source.body.filter((b) => b.type !== 'figure'), ctx);
  const forced = source.layout;
  if (figures.length > 0 && (units.length === 0 || forced === 'figure')) return figures.flatMap((figure, index) => figureSlides(figure, index === 0 ? source : { ...source, notes: [] }, ctx, diagnostics));
  if (figures.length > 0) {
    const paired = forced === 'bullets' ? undefined : twoColumnSlide(source, units, figures[0]!, ctx, diagnostics);
    if (paired) return [paired, ...figures.slice(1).flatMap((figure) => figureSlides(figure, { ...source, notes: [] }, ctx, diagnostics))];
    if (forced === 'two-column') diagnostics.push(layoutFallback(source, 'two-column', 'the bullets and the figure do not both fit side by side; the figure has a slide of its own'));
    const text = textSlides({ ...source, layout: 'content' }, units, ctx, diagnostics);
    return [...text, ...figures.flatMap((figure) => figureSlides(figure, { ...source, notes: [] }, ctx, diagnostics))];
  }
  if (forced === 'two-column') diagnostics.push(layoutFallback(source, 'two-column', 'there is no figure to set beside the bullets'));
  return textSlides(source, units, ctx, diagnostics);
}

function layoutFallback(source: SlideSource, layout: SlideLayoutName, why: string): Diagnostic {
  return { severity: 'warning', rule: 'slide-layout-fallback', path: `slide ${source.index + 1} ("${inlineText(source.title).slice(0, 40)}")`, message: `layout=${layout} was asked for, but ${why}` };
}

function textSlides(source: SlideSource, units: BodyUnit[], ctx: Ctx, diagnostics: Diagnostic[]): Frame[] {
  const paragraphs = units.filter((u): u is ParagraphUnit => u.kind === 'paragraph');
  const hasTable = paragraphs.length < units.length;
  if (!hasTable && source.layout !== 'bullets' && source.layout !== 'table') {
    const statement = statementSlide(source, paragraphs, ctx, diagnostics, source.layout === 'statement');
    if (statement) return [statement];
    if (source.layout === 'statement') diagnostics.push(layoutFallback(source, 'statement', `it holds more than two points, or they do not fit at ${ctx.theme.slides.sizes.minStatement} pt; it is a bullet list`));
  }
  if (hasTable) return tableSlides(source, units, ctx, diagnostics);
  const frames = bulletSlides(source, paragraphs, ctx, diagnostics);
  // Bullets that take three slides or more are introduced by a divider (not one made for each short section).
  return frames.length >= 3 && source.layout === 'content' ? [sectionSlide(source, ctx, []), ...frames] : frames;
}

/** One or two short points, large (from `statement` down to `minStatement`), vertically centred; undefined when they are not. */
function statementSlide(source: SlideSource, units: ParagraphUnit[], ctx: Ctx, diagnostics: Diagnostic[], forced: boolean): Frame | undefined {
  const s = ctx.theme.slides;
  if (units.length === 0 || units.length > 2 || units.some((u) => u.heading)) return undefined;
  const single = units.length === 1;
  if (!forced && units.some((u) => u.text.length > (single ? STATEMENT_MOST_CHARS.one : STATEMENT_MOST_CHARS.each))) return undefined;
  const box = bodyBox(source, ctx, '', diagnostics);
  const width = Math.round(ctx.contentWidth * 0.9);
  // A numbered point (a source, a step) keeps its number and stays nearer the body size: it is a list, not a headline.
  const numbered = units.some((u) => /^\d/.test(u.build(s.sizes.minStatement, width).spec.bullet?.text ?? ''));
  const largest = numbered ? Math.min(s.sizes.statement, s.sizes.minStatement + 4) : s.sizes.statement;
  for (let size = largest; size >= s.sizes.minStatement; size -= SIZE_STEP) {
    // A single point is the statement itself, without a bullet; two keep theirs.
    const layouts = units.map((u) => {
      const laid = u.build(size, width);
      if (units.length > 1 || numbered) return ctx.lay({ ...laid.spec, spaceAfterPt: size * 0.7 }, width);
      const { bullet: _bullet, ...rest } = laid.spec;
      return ctx.lay({ ...rest, indentPt: 0 }, width);
    });
    if (layouts.some((l) => l.lines.length > (single ? STATEMENT_MOST_LINES.one : STATEMENT_MOST_LINES.each) + (forced ? 1 : 0) || cutsAWord(l))) continue;
    const stacked = stack(layouts);
    if (stacked.height > box.height * ctx.safety) continue;
    const y = box.top + Math.max(0, (box.height - stacked.height) * 0.45);
    const item = textItem(ctx.margin, y, width, stacked.placed, `slide ${source.index + 1} body 1`);
    item.h = Math.min(box.top + box.height - y, stacked.height / ctx.safety);
    return slideFrame(source, ctx, 'statement', '', source.notes, [...chrome(source, ctx, box, ''), item]);
  }
  return undefined;
}

/**
 * Bullets and paragraphs over the fewest balanced slides of at most six (7 → 4 + 3, 13 → 5 + 4 + 4): each slide at the
 * body size or smaller down to the minimum before another slide is added, larger (up to `maxBody`) when sparse. A
 * bullet taller than a whole slide at the minimum size is cut between lines instead.
 */
function bulletSlides(source: SlideSource, units: ParagraphUnit[], ctx: Ctx, diagnostics: Diagnostic[]): Frame[] {
  const width = ctx.contentWidth;
  let reserve = ' (9/9)';
  for (;;) {
    const box = bodyBox(source, ctx, reserve, diagnostics);
    const pages = balancedPages(units, ctx, box.height * ctx.safety, width) ?? fillPages(units, ctx, box.height * ctx.safety, width, ctx.theme.slides.sizes.minBody);
    const widest = ` (${pages.length}/${pages.length})`;
    if (widest.length > reserve.length) {
      reserve = widest;
      continue;
    }
    return bodyFrames(source, pages, box, ctx, 'bullets');
  }
}

function tableSlides(source: SlideSource, units: BodyUnit[], ctx: Ctx, diagnostics: Diagnostic[]): Frame[] {
  let reserve = ' (9/9)';
  for (;;) {
    const box = bodyBox(source, ctx, reserve, diagnostics);
    const pages = paginateBody(units, ctx, box.height * ctx.safety, ctx.contentWidth);
    const widest = ` (${pages.length}/${pages.length})`;
    if (widest.length > reserve.length) {
      reserve = widest;
      continue;
    }
    return bodyFrames(source, pages, box, ctx, 'table');
  }
}

function bodyFrames(source: SlideSource, pages: BodyPage[], box: BodyBox, ctx: Ctx, layout: SlideLayoutKind): Frame[] {
  const count = pages.length;
  const notesChunks = splitNotes(source.notes, pages.map((p) => p.weight));
  return pages.map((content, index) => {
    const suffix = count > 1 ? ` (${index + 1}/${count})` : '';
    const items = [...chrome(source, ctx, box, suffix), ...content.place(ctx.margin, box.top, box.top + box.height, `slide ${source.index + 1} body`)];
    return slideFrame(source, ctx, layout, suffix, notesChunks[index] ?? [], items);
  });
}

/** The sizes a bullet set may take, most preferred first: the body size down to the minimum, then up to `maxBody`. */
function bodySizes(ctx: Ctx, minimum = ctx.theme.slides.sizes.minBody): number[] {
  const { body, maxBody } = ctx.theme.slides.sizes;
  const sizes: number[] = [];
  for (let size = Math.max(body, maxBody); size >= minimum; size -= SIZE_STEP) sizes.push(size);
  return sizes;
}

/**
 * Paragraph units over the fewest balanced parts of at most six that fit `height` at the minimum size, each part at
 * the largest size it fits (above the body size only while it stays below GROWN_FILL_MOST of the height); undefined
 * when a unit alone does not fit at the minimum size.
 */
function balancedPages(units: ParagraphUnit[], ctx: Ctx, height: number, width: number, minimum?: number): BodyPage[] | undefined {
  const { body } = ctx.theme.slides.sizes;
  const sizes = bodySizes(ctx, minimum);
  const cache = new Map<number, ParagraphLayout[]>();
  const laidAt = (size: number) => {
    let laid = cache.get(size);
    if (!laid) cache.set(size, (laid = units.map((u) => u.build(size, width))));
    return laid;
  };
  const smallest = laidAt(sizes[sizes.length - 1]!);
  if (smallest.some((l) => l.height > height)) return undefined;
  const fits = (layouts: ParagraphLayout[], size: number) => {
    const used = stack(layouts).height;
    return used <= height && (size <= body || (used <= height * GROWN_FILL_MOST && !layouts.some(cutsAWord)));
  };
  const counts = balancedPartition(units.length, MOST_BULLETS_PER_SLIDE, (start, end) => stack(smallest.slice(start, end)).height <= height, (index) => smallest[index]!.height / height);
  if (!counts) return undefined;
  // A slide with a title and no body (its notes still say what it is about).
  if (counts.length === 0) return [textPage([], width)];
  const smallestGroups = cutInto(smallest, counts);
  // Each slide of the set at its own largest size: a slide of short bullets is not held small by a fuller one.
  return counts.map((_, index) => {
    for (const size of sizes) {
      const group = cutInto(laidAt(size), counts)[index]!;
      if (fits(group, size)) return textPage(group, width);
    }
    return textPage(smallestGroups[index]!, width);
  });
}

/**
 * Whether a line ends inside a word too long for it (cut between letters, no hyphen). Viewers cut such words a letter
 * earlier or later than the layout at some sizes, so text is not grown above the body size when it holds one.
 */
function cutsAWord(layout: ParagraphLayout): boolean {
  const text = layout.spec.runs.map((r) => r.text).join('');
  const letter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  return layout.lines.slice(0, -1).some((line) => !line.hyphenated && letter(text[line.end - 1]) && letter(text[line.end]));
}

/** A page of stacked paragraphs in one text box that reaches down to the body's bottom. */
function textPage(layouts: ParagraphLayout[], width: number): BodyPage {
  return {
    weight: Math.max(1, layouts.reduce((sum, l) => sum + l.lines.length, 0)),
    place: (x, y, bottom, source) => {
      const stacked = stack(layouts);
      const item = textItem(x, y, width, stacked.placed, `${source} 1`);
      item.h = Math.max(item.h, bottom - y);
      return [item];
    },
  };
}

/**
 * Bullets beside a figure (a picture): the bullets in the left column at one size, the figure filling the right one.
 * Undefined when they do not both fit on one slide (more than six bullets, or too small, or a figure in parts).
 */
function twoColumnSlide(source: SlideSource, units: BodyUnit[], figure: FigureNode, ctx: Ctx, diagnostics: Diagnostic[]): Frame | undefined {
  if (figure.name !== 'image' && source.layout !== 'two-column') return undefined;
  const paragraphs = units.filter((u): u is ParagraphUnit => u.kind === 'paragraph');
  if (paragraphs.length !== units.length || paragraphs.length > MOST_BULLETS_PER_SLIDE) return undefined;
  const box = bodyBox(source, ctx, '', diagnostics);
  const left = Math.round((ctx.contentWidth - COLUMN_GAP) * 0.5);
  const right = ctx.contentWidth - COLUMN_GAP - left;
  const pages = balancedPages(paragraphs, ctx, box.height * ctx.safety, left, ctx.theme.slides.sizes.minBody + 2);
  if (!pages || pages.length !== 1) return undefined;
  const parts = figureKind(figure).onSlides(figure.data, { theme: ctx.theme, fonts: ctx.fonts, lang: ctx.options.lang }, { widthPt: right, heightPt: box.height });
  if (parts.length !== 1) return undefined;
  const figureId = `${figure.name}-${source.index + 1}`;
  const group: FrameItem = { kind: 'group', x: ctx.margin + left + COLUMN_GAP, y: box.top, scale: 1, w: right, h: box.height, items: parts[0]!.items, tag: { struct: [{ role: 'Figure', id: figureId, alt: figure.alt }] } };
  const text = pages[0]!.place(ctx.margin, box.top, box.top + box.height, `slide ${source.index + 1} body`);
  return slideFrame(source, ctx, 'two-column', '', source.notes, [...chrome(source, ctx, box, ''), ...text, group]);
}

/** A section divider: the title large, left on the slide below the band, with the body's paragraphs under it. */
function sectionSlide(source: SlideSource, ctx: Ctx, notes: string[]): Frame {
  const s = ctx.theme.slides;
  const width = Math.round(ctx.contentWidth * 0.85);
  let title: ParagraphLayout | undefined;
  for (let size = s.sizes.sectionTitle; size >= s.sizes.minTitle; size -= SIZE_STEP) {
    title = ctx.lay(spec(runsFromInlines(source.title, ctx.heading({ sizePt: size, bold: true, colour: ctx.colors.slideTitle })), size, 1.15), width);
    if (title.lines.length <= 3) break;
  }
  const lines = source.body.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph')
    .map((p) => ctx.lay(spec(runsFromInlines(p.children, ctx.base({ sizePt: 22, colour: ctx.colors.muted })), 22, 1.2, { spaceAfterPt: 6 }), width));
  const head = stack([title!]);
  const rest = stack(lines);
  const y = Math.max(TITLE_TOP + 40, ctx.size.height * 0.45 - head.height);
  return {
    kind: 'slide', layout: 'section', width: ctx.size.width, height: ctx.size.height, background: ctx.colors.slideBackground, title: inlineText(source.title), notes,
    items: [
      { kind: 'rect', x: 0, y: 0, w: 18, h: ctx.size.height, fill: ctx.colors.slideBand, tag: { artifact: 'Background' } },
      { ...textItem(ctx.margin, y, width, head.placed, `slide ${source.index + 1} title`), slideTitle: true },
      { kind: 'rule', x1: ctx.margin, y1: y + head.height + 16, x2: ctx.margin + 96, y2: y + head.height + 16, colour: ctx.colors.accent, width: 3, tag: { artifact: 'Layout' } },
      ...(lines.length > 0 ? [textItem(ctx.margin, y + head.height + 34, width, rest.placed, `slide ${source.index + 1} body 1`)] : []),
    ],
  };
}

/**
 * A quotation on one slide, never split: the quote from `quote` down to `minQuote`, its attribution from `attribution`
 * down to `minAttribution`, centred. What does not fit even then is cut from the shown text with an ellipsis (the
 * whole quotation stays in the notes) and reported, naming the quote (`quotes[i]`).
 */
function quoteSlide(source: SlideSource, ctx: Ctx, diagnostics: Diagnostic[], quoteIndex: number): Frame {
  const s = ctx.theme.slides;
  const box = bodyBox(source, ctx, '', diagnostics);
  const barGap = 26;
  const width = Math.round(ctx.contentWidth * 0.92) - barGap;
  const paragraphs = source.body.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  const [quoted, ...rest] = paragraphs.map((p) => inlineText(p.children));
  const quoteLayout = (text: string, size: number) => ctx.lay(spec(plainRuns(text, ctx.base({ sizePt: size, italic: true, colour: ctx.colors.text })), size, s.lineHeightRatio, { spaceAfterPt: size * 0.6 }), width);
  const attributionLayout = (text: string, size: number) => ctx.lay(spec(plainRuns(text, ctx.base({ sizePt: size, colour: ctx.colors.muted })), size, s.lineHeightRatio, { spaceAfterPt: size * 0.4 }), width);
  const room = box.height * ctx.safety;
  const build = (quoteText: string, attributionTexts: string[], size: number) => {
    const attributionSize = Math.max(s.sizes.minAttribution, Math.min(s.sizes.attribution, Math.round(size * 0.6)));
    return stack([...(quoteText ? [quoteLayout(quoteText, size)] : []), ...attributionTexts.map((t) => attributionLayout(t, attributionSize))]);
  };
  let chosen: ReturnType<typeof stack> | undefined;
  for (let size = s.sizes.quote; size >= s.sizes.minQuote && !chosen; size -= SIZE_STEP) {
    const laid = build(quoted ?? '', rest, size);
    if (laid.height <= room) chosen = laid;
  }
  const notes = [...source.notes];
  if (!chosen) {
    // Too long for one slide at the smallest readable sizes: the beginning of the quotation, then of its attribution.
    // An attribution taller than ATTRIBUTION_ROOM of the body is shortened to that first, so that the quotation keeps the rest.
    const attributionRoom = room * ATTRIBUTION_ROOM;
    const attributions = rest.map((t) => longestBeginning(t, (text) => build('', [text], s.sizes.minQuote).height <= attributionRoom, ''));
    const shortenedQuote = longestBeginning(quoted ?? '', (text) => build(text, attributions, s.sizes.minQuote).height <= room, closingMark(quoted ?? ''));
    chosen = build(shortenedQuote, attributions, s.sizes.minQuote);
    const whole = [quoted, ...rest].filter((t): t is string => Boolean(t)).join(' ');
    if (!notes.join(' ').includes(quoted ?? '')) notes.push(whole);
    diagnostics.push({
      severity: 'warning', rule: 'slide-quote-shortened', path: `quotes[${quoteIndex}]`,
      message: `the quotation does not fit one slide at ${s.sizes.minQuote} pt (its attribution at ${s.sizes.minAttribution} pt); the slide shows its beginning, the whole quotation is in the speaker notes`,
      hint: 'a shorter quotation reads better on a slide',
    });
  }
  const y = box.top + Math.max(0, (box.height - chosen.height) * 0.45);
  const quoteHeight = chosen.placed[0] && quoted ? chosen.placed[0].layout.height : 0;
  const item = textItem(ctx.margin + barGap, y, width, chosen.placed, `slide ${source.index + 1} body 1`);
  item.h = Math.min(box.top + box.height - y, chosen.height / ctx.safety);
  return slideFrame(source, ctx, 'quote', '', notes, [
    ...chrome(source, ctx, box, ''),
    ...(quoteHeight > 0 ? [{ kind: 'rect' as const, x: ctx.margin, y: y + 4, w: 5, h: quoteHeight - 8, fill: ctx.colors.accent, tag: { artifact: 'Layout' as const } }] : []),
    item,
  ]);
}

/** The share of a quotation slide's body that a long attribution is shortened to, when the quotation must be shortened too. */
const ATTRIBUTION_ROOM = 0.35;

/** The closing quotation mark a quotation ends with, kept after the ellipsis of a shortened one. */
function closingMark(text: string): string {
  return /[”»"’]$/.test(text.trim()) ? text.trim().slice(-1) : '';
}

/** The longest beginning of `text` (whole words, then an ellipsis and `close`) for which `fits` holds; '' when none. */
function longestBeginning(text: string, fits: (text: string) => boolean, close: string): string {
  if (fits(text)) return text;
  const words = text.split(/\s+/);
  let low = 0;
  let high = words.length - 1;
  let best = '';
  while (low <= high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = mid > 0 ? `${words.slice(0, mid).join(' ').replace(/[\s,;:.—–-]+$/, '')}…${close}` : '';
    if (mid > 0 && fits(candidate)) {
      best = candidate;
      low = mid + 1;
    } else high = mid - 1;
    if (mid === 0) break;
  }
  return best;
}

/**
 * Two to four figures side by side, each large (from `keyNumber` down to `minKeyNumber`, one line) over its caption;
 * none when fewer than two are given. The notes say each with its sentence.
 */
function keyNumbersSlide(source: SlideSource, ctx: Ctx, diagnostics: Diagnostic[]): Frame[] {
  const numbers = (ctx.options.keyNumbers ?? []).slice(0, 4);
  if (numbers.length < 2) return [];
  const s = ctx.theme.slides;
  const titled: SlideSource = source.title.length > 0 ? source : { ...source, title: [{ type: 'text', value: KEY_NUMBERS_TITLES[ctx.options.lang as keyof typeof KEY_NUMBERS_TITLES] ?? KEY_NUMBERS_TITLES.en }] };
  const box = bodyBox(titled, ctx, '', diagnostics);
  const gap = 28;
  const column = (ctx.contentWidth - gap * (numbers.length - 1)) / numbers.length;
  const valueLayout = (text: string, size: number) => ctx.lay(spec(plainRuns(text, ctx.base({ sizePt: size, bold: true, colour: ctx.colors.accent })), size, 1.1), column);
  const captionLayout = (text: string, size: number) => ctx.lay(spec(plainRuns(text, ctx.base({ sizePt: size, colour: ctx.colors.text })), size, s.lineHeightRatio), column);
  let valueSize = s.sizes.keyNumber;
  while (valueSize > s.sizes.minKeyNumber && numbers.some((n) => valueLayout(n.value, valueSize).lines.length > 1)) valueSize -= SIZE_STEP;
  let captionSize = Math.max(s.sizes.keyCaption, s.sizes.minBody);
  const captionRoom = () => box.height * ctx.safety - valueLayout('0', valueSize).height * 2 - 24;
  while (captionSize > s.sizes.minBody && numbers.some((n) => captionLayout(n.caption, captionSize).height > captionRoom())) captionSize -= SIZE_STEP;
  const values = numbers.map((n) => valueLayout(n.value, valueSize));
  const captions = numbers.map((n) => captionLayout(n.caption, captionSize));
  const valueHeight = Math.max(...values.map((v) => v.height));
  const captionHeight = Math.max(...captions.map((c) => c.height));
  const blockHeight = 14 + valueHeight + 10 + captionHeight;
  const y = box.top + Math.max(0, (box.height - blockHeight) * 0.45);
  const items: FrameItem[] = [...chrome(titled, ctx, box, '')];
  numbers.forEach((_, index) => {
    const x = ctx.margin + index * (column + gap);
    items.push({ kind: 'rule', x1: x, y1: y, x2: x + 48, y2: y, colour: ctx.colors.accent, width: 3, tag: { artifact: 'Layout' } });
    items.push({ ...textItem(x, y + 14, column, [{ layout: values[index]!, top: 0 }], `slide ${source.index + 1} number ${index + 1}`), h: valueHeight / ctx.safety });
    const captionTop = y + 14 + valueHeight + 10;
    items.push({ ...textItem(x, captionTop, column, [{ layout: captions[index]!, top: 0 }], `slide ${source.index + 1} caption ${index + 1}`), h: Math.min(box.top + box.height, captionTop + captionHeight / ctx.safety) - captionTop });
  });
  const notes = [...source.notes, ...numbers.map((n) => (n.sentence ? `${n.value}: ${n.sentence}` : `${n.value}: ${n.caption}`))];
  return [slideFrame(titled, ctx, 'key-numbers', '', notes, items)];
}

interface BodyPage {
  /** Places the slide's body from `y`; text boxes may extend down to `bottom` (their room for viewers' differences). */
  place: (x: number, y: number, bottom: number, source: string) => FrameItem[];
  weight: number;
}

/** Finds the largest size at which everything fits on one slide; at the minimum size, splits into as many slides as needed. */
function paginateBody(units: BodyUnit[], ctx: Ctx, height: number, width: number): BodyPage[] {
  const s = ctx.theme.slides;
  // A short table (three rows or fewer) would leave the slide nearly empty: it is set larger — up to the statement
  // size — while it stays on one slide within GROWN_FILL_MOST of the height.
  const rows = units.reduce((sum, unit) => sum + (unit.kind === 'table' ? unit.rows.length : 0), 0);
  if (rows <= 3) {
    for (let size = Math.max(s.sizes.maxBody, s.sizes.statement); size > s.sizes.body; size -= SIZE_STEP) {
      if (fillPages(units, ctx, height * GROWN_FILL_MOST, width, size).length === 1) return fillPages(units, ctx, height, width, size);
    }
  }
  for (let size = s.sizes.body; size >= s.sizes.minBody; size -= SIZE_STEP) {
    const pages = fillPages(units, ctx, height, width, size);
    if (pages.length === 1 || size - SIZE_STEP < s.sizes.minBody) return pages;
  }
  return fillPages(units, ctx, height, width, s.sizes.minBody);
}

function fillPages(units: BodyUnit[], ctx: Ctx, height: number, width: number, size: number): BodyPage[] {
  type Piece = { kind: 'text'; layouts: ParagraphLayout[] } | { kind: 'table'; table: ReturnType<typeof measureTable>; rows: number[] };
  const pages: { pieces: Piece[]; used: number; weight: number; starts: number }[] = [{ pieces: [], used: 0, weight: 0, starts: 0 }];
  const current = () => pages[pages.length - 1]!;
  const newPage = () => pages.push({ pieces: [], used: 0, weight: 0, starts: 0 });
  const addParagraph = (layout: ParagraphLayout) => {
    const page = current();
    const last = page.pieces[page.pieces.length - 1];
    if (last && last.kind === 'text') last.layouts.push(layout);
    else page.pieces.push({ kind: 'text', layouts: [layout] });
    page.used += layout.height + layout.spec.spaceAfterPt;
    page.weight += layout.lines.length;
    // A paragraph's first piece starts it (a continued piece has neither bullet nor a place in the count).
    if (!(layout.spec.indentPt > 0 && !layout.spec.bullet)) page.starts += 1;
  };
  for (const unit of units) {
    if (unit.kind === 'paragraph') {
      if (current().starts >= MOST_BULLETS_PER_SLIDE) newPage();
      const whole = unit.build(size, width);
      let layout = whole;
      // A paragraph taller than a whole slide is cut between lines and continues on the next slide (it cannot shrink
      // further). The pieces are its own lines (greedy lines depend only on where they start), never laid out again.
      let from = 0;
      while (layout.height > height && layout.lines.length > 1) {
        const before = current().used > 0 ? layout.spec.spaceBeforePt : 0;
        const room = Math.floor((height - current().used - before + 1e-6) / layout.spec.lineHeightPt);
        if (room < 2 && current().used > 0) {
          newPage();
          continue;
        }
        const to = from + Math.max(1, room);
        addParagraph(linePiece(whole, from, to));
        newPage();
        from = to;
        layout = linePiece(whole, from, whole.lines.length, false);
      }
      if (from > 0) layout = linePiece(whole, from, whole.lines.length);
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
  // Cells breathe in proportion to their text (6 pt at the body size's 20 pt table text).
  const padding = Math.round(size * 0.3);
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

/**
 * Lines [from, to) of a laid-out paragraph as a paragraph of their own, its runs cut to their text: what laying out
 * that text again would give, as greedy lines depend only on where they start. A continuation (from > 0) keeps the
 * indent but not the bullet. `materialise: false` gives only the height and the line count (for the loop's test).
 */
function linePiece(layout: ParagraphLayout, from: number, to: number, materialise = true): ParagraphLayout {
  const { bullet: _bullet, ...rest } = layout.spec;
  const count = to - from;
  const continued = { ...rest, spaceBeforePt: 0 };
  if (!materialise) return { spec: from === 0 ? layout.spec : continued, lines: new Array<Line>(count), height: count * layout.spec.lineHeightPt };
  const startOffset = layout.lines[from]!.start;
  const endOffset = to < layout.lines.length ? layout.lines[to]!.start : Number.POSITIVE_INFINITY;
  const runs = cutRuns(cutRuns(layout.spec.runs, startOffset)[1], endOffset - startOffset)[0];
  const shiftPt = layout.lines[from]!.top;
  const lines = layout.lines.slice(from, to).map((line) => ({ ...line, top: line.top - shiftPt, baseline: line.baseline - shiftPt, start: line.start - startOffset, end: line.end - startOffset }));
  return { spec: from === 0 ? { ...layout.spec, runs } : { ...continued, runs }, lines, height: count * layout.spec.lineHeightPt };
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
  const leftOut = parts[0]?.leftOut;
  if (leftOut) diagnostics.push({ severity: 'warning', path: leftOut.path, rule: 'figure-reduced', message: leftOut.message });
  return parts.map((part, index): Frame => {
    const suffix = parts.length > 1 ? ` (${index + 1}/${parts.length})` : '';
    const title = fitTitle(source.title, ctx, suffix, [], source);
    // Each part of a split figure is a figure of its own (its own id), its alt text saying what the part shows (the
    // whole figure's alt text on every part grew with the square of its events).
    const figureId = `${node.name}-${source.index + 1}${parts.length > 1 ? `-${index + 1}` : ''}`;
    const alt = parts.length > 1 && part.alt ? `${inlineText(source.title)}${suffix}: ${part.alt}` : node.alt;
    return {
      kind: 'slide', layout: 'figure', width: ctx.size.width, height: ctx.size.height, background: colors.slideBackground, title: inlineText(source.title) + suffix, notes: notes[index] ?? [],
      items: [
        { kind: 'rect', x: 0, y: 0, w: ctx.size.width, h: 6, fill: colors.slideBand, tag: { artifact: 'Background' } },
        { ...textItem(ctx.margin, TITLE_TOP, width, [{ layout: title, top: 0 }], `slide ${source.index + 1} title`), h: probe.height + 6, slideTitle: true },
        { kind: 'rule', x1: ctx.margin, y1: TITLE_TOP + probe.height + 8, x2: ctx.margin + 64, y2: TITLE_TOP + probe.height + 8, colour: colors.accent, width: 2.5, tag: { artifact: 'Layout' } },
        { kind: 'group', x: ctx.margin, y: bodyTop, scale: 1, w: width, h: bodyHeight, items: part.items, tag: { struct: [{ role: 'Figure', id: figureId, alt }] } },
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

// Paragraph runs + width in, broken lines out: Unicode line breaking (UAX #14), hyphenation, justification, real metrics.
import LineBreaker from 'linebreak';
import type { FaceSpec, FontRegistry } from './fonts.js';
import { hyphenationPoints, isCapitalised } from './hyphenate.js';
import { totalFitBreaks, type BreakCandidate } from './total-fit.js';
import { Memo } from './memo.js';

/** How a run looks: its face (family, weight, slant), size and colour; each backend maps the face to its own fonts. */
export interface TextStyle extends FaceSpec {
  sizePt: number;
  /** Hex colour, "#rrggbb". */
  colour: string;
  underline?: boolean;
}

export interface Run {
  text: string;
  style: TextStyle;
  link?: string;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphSpec {
  runs: Run[];
  align: Align;
  /** Distance between baselines. */
  lineHeightPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** Left indent of every line; a bullet hangs in it, drawn at the paragraph's left edge. */
  indentPt: number;
  bullet?: { text: string; style: TextStyle };
  hyphenate: boolean;
  /**
   * May a line end after the hyphen of a compound ("Anti-|Crisis")? Viewers of PPTX do it, so slides allow it; the
   * briefing does not, because PDF text extractors join such a line to the next and drop the hyphen ("AntiCrisis").
   */
  breakAfterHyphen?: boolean;
  /**
   * How lines are chosen: `greedy` fills each line in turn, as PowerPoint and LibreOffice do (slides must agree with
   * them); `total-fit` breaks the paragraph as a whole (Knuth–Plass) with word spaces kept between 0.2 and 0.4 em,
   * for the briefing.
   */
  breaker?: 'greedy' | 'total-fit';
  /** Lines of even length (a title, a heading): the narrowest width that keeps the line count; left-aligned text only. */
  balance?: boolean;
}

export interface Fragment {
  /** Left edge relative to the paragraph's box, points. */
  x: number;
  text: string;
  style: TextStyle;
  width: number;
  /** Extra width added to each word space, U+0020 or U+00A0 (justification), points. */
  wordSpacing: number;
  link?: string;
}

export interface Line {
  /** Top of the line box relative to the paragraph's first line, points. */
  top: number;
  baseline: number;
  height: number;
  /** Width the text occupies, points. */
  width: number;
  fragments: Fragment[];
  hyphenated: boolean;
  /** Where the line's text lies in the paragraph's text (its runs joined): [start, end), trailing spaces included. */
  start: number;
  end: number;
}

export interface ParagraphLayout {
  spec: ParagraphSpec;
  lines: Line[];
  /** Height of the lines alone (no space before or after), points. */
  height: number;
}

const SOFT_HYPHEN = '\u00AD';
const HYPHEN = '-';
/** What hangs at a line's end and takes no room there. */
const TRAILING_SPACE_CHARS = new Set([' ', '\t', '\n', '\r', '\u2028', '\u2029', '\u200B']);

interface Segment {
  start: number;
  end: number;
  required: boolean;
}

/** Paragraphs laid out before, by their spec, width, fonts and language: a warm build re-lays only what changed. */
const paragraphMemo = new Memo<ParagraphLayout>(1500);

export function layoutParagraph(spec: ParagraphSpec, width: number, fonts: FontRegistry, lang: string): ParagraphLayout {
  return paragraphMemo.get(`${fonts.memoKey}\u0000${lang}\u0000${width}\u0000${JSON.stringify(spec)}`, () => layoutParagraphAnew(spec, width, fonts, lang));
}

function layoutParagraphAnew(spec: ParagraphSpec, width: number, fonts: FontRegistry, lang: string): ParagraphLayout {
  const full = layoutLines(spec, width, fonts, lang);
  if (!spec.balance || spec.align !== 'left' || full.lines.length < 2) return full;
  // Narrow the measure while the line count holds (14 halvings: to within 0.01 % of the width).
  let narrowest = width;
  let low = width / full.lines.length;
  for (let step = 0; step < 14; step++) {
    const mid = (low + narrowest) / 2;
    if (layoutLines(spec, mid, fonts, lang).lines.length === full.lines.length) narrowest = mid;
    else low = mid;
  }
  return narrowest < width ? layoutLines(spec, narrowest, fonts, lang) : full;
}

function layoutLines(requested: ParagraphSpec, width: number, fonts: FontRegistry, lang: string): ParagraphLayout {
  // Lines are never closer than the fonts' ascent + descent, so no two lines' glyph boxes can overlap.
  const tallest = Math.max(0, ...requested.runs.map((run) => { const face = fonts.face(run.style); return (face.ascent - face.descent) * run.style.sizePt; }));
  const spec = requested.lineHeightPt >= tallest ? requested : { ...requested, lineHeightPt: Math.ceil(tallest * 100) / 100 };
  const text = spec.runs.map((run) => run.text).join('');
  const runStarts: number[] = [];
  spec.runs.reduce((offset, run) => (runStarts.push(offset), offset + run.text.length), 0);
  const available = Math.max(1, width - spec.indentPt);

  /** The run holding the offset (the last run starting at or before it), found by bisection. */
  const runAt = (offset: number): number => {
    let low = 0;
    let high = runStarts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (runStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  };
  const pieces = (start: number, end: number): { run: number; start: number; end: number }[] => {
    const out: { run: number; start: number; end: number }[] = [];
    for (let index = runAt(start); index < spec.runs.length && (runStarts[index] ?? 0) < end; index++) {
      const runStart = runStarts[index] ?? 0;
      const from = Math.max(start, runStart);
      const to = Math.min(end, runStart + spec.runs[index]!.text.length);
      if (from < to) out.push({ run: index, start: from, end: to });
    }
    return out;
  };
  const styleAt = (offset: number): TextStyle => (spec.runs[runAt(offset)] ?? spec.runs[0])!.style;
  const measure = (start: number, end: number): number =>
    pieces(start, end).reduce((sum, piece) => {
      const style = spec.runs[piece.run]!.style;
      return sum + fonts.face(style).width(visible(text.slice(piece.start, piece.end)), style.sizePt);
    }, 0);
  const hyphenWidth = (offset: number): number => {
    const style = styleAt(Math.max(0, offset - 1));
    return fonts.face(style).width(HYPHEN, style.sizePt);
  };
  const contentEnd = (start: number, end: number): number => {
    let stop = end;
    while (stop > start && TRAILING_SPACE_CHARS.has(text[stop - 1]!)) stop--;
    return stop;
  };

  const segments = segmentsOf(text, spec.breakAfterHyphen ?? true);
  const totalFit = spec.breaker === 'total-fit' ? totalFitLines(text, segments, spec, lang, available, fonts, styleAt, hyphenWidth, contentEnd) : undefined;
  const breaks = totalFit ?? greedyLines();
  function greedyLines(): { start: number; end: number; hyphenated: boolean; forced: boolean }[] {
    const breaks: { start: number; end: number; hyphenated: boolean; forced: boolean }[] = [];
    // Segments in order; a segment cut at a line's end goes back as `pending`, its rest (a queue's shift would cost the
    // whole paragraph per segment).
    let next = 0;
    let pending: Segment | undefined;
    let lineStart = 0;
    let lineWidth = 0;
    let lineEmpty = true;
    const endLine = (end: number, hyphenated: boolean, forced: boolean): void => {
      breaks.push({ start: lineStart, end, hyphenated, forced });
      lineStart = end;
      lineWidth = 0;
      lineEmpty = true;
    };

    while (pending !== undefined || next < segments.length) {
      const segment = pending ?? segments[next++]!;
      pending = undefined;
      const end = contentEnd(segment.start, segment.end);
      // A segment ending at a soft hyphen may end the line there, and then shows a hyphen: it must fit with it.
      const softEnd = text[end - 1] === SOFT_HYPHEN ? hyphenWidth(end) : 0;
      if (lineWidth + measure(segment.start, end) + softEnd <= available + 1e-6) {
        lineWidth += measure(segment.start, segment.end);
        lineEmpty = false;
        if (segment.required) endLine(segment.end, false, true);
        continue;
      }
      const split = spec.hyphenate ? hyphenSplit(text, segment.start, end, lang, (p) => lineWidth + measure(segment.start, p) + hyphenWidth(p) <= available) : undefined;
      if (split !== undefined) {
        endLine(split, true, false);
        pending = { ...segment, start: split };
        continue;
      }
      if (!lineEmpty) {
        endLine(segment.start, false, false);
        pending = segment;
        continue;
      }
      // A word wider than the line: break it between characters, as few times as possible (a cut right after a soft
      // hyphen shows the hyphen, so it must fit with it).
      const cut = longestFittingPrefix(text, segment.start, end, (p) => measure(segment.start, p) + (text[p - 1] === SOFT_HYPHEN ? hyphenWidth(p) : 0) <= available);
      if (cut >= segment.end || cut >= end) {
        lineWidth += measure(segment.start, segment.end);
        lineEmpty = false;
        if (segment.required) endLine(segment.end, false, true);
        continue;
      }
      endLine(cut, false, false);
      pending = { ...segment, start: cut };
    }
    if (!lineEmpty || breaks.length === 0) breaks.push({ start: lineStart, end: text.length, hyphenated: false, forced: true });
    return breaks;
  }

  const lines = breaks.map((entry, index): Line => {
    const end = contentEnd(entry.start, entry.end);
    const endsWithSoftHyphen = !entry.hyphenated && text[end - 1] === SOFT_HYPHEN && index < breaks.length - 1;
    const showHyphen = entry.hyphenated || endsWithSoftHyphen;
    const natural = measure(entry.start, end) + (showHyphen ? hyphenWidth(end) : 0);
    const isLast = index === breaks.length - 1 || entry.forced;
    const spaces = countSpaces(text.slice(entry.start, end));
    const justify = spec.align === 'justify' && !isLast && spaces > 0;
    // A total-fit line may shrink its spaces (to 0.2 em); a greedy one only stretches them.
    const wordSpacing = justify ? (totalFit ? (available - natural) / spaces : Math.max(0, (available - natural) / spaces)) : 0;
    const slack = available - natural;
    let x = spec.indentPt + (spec.align === 'center' ? slack / 2 : spec.align === 'right' ? slack : 0);
    const fragments: Fragment[] = pieces(entry.start, end).map((piece) => {
      const run = spec.runs[piece.run]!;
      const shown = visible(text.slice(piece.start, piece.end));
      const fragmentWidth = fonts.face(run.style).width(shown, run.style.sizePt) + countSpaces(shown) * wordSpacing;
      const fragment: Fragment = { x, text: shown, style: run.style, width: fragmentWidth, wordSpacing, ...(run.link ? { link: run.link } : {}) };
      x += fragmentWidth;
      return fragment;
    });
    const last = fragments[fragments.length - 1];
    if (showHyphen && last) {
      last.text += HYPHEN;
      last.width += fonts.face(last.style).width(HYPHEN, last.style.sizePt);
    }
    const size = Math.max(0, ...spec.runs.map((run) => run.style.sizePt));
    const face = fonts.face(spec.runs[0]?.style ?? spec.bullet?.style ?? { family: 'sans', weight: 'regular', italic: false });
    const top = index * spec.lineHeightPt;
    const glyphHeight = (face.ascent - face.descent) * size;
    const baseline = top + (spec.lineHeightPt - glyphHeight) / 2 + face.ascent * size;
    return { top, baseline, height: spec.lineHeightPt, width: natural + (justify ? spaces * wordSpacing : 0), fragments, hyphenated: showHyphen, start: entry.start, end: entry.end };
  });

  const firstLine = lines[0];
  if (spec.bullet && firstLine) {
    const bulletStyle = spec.bullet.style;
    firstLine.fragments.unshift({ x: 0, text: spec.bullet.text, style: bulletStyle, width: fonts.face(bulletStyle).width(spec.bullet.text, bulletStyle.sizePt), wordSpacing: 0 });
  }
  return { spec, lines, height: lines.length * spec.lineHeightPt };
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;

function segmentsOf(text: string, breakAfterHyphen: boolean): Segment[] {
  const breaker = new LineBreaker(text);
  const segments: Segment[] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    const insideCompound = !breakAfterHyphen && !next.required && text[next.position - 1] === '-' && LETTER.test(text[next.position - 2] ?? '') && LETTER.test(text[next.position] ?? '');
    if (insideCompound) continue;
    if (next.position > last) segments.push({ start: last, end: next.position, required: Boolean(next.required) });
    last = next.position;
  }
  return segments;
}

/** The furthest hyphenation point of the word in [start, end) that still fits, as a text offset. */
function hyphenSplit(text: string, start: number, end: number, lang: string, fits: (offset: number) => boolean): number | undefined {
  const chunk = text.slice(start, end);
  const match = LAST_WORD.exec(chunk);
  if (!match) return undefined;
  const lead = match.index + match[1]!.length;
  const word = match[2]!;
  const softPoints = [...word.matchAll(/\u00AD/g)].map((m) => (m.index ?? 0) + 1);
  // A compound breaks only at its own hyphen, never inside a part (LAST_WORD finds none there); a name is not hyphenated.
  const points = softPoints.length > 0 ? softPoints : isCapitalised(word) ? [] : hyphenationPoints(word, lang);
  for (let i = points.length - 1; i >= 0; i--) {
    const offset = start + lead + points[i]!;
    if (fits(offset)) return offset;
  }
  return undefined;
}

/** The largest offset in (start, end] such that [start, offset) fits, whole characters only, at least one character. */
function longestFittingPrefix(text: string, start: number, end: number, fits: (offset: number) => boolean): number {
  // Offsets after each character; widths grow with length, so bisect (a 5,000-letter word takes ~13 measurements).
  const offsets: number[] = [];
  let offset = start;
  for (const ch of text.slice(start, end)) offsets.push((offset += ch.length));
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(offsets[mid]!)) low = mid;
    else high = mid - 1;
  }
  return offsets[low] ?? start + 1;
}

/** What is drawn: soft hyphens, zero-width spaces and joiners take no room and have no glyph of their own. */
const UNDRAWN = /[\u00AD\u200B\u2060]/;
const UNDRAWN_ALL = new RegExp(UNDRAWN.source, 'g');
function visible(text: string): string {
  return UNDRAWN.test(text) ? text.replace(UNDRAWN_ALL, '') : text;
}

/** The last word of a segment, after its start or a space (a no-break one too), not after a hyphen or a letter. */
const LAST_WORD = /(^|[^\p{L}\p{M}\u00AD-])([\p{L}\p{M}\u00AD]+)[^\p{L}\p{M}]*$/u;

/** Word spaces that justification widens: U+0020 and the no-break space U+00A0 (which only forbids the break). */
export function isStretchableSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u00A0';
}

function countSpaces(text: string): number {
  let count = 0;
  for (const ch of text) if (isStretchableSpace(ch)) count++;
  return count;
}

/** Demerits for hyphenating a capitalised word: the breaker takes it only when no other setting exists. */
const CAPITALISED_HYPHEN_PENALTY = 100_000_000;
const MIN_SPACE_EM = 0.2;
const MAX_SPACE_EM = 0.4;

/**
 * The paragraph broken as a whole (see total-fit.ts); undefined when it cannot be (a word wider than the line, or
 * runs of mixed sizes where an em is not one size), and the greedy breaker sets it.
 */
function totalFitLines(
  text: string, segments: Segment[], spec: ParagraphSpec, lang: string, available: number, fonts: FontRegistry,
  styleAt: (offset: number) => TextStyle, hyphenWidth: (offset: number) => number, contentEnd: (start: number, end: number) => number,
): { start: number; end: number; hyphenated: boolean; forced: boolean }[] | undefined {
  const sizes = new Set(spec.runs.map((run) => run.style.sizePt));
  if (sizes.size !== 1) return undefined;
  const sizePt = [...sizes][0]!;
  // Widths are sums of advances (no kerning), so a prefix sum measures any slice in O(1).
  const prefix = new Float64Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const wide = code > 0xffff;
    const ch = String.fromCodePoint(code);
    const style = styleAt(i);
    const advance = UNDRAWN.test(ch) ? 0 : fonts.face(style).width(ch, style.sizePt);
    prefix[i + 1] = prefix[i]! + advance;
    if (wide) prefix[i + 2] = prefix[i + 1]!, i++;
  }
  const spacePrefix = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) spacePrefix[i + 1] = spacePrefix[i]! + (isStretchableSpace(text[i]!) ? 1 : 0);

  const candidates: BreakCandidate[] = [];
  for (const segment of segments) {
    const end = contentEnd(segment.start, segment.end);
    if (spec.hyphenate) {
      const chunk = text.slice(segment.start, end);
      // The segment's last word ("акупаванымі" of "з\u00A0акупаванымі,"); never a part of a compound ("Russian-occupied").
      const match = LAST_WORD.exec(chunk);
      if (match) {
        const word = match[2]!;
        const lead = segment.start + match.index + match[1]!.length;
        const soft = [...word.matchAll(/\u00AD/g)].map((m) => (m.index ?? 0) + 1);
        const points = soft.length > 0 ? soft : hyphenationPoints(word, lang);
        const penalty = isCapitalised(word) ? CAPITALISED_HYPHEN_PENALTY : 0;
        for (const point of points) if (lead + point < end) candidates.push({ offset: lead + point, kind: 'hyphen', penalty });
      }
    }
    const kind = segment.required ? 'forced' : text[end - 1] === SOFT_HYPHEN ? 'hyphen' : 'space';
    candidates.push({ offset: segment.end, kind, penalty: 0 });
  }
  // Runs of other weights have other spaces: the range holds for the widest and the narrowest.
  const spaceWidths = spec.runs.map((run) => fonts.face(run.style).width(' ', sizePt));
  const narrowestSpace = Math.min(...spaceWidths);
  const widestSpace = Math.max(...spaceWidths);
  const breaks = totalFitBreaks({
    candidates,
    textLength: text.length,
    availablePt: available,
    lineWidth: (start, end, hyphenated) => {
      const contentStop = contentEnd(start, end);
      return prefix[contentStop]! - prefix[start]! + (hyphenated ? hyphenWidth(end) : 0);
    },
    spacesIn: (start, end) => spacePrefix[contentEnd(start, end)]! - spacePrefix[start]!,
    wordsIn: (start, end) => {
      const words = text.slice(start, contentEnd(start, end)).split(/\s+/u).filter(Boolean);
      return { count: words.length, chars: words[0]?.length ?? 0 };
    },
    stretchPerSpacePt: Math.max(0, MAX_SPACE_EM * sizePt - widestSpace),
    // Only justified lines set their spaces narrower; a ragged line must fit at its natural width.
    shrinkPerSpacePt: spec.align === 'justify' ? Math.max(0, narrowestSpace - MIN_SPACE_EM * sizePt) : 0,
  });
  if (!breaks) return undefined;
  // The last break ends the text; a hyphen point the breaker chose shows its hyphen (the line builder adds it).
  return breaks;
}

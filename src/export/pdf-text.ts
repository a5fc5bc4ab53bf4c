// A pdfkit document, a laid-out run of text (x, baseline, word spacing, link) in; the text operators pdfkit's doc.text() would write, out.
import { Memo } from '../layout/memo.js';

/**
 * The parts of pdfkit 0.20's document and embedded font that `_fragment` uses (its typings declare none of them). The
 * font's `encode` is pdfkit's own, so the subset, the widths and the ToUnicode map are made as doc.text() makes them.
 */
interface PdfkitInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  _currentStructureElement?: { dictionary: { data: { S?: string } } };
  page: { height: number; fonts: Record<string, unknown> };
  x: number;
  y: number;
  addContent(data: string | Uint8Array): unknown;
  save(): unknown;
  restore(): unknown;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): unknown;
  widthOfString(text: string, options?: { features?: Record<string, boolean> }): number;
  currentLineHeight(): number;
  link(x: number, y: number, w: number, h: number, url: string, options: Record<string, unknown>): unknown;
  text(text: string, x: number, y: number, options: Record<string, unknown>): unknown;
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

type Encoding = [string[], GlyphPosition[]];

/** pdfkit's EmbeddedFont: one per font and document, with the document's subset, widths and ToUnicode map. */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  encode(text: string, features?: Record<string, boolean>): Encoding;
  /** The fontkit font. */
  font?: object;
  scale: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  layoutRun?: (text: string, features?: Record<string, boolean>) => ShapedRun;
}

interface ShapedRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: GlyphPosition[];
}

/**
 * Runs shaped before, by fontkit font, features and string, for every document: pdfkit shapes each run again in each
 * document (with features it keeps no cache), and shaping is most of what drawing text costs.
 */
const shapedRuns = new WeakMap<object, Memo<ShapedRun>>();

/** Each embedded font's encodings (so, per document), by string, for the features they were made with. */
const encodings = new WeakMap<object, { features: Record<string, boolean>; byText: Map<string, Encoding> }>();

/**
 * pdfkit's `font.encode(text, features)`, made once per font and string: calling it again would only repeat what the
 * first call did (the subset maps a glyph id once, widths and code points are set only where none are), so the glyph
 * codes, the subset and the ToUnicode map are the same. Callers must not change the arrays.
 */
function encode(font: PdfkitInternals['_font'], text: string, features: Record<string, boolean>): Encoding {
  let cache = encodings.get(font);
  if (!cache) encodings.set(font, (cache = { features, byText: new Map() }));
  if (cache.features !== features) return font.encode(text, features);
  let encoding = cache.byText.get(text);
  if (!encoding) cache.byText.set(text, (encoding = encodeShaped(font, text, features)));
  return encoding;
}

/**
 * pdfkit's EmbeddedFont.encode with features (its layoutRun, then each glyph put in the subset, its width and code
 * points recorded where none are), the shaping taken from shapedRuns.
 */
function encodeShaped(font: EmbeddedFont, text: string, features: Record<string, boolean>): Encoding {
  const fontkitFont = font.font;
  const layoutRun = font.layoutRun;
  if (!fontkitFont || typeof layoutRun !== 'function') return font.encode(text, features);
  let memo = shapedRuns.get(fontkitFont);
  if (!memo) shapedRuns.set(fontkitFont, (memo = new Memo(4000)));
  const { glyphs, positions } = memo.get(`${font.scale}\u0000${JSON.stringify(features)}\u0000${text}`, () => {
    const run = layoutRun.call(font, text, features);
    // Plain copies: fontkit's glyphs compute and cache their properties lazily, and a remembered result may be frozen.
    return { glyphs: run.glyphs.map(({ id, advanceWidth, codePoints }) => ({ id, advanceWidth, codePoints: [...codePoints] })), positions: run.positions };
  });
  const codes: string[] = [];
  for (const glyph of glyphs) {
    const gid = font.subset.includeGlyph(glyph.id);
    codes.push(`0000${gid.toString(16)}`.slice(-4));
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
  }
  return [codes, positions];
}

/**
 * `doc.addContent(operators)` as bytes: pdfkit turns a string into bytes one character at a time in JavaScript (and
 * appends a newline); node does it natively. Operators are ASCII, so latin1 gives the same bytes.
 */
export function addContentBytes(document: unknown, operators: string): void {
  (document as PdfkitInternals).addContent(Buffer.from(`${operators}\n`, 'latin1'));
}

/** pdfkit's PDFObject.number: how every coordinate is written into the content stream. */
export function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/**
 * Draws `text` with the current font, size and fill colour, its baseline at (x, y) in pdfkit's top-down coordinates,
 * each whitespace run widened by `wordSpacing`, as a link if `link` is non-empty: the same annotations and content stream, byte
 * for byte, as `doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', wordSpacing, underline: false,
 * features, link })` in pdfkit 0.20 (its `_text` → `_line` → `_fragment`, with left alignment, no character spacing,
 * no horizontal scaling, no stroke, no oblique), without its option merging, line splitting and two measurings of the
 * string. What that shortcut cannot mirror exactly (a line break in the text, or word spacing on whitespace only) goes
 * through doc.text(). Unlike doc.text(), doc.x is left at x, not moved past the text (nothing here reads it).
 */
export function drawTextRun(
  document: unknown,
  text: string,
  x: number,
  y: number,
  wordSpacing: number,
  features: Record<string, boolean>,
  link?: string,
): void {
  const doc = document as PdfkitInternals;
  if (text.includes('\n') || (wordSpacing && text.trim().length === 0)) {
    pdfkitText(doc, text, x, y, wordSpacing, features, link);
    return;
  }
  // _initOptions: the position becomes the document's.
  doc.x = x;
  doc.y = y;
  // _text
  if (wordSpacing) text = text.replace(/\s{2,}/g, ' ');
  // _fragment
  if (text.length === 0) return;
  let spacing = wordSpacing || 0;
  // Only a non-empty link, as pdfkitText passes it.
  if (link) {
    const measuredWidth = doc.widthOfString(text, { features }) - 0 * (text.length - 1);
    const trimmed = text.trim();
    const measuredWordCount = trimmed ? trimmed.split(/\s+/).length : 0;
    const renderedWidth = measuredWidth + spacing * (measuredWordCount - 1) + 0 * (text.length - 1);
    const linkOptions: Record<string, unknown> = {};
    if (doc._currentStructureElement && doc._currentStructureElement.dictionary.data.S === 'Link') {
      linkOptions.structParent = doc._currentStructureElement;
    }
    doc.link(x, y, renderedWidth, doc.currentLineHeight(), link, linkOptions);
  }
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  // The 'alphabetic' baseline: no shift (0 / 1000 * size).
  y = doc.page.height - y - 0;
  const font = doc._font;
  const size = doc._fontSize;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const out: string[] = ['BT', `1 0 0 1 ${number(x)} ${number(y)} Tm`, `/${font.id} ${number(size)} Tf`];
  let encoded: string[];
  let positions: GlyphPosition[];
  if (spacing) {
    const words = text.trim().split(/\s+/);
    spacing += doc.widthOfString(' ') + 0;
    spacing *= 1000 / size;
    encoded = [];
    positions = [];
    for (const word of words) {
      const [encodedWord, positionsWord] = encode(font, word, features);
      for (const glyph of encodedWord) encoded.push(glyph);
      for (const position of positionsWord) positions.push(position);
      // A copy of the word's last position, its advance widened (pdfkit copies it key by key).
      const space = { ...positions[positions.length - 1]! };
      space.xAdvance += spacing;
      positions[positions.length - 1] = space;
    }
  } else {
    [encoded, positions] = encode(font, text, features);
  }
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${hex}> ${number(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i: number;
  for (i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${number(x + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
  out.push('ET');
  // One write: pdfkit ends each addContent with a newline and deflates the page's content as one buffer.
  addContentBytes(doc, out.join('\n'));
  doc.restore();
}

/** The same run drawn through pdfkit's own doc.text(), as the PDFs were drawn before drawTextRun (kept for its tests and the cases above). */
export function pdfkitText(
  document: unknown,
  text: string,
  x: number,
  y: number,
  wordSpacing: number,
  features: Record<string, boolean>,
  link?: string,
): void {
  (document as PdfkitInternals).text(text, x, y, {
    lineBreak: false, baseline: 'alphabetic', wordSpacing, underline: false, features,
    ...(link ? { link } : {}),
  });
}

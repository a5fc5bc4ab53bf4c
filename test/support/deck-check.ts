// A deck (its PPTX read back, its layout frames, renderings' words) in, verdicts out: which words stray from their box,
// how many lines each box has in the layout and in a viewer's rendering, whether two renderings show the same words, and
// whether each figure is one group carrying its alt text once.
import { XMLParser } from 'fast-xml-parser';
import type { Frame, TableItem, TextItem } from '../../src/layout/frame.js';
import { placedItems } from './frames.js';
import { describe as describeWord, lines, type Box, type PptxParagraph, type PptxParts, type PptxSlide, type Word, type WordPage } from './clients.js';

/** Words may stick out of their box by this much (rounding, italic overhang); as in seed-deck.test.ts. */
export const TOLERANCE = 2;

/** A slide's place that may hold text: a text box (inside its insets) or a table cell (inside its margins). */
export interface Region extends Box {
  label: string;
  /** Index of the PPTX text box, or table / row / column of the cell. */
  at: { box: number } | { table: number; row: number; column: number };
  /** Exact line spacing of the region's paragraphs (a:lnSpc/a:spcPts), points; the smallest if they differ. */
  lineSpacing?: number;
  /** Space between the region's paragraphs (spacing after and before), points. */
  spacing: number;
  text: string;
}

const spacingsOf = (paragraphs: PptxParagraph[]) => paragraphs.map((p) => p.lineSpacing).filter((v): v is number => v !== undefined);

export function textRegions(slide: PptxSlide): Region[] {
  return slide.textBoxes.map((box, i): Region => {
    const spacings = spacingsOf(box.paragraphs);
    return {
      label: `text box ${i + 1} "${box.name}" (${box.text.slice(0, 30).replace(/\n/g, ' ')}…)`,
      at: { box: i },
      x: box.x + box.insets.l, y: box.y + box.insets.t, w: box.w - box.insets.l - box.insets.r, h: box.h - box.insets.t - box.insets.b,
      lineSpacing: spacings.length > 0 ? Math.min(...spacings) : undefined,
      spacing: box.paragraphs.slice(0, -1).reduce((sum, p) => sum + p.spaceAfterPt, 0) + box.paragraphs.slice(1).reduce((sum, p) => sum + p.spaceBeforePt, 0),
      text: box.text,
    };
  });
}

/** Each table cell's inner box (cell minus its margins), row by row. */
export function cellRegions(slide: PptxSlide): Region[] {
  return slide.tables.flatMap((table, t) => {
    let top = table.y;
    return table.rows.flatMap((row, r) => {
      let left = table.x;
      const cells = row.cells.map((cell, c): Region => {
        const w = table.columns[c] ?? 0;
        const spacings = spacingsOf(cell.paragraphs);
        const region: Region = {
          label: `table ${t + 1} row ${r + 1} cell ${c + 1} (${cell.text.slice(0, 30)}…)`,
          at: { table: t, row: r, column: c },
          x: left + cell.margins.l, y: top + cell.margins.t, w: w - cell.margins.l - cell.margins.r, h: row.height - cell.margins.t - cell.margins.b,
          lineSpacing: spacings.length > 0 ? Math.min(...spacings) : undefined,
          spacing: 0,
          text: cell.text,
        };
        left += w;
        return region;
      });
      top += row.height;
      return cells;
    });
  });
}

export const regionsOf = (slide: PptxSlide): Region[] => [...textRegions(slide), ...cellRegions(slide)];

export const inside = (word: Word, box: Box, tolerance = TOLERANCE) =>
  word.xMin >= box.x - tolerance && word.xMax <= box.x + box.w + tolerance && word.yMin >= box.y - tolerance && word.yMax <= box.y + box.h + tolerance;

/**
 * Words shared out over regions: a word belongs to the region whose columns hold its centre and whose top is the
 * lowest one above its centre, so that lines overflowing a box's bottom are still counted with that box.
 */
export function assign(words: Word[], regions: Region[]): Map<Region, Word[]> {
  const out = new Map<Region, Word[]>(regions.map((r) => [r, []]));
  for (const word of words) {
    const cx = (word.xMin + word.xMax) / 2;
    const cy = (word.yMin + word.yMax) / 2;
    let best: Region | undefined;
    for (const region of regions) {
      if (cx < region.x - TOLERANCE || cx > region.x + region.w + TOLERANCE || cy < region.y - TOLERANCE) continue;
      if (!best || region.y > best.y) best = region;
    }
    if (best) out.get(best)!.push(word);
  }
  return out;
}

/** Words that lie in no text box or table of their slide (±TOLERANCE). */
export function strayWords(parts: PptxParts, pages: WordPage[]): string[] {
  const stray: string[] = [];
  pages.forEach((page, i) => {
    const slide = parts.slides[i];
    if (!slide) return;
    const boxes: Box[] = [...textRegions(slide), ...slide.tables];
    for (const word of page.words) if (!boxes.some((box) => inside(word, box))) stray.push(`slide ${i + 1}: ${describeWord(word)}`);
  });
  return stray;
}

// ─── the layout's frames against the PPTX ─────────────────────────────────────────────────────────

const frameText = (item: TextItem) => item.paragraphs.map((p) => p.layout.spec.runs.map((r) => r.text).join('')).join('\n');
const near = (a: number, b: number) => Math.abs(a - b) < 0.5;

/** Lines of a text item that show something (an empty table cell has one blank line). */
const shownLines = (item: TextItem) => item.paragraphs.reduce((n, p) => n + p.lines.filter((l) => l.fragments.some((f) => f.text.trim() !== '')).length, 0);

/** A line's text: its fragments, with a space where one stands apart from the previous (a bullet and its text). */
function lineText(fragments: { x: number; width: number; text: string }[]): string {
  return fragments.map((f, i) => (i > 0 && f.x > fragments[i - 1]!.x + fragments[i - 1]!.width + 0.5 ? ` ${f.text}` : f.text)).join('');
}

/** What the layout decided for one region: its lines, and how many lines the region has room for at its spacing. */
export interface Planned {
  lines: number;
  capacity: number;
  /** Each shown line's words (bullets included), joined by single spaces. */
  texts: string[];
}

function planned(item: TextItem, height: number): Planned {
  const used = Math.max(0, ...item.paragraphs.map((p) => p.top + p.lines.length * p.layout.spec.lineHeightPt));
  const lineHeight = Math.min(...item.paragraphs.map((p) => p.layout.spec.lineHeightPt));
  const lines = shownLines(item);
  const texts = item.paragraphs.flatMap((p) => p.lines.map((l) => wordPieces(lineText(l.fragments)).join(' ')).filter((t) => t !== ''));
  return { lines, capacity: lines + Math.max(0, Math.floor((height - used + TOLERANCE) / lineHeight)), texts };
}

/**
 * Pairs each region of each PPTX slide with the frame item it was written from: text boxes by position and size,
 * table cells by table, row and column. Returns the pairs and every mismatch (a box without its frame item, a
 * different text) — the frames must be the ones the PPTX was written from, or the comparison would mean nothing.
 */
export function pairRegions(parts: PptxParts, frames: Frame[]): { pairs: { slide: number; region: Region; plan: Planned }[]; mismatches: string[] } {
  const pairs: { slide: number; region: Region; plan: Planned }[] = [];
  const mismatches: string[] = [];
  if (frames.length !== parts.slides.length) mismatches.push(`${frames.length} frames, ${parts.slides.length} slides`);
  parts.slides.forEach((slide, i) => {
    const frame = frames[i];
    if (!frame) return;
    const items = placedItems(frame);
    const texts = items.filter((item): item is TextItem => item.kind === 'text');
    const tables = items.filter((item): item is TableItem => item.kind === 'table');
    if (texts.length !== slide.textBoxes.length) mismatches.push(`slide ${i + 1}: ${texts.length} text items in the frame, ${slide.textBoxes.length} text boxes in the PPTX`);
    if (tables.length !== slide.tables.length) mismatches.push(`slide ${i + 1}: ${tables.length} tables in the frame, ${slide.tables.length} in the PPTX`);
    for (const region of regionsOf(slide)) {
      if ('box' in region.at) {
        const box = slide.textBoxes[region.at.box]!;
        const item = texts.find((t) => near(t.x, box.x) && near(t.y, box.y) && near(t.w, box.w) && near(t.h, box.h));
        if (!item) {
          mismatches.push(`slide ${i + 1} ${region.label}: no frame item at its place`);
          continue;
        }
        if (frameText(item) !== box.text) mismatches.push(`slide ${i + 1} ${region.label}: frame text ${JSON.stringify(frameText(item))}, PPTX text ${JSON.stringify(box.text)}`);
        pairs.push({ slide: i + 1, region, plan: planned(item, region.h) });
      } else {
        const table = tables[region.at.table];
        const row = table?.rows[region.at.row];
        const cell = row?.cells[region.at.column];
        if (!table || !row || !cell) {
          mismatches.push(`slide ${i + 1} ${region.label}: no such cell in the frame`);
          continue;
        }
        if (frameText(cell.item) !== region.text) mismatches.push(`slide ${i + 1} ${region.label}: frame text ${JSON.stringify(frameText(cell.item))}, PPTX text ${JSON.stringify(region.text)}`);
        pairs.push({ slide: i + 1, region, plan: planned(cell.item, row.height - 2 * table.padding) });
      }
    }
  });
  return { pairs, mismatches };
}

export interface BoxVerdict {
  slide: number;
  label: string;
  /** Lines the layout computed. */
  ours: number;
  /** Lines the viewer rendered in the region. */
  theirs: number;
  /** Lines the region has room for. */
  capacity: number;
  rendered: string[];
  /** The layout's lines, to compare with `rendered`. */
  planned: string[];
  /** Every line ends at the same word in both. */
  sameBreaks: boolean;
}

/** Lines per region: the layout's count against the count of text lines a rendering (e.g. LibreOffice's PDF) shows there. */
export function lineCounts(parts: PptxParts, frames: Frame[], pages: WordPage[]): { boxes: BoxVerdict[]; mismatches: string[] } {
  const { pairs, mismatches } = pairRegions(parts, frames);
  const bySlide = new Map<number, Map<Region, Word[]>>();
  parts.slides.forEach((_, i) => bySlide.set(i + 1, assign(pages[i]?.words ?? [], pairs.filter((p) => p.slide === i + 1).map((p) => p.region))));
  const boxes = pairs.map(({ slide, region, plan }) => {
    const rendered = lines(bySlide.get(slide)?.get(region) ?? []).map((line) => wordPieces(line.map((w) => w.text).join(' ')).join(' '));
    return { slide, label: region.label, ours: plan.lines, theirs: rendered.length, capacity: plan.capacity, rendered, planned: plan.texts, sameBreaks: JSON.stringify(rendered) === JSON.stringify(plan.texts) };
  });
  return { boxes, mismatches };
}

// ─── words of two renderings ──────────────────────────────────────────────────────────────────────

/**
 * A text's words for comparison: split at whitespace (no-break spaces included) and after every hyphen, so that a
 * line break after a compound's hyphen ("Rostov-on-" / "Don") yields the same pieces as the unbroken word.
 */
export function wordPieces(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s\u00A0\u202F]+/u)
    .flatMap((word) => word.split(/(?<=[-\u2010\u2011])/u))
    .filter((w) => w.length > 0);
}

/** The words a PPTX slide shows: its text boxes' and cells' text, plus the bullet characters and numbers of its paragraphs. */
export function pptxSlideWords(slide: PptxSlide): string[] {
  const words: string[] = [];
  const paragraphWords = (paragraphs: PptxParagraph[]) => {
    let number = 0;
    for (const p of paragraphs) {
      if (p.autoNumber) {
        number = number === 0 ? p.autoNumber.startAt : number + 1;
        words.push(p.autoNumber.type === 'arabicPeriod' ? `${number}.` : String(number));
      } else number = 0;
      if (p.bulletChar) words.push(p.bulletChar);
      words.push(...wordPieces(p.text));
    }
  };
  slide.textBoxes.forEach((box) => paragraphWords(box.paragraphs));
  slide.tables.forEach((table) => table.rows.forEach((row) => row.cells.forEach((cell) => paragraphWords(cell.paragraphs))));
  return words;
}

export interface WordComparison {
  /** Words of the PPTX slide that the PDF page lacks. */
  missing: string[];
  /** Words of the PDF page that the PPTX slide lacks. */
  extra: string[];
  /** Words the PDF shows cut between characters over two or more lines (a word wider than its box), joined back. */
  joined: string[];
}

/**
 * Compares a PDF page's words with a PPTX slide's as multisets. A word wider than its box is cut between characters
 * over lines; pdftotext then reports its pieces as separate words. A PPTX word left over is accepted when left-over
 * PDF words, in reading order, concatenate to exactly it (and are then used up).
 */
export function compareWords(pdfWords: string[], pptxWords: string[]): WordComparison {
  const counts = new Map<string, number>();
  for (const w of pptxWords) counts.set(w, (counts.get(w) ?? 0) + 1);
  const leftover: { word: string }[] = [];
  for (const word of pdfWords) {
    const n = counts.get(word) ?? 0;
    if (n > 0) counts.set(word, n - 1);
    else leftover.push({ word });
  }
  const missing = [...counts.entries()].flatMap(([w, n]) => Array.from({ length: n }, () => w));
  const joined: string[] = [];
  const stillMissing: string[] = [];
  const used = new Set<number>();
  for (const word of missing) {
    // Pieces in reading order (other words may come between them: pdftotext reads a table row by row).
    const pieces: number[] = [];
    let text = '';
    for (let k = 0; k < leftover.length && text.length < word.length; k++) {
      if (used.has(k) || !word.startsWith(text + leftover[k]!.word)) continue;
      pieces.push(k);
      text += leftover[k]!.word;
    }
    if (text === word && pieces.length > 1) {
      pieces.forEach((k) => used.add(k));
      joined.push(word);
    } else stillMissing.push(word);
  }
  return { missing: stillMissing, extra: leftover.filter((_, k) => !used.has(k)).map((l) => l.word), joined };
}

// ─── figures as groups ────────────────────────────────────────────────────────────────────────────

/** A figure of a slide as the PPTX holds it: a group named "Figure <id>" with its alt text and its shapes. */
export interface FigureGroup {
  slide: number;
  /** The figure id ("timeline-8"). */
  figure: string;
  /** The group's alt text (`p:cNvPr/@descr`). */
  descr: string;
  /** The group's shapes by element name (p:sp, p:pic …), in order. */
  children: string[];
  /** How many of its shapes are text boxes, ellipses, custom geometries. */
  textBoxes: number;
  ellipses: number;
  customGeometries: number;
}

const SHAPE_TAGS = ['p:sp', 'p:pic', 'p:cxnSp', 'p:graphicFrame', 'p:grpSp'];
const FIGURE_PREFIX = 'Figure ';
type Node = Record<string, unknown>;
const treeParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });
const tagOf = (node: Node) => Object.keys(node).find((key) => key !== ':@') ?? '';
const kidsOf = (node: Node): Node[] => (Array.isArray(node[tagOf(node)]) ? (node[tagOf(node)] as Node[]) : []);
const attrsOf = (node: Node | undefined): Record<string, string> => ((node?.[':@'] as Record<string, string> | undefined) ?? {});
const find = (nodes: Node[], tag: string): Node | undefined => nodes.find((n) => tagOf(n) === tag);
const findDeep = (nodes: Node[], tag: string): Node[] => nodes.flatMap((n) => (tagOf(n) === tag ? [n] : tagOf(n) === '#text' ? [] : findDeep(kidsOf(n), tag)));
/** A shape's own non-visual properties (`p:cNvPr`): of a group in p:nvGrpSpPr, of a shape in its p:nv…Pr. */
const ownCNvPr = (shape: Node): Node | undefined => {
  const nv = kidsOf(shape).find((n) => tagOf(n).startsWith('p:nv'));
  return nv ? find(kidsOf(nv), 'p:cNvPr') : undefined;
};
const emuOf = (node: Node | undefined, ...names: string[]) => names.map((name) => Number(attrsOf(node)[name] ?? NaN));

/**
 * The figures of every slide, read from the package's XML, and what is wrong with them: a figure's shape outside its
 * group, the alt text missing from a group or repeated on its shapes, a group whose box does not hold its shapes or
 * whose child space differs from its box (its shapes would move), shape ids used twice on a slide.
 */
export function figureGroups(parts: PptxParts): { groups: FigureGroup[]; problems: string[] } {
  const groups: FigureGroup[] = [];
  const problems: string[] = [];
  parts.slides.forEach((slide) => {
    const root = (treeParser.parse(parts.xml.get(slide.part) ?? '') as Node[]).find((n) => tagOf(n) === 'p:sld');
    const tree = find(kidsOf(find(kidsOf(root ?? {}), 'p:cSld') ?? {}), 'p:spTree');
    const top = kidsOf(tree ?? {}).filter((n) => SHAPE_TAGS.includes(tagOf(n)));
    const ids = findDeep(kidsOf(tree ?? {}), 'p:cNvPr').map((n) => attrsOf(n).id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (repeated.length > 0) problems.push(`slide ${slide.number}: shape ids used twice: ${[...new Set(repeated)].join(', ')}`);
    for (const shape of top) {
      const props = attrsOf(ownCNvPr(shape));
      const name = props.name ?? '';
      if (tagOf(shape) !== 'p:grpSp') {
        if (name.startsWith(FIGURE_PREFIX)) problems.push(`slide ${slide.number}: a shape of ${name} outside any group`);
        continue;
      }
      if (!name.startsWith(FIGURE_PREFIX)) continue;
      const children = kidsOf(shape).filter((n) => SHAPE_TAGS.includes(tagOf(n)));
      const figure = name.slice(FIGURE_PREFIX.length);
      const label = `slide ${slide.number} group ${name}`;
      if (!props.descr) problems.push(`${label}: no alt text (descr) on the group`);
      // A picture carries the figure's alt text as well (PowerPoint shows it when the picture is selected); no other shape does.
      children.forEach((child, k) => {
        const descr = attrsOf(ownCNvPr(child)).descr;
        if (tagOf(child) === 'p:pic') {
          if (descr !== props.descr) problems.push(`${label}: picture ${k + 1} lacks the figure's alt text (descr="${(descr ?? '').slice(0, 30)}…")`);
        } else if (descr !== undefined) problems.push(`${label}: shape ${k + 1} repeats an alt text (descr="${descr.slice(0, 30)}…")`);
      });
      const xfrm = find(kidsOf(find(kidsOf(shape), 'p:grpSpPr') ?? {}), 'a:xfrm');
      const [x, y] = emuOf(find(kidsOf(xfrm ?? {}), 'a:off'), 'x', 'y');
      const [cx, cy] = emuOf(find(kidsOf(xfrm ?? {}), 'a:ext'), 'cx', 'cy');
      const [chx, chy] = emuOf(find(kidsOf(xfrm ?? {}), 'a:chOff'), 'x', 'y');
      const [chcx, chcy] = emuOf(find(kidsOf(xfrm ?? {}), 'a:chExt'), 'cx', 'cy');
      if (![x, y, cx, cy, chx, chy, chcx, chcy].every(Number.isFinite)) problems.push(`${label}: a:xfrm lacks off, ext, chOff or chExt`);
      else {
        if (x !== chx || y !== chy || cx !== chcx || cy !== chcy) problems.push(`${label}: child space (${chx}, ${chy}, ${chcx} × ${chcy}) is not the group's box (${x}, ${y}, ${cx} × ${cy}): its shapes move or scale`);
        for (const [k, child] of children.entries()) {
          const own = tagOf(child) === 'p:graphicFrame' ? find(kidsOf(child), 'p:xfrm') : find(kidsOf(find(kidsOf(child), tagOf(child) === 'p:grpSp' ? 'p:grpSpPr' : 'p:spPr') ?? {}), 'a:xfrm');
          const [sx, sy] = emuOf(find(kidsOf(own ?? {}), 'a:off'), 'x', 'y');
          const [scx, scy] = emuOf(find(kidsOf(own ?? {}), 'a:ext'), 'cx', 'cy');
          const turned = Number(attrsOf(own).rot ?? 0) % 10_800_000 !== 0;
          if (turned || ![sx, sy, scx, scy].every(Number.isFinite)) continue;
          if (sx! < x! - 1 || sy! < y! - 1 || sx! + scx! > x! + cx! + 1 || sy! + scy! > y! + cy! + 1) problems.push(`${label}: shape ${k + 1} (${sx}, ${sy}, ${scx} × ${scy}) lies outside the group's box`);
        }
      }
      groups.push({
        slide: slide.number, figure, descr: props.descr ?? '', children: children.map(tagOf),
        textBoxes: children.filter((c) => tagOf(c) === 'p:sp' && find(kidsOf(c), 'p:txBody')).length,
        ellipses: children.filter((c) => findDeep(kidsOf(c), 'a:prstGeom').some((g) => attrsOf(g).prst === 'ellipse')).length,
        customGeometries: children.filter((c) => findDeep(kidsOf(c), 'a:custGeom').length > 0).length,
      });
    }
  });
  return { groups, problems };
}

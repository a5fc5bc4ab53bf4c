// Frames in, a plain JSON summary out (every item, its geometry, text lines and styles, rounded): what golden files hold.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Frame, FrameItem, Tag, TextItem } from '../../src/layout/frame.js';
import type { TextStyle } from '../../src/layout/text.js';

const r = (value: number) => Math.round(value * 100) / 100;

const tagOf = (tag: Tag) => ('artifact' in tag ? `artifact:${tag.artifact}` : tag.struct.map((level) => `${level.role}${level.alt ? '[alt]' : ''}`).join('/'));
const styleOf = (style: TextStyle) => `${style.family} ${style.weight}${style.italic ? ' italic' : ''} ${r(style.sizePt)}pt ${style.colour}${style.underline ? ' underline' : ''}`;

function textSummary(item: TextItem) {
  return {
    box: [r(item.x), r(item.y), r(item.w), r(item.h)],
    tag: tagOf(item.tag),
    ...(item.slideTitle ? { slideTitle: true } : {}),
    ...(item.field ? { field: item.field } : {}),
    paragraphs: item.paragraphs.map((paragraph) => ({
      top: r(paragraph.top),
      align: paragraph.layout.spec.align,
      lineHeightPt: r(paragraph.layout.spec.lineHeightPt),
      lines: paragraph.lines.map((line) => ({
        baseline: r(line.baseline),
        fragments: line.fragments.map((fragment) => [r(fragment.x), fragment.text, styleOf(fragment.style), ...(fragment.wordSpacing ? [r(fragment.wordSpacing)] : [])]),
      })),
    })),
  };
}

export function itemSummary(item: FrameItem): unknown {
  switch (item.kind) {
    case 'text':
      return { kind: 'text', ...textSummary(item) };
    case 'rect':
    case 'ellipse':
      return { kind: item.kind, box: [r(item.x), r(item.y), r(item.w), r(item.h)], fill: item.fill, stroke: item.stroke, strokeWidth: item.strokeWidth, opacity: item.opacity, tag: tagOf(item.tag) };
    case 'rule':
      return { kind: 'rule', from: [r(item.x1), r(item.y1)], to: [r(item.x2), r(item.y2)], colour: item.colour, width: item.width, dash: item.dash, tag: tagOf(item.tag) };
    case 'path':
      return { kind: 'path', closed: item.closed, subpaths: item.subpaths.map((subpath) => subpath.map(([x, y]) => [r(x), r(y)])), fill: item.fill, stroke: item.stroke, tag: tagOf(item.tag) };
    case 'table':
      return { kind: 'table', at: [r(item.x), r(item.y)], columns: item.columns.map(r), tag: tagOf(item.tag), rows: item.rows.map((row) => ({ height: r(row.height), header: row.header, cells: row.cells.map((cell) => ({ fill: cell.fill, ...textSummary(cell.item) })) })) };
    case 'group':
      return { kind: 'group', at: [r(item.x), r(item.y)], scale: item.scale, size: [r(item.w), r(item.h)], clip: item.clip, background: item.background, tag: tagOf(item.tag), items: item.items.map(itemSummary) };
  }
}

/** A JSON value (absent fields dropped), so that it compares equal to what a golden file reads back as. */
export function frameSummary(frame: Frame): unknown {
  return JSON.parse(JSON.stringify(frameFields(frame)));
}

function frameFields(frame: Frame): unknown {
  return { kind: frame.kind, size: [r(frame.width), r(frame.height)], title: frame.title, background: frame.background, notes: frame.notes, items: frame.items.map(itemSummary) };
}

/** The golden file's content, or with UPDATE_GOLDEN=1 the actual value written as the new golden file. */
export function golden(file: string, actual: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(actual));
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, `${JSON.stringify(plain, null, 1)}\n`);
  else if (!existsSync(file)) throw new Error(`golden file ${file} is missing (run the test with UPDATE_GOLDEN=1 to write it)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

// Geometry helpers for frame tests: text boxes, their lines' boxes, and intersection.
import type { Frame, FrameItem, TextItem } from '../../src/layout/frame.js';
import type { FontRegistry } from '../../src/layout/fonts.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
}

/** Every text item of a frame, table cells and the items of groups included, moved to frame coordinates (unscaled groups only). */
export function textItems(frame: Frame): TextItem[] {
  const out: TextItem[] = [];
  const visit = (item: FrameItem, dx: number, dy: number) => {
    if (item.kind === 'text') out.push({ ...item, x: item.x + dx, y: item.y + dy });
    if (item.kind === 'table') item.rows.forEach((row) => row.cells.forEach((cell) => out.push({ ...cell.item, x: cell.item.x + item.x + dx, y: cell.item.y + item.y + dy })));
    if (item.kind === 'group' && item.scale === 1) item.items.forEach((child) => visit(child, dx + item.x, dy + item.y));
  };
  frame.items.forEach((item) => visit(item, 0, 0));
  return out;
}

/** The ink box of every laid-out line (ascent to descent of its largest run), in frame coordinates. */
export function lineBoxes(frame: Frame, fonts: FontRegistry): Box[] {
  return textItems(frame).flatMap((item) =>
    item.paragraphs.flatMap((paragraph) =>
      paragraph.lines
        .filter((line) => line.fragments.length > 0)
        .map((line) => {
          const first = line.fragments[0]!;
          const face = fonts.face(first.style);
          const size = Math.max(...line.fragments.map((f) => f.style.sizePt));
          const baseline = item.y + paragraph.top + line.baseline;
          const x = item.x + Math.min(...line.fragments.map((f) => f.x));
          const right = item.x + Math.max(...line.fragments.map((f) => f.x + f.width));
          return { x, y: baseline - face.ascent * size, w: right - x, h: (face.ascent - face.descent) * size, text: line.fragments.map((f) => f.text).join('') };
        }),
    ),
  );
}

export function intersects(a: Box, b: Box, tolerance = 0.5): boolean {
  return a.x + tolerance < b.x + b.w && b.x + tolerance < a.x + a.w && a.y + tolerance < b.y + b.h && b.y + tolerance < a.y + a.h;
}

/** The frame's items with the items of unscaled groups in their place, moved to frame coordinates (tables keep their cells relative). */
export function placedItems(frame: Frame): FrameItem[] {
  const out: FrameItem[] = [];
  const visit = (item: FrameItem, dx: number, dy: number) => {
    if (item.kind === 'group' && item.scale === 1) item.items.forEach((child) => visit(child, dx + item.x, dy + item.y));
    else if (item.kind === 'rule') out.push({ ...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy });
    else if (item.kind === 'path') out.push({ ...item, subpaths: item.subpaths.map((sub) => sub.map(([x, y]) => [x + dx, y + dy] as [number, number])) });
    else out.push({ ...item, x: item.x + dx, y: item.y + dy });
  };
  frame.items.forEach((item) => visit(item, 0, 0));
  return out;
}

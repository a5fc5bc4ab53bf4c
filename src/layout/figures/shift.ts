// A frame item and a horizontal offset in, the same item moved right by it out (figures are laid out from x = 0).
import type { FrameItem } from '../frame.js';
import { assertNever } from '../../parse/doc.js';

export function shiftX(item: FrameItem, dx: number): FrameItem {
  if (dx === 0) return item;
  switch (item.kind) {
    case 'text':
    case 'rect':
    case 'ellipse':
    case 'group':
      return { ...item, x: item.x + dx };
    case 'table':
      return { ...item, x: item.x + dx, rows: item.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, item: { ...cell.item, x: cell.item.x + dx } })) })) };
    case 'rule':
      return { ...item, x1: item.x1 + dx, x2: item.x2 + dx };
    case 'path':
      return { ...item, subpaths: item.subpaths.map((subpath) => subpath.map(([x, y]) => [x + dx, y] as [number, number])) };
    default:
      return assertNever(item);
  }
}

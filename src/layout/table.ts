// Table cells (runs) + width in, column widths and laid-out rows out; shared by the briefing and the slides.
import type { FontRegistry } from './fonts.js';
import { layoutParagraph, type ParagraphSpec, type ParagraphLayout } from './text.js';

export interface MeasuredRow {
  cells: ParagraphLayout[];
  height: number;
  header: boolean;
}

/** Column widths that fill `width`: proportional to each column's natural width, never below its longest word. */
export function columnWidths(rows: ParagraphSpec[][], width: number, padding: number, fonts: FontRegistry): number[] {
  const count = Math.max(...rows.map((row) => row.length));
  const natural = new Array<number>(count).fill(1);
  const minimum = new Array<number>(count).fill(1);
  for (const row of rows) {
    row.forEach((spec, column) => {
      const text = spec.runs.map((run) => run.text).join('');
      const style = spec.runs[0]?.style;
      if (!style) return;
      const face = fonts.face(style);
      natural[column] = Math.max(natural[column]!, face.width(text, style.sizePt) + 2 * padding);
      const longestWord = Math.max(0, ...text.split(/\s+/).map((word) => face.width(word, style.sizePt)));
      minimum[column] = Math.max(minimum[column]!, Math.min(longestWord + 2 * padding, width / count));
    });
  }
  // Proportional shares; a column whose share is below its minimum is held at the minimum, and the others share the rest.
  const held = new Array<boolean>(count).fill(false);
  for (;;) {
    const heldWidth = minimum.reduce((sum, m, i) => sum + (held[i] ? m : 0), 0);
    const freeNatural = natural.reduce((sum, n, i) => sum + (held[i] ? 0 : n), 0);
    if (freeNatural === 0) return minimum.map((m) => (m / heldWidth) * width); // every column at its minimum: fill the width
    const widths = natural.map((n, i) => (held[i] ? minimum[i]! : (n / freeNatural) * (width - heldWidth)));
    const short = widths.findIndex((w, i) => !held[i] && w < minimum[i]! - 1e-9);
    if (short === -1) return widths;
    held[short] = true;
  }
}

export function measureRows(rows: ParagraphSpec[][], headerRows: number, widths: number[], padding: number, fonts: FontRegistry, lang: string): MeasuredRow[] {
  return rows.map((row, index) => {
    const cells = row.map((spec, column) => layoutParagraph(spec, (widths[column] ?? 0) - 2 * padding, fonts, lang));
    const height = Math.max(...cells.map((cell) => cell.height)) + 2 * padding;
    return { cells, height, header: index < headerRows };
  });
}

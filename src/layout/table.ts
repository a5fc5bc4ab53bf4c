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
  const total = natural.reduce((a, b) => a + b, 0);
  let widths = natural.map((n) => (n / total) * width);
  widths = widths.map((w, i) => Math.max(w, minimum[i]!));
  const scale = width / widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => w * scale);
}

export function measureRows(rows: ParagraphSpec[][], headerRows: number, widths: number[], padding: number, fonts: FontRegistry, lang: string): MeasuredRow[] {
  return rows.map((row, index) => {
    const cells = row.map((spec, column) => layoutParagraph(spec, (widths[column] ?? 0) - 2 * padding, fonts, lang));
    const height = Math.max(...cells.map((cell) => cell.height)) + 2 * padding;
    return { cells, height, header: index < headerRows };
  });
}

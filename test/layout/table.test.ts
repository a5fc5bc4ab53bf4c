// Tests src/layout/table.ts: column widths that fill the table (proportional, never below the longest word) and measured rows.
import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src/layout/fonts.js';
import { columnWidths, measureRows } from '../../src/layout/table.js';
import type { ParagraphSpec, TextStyle } from '../../src/layout/text.js';

const fonts = new FontRegistry();
const style: TextStyle = { family: 'serif', weight: 'regular', italic: false, sizePt: 9, colour: '#1d232b' };
const LINE = 13;
const cell = (text: string, over: Partial<TextStyle> = {}): ParagraphSpec => ({
  runs: [{ text, style: { ...style, ...over } }], align: 'left', lineHeightPt: LINE, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false,
});
const face = fonts.face(style);
const w = (text: string) => face.width(text, style.sizePt);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  it('fills the width exactly', () => {
    const rows = [[cell('Date'), cell('Event'), cell('Place')], [cell('18 April 2023'), cell('Lukashenko meets Pushilin'), cell('Minsk')]];
    for (const width of [200, 359.5, 480]) expect(sum(columnWidths(rows, width, 4, fonts))).toBeCloseTo(width, 9);
  });

  it('shares the width in proportion to each column’s natural width (its widest cell plus padding)', () => {
    const padding = 3;
    const rows = [[cell('Actor'), cell('Role')], [cell('Sergey Aksyonov'), cell('Head of the occupation administration of Crimea')]];
    const natural = [Math.max(w('Actor'), w('Sergey Aksyonov')) + 2 * padding, Math.max(w('Role'), w('Head of the occupation administration of Crimea')) + 2 * padding];
    // Room enough for every column's natural width, so no minimum applies.
    const width = 1.5 * sum(natural);
    const widths = columnWidths(rows, width, padding, fonts);
    expect(widths).toHaveLength(2);
    expect(widths[0]!).toBeCloseTo((natural[0]! / sum(natural)) * width, 6);
    expect(widths[1]!).toBeCloseTo((natural[1]! / sum(natural)) * width, 6);
    expect(widths[1]! / widths[0]!).toBeCloseTo(natural[1]! / natural[0]!, 6);
  });

  it('gives columns of equal text equal widths, whatever the padding', () => {
    for (const padding of [0, 5]) {
      const widths = columnWidths([[cell('same text'), cell('same text'), cell('same text')]], 300, padding, fonts);
      for (const width of widths) expect(width).toBeCloseTo(100, 9);
    }
  });

  it('counts the columns of the longest row, and an empty cell as width 1', () => {
    const widths = columnWidths([[cell('a')], [cell('a'), cell('')]], 100, 0, fonts);
    expect(widths).toHaveLength(2);
    // The empty column keeps its default natural width of 1 point.
    expect(widths[1]! / widths[0]!).toBeCloseTo(1 / w('a'), 6);
  });

  it('measures each column in the style of its cells', () => {
    const widths = columnWidths([[cell('Pushilin', { weight: 'bold', sizePt: 18 }), cell('Pushilin')]], 400, 0, fonts);
    const big = fonts.face({ ...style, weight: 'bold' }).width('Pushilin', 18);
    expect(widths[0]! / widths[1]!).toBeCloseTo(big / w('Pushilin'), 6);
  });

  it('keeps a column with one long word no narrower than that word (there is room)', () => {
    const padding = 4;
    const word = 'Internationalisation';
    const sentence = 'and so on and so on and so on and so on and so on and so on and so on and so on and so on';
    const width = 300;
    // The word fits well inside an equal share, yet proportional sharing would give it less.
    expect(w(word) + 2 * padding).toBeLessThan(width / 2);
    expect((w(word) / (w(word) + w(sentence))) * width).toBeLessThan(w(word));
    const widths = columnWidths([[cell(word), cell(sentence)]], width, padding, fonts);
    expect(sum(widths)).toBeCloseTo(width, 9);
    expect(widths[0]!).toBeGreaterThanOrEqual(w(word) + 2 * padding - 1e-6);
  });
});

describe('measureRows', () => {
  const padding = 5;

  it('makes each row as tall as its tallest cell plus padding above and below', () => {
    const rows = [
      [cell('Date'), cell('Event')],
      [cell('2023'), cell('one\ntwo\nthree')],
      [cell('a\nb'), cell('c')],
    ];
    const measured = measureRows(rows, 1, [100, 200], padding, fonts, 'en');
    expect(measured.map((row) => row.height)).toEqual([LINE + 2 * padding, 3 * LINE + 2 * padding, 2 * LINE + 2 * padding]);
    for (const row of measured) expect(row.height).toBe(Math.max(...row.cells.map((c) => c.height)) + 2 * padding);
  });

  it('lays out each cell within its column less the padding, wrapping long text', () => {
    const sentence = 'The Vitebsk region signed a trade and economic agreement with the occupation authorities of Crimea.';
    const widths = [60, 500];
    const [row] = measureRows([[cell(sentence), cell(sentence)]], 0, widths, padding, fonts, 'en');
    const [narrow, wide] = row!.cells;
    for (const line of narrow!.lines) expect(line.width).toBeLessThanOrEqual(60 - 2 * padding + 1e-6);
    expect(narrow!.lines.length).toBeGreaterThan(wide!.lines.length);
    expect(w(sentence)).toBeLessThan(500 - 2 * padding);
    expect(wide!.lines).toHaveLength(1);
    expect(row!.height).toBe(narrow!.lines.length * LINE + 2 * padding);
  });

  it('marks the first headerRows rows as header rows, and only them', () => {
    const rows = [[cell('h1')], [cell('h2')], [cell('b1')], [cell('b2')]];
    expect(measureRows(rows, 2, [100], padding, fonts, 'en').map((r) => r.header)).toEqual([true, true, false, false]);
    expect(measureRows(rows, 0, [100], padding, fonts, 'en').map((r) => r.header)).toEqual([false, false, false, false]);
    expect(measureRows(rows, 1, [100], padding, fonts, 'en').map((r) => r.header)).toEqual([true, false, false, false]);
  });

  it('keeps one laid-out cell per cell, each with its own spec', () => {
    const rows = [[cell('x'), cell('y'), cell('z')]];
    const [row] = measureRows(rows, 1, [50, 50, 50], padding, fonts, 'en');
    expect(row!.cells).toHaveLength(3);
    expect(row!.cells.map((c) => c.spec.runs[0]!.text)).toEqual(['x', 'y', 'z']);
  });

  it('works with the widths columnWidths gives', () => {
    const rows = [[cell('Actor'), cell('Role')], [cell('Denis Pushilin'), cell('So-called acting head of the DPR')]];
    const widths = columnWidths(rows, 250, padding, fonts);
    const measured = measureRows(rows, 1, widths, padding, fonts, 'en');
    for (const row of measured) row.cells.forEach((c, i) => c.lines.forEach((line) => expect(line.width).toBeLessThanOrEqual(widths[i]! - 2 * padding + 1e-6)));
  });
});

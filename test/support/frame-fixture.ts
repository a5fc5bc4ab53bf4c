// A hand-written frame (one page or slide) for backend tests: a text box with two runs, a rule, a rectangle, a table.
import type { Frame, TextItem } from '../../src/layout/frame.js';
import type { FontRegistry } from '../../src/layout/fonts.js';
import { layoutParagraph, type Run } from '../../src/layout/text.js';

export function textBox(fonts: FontRegistry, runs: Run[], x: number, y: number, w: number, id: string, extra: Partial<TextItem> = {}): TextItem {
  const layout = layoutParagraph({ runs, align: 'left', lineHeightPt: 30, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, w, fonts, 'en');
  return { kind: 'text', x, y, w, h: layout.height, tag: { struct: [{ role: 'P', id }] }, paragraphs: [{ layout, top: 0, lines: layout.lines }], ...extra };
}

export function fixtureFrames(fonts: FontRegistry): Frame[] {
  const regular = { family: 'slides' as const, weight: 'regular' as const, italic: false, sizePt: 24, colour: '#1d232b' };
  const bold = { ...regular, family: 'slides' as const, weight: 'bold' as const, italic: false };
  const title = textBox(fonts, [{ text: 'Fixture title & <specials> "quoted"', style: { ...bold, sizePt: 32 } }], 40, 30, 880, 'title', { slideTitle: true });
  const body = textBox(fonts, [{ text: 'Plain words then ', style: regular }, { text: 'bold words', style: bold }, { text: ' and Кирилица.', style: regular }], 40, 120, 600, 'body');
  const cell = (text: string, id: string) => textBox(fonts, [{ text, style: { ...regular, sizePt: 18 } }], 0, 0, 200, id);
  const row = [{ role: 'Table' as const, id: 't' }, { role: 'TR' as const, id: 't.r0' }];
  const head = { ...cell('Date', 'c0'), tag: { struct: [...row, { role: 'TH' as const, id: 't.c0' }] } };
  const value = { ...cell('18 April 2023', 'c1'), tag: { struct: [...row, { role: 'TD' as const, id: 't.c1' }] } };
  return [
    {
      kind: 'slide', width: 960, height: 540, background: '#ffffff', title: 'Fixture', notes: ['First note paragraph.', 'Second note paragraph.'],
      items: [
        { kind: 'rect', x: 0, y: 0, w: 960, h: 6, fill: '#8a1c2b', tag: { artifact: 'Background' } },
        title,
        { kind: 'rule', x1: 40, y1: 100, x2: 104, y2: 100, colour: '#8a1c2b', width: 2, tag: { artifact: 'Layout' } },
        body,
        {
          kind: 'table', x: 40, y: 300, columns: [212, 212], padding: 6, borderColor: '#c9ced6', tag: { struct: [{ role: 'Table', id: 't' }] },
          rows: [{ height: 42, header: true, cells: [{ item: { ...head, x: 6, y: 6 }, fill: '#eef1f5' }, { item: { ...value, x: 218, y: 6 } }] }],
        },
      ],
    },
  ];
}

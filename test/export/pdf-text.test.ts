// The direct text path (drawTextRun) against pdfkit's doc.text(): the same PDF bytes, run by run and frame by frame.
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { exportPdf } from '../../src/export/pdf.js';
import { drawTextRun, pdfkitText } from '../../src/export/pdf-text.js';
import { pdfFont, PDF_FEATURES } from '../../src/export/pdf-fonts.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import type { Frame, TextItem } from '../../src/layout/frame.js';
import { layoutParagraph, type Run } from '../../src/layout/text.js';
import type { TextStyle } from '../../src/layout/text.js';
import { articleFrames } from '../support/seed-frames.js';

const fonts = new FontRegistry();
const meta = { title: 'Text path', author: 'A. Author', subject: 'Subject', keywords: ['one'], lang: 'en', date: new Date(Date.UTC(2023, 10, 14, 22, 13, 20)) };
const serif: TextStyle = { family: 'serif', weight: 'regular', italic: false, sizePt: 11.5, colour: '#1d232b' };

type Draw = typeof drawTextRun;
interface RunCase { text: string; x: number; y: number; wordSpacing: number; link?: string; style?: TextStyle; role?: string }

/** A tagged one-page document drawing `runs` with `draw`, its bytes. */
function documentWith(draw: Draw, runs: RunCase[]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, font: null, margin: 0, compress: true, tagged: true, lang: 'en', pdfVersion: '1.7', info: { CreationDate: meta.date, ModDate: meta.date } } as never);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.addPage({ size: [400.5, 300.25], margin: 0 });
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const run of runs) {
    const style = run.style ?? serif;
    const face = fonts.face(style);
    doc.registerFont(face.id, pdfFont(face) as never);
    doc.font(face.id).fontSize(style.sizePt).fillColor(style.colour);
    const element = doc.struct((run.role ?? 'P') as never);
    root.add(element);
    // A Link element around its content, as pdfkit makes it (its current structure element is then the Link).
    element.add(() => draw(doc, run.text, run.x, run.y, run.wordSpacing, PDF_FEATURES, run.link));
  }
  root.end();
  doc.end();
  return done;
}

describe('drawTextRun', () => {
  const cases: [string, RunCase[]][] = [
    ['plain text at fractional coordinates', [{ text: 'Plain words, set left.', x: 12.3456789, y: 40.0000004, wordSpacing: 0 }]],
    ['word spacing (each space widened, the trailing space dropped as pdfkit drops it)', [{ text: 'Justified words of a line ', x: 20, y: 60, wordSpacing: 1.734567 }]],
    ['negative word spacing', [{ text: 'Tight line here', x: 20, y: 60, wordSpacing: -0.25 }]],
    ['word spacing over runs of whitespace (pdfkit collapses them)', [{ text: 'two  spaces\tand\u00A0tab', x: 5, y: 70, wordSpacing: 0.5 }]],
    ['no-break, thin and leading spaces without word spacing', [{ text: ' з\u00A0Мінска\u2009— «цытата»', x: 5, y: 80, wordSpacing: 0 }]],
    ['a line break (through doc.text)', [{ text: 'first\nsecond', x: 5, y: 90, wordSpacing: 0 }]],
    ['whitespace only with word spacing (through doc.text)', [{ text: ' ', x: 5, y: 90, wordSpacing: 2 }]],
    ['a link, plain and word-spaced', [
      { text: 'the linked report', x: 30, y: 100, wordSpacing: 0, link: 'https://example.org/a?b=1&c' },
      { text: 'linked and justified ', x: 30, y: 120, wordSpacing: 1.25, link: 'https://example.org/' },
    ]],
    ['a link inside a Link element (the annotation gets its struct parent)', [{ text: 'tagged link', x: 30, y: 140, wordSpacing: 0, link: 'https://example.org/', role: 'Link' }]],
    ['the same strings again (the second encoding from the cache), in the same face and after another', [
      { text: 'repeated words ', x: 10, y: 160, wordSpacing: 0.5 },
      { text: 'repeated words ', x: 10, y: 170, wordSpacing: 0 },
      { text: 'repeated words ', x: 10, y: 180, wordSpacing: 0, style: { ...serif, weight: 'bold' } },
      { text: 'repeated words ', x: 10, y: 190, wordSpacing: 0.75 },
    ]],
    ['mixed faces and sizes', [
      { text: 'Bold ', x: 10, y: 200, wordSpacing: 0, style: { ...serif, weight: 'bold' } },
      { text: 'italic Кірыліца ', x: 40, y: 200, wordSpacing: 0.3, style: { ...serif, italic: true, colour: '#8a1c2b' } },
      { text: 'sans 9.75', x: 120, y: 200, wordSpacing: 0, style: { ...serif, family: 'sans', sizePt: 9.75 } },
      { text: 'Bold again', x: 10, y: 220, wordSpacing: 0, style: { ...serif, weight: 'bold' } },
    ]],
  ];
  for (const [name, runs] of cases) {
    it(`writes what doc.text() writes: ${name}`, async () => {
      const direct = await documentWith(drawTextRun, runs);
      const viaPdfkit = await documentWith(pdfkitText, runs);
      // The content streams first, for a readable difference; then every byte (fonts, widths, ToUnicode, annotations).
      expect(contentStreams(direct)).toEqual(contentStreams(viaPdfkit));
      expect(direct.equals(viaPdfkit)).toBe(true);
    });
  }

  it('actually writes the runs (the comparison is not of two empty pages)', async () => {
    const streams = contentStreams(await documentWith(drawTextRun, cases.find(([name]) => name.startsWith('a link,'))![1])).join('\n');
    expect(streams).toMatch(/BT\n1 0 0 1 30 200\.25 Tm\n\/F\d+ 11\.5 Tf\n\[<[0-9a-f]+> 0\] TJ\nET/);
    // Word spacing as a TJ adjustment after each word but the last (which pdfkit widens too, with nothing after it).
    expect(streams).toMatch(/\[<[0-9a-f]+> -\d+(\.\d+)? <[0-9a-f]+> -\d+(\.\d+)? <[0-9a-f]+> -\d+(\.\d+)?\] TJ/);
    const bytes = (await documentWith(drawTextRun, cases.find(([name]) => name.startsWith('a link,'))![1])).toString('latin1');
    expect(bytes.match(/\/Subtype \/Link/g)).toHaveLength(2);
  });
});

describe('exportPdf with the direct text path', () => {
  const style = serif;
  const box = (runs: Run[], x: number, y: number, w: number, id: string, align: 'left' | 'justify' = 'justify'): TextItem => {
    const layout = layoutParagraph({ runs, align, lineHeightPt: 15, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, w, fonts, 'en');
    return { kind: 'text', x, y, w, h: layout.height, tag: { struct: [{ role: 'P', id }] }, paragraphs: [{ layout, top: 0, lines: layout.lines }] };
  };
  const frame: Frame = {
    kind: 'page', width: 595.28, height: 841.89, background: '#ffffff',
    items: [
      box([
        { text: 'Justified words\u00A0joined by\u00A0no-break spaces, ', style },
        { text: 'a linked and underlined report ', style: { ...style, underline: true, colour: '#8a1c2b' }, link: 'https://example.org/report' },
        { text: 'in bold, ', style: { ...style, weight: 'bold' } },
        { text: 'in italic Кірыліца ', style: { ...style, italic: true } },
        { text: 'and sans words long enough to wrap onto several lines of this narrow box, each justified but the last.', style: { ...style, family: 'sans' } },
      ], 50.5, 60.25, 240, 'p1'),
      box([{ text: 'A left-aligned line with a link', style, link: 'https://example.org/left' }], 50, 400, 400, 'p2', 'left'),
      { kind: 'group', x: 300, y: 500, w: 200, h: 100, scale: 0.5, tag: { struct: [] }, items: [box([{ text: 'Scaled group text, justified over two lines of a narrow box.', style }], 0, 0, 150, 'p3')] },
    ],
  };

  it('gives the bytes doc.text() gives for justified, no-break-spaced, linked, underlined, mixed-face text', async () => {
    const direct = await exportPdf([frame], fonts, meta);
    const viaPdfkit = await exportPdf([frame], fonts, meta, { textWith: 'pdfkit' });
    expect(contentStreams(direct)).toEqual(contentStreams(viaPdfkit));
    expect(direct.equals(viaPdfkit)).toBe(true);
    // The frame does exercise word spacing, the per-word path and the link.
    const streams = contentStreams(direct).join('\n');
    expect(streams).toMatch(/<[0-9a-f]+> -\d/);
    expect(direct.toString('latin1')).toContain('/Subtype /Link');
  });

  it('gives the bytes doc.text() gives for the seed\'s slides and handout', async () => {
    const seed = articleFrames();
    for (const frames of [seed.slides, seed.handout('notes')]) {
      const direct = await exportPdf(frames, fonts, meta);
      const viaPdfkit = await exportPdf(frames, fonts, meta, { textWith: 'pdfkit' });
      expect(direct.equals(viaPdfkit)).toBe(true);
    }
  });
});

/** The inflated page content streams of a PDF (FlateDecode), as text. */
function contentStreams(bytes: Buffer): string[] {
  const out: string[] = [];
  const text = bytes.toString('latin1');
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      const inflated = inflateSync(bytes.subarray(start, end)).toString('latin1');
      if (/\bBT\b|\bcm\b/.test(inflated)) out.push(inflated);
    } catch {
      // not a Flate stream
    }
  }
  return out;
}

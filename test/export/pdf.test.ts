// PDF backend from a hand-written frame: text where the frame puts it, fonts embedded, tagged structure, fixed dates.
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { exportPdf, pathOperators } from '../../src/export/pdf.js';
import { addContentBytes } from '../../src/export/pdf-text.js';
import PDFDocument from 'pdfkit';
import { FontRegistry } from '../../src/layout/fonts.js';
import { fixtureFrames, textBox } from '../support/frame-fixture.js';
import type { Frame } from '../../src/layout/frame.js';
import { layoutParagraph } from '../../src/layout/text.js';

const fonts = new FontRegistry();
const meta = { title: 'Fixture & <title>', author: 'A. Author', subject: 'Subject', keywords: ['one', 'two'], lang: 'en', date: new Date(Date.UTC(2023, 10, 14, 22, 13, 20)) };

describe('exportPdf', () => {
  it('draws every text fragment at the position the frame gives', async () => {
    const frames = fixtureFrames(fonts);
    const bytes = await exportPdf(frames, fonts, meta);
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    const [, , width = 0, height = 0] = page.view;
    expect([width, height]).toEqual([960, 540]);
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is typeof i & { str: string; transform: number[] } => 'str' in i && i.str.trim().length > 0);
    const text = items.map((i) => i.str).join(' ');
    for (const expected of ['Fixture title & <specials> "quoted"', 'bold words', 'Кирилица', 'Date', '18 April 2023']) expect(text).toContain(expected);
    // The title's baseline: frame y + line baseline, measured from the top; PDF.js gives it from the bottom.
    const title = frames[0]!.items.find((i) => i.kind === 'text' && i.slideTitle);
    const titleItem = items.find((i) => i.str.startsWith('Fixture title'))!;
    if (title?.kind !== 'text') throw new Error('fixture has no title');
    expect(titleItem.transform[4]).toBeCloseTo(title.x + title.paragraphs[0]!.lines[0]!.fragments[0]!.x, 1);
    expect(height - titleItem.transform[5]!).toBeCloseTo(title.y + title.paragraphs[0]!.lines[0]!.baseline, 1);
    await pdf.destroy();
  });

  it('maps every glyph back to its character even after an earlier document subset it as part of a composite', async () => {
    // Fresh fonts: fontkit's glyph cache is what an earlier document of the same process leaves behind.
    const shared = new FontRegistry();
    const page = (text: string): Frame => ({ kind: 'page', width: 300, height: 100, items: [textBox(shared, [{ text, style: { family: 'serif' as const, weight: 'regular' as const, italic: false, sizePt: 12, colour: '#000000' } }], 10, 10, 280, text)] });
    // "Ű", "Ú" and "Ñ" are composites of "U" and "N" with accents: subsetting them makes glyph objects for "U" and "N".
    await exportPdf([page('ŰÚÑ')], shared, meta);
    const bytes = await exportPdf([page('UNDER Ú')], shared, meta);
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('UNDER Ú');
    await pdf.destroy();
  });

  it('keeps a justified line with no-break spaces inside its box (the layout widens U+0020 and U+00A0 alike)', async () => {
    const style = { family: 'serif' as const, weight: 'regular' as const, italic: false, sizePt: 12, colour: '#000000' };
    const text = 'Words\u00A0joined by\u00A0no-break spaces and ordinary spaces, long enough to wrap onto a second line of the box.';
    const layout = layoutParagraph({ runs: [{ text, style }], align: 'justify', lineHeightPt: 16, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, 300, fonts, 'en');
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lines[0]!.fragments[0]!.wordSpacing).toBeGreaterThan(0);
    const box = { kind: 'text' as const, x: 50, y: 20, w: 300, h: layout.height, tag: { struct: [{ role: 'P' as const, id: 'p' }] }, paragraphs: [{ layout, top: 0, lines: layout.lines }] };
    const bytes = await exportPdf([{ kind: 'page', width: 400, height: 200, items: [box] }], fonts, meta);
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
    const items = (await (await pdf.getPage(1)).getTextContent()).items.filter((i): i is typeof i & { str: string; transform: number[]; width: number } => 'str' in i && i.str.trim().length > 0);
    for (const item of items) expect(item.transform[4]! + item.width, item.str).toBeLessThanOrEqual(box.x + box.w + 0.5);
    expect(items.map((i) => i.str).join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    await pdf.destroy();
  });

  it('underlines a link at the font\'s underline position, as wide as its visible text (not a line lower, not wider)', async () => {
    const style = { family: 'serif' as const, weight: 'regular' as const, italic: false, sizePt: 12, colour: '#8a1c2b', underline: true };
    const layout = layoutParagraph({ runs: [{ text: 'See ', style: { ...style, underline: false, colour: '#000000' } }, { text: 'the linked report ', style, link: 'https://example.org/' }, { text: 'here.', style: { ...style, underline: false, colour: '#000000' } }], align: 'left', lineHeightPt: 16, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, 360, fonts, 'en');
    const box = { kind: 'text' as const, x: 40, y: 30, w: 360, h: layout.height, tag: { struct: [{ role: 'P' as const, id: 'p' }] }, paragraphs: [{ layout, top: 0, lines: layout.lines }] };
    const pageHeight = 200;
    const bytes = await exportPdf([{ kind: 'page', width: 400, height: pageHeight, items: [box] }], fonts, meta);
    const segments = [...contentStreams(bytes).join('\n').matchAll(/([\d.]+) ([\d.]+) m\s+([\d.]+) ([\d.]+) l\s+S/g)].map((m) => m.slice(1).map(Number));
    expect(segments).toHaveLength(1);
    const [x1, y1, x2, y2] = segments[0]!;
    const line = layout.lines[0]!;
    const linked = line.fragments.find((f) => f.link)!;
    // pdfkit flips the page once ("1 0 0 -1 0 h cm"): path coordinates are measured from the top.
    const baseline = box.y + line.baseline;
    expect(y1).toBe(y2);
    // Below the baseline by the font's underline offset (about a tenth of the size), above the descenders' depth.
    expect(y1! - baseline).toBeGreaterThan(0.5);
    expect(y1! - baseline).toBeLessThan(3);
    expect(x1).toBeCloseTo(box.x + linked.x, 1);
    const visibleWidth = fonts.face(style).width('the linked report', 12);
    expect(x2! - x1!).toBeCloseTo(visibleWidth, 1);
  });

  it('writes metadata, language, a structure tree and marked artifacts, with fixed dates', async () => {
    const bytes = await exportPdf(fixtureFrames(fonts), fonts, meta);
    const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe(meta.title);
    expect(info.Author).toBe(meta.author);
    expect(info.Keywords).toBe('one, two');
    expect(info.Language).toBe('en');
    expect(String(info.CreationDate)).toContain('20231114221320');
    const tree = await (await pdf.getPage(1)).getStructTree();
    const roles: string[] = [];
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role);
      node.children?.forEach((child) => walk(child as typeof node));
    };
    walk(tree as never);
    expect(roles).toEqual(expect.arrayContaining(['Document', 'P', 'Table', 'TR', 'TD']));
    const streams = contentStreams(bytes).join('\n');
    expect(streams).toMatch(/\/Artifact <<\s*\/Type \/Background/);
    expect(streams).toMatch(/\/P <<\s*\/MCID 0/);
    await pdf.destroy();
  });

  it('is byte-identical for the same frames and date', async () => {
    const a = await exportPdf(fixtureFrames(fonts), fonts, meta);
    const b = await exportPdf(fixtureFrames(fonts), fonts, meta);
    expect(a.equals(b)).toBe(true);
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
      out.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (fonts are compressed too but fail as text harmlessly)
    }
  }
  return out;
}

describe('text colour', () => {
  it('is set only when it changes, and every run is drawn in its own colour (PDF.js follows the fill through save and restore)', async () => {
    const ink = { family: 'serif' as const, weight: 'regular' as const, italic: false, sizePt: 12, colour: '#1d232b' };
    const red = { ...ink, colour: '#aa2200' };
    const cell = (text: string, id: string) => textBox(fonts, [{ text, style: ink }], 0, 0, 150, id);
    const frame: Frame = {
      kind: 'page', width: 400, height: 600, background: '#ffffff',
      items: [
        textBox(fonts, [{ text: 'One colour, ', style: ink }, { text: 'another, ', style: red }, { text: 'the first again.', style: ink }], 20, 20, 360, 'p1'),
        textBox(fonts, [{ text: 'Same colour as the run before.', style: ink }], 20, 80, 360, 'p2'),
        // Shaded cells fill outside any save: the cells' text must get its colour again.
        { kind: 'table', x: 20, y: 140, columns: [150, 150], padding: 4, borderColor: '#c9ced6', tag: { struct: [] },
          rows: [{ height: 40, header: true, cells: [{ item: cell('Head one', 'h1'), fill: '#eef1f5' }, { item: cell('Head two', 'h2'), fill: '#eef1f5' }] }] },
        textBox(fonts, [{ text: 'After the table.', style: ink }], 20, 220, 360, 'p3'),
        { kind: 'rect', x: 20, y: 300, w: 50, h: 50, fill: '#00ff00', tag: { artifact: 'Layout' } },
        textBox(fonts, [{ text: 'After a filled shape.', style: red }], 20, 380, 360, 'p4'),
        textBox(fonts, [{ text: 'Red again.', style: red }], 20, 420, 360, 'p5'),
      ],
    };
    const bytes = await exportPdf([frame], fonts, meta);
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
    const { fnArray, argsArray } = await (await pdf.getPage(1)).getOperatorList();
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const shown: { text: string; fill: string }[] = [];
    let fill = '#000000';
    const stack: string[] = [];
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(fill);
      else if (fn === OPS.restore) fill = stack.pop() ?? fill;
      else if (fn === OPS.setFillRGBColor) fill = String(args[0]).toLowerCase();
      else if (fn === OPS.showText) {
        const glyphs = args[0] as ({ unicode?: string } | number | null)[];
        shown.push({ text: glyphs.map((g) => (g && typeof g === 'object' ? g.unicode ?? '' : '')).join(''), fill });
      }
    });
    const colourOf = (text: string) => shown.filter((s) => s.text.includes(text)).map((s) => s.fill);
    expect(colourOf('One colour')).toEqual(['#1d232b']);
    expect(colourOf('another')).toEqual(['#aa2200']);
    expect(colourOf('the first again')).toEqual(['#1d232b']);
    expect(colourOf('Same colour')).toEqual(['#1d232b']);
    expect(colourOf('Head one')).toEqual(['#1d232b']);
    expect(colourOf('Head two')).toEqual(['#1d232b']);
    expect(colourOf('After the table')).toEqual(['#1d232b']);
    expect(colourOf('After a filled shape')).toEqual(['#aa2200']);
    expect(colourOf('Red again')).toEqual(['#aa2200']);
    // Fewer colour changes than runs: 'Same colour', 'Head two' and 'Red again' set none.
    const textColourSets = contentOf(bytes).match(/\/DeviceRGB cs\n[\d. ]+ scn\n(?:q\n)?1 0 0 -1 0 600 cm\nBT/g) ?? [];
    expect(textColourSets.length).toBeLessThan(shown.length);
  });
});

describe('pathOperators', () => {
  /** The bytes of an uncompressed one-page document whose page gets `draw`. */
  function page(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
    const doc = new PDFDocument({ autoFirstPage: false, compress: false, info: { CreationDate: new Date(0), ModDate: new Date(0) } } as never);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.addPage({ size: [300, 200], margin: 0 });
    draw(doc);
    doc.end();
    return done;
  }
  const subpaths: [number, number][][] = [[[10.1234567, 20], [30.5, 40.25], [50, 60.0000001]], [[1e-7, 5], [-3.75, 2.5]], [], [[100, 100]]];

  it('writes what pdfkit\'s moveTo, lineTo and closePath write, byte for byte, closed or open', async () => {
    for (const closed of [true, false]) {
      const byPdfkit = await page((doc) => {
        for (const subpath of subpaths) {
          subpath.forEach(([x, y], index) => (index === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
          if (closed) doc.closePath();
        }
        doc.stroke();
      });
      const byOperators = await page((doc) => {
        doc.addContent(pathOperators(subpaths, closed));
        doc.stroke();
      });
      expect(byOperators.equals(byPdfkit), `closed: ${closed}`).toBe(true);
    }
    // And the comparison sees a difference: a point moved by a millionth.
    const moved = await page((doc) => {
      doc.addContent(pathOperators([[[10.123458, 20], [30.5, 40.25]]], false));
      doc.stroke();
    });
    const original = await page((doc) => {
      doc.addContent(pathOperators([[[10.1234567, 20], [30.5, 40.25]]], false));
      doc.stroke();
    });
    expect(moved.equals(original)).toBe(false);
  });

  it('gives an array\'s operators again without writing them anew, and an equal array the same operators', () => {
    const first = pathOperators(subpaths, true);
    expect(pathOperators(subpaths, true)).toBe(first);
    expect(pathOperators(subpaths.map((subpath) => subpath.map(([x, y]) => [x, y] as [number, number])), true)).toBe(first);
    expect(pathOperators(subpaths, false)).toBe(first.replaceAll('\nh', ''));
  });

  it('addContentBytes writes what addContent writes with a string', async () => {
    const operators = pathOperators(subpaths, true);
    const asString = await page((doc) => {
      doc.addContent(operators);
      doc.stroke();
    });
    const asBytes = await page((doc) => {
      addContentBytes(doc, operators);
      doc.stroke();
    });
    expect(asBytes.equals(asString)).toBe(true);
    expect(asBytes.toString('latin1')).toContain('10.123457 20 m');
  });
});

/** The page content streams of a PDF, inflated, as one text. */
function contentOf(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  let out = '';
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    try {
      out += inflateSync(bytes.subarray(start, text.indexOf('endstream', start))).toString('latin1');
    } catch {
      // not a Flate stream
    }
  }
  return out;
}

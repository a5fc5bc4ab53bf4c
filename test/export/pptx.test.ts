// PPTX backend from a hand-written frame: boxes at the frame's positions in EMU, Arial runs, notes, title, a clean package.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import validateOoxml from '@ooxml-tools/validate';
import { exportPptx } from '../../src/export/pptx.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { fixtureFrames, textBox } from '../support/frame-fixture.js';
import { INSIDE_GROUP, type Frame, type FrameItem } from '../../src/layout/frame.js';
import { layoutParagraph } from '../../src/layout/text.js';

const fonts = new FontRegistry();
const meta = { title: 'Fixture & <title>', author: 'A. Author', subject: 'Subject', lang: 'en', date: new Date(Date.UTC(2023, 10, 14, 22, 13, 20)) };
const EMU_PER_POINT = 12700;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, isArray: (name) => ['p:sp', 'a:p', 'a:r', 'p:graphicFrame', 'a:tr', 'a:tc'].includes(name) });

async function open(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (name: string) => parser.parse(await zip.file(name)!.async('string'));
  return { zip, xml };
}

const runText = (shape: { 'p:txBody'?: { 'a:p'?: { 'a:r'?: { 'a:t': unknown }[] }[] } }) =>
  (shape['p:txBody']?.['a:p'] ?? []).map((p) => (p['a:r'] ?? []).map((r) => String(r['a:t'])).join('')).join('\n');

describe('exportPptx', () => {
  it('writes each text box at the frame position with its runs in Arial', async () => {
    const frames = fixtureFrames(fonts);
    const { xml } = await open(await exportPptx(frames, meta));
    const slide = await xml('ppt/slides/slide1.xml');
    const shapes = slide['p:sld']['p:cSld']['p:spTree']['p:sp'] as Record<string, any>[];
    const body = shapes.find((s) => runText(s).startsWith('Plain words'))!;
    const item = frames[0]!.items.find((i) => i.kind === 'text' && !i.slideTitle)!;
    if (item.kind !== 'text') throw new Error('fixture');
    const xfrm = body['p:spPr']['a:xfrm'];
    expect(Number(xfrm['a:off'].x)).toBe(Math.round(item.x * EMU_PER_POINT));
    expect(Number(xfrm['a:off'].y)).toBe(Math.round(item.y * EMU_PER_POINT));
    expect(Number(xfrm['a:ext'].cx)).toBe(Math.round(item.w * EMU_PER_POINT));
    expect(runText(body)).toBe('Plain words then bold words and Кирилица.');
    const runs = body['p:txBody']['a:p'][0]['a:r'];
    expect(runs.map((r: any) => r['a:rPr']['a:latin'].typeface)).toEqual(['Arial', 'Arial', 'Arial']);
    expect(runs.map((r: any) => r['a:rPr'].b ?? '0')).toEqual(['0', '1', '0']);
    expect(runs[0]['a:rPr'].sz).toBe('2400');
    expect(body['p:txBody']['a:bodyPr']).toMatchObject({ lIns: '0', tIns: '0', rIns: '0', bIns: '0', wrap: 'square' });
    expect(body['p:txBody']['a:p'][0]['a:pPr']['a:lnSpc']['a:spcPts'].val).toBe('3000');
  });

  it('marks the title as the title placeholder and keeps XML specials as text', async () => {
    const { xml } = await open(await exportPptx(fixtureFrames(fonts), meta));
    const shapes = (await xml('ppt/slides/slide1.xml'))['p:sld']['p:cSld']['p:spTree']['p:sp'] as Record<string, any>[];
    const titles = shapes.filter((s) => s['p:nvSpPr']['p:nvPr']?.['p:ph']?.type === 'title');
    expect(titles).toHaveLength(1);
    expect(runText(titles[0]!)).toBe('Fixture title & <specials> "quoted"');
  });

  it('writes the table natively and the notes per slide', async () => {
    const { xml, zip } = await open(await exportPptx(fixtureFrames(fonts), meta));
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide).toContain('<a:tbl>');
    expect(slide).toMatch(/<a:gridCol w="2692400"/);
    const notes = await xml('ppt/notesSlides/notesSlide1.xml');
    const text = JSON.stringify(notes);
    expect(text).toContain('First note paragraph.');
    expect(text).toContain('Second note paragraph.');
  });

  it('accepts SOURCE_DATE_EPOCH=0: the zip entries say 1980, the earliest date zip can hold', async () => {
    const bytes = await exportPptx(fixtureFrames(fonts), { ...meta, date: new Date(0) });
    const { zip } = await open(bytes);
    expect(zip.file('[Content_Types].xml')!.date.getUTCFullYear()).toBe(1980);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('1970-01-01T00:00:00Z');
  });

  it('creates each slide from the named slide layout of its frame\'s layout, one layout per name, and still validates', async () => {
    const [frame] = fixtureFrames(fonts);
    const frames = [{ ...frame!, layout: 'statement' as const }, { ...frame!, layout: 'bullets' as const }, { ...frame!, layout: 'statement' as const }, { ...frame!, layout: undefined }];
    const bytes = await exportPptx(frames, meta);
    const { zip } = await open(bytes);
    const layoutNames = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).sort().map(async (n) => /<p:cSld name="([^"]*)"/.exec(await zip.file(n)!.async('string'))?.[1]));
    expect(layoutNames.filter((n) => n !== 'DEFAULT')).toEqual(['Statement', 'Bullets', 'Content']);
    const layoutOfSlide = async (n: number) => {
      const target = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string'))![1]!;
      return /<p:cSld name="([^"]*)"/.exec(await zip.file(`ppt/slideLayouts/${target}`)!.async('string'))?.[1];
    };
    expect(await Promise.all([1, 2, 3, 4].map(layoutOfSlide))).toEqual(['Statement', 'Bullets', 'Statement', 'Content']);
    expect(await validateOoxml(new Uint8Array(bytes), 'pptx')).toEqual([]);
  });

  it('passes the Open XML SDK validator with several runs per paragraph, a table and notes', async () => {
    const errors = await validateOoxml(new Uint8Array(await exportPptx(fixtureFrames(fonts), meta)), 'pptx');
    expect(errors.map((e) => `${e.path.partUri} ${e.description}`)).toEqual([]);
  });

  it('finishes the package: content types first, compressed entries, fixed dates, byte-identical rebuilds', async () => {
    const a = await exportPptx(fixtureFrames(fonts), meta);
    const b = await exportPptx(fixtureFrames(fonts), meta);
    expect(a.equals(b)).toBe(true);
    // Local file headers: name of the first entry and compression method 8 (DEFLATE) for XML parts.
    expect(a.readUInt32LE(0)).toBe(0x04034b50);
    const firstName = a.subarray(30, 30 + a.readUInt16LE(26)).toString('utf8');
    expect(firstName).toBe('[Content_Types].xml');
    expect(a.readUInt16LE(8)).toBe(8);
    const { zip } = await open(a);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>');
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation.indexOf('<p:notesMasterIdLst>')).toBeLessThan(presentation.indexOf('<p:sldIdLst>'));
  });

  /** The fixture slide with a figure (a group tagged as one, its shapes inside) and a bulleted list added. */
  function withFigure(): Frame[] {
    const [slide] = fixtureFrames(fonts);
    const style = { family: 'slides' as const, weight: 'regular' as const, italic: false, sizePt: 24, colour: '#1d232b' };
    const label = { ...textBox(fonts, [{ text: 'A label', style: { ...style, sizePt: 16 } }], 10, 10, 120, 'x'), tag: INSIDE_GROUP };
    const figure: FrameItem = {
      kind: 'group', x: 500, y: 120, scale: 1, w: 400, h: 200, tag: { struct: [{ role: 'Figure', id: 'timeline-1', alt: 'Timeline (1): an "event"' }] },
      items: [
        { kind: 'rule', x1: 0, y1: 100, x2: 400, y2: 100, colour: '#c9ced6', width: 2, tag: INSIDE_GROUP },
        { kind: 'ellipse', x: 195, y: 95, w: 10, h: 10, fill: '#8a1c2b', tag: INSIDE_GROUP },
        { kind: 'rule', x1: 200, y1: 150, x2: 230, y2: 150, colour: '#8a1c2b', width: 4, dash: 3, tag: INSIDE_GROUP },
        label,
      ],
    };
    const bulleted = (text: string, bullet: string, colour: string) => layoutParagraph({ runs: [{ text, style }], align: 'left', lineHeightPt: 28, spaceBeforePt: 0, spaceAfterPt: 4, indentPt: 26, hyphenate: false, bullet: { text: bullet, style: { ...style, colour } } }, 400, fonts, 'en');
    const list = [bulleted('First point', '•', '#1d232b'), bulleted('Second point', '•', '#1d232b'), bulleted('Counted', '3.', '#8a1c2b')];
    let top = 0;
    const paragraphs = list.map((layout) => {
      const placed = { layout, top, lines: layout.lines };
      top += layout.height + 4;
      return placed;
    });
    const listBox: FrameItem = { kind: 'text', x: 40, y: 380, w: 400, h: top, tag: { struct: [{ role: 'L', id: 'l' }] }, paragraphs };
    return [{ ...slide!, items: [...slide!.items, figure, listBox] }];
  }

  it('writes a figure as one group with its alt text once, on the group, at the frame position, and the deck validates', async () => {
    const bytes = await exportPptx(withFigure(), meta);
    const xml = await (await JSZip.loadAsync(bytes)).file('ppt/slides/slide1.xml')!.async('string');
    const groups = [...xml.matchAll(/<p:grpSp>(.*?)<\/p:grpSp>/gs)].map((m) => m[1]!);
    expect(groups).toHaveLength(1);
    expect(xml.match(/descr="/g)).toHaveLength(1);
    expect(groups[0]).toMatch(/^<p:nvGrpSpPr><p:cNvPr id="\d+" name="Figure timeline-1" descr="Timeline \(1\): an &quot;event&quot;"\/>/);
    // The rule, the ellipse, five dashes of the dashed rule, the label: eight shapes, all inside.
    expect(groups[0]!.match(/<p:sp>/g)).toHaveLength(8);
    expect(xml.replace(groups[0]!, '')).not.toContain('timeline-1');
    // The group's box: from the axis' left end to its right end, from the top of the label to the dashes' bottom (EMU).
    const e = (pt: number) => Math.round(pt * EMU_PER_POINT);
    expect(groups[0]).toContain(`<a:off x="${e(500)}" y="${e(130)}"/><a:ext cx="${e(400)}" cy="${e(140)}"/><a:chOff x="${e(500)}" y="${e(130)}"/>`);
    const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const errors = await validateOoxml(new Uint8Array(bytes), 'pptx');
    expect(errors.map((e) => `${e.path.partUri} ${e.description}`)).toEqual([]);
  });

  it('draws a dashed rule as its dashes, where the PDF\'s dash pattern puts them (3 on, 3 off from its start)', async () => {
    const xml = await (await JSZip.loadAsync(await exportPptx(withFigure(), meta))).file('ppt/slides/slide1.xml')!.async('string');
    const lines = [...xml.matchAll(/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="0"\/><\/a:xfrm><a:prstGeom prst="line">/g)].map((m) => [Number(m[1]) / EMU_PER_POINT, Number(m[3]) / EMU_PER_POINT]).filter(([x]) => x! >= 700);
    expect(lines.map(([x, w]) => [Math.round(x! * 10) / 10, Math.round(w! * 10) / 10])).toEqual([[700, 3], [706, 3], [712, 3], [718, 3], [724, 3]]);
    expect(xml).not.toContain('prstDash val="dash"');
  });

  it('names every bullet\'s font, colour and size; a number becomes an automatic number starting at it', async () => {
    const xml = await (await JSZip.loadAsync(await exportPptx(withFigure(), meta))).file('ppt/slides/slide1.xml')!.async('string');
    const bullets = [...xml.matchAll(/<a:pPr[^>]*>(.*?)<\/a:pPr>/gs)].map((m) => m[1]!).filter((p) => p.includes('<a:bu') && !p.includes('<a:buNone/>'));
    expect(bullets).toHaveLength(3);
    expect(bullets[0]).toContain('<a:buClr><a:srgbClr val="1D232B"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="Arial"/><a:buChar char="•"/>');
    expect(bullets[2]).toContain('<a:buClr><a:srgbClr val="8A1C2B"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="Arial"/><a:buAutoNum type="arabicPeriod" startAt="3"/>');
    expect(xml).not.toMatch(/&#xE0[0-9A-F]{2};/);
  });
});

// Issue 13: a presentation's parts taken as pptxgenjs writes them are the parts of the zip it would have made.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import pptxgenjs from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { finishPptx } from '../../src/export/pptx-finish.js';
import { presentationParts } from '../../src/export/pptx-parts.js';

const PNG = readFileSync('test/fixtures/raw/sites/consulate.png');
const DATE = new Date(Date.UTC(2023, 10, 14, 22, 13, 20));

type Pptx = InstanceType<typeof pptxgenjs.default>;
const PptxGenJS = ((pptxgenjs as unknown as { default?: unknown }).default ?? pptxgenjs) as unknown as new () => Pptx;

/** A deck with text in two languages, a picture (given to JSZip as base64) and speaker notes. */
function deck(): Pptx {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  const slide = pptx.addSlide();
  slide.addText('Мінск — “quoted” & <escaped>', { x: 0.5, y: 0.5, w: 6, h: 1 });
  slide.addImage({ data: `image/png;base64,${PNG.toString('base64')}`, x: 1, y: 2, w: 2, h: 1.5 });
  slide.addNotes('Нататкі: every sentence.');
  pptx.addSlide().addText('Second', { x: 1, y: 1, w: 3, h: 1 });
  return pptx;
}

/** pptxgenjs's zip, unzipped, without its folder entries. */
async function zippedParts(): Promise<Record<string, Uint8Array>> {
  const zipped = unzipSync(new Uint8Array((await deck().write({ outputType: 'nodebuffer' })) as Buffer));
  return Object.fromEntries(Object.entries(zipped).filter(([name]) => !name.endsWith('/')));
}

describe('presentationParts', () => {
  it('gives every part of pptxgenjs’s zip, byte for byte, and the picture decoded', async () => {
    const parts = await presentationParts(deck());
    expect(parts).not.toBeInstanceOf(Buffer);
    const expected = await zippedParts();
    const taken = parts as Record<string, Uint8Array>;
    expect(Object.keys(taken).sort()).toEqual(Object.keys(expected).sort());
    for (const name of Object.keys(expected)) expect(Buffer.from(taken[name]!).equals(Buffer.from(expected[name]!)), name).toBe(true);
    const media = Object.keys(taken).filter((name) => name.startsWith('ppt/media/'));
    expect(media.length).toBeGreaterThan(0);
    expect(media.some((name) => Buffer.from(taken[name]!).equals(PNG))).toBe(true);
    expect(Buffer.from(taken['ppt/slides/slide1.xml']!).toString('utf8')).toContain('Мінск');
  });

  it('finishes to the same deck as the zip would', async () => {
    const options = { date: DATE, lang: 'be' };
    const fromParts = await finishPptx((await presentationParts(deck())) as Record<string, Uint8Array>, options);
    const fromZip = await finishPptx((await deck().write({ outputType: 'nodebuffer' })) as Buffer, options);
    expect(fromParts.equals(fromZip)).toBe(true);
  });

  it('leaves JSZip as it was, and every other zip to JSZip, even one made while a deck is written', async () => {
    const { file, generateAsync } = JSZip.prototype;
    const other = new JSZip();
    const writing = presentationParts(deck());
    other.file('a.txt', 'not a package');
    other.file('[Content_Types].xml', '<Types/>'); // its first file was another: not taken for a package
    const archive = await other.generateAsync({ type: 'nodebuffer' });
    await writing;
    expect(Object.keys(unzipSync(new Uint8Array(archive))).sort()).toEqual(['[Content_Types].xml', 'a.txt']);
    expect(JSZip.prototype.file).toBe(file);
    expect(JSZip.prototype.generateAsync).toBe(generateAsync);
    expect(Buffer.isBuffer(await deck().write({ outputType: 'nodebuffer' }))).toBe(true);
  });
});

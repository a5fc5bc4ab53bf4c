// PPTX pictures from hand-written frames: an SVG as PowerPoint writes it (an asvg:svgBlip with a real PNG fallback at
// 300 dpi), a very large JPEG downscaled to 300 dpi of its place and embedded once; the package validates.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { imageSize } from 'image-size';
import { exportPptx } from '../../src/export/pptx.js';
import { INSIDE_GROUP, type Frame, type ImageItem } from '../../src/layout/frame.js';
import type { ImageSource } from '../../src/load/image.js';
import { chartSvg, noisyJpeg } from '../support/images.js';
import { validateOoxml } from '../support/clients.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const meta = { title: 'Pictures', author: 'A. Author', subject: 'Subject', lang: 'en', date: new Date(Date.UTC(2023, 10, 14)) };
const slide = (items: Frame['items']): Frame => ({ kind: 'slide', width: 960, height: 540, background: '#ffffff', items });
const picture = (image: ImageSource, x: number, w: number, h: number): ImageItem => ({ kind: 'image', x, y: 100, w, h, image, alt: '', tag: INSIDE_GROUP });
const figure = (id: string, alt: string, item: ImageItem): Frame['items'][number] => ({ kind: 'group', x: 0, y: 0, scale: 1, w: 960, h: 540, items: [item], tag: { struct: [{ role: 'Figure', id, alt }] } });

async function media(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/'));
  return { zip, names, read: (name: string) => zip.file(name)!.async('nodebuffer'), text: (name: string) => zip.file(name)!.async('string') };
}

const validated = async (bytes: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-pptx-images-')), 'deck.pptx');
  writeFileSync(file, bytes);
  return validateOoxml(file);
};

describe('pictures in the deck', () => {
  it('writes an SVG as itself with a PNG fallback of 300 dpi at its placed size, with its alt text, and validates', async () => {
    const svg: ImageSource = { id: 'chart', bytes: Buffer.from(chartSvg()), format: 'svg', widthPx: 400, heightPx: 200, orientation: 1 };
    const bytes = await exportPptx([slide([figure('image-1', 'A bar chart of trade', picture(svg, 100, 480, 240))])], meta);
    const { names, read, text } = await media(bytes);
    expect(names.map((n) => n.slice(n.lastIndexOf('.'))).sort()).toEqual(['.png', '.svg']);
    const xml = await text('ppt/slides/slide1.xml');
    expect(xml).toMatch(/<a:blip r:embed="rId\d+">\s*<a:extLst>\s*<a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}">\s*<asvg:svgBlip [^>]*r:embed="rId\d+"\/>/);
    expect(xml).toContain('descr="A bar chart of trade"');
    const png = await read(names.find((n) => n.endsWith('.png'))!);
    // 480 × 240 pt at 300 dpi; pptxgenjs alone writes a broken 1-pixel picture here.
    expect(imageSize(png)).toMatchObject({ type: 'png', width: 2000, height: 1000 });
    expect((await read(names.find((n) => n.endsWith('.svg'))!)).toString()).toBe(chartSvg());
    expect(await validated(bytes)).toEqual([]);
  });

  it('downscales a 6000×4000 JPEG to 300 dpi of its largest place and embeds it once for two slides', async () => {
    const original = await noisyJpeg(6000, 4000);
    const jpeg: ImageSource = { id: 'photo', bytes: original, format: 'jpeg', widthPx: 6000, heightPx: 4000, orientation: 1 };
    const bytes = await exportPptx([
      slide([figure('image-1', 'A photograph', picture(jpeg, 40, 360, 240))]),
      slide([figure('image-2', 'A photograph', picture(jpeg, 40, 300, 200))]),
    ], meta);
    const { names, read } = await media(bytes);
    expect(names).toHaveLength(1);
    expect(imageSize(await read(names[0]!))).toMatchObject({ type: 'jpg', width: 1500, height: 1000 });
    expect(bytes.length).toBeLessThan(original.length / 5);
    expect(await validated(bytes)).toEqual([]);
  }, 60_000);
});

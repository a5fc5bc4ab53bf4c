// Pictures beyond 300 dpi at their largest placed size are downscaled to it: JPEG stays JPEG, PNG stays PNG with its alpha, EXIF turned upright.
import { describe, expect, it } from 'vitest';
import { imageSize } from 'image-size';
import { atMaxDpi, exceedsMaxDpi, pixelsAtMaxDpi } from '../../src/export/downscale.js';
import type { ImageSource } from '../../src/load/image.js';
import { BriefkitError } from '../../src/diagnostics.js';
import { bandedJpeg, noisyJpeg, translucentPng } from '../support/images.js';

const source = (bytes: Buffer, format: ImageSource['format'], widthPx: number, heightPx: number, orientation = 1): ImageSource => ({ id: `${format}-${widthPx}-${heightPx}-${orientation}`, bytes, format, widthPx, heightPx, orientation });

describe('atMaxDpi', () => {
  it('gives 300 dpi of the placed size: 240 pt wide is 1000 pixels', () => {
    expect(pixelsAtMaxDpi(240, 160)).toEqual({ widthPx: 1000, heightPx: 667 });
  });

  it('downscales a 6000×4000 JPEG placed 240 pt wide to 1000×667 pixels, still a JPEG, far smaller', async () => {
    const bytes = await noisyJpeg(6000, 4000);
    const big = source(bytes, 'jpeg', 6000, 4000);
    expect(exceedsMaxDpi(big, 240, 160)).toBe(true);
    const small = await atMaxDpi(big, 240, 160);
    expect(small).toMatchObject({ format: 'jpeg', widthPx: 1000, heightPx: 667, orientation: 1 });
    expect(imageSize(small.bytes)).toMatchObject({ type: 'jpg', width: 1000, height: 667 });
    expect(small.bytes.length).toBeLessThan(bytes.length / 10);
    expect(small.id).not.toBe(big.id);
    // The same picture at the same size is downscaled once: the same object comes back.
    expect(await atMaxDpi(big, 240, 160)).toBe(small);
  });

  it('refuses a damaged photograph it must decode, naming the field and the file that named it', async () => {
    const whole = await noisyJpeg(3000, 2000);
    const damaged: ImageSource = { ...source(whole.subarray(0, whole.length / 2), 'jpeg', 3000, 2000), id: 'damaged', origin: { file: 'photos/cut.jpg', field: 'sections[0].paragraphs[1].image', owner: 'article.yaml' } };
    const refused = await atMaxDpi(damaged, 240, 160).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(BriefkitError);
    expect((refused as BriefkitError).diagnostics).toEqual([expect.objectContaining({ file: 'article.yaml', path: 'sections[0].paragraphs[1].image', message: expect.stringMatching(/^photos\/cut\.jpg: is damaged and cannot be decoded/) })]);
  });

  it('keeps a picture that has no more pixels than 300 dpi need as it is', async () => {
    const image = source(Buffer.from('not read'), 'jpeg', 1000, 667);
    expect(await atMaxDpi(image, 240, 160)).toBe(image);
  });

  it('keeps a PNG a PNG with its transparency', async () => {
    const small = await atMaxDpi(source(await translucentPng(3000, 1000), 'png', 3000, 1000), 72, 24);
    const { default: sharp } = await import('sharp');
    const meta = await sharp(small.bytes).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 300, height: 100, hasAlpha: true });
    const { data } = await sharp(small.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(128);
  });

  it('turns a JPEG upright by its EXIF orientation while downscaling, so the copy needs none', async () => {
    // Stored 1200×400 with the blue band on the left; orientation 6 shows it 400×1200 with the blue band at the top.
    const turned = source(await bandedJpeg(1200, 400, 6), 'jpeg', 400, 1200, 6);
    const small = await atMaxDpi(turned, 48, 144);
    expect(small).toMatchObject({ widthPx: 200, heightPx: 600, orientation: 1 });
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(small.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(100, 20)[2]).toBeGreaterThan(100); // blue at the top
    expect(pixel(100, 580)[0]).toBeGreaterThan(200); // yellow at the bottom
  });
});

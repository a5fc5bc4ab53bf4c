// An SVG in, its PNG fallback at 300 dpi of its placed size out, its text drawn with the briefing's faces (never the machine's).
import { describe, expect, it } from 'vitest';
import { svgAsPng, svgFontFiles } from '../../src/export/svg-raster.js';
import type { ImageSource } from '../../src/load/image.js';
import { chartSvg } from '../support/images.js';

const svg = (text: string, id: string): ImageSource => ({ id, bytes: Buffer.from(text), format: 'svg', widthPx: 400, heightPx: 200, orientation: 1 });

describe('svgAsPng', () => {
  it('draws the SVG at 300 dpi of its place, its text in PT Sans: the label adds white ink on the panel', async () => {
    const { default: sharp } = await import('sharp');
    const white = async (png: Buffer) => {
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      let count = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 240 && data[i + 1]! > 240 && data[i + 2]! > 240) count++;
      return { count, width: info.width, height: info.height };
    };
    const labelled = await white(await svgAsPng(svg(chartSvg('Trade, 2023'), 'labelled'), 240, 120));
    const bare = await white(await svgAsPng(svg(chartSvg(''), 'bare'), 240, 120));
    expect([labelled.width, labelled.height]).toEqual([1000, 500]);
    expect(labelled.count - bare.count).toBeGreaterThan(2000);
    expect(svgFontFiles().every((file) => /PTS(ans|erif)_/.test(file))).toBe(true);
  });
});

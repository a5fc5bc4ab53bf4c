// An SVG picture and the largest size it is placed at in, a PNG of it at 300 dpi of that size out (resvg, with the briefing's fonts, loaded only for an SVG).
import type { ImageSource } from '../load/image.js';
import { fontFile, type FontWeight } from '../layout/fonts.js';
import { pixelsAtMaxDpi } from './downscale.js';
import { lazyRequire } from '../load/lazy-require.js';

/** A fallback never larger than this on its long side (a full slide at 300 dpi is 4000 pixels wide). */
const MOST_PIXELS = 4000;

const rasters = new Map<string, Promise<Buffer>>();

/** The faces an SVG's text is drawn with, in every output: PT Sans for sans-serif and any other family, PT Serif for serif. */
export function svgFontFiles(): string[] {
  const weights: FontWeight[] = ['regular', 'bold'];
  return (['sans', 'serif'] as const).flatMap((family) => weights.flatMap((weight) => [false, true].map((italic) => fontFile({ family, weight, italic }))));
}

/** The SVG drawn as a PNG covering `widthPt` × `heightPt` at 300 dpi (what a viewer without SVG shows in the deck). */
export function svgAsPng(image: ImageSource, widthPt: number, heightPt: number): Promise<Buffer> {
  const needed = pixelsAtMaxDpi(widthPt, heightPt);
  const widthPx = Math.min(needed.widthPx, Math.round(MOST_PIXELS * Math.min(1, image.widthPx / image.heightPx)));
  const key = `${image.id}@${widthPx}`;
  let done = rasters.get(key);
  if (!done) rasters.set(key, (done = render(image, Math.max(1, widthPx))));
  return done;
}

async function render(image: ImageSource, widthPx: number): Promise<Buffer> {
  const { Resvg } = lazyRequire<typeof import('@resvg/resvg-js')>('@resvg/resvg-js');
  const resvg = new Resvg(image.bytes, {
    fitTo: { mode: 'width', value: widthPx },
    font: { loadSystemFonts: false, fontFiles: svgFontFiles(), defaultFontFamily: 'PT Sans', sansSerifFamily: 'PT Sans', serifFamily: 'PT Serif' },
    imageRendering: 0, shapeRendering: 2, textRendering: 1,
  });
  return Buffer.from(resvg.render().asPng());
}

// `::image{ref=…}`: a picture of the article (PNG, JPEG or SVG) with its caption and credit, at column width on a page, fitted on a slide.
import { dirname, resolve } from 'node:path';
import { BriefkitError } from '../../diagnostics.js';
import { loadImage, type ImageSource } from '../../load/image.js';
import { imageRef } from '../../render/view.js';
import { INSIDE_GROUP, type FrameItem, type TextItem } from '../frame.js';
import { layoutParagraph } from '../text.js';
import { plainRuns } from '../runs.js';
import type { FontFamily } from '../fonts.js';
import type { FigureContext, FigureKind } from './kind.js';

export interface ImageData {
  image: ImageSource;
  caption?: string;
  credit?: string;
}

/** At most this share of the page's text block tall (a portrait picture is narrower, not taller), never wider than the column. */
const PAGE_MAX_HEIGHT_SHARE = 0.45;
/** Without a page's size (a test's context): a block of A4's with the default margins. */
const DEFAULT_BODY_HEIGHT_PT = 720;
const GAP_PT = 6;

function captionItems(data: ImageData, context: FigureContext, widthPt: number, y: number, sizes: { caption: number; credit: number }, family: FontFamily, align: 'left' | 'center'): { items: TextItem[]; heightPt: number } {
  const { colors } = context.theme;
  const items: TextItem[] = [];
  let top = y;
  const add = (text: string, sizePt: number, colour: string, italic: boolean, align: 'left' | 'center', source: string) => {
    const layout = layoutParagraph({ runs: plainRuns(text, { family, sizePt, colour, italic }), align, lineHeightPt: sizePt * 1.3, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false, breakAfterHyphen: false }, widthPt, context.fonts, context.lang);
    items.push({ kind: 'text', x: 0, y: top, w: widthPt, h: layout.height, tag: INSIDE_GROUP, source, paragraphs: [{ layout, top: 0, lines: layout.lines }] });
    top += layout.height + 2;
  };
  if (data.caption) add(data.caption, sizes.caption, colors.text, true, align, 'picture caption');
  if (data.credit) add(data.credit, sizes.credit, colors.muted, false, align, 'picture credit');
  return { items, heightPt: top - y };
}

export const imageFigure: FigureKind<ImageData> = {
  fromArticle(article, _labels, attributes, file) {
    const ref = attributes.ref ?? '';
    for (const [sectionIndex, section] of article.sections.entries()) {
      for (const [blockIndex, block] of section.paragraphs.entries()) {
        if (imageRef(sectionIndex, blockIndex) !== ref || typeof block === 'string' || !('image' in block)) continue;
        const base = file ? dirname(file) : process.cwd();
        const image = loadImage(resolve(base, block.image), `sections[${sectionIndex}].paragraphs[${blockIndex}].image`, file ?? '(article)');
        return { data: { image, ...(block.caption ? { caption: block.caption } : {}), ...(block.credit ? { credit: block.credit } : {}) }, alt: block.alt };
      }
    }
    throw new BriefkitError([{ severity: 'error', rule: 'template-directive', message: `::image{ref="${ref}"} names no picture of the article (refs are s<section>b<paragraph>, as {{image.ref}} gives them)` }]);
  },
  onPage(data, context, widthPt) {
    const aspect = data.image.widthPx / data.image.heightPx;
    const h = Math.min(widthPt / aspect, PAGE_MAX_HEIGHT_SHARE * (context.bodyHeightPt ?? DEFAULT_BODY_HEIGHT_PT));
    const w = h * aspect;
    const { sizes, fonts } = context.theme.briefing;
    const caption = captionItems(data, context, widthPt, h + GAP_PT, { caption: sizes.table + 0.5, credit: sizes.small }, fonts.heading, 'left');
    const items: FrameItem[] = [{ kind: 'image', x: 0, y: 0, w, h, image: data.image, alt: '', tag: INSIDE_GROUP }, ...caption.items];
    return [{ heightPt: h + (caption.heightPt > 0 ? GAP_PT + caption.heightPt : 0), spaceBeforePt: 8, spaceAfterPt: 14, items }];
  },
  onSlides(data, context, body) {
    const caption = captionItems(data, context, body.widthPt, 0, { caption: 18, credit: 14 }, context.theme.slides.fonts.body, 'center');
    const room = body.heightPt - (caption.heightPt > 0 ? caption.heightPt + GAP_PT : 0);
    const aspect = data.image.widthPx / data.image.heightPx;
    const h = Math.min(room, body.widthPt / aspect);
    const w = h * aspect;
    const moved = caption.items.map((item) => ({ ...item, y: item.y + h + GAP_PT }));
    return [{ weight: 1, items: [{ kind: 'image', x: (body.widthPt - w) / 2, y: 0, w, h, image: data.image, alt: '', tag: INSIDE_GROUP }, ...moved] }];
  },
};

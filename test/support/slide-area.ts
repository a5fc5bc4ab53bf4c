// A slide frame in, how much of its content area its body uses out: the union bounding box of the body's ink (text
// lines, tables, pictures, figure shapes) over the content area (between the title's box and the footer, margin to margin).
import type { Frame, FrameItem, TextItem } from '../../src/layout/frame.js';
import type { FontRegistry } from '../../src/layout/fonts.js';
import { lineBoxes, placedItems, type Box } from './frames.js';

/** The footer line's top is this far above the slide's bottom (src/layout/slides.ts footerItems). */
const FOOTER_FROM_BOTTOM = 30;

const isArtifact = (item: FrameItem) => 'artifact' in item.tag;

/** The body's text items and other items, moved to the frame, without the title and without artifacts (band, rules, footer). */
function bodyOf(frame: Frame): { texts: TextItem[]; others: FrameItem[] } {
  const texts: TextItem[] = [];
  const others: FrameItem[] = [];
  for (const item of placedItems(frame)) {
    if (item.kind === 'text' && item.slideTitle) continue;
    if (isArtifact(item)) continue;
    if (item.kind === 'text') texts.push(item);
    else others.push(item);
  }
  return { texts, others };
}

function boxOf(item: FrameItem): Box | undefined {
  switch (item.kind) {
    case 'rect':
    case 'ellipse':
    case 'image':
      return { x: item.x, y: item.y, w: item.w, h: item.h, text: '' };
    case 'table':
      return { x: item.x, y: item.y, w: item.columns.reduce((a, b) => a + b, 0), h: item.rows.reduce((a, r) => a + r.height, 0), text: '' };
    case 'rule':
      return { x: Math.min(item.x1, item.x2), y: Math.min(item.y1, item.y2), w: Math.abs(item.x2 - item.x1), h: Math.abs(item.y2 - item.y1), text: '' };
    case 'path': {
      const points = item.subpaths.flat();
      if (points.length === 0) return undefined;
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys), text: '' };
    }
    default:
      return undefined;
  }
}

/** The content area of a slide: below its title's box, above the footer, inside the side margins. */
export function contentArea(frame: Frame, marginPt: number): Box {
  const title = frame.items.find((i): i is TextItem => i.kind === 'text' && Boolean(i.slideTitle));
  const top = title ? title.y + title.h : 0;
  const bottom = frame.height - FOOTER_FROM_BOTTOM;
  return { x: marginPt, y: top, w: frame.width - 2 * marginPt, h: Math.max(0, bottom - top), text: '' };
}

/** The union bounding box of the slide body's ink; undefined for a slide with no body. */
export function bodyInkBox(frame: Frame, fonts: FontRegistry): Box | undefined {
  const { texts, others } = bodyOf(frame);
  const textFrame: Frame = { ...frame, items: texts };
  const boxes = [...lineBoxes(textFrame, fonts), ...others.map(boxOf).filter((b): b is Box => b !== undefined && b.w * b.h > 0)];
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y, text: '' };
}

/** Share (0–1) of the slide's content area that the bounding box of its body's ink covers. */
export function areaUse(frame: Frame, fonts: FontRegistry, marginPt: number): number {
  const area = contentArea(frame, marginPt);
  const ink = bodyInkBox(frame, fonts);
  if (!ink || area.w * area.h <= 0) return 0;
  return (ink.w * ink.h) / (area.w * area.h);
}

/** The sizes (pt) of the body's text runs (not the title, not the footer). */
export function bodySizesPt(frame: Frame): number[] {
  return bodyOf(frame).texts.flatMap((item) => item.paragraphs.flatMap((p) => p.layout.spec.runs.map((r) => r.style.sizePt)));
}

/** The slides a reader judges by how they fill their area: every slide but the title, dividers and figures. */
export const isContentSlide = (frame: Frame) => frame.layout !== undefined && !['title', 'section', 'figure'].includes(frame.layout);

/**
 * Content slides that use less than a quarter of their content area, unless a statement whose text is at least 28 pt:
 * each as "slide n "title" (layout): 18 %".
 */
export function sparseSlides(frames: Frame[], fonts: FontRegistry, marginPt: number, least = 0.25, statementLeastPt = 28): string[] {
  return frames.flatMap((frame, index) => {
    if (!isContentSlide(frame)) return [];
    const use = areaUse(frame, fonts, marginPt);
    if (use >= least) return [];
    if (frame.layout === 'statement' && Math.min(...bodySizesPt(frame)) >= statementLeastPt) return [];
    // A quotation slide is a statement of someone's words: its quote large (≥ 28 pt), its attribution smaller.
    if (frame.layout === 'quote' && Math.max(...bodySizesPt(frame)) >= statementLeastPt) return [];
    return [`slide ${index + 1} "${frame.title}" (${frame.layout}): ${(use * 100).toFixed(0)} %`];
  });
}

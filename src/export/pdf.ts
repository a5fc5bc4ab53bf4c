// Frames + fonts + metadata in, PDF bytes out (pdfkit): draws the lines exactly as laid out, tagged, with bookmarks.
import PDFDocument from 'pdfkit';
import type { FontRegistry } from '../layout/fonts.js';
import type { Frame, FrameItem, Paint, StructLevel, Tag, TextItem } from '../layout/frame.js';
import type { TextStyle } from '../layout/text.js';
import { assertNever } from '../parse/doc.js';
import { pdfFont, PDF_FEATURES } from './pdf-fonts.js';
import { addContentBytes, drawTextRun, number as pdfNumber, pdfkitText } from './pdf-text.js';
import { largestPlacements } from './placements.js';
import { atMaxDpi } from './downscale.js';
import type { ImageSource } from '../load/image.js';
import { lazyRequire } from '../load/lazy-require.js';
import { deflateStreamsOnce } from './pdf-deflate.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** Fixed for reproducible builds (SOURCE_DATE_EPOCH). */
  date: Date;
}

/** Whitespace pdfkit's word spacing treats otherwise than the layout (which widens each U+0020 and U+00A0), or a leading space it trims. */
const UNEVEN_SPACING = /[^\S ]| {2}|^ /;

type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

type SvgToPdf = (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options: Record<string, unknown>) => void;

/** How a run of text is written: drawTextRun (the text operators directly), or pdfkit's doc.text() (for tests comparing the two). */
export interface PdfExportOptions {
  textWith?: 'direct' | 'pdfkit';
}

/**
 * The content-stream lines that pdfkit's moveTo, lineTo and closePath write, one per call, as one string: a map has
 * thousands of points, and pdfkit makes a buffer for every write. The same bytes (`test/export/pdf.test.ts`).
 */
export function pathOperators(subpaths: readonly (readonly (readonly [number, number])[])[], closed: boolean): string {
  // A remembered map's paths are the same arrays in every document: their operators are written once.
  let written = writtenPaths.get(subpaths);
  if (!written) writtenPaths.set(subpaths, (written = {}));
  const key = closed ? 'closed' : 'open';
  return (written[key] ??= pathOperatorsAnew(subpaths, closed));
}

const writtenPaths = new WeakMap<object, { closed?: string; open?: string }>();

function pathOperatorsAnew(subpaths: readonly (readonly (readonly [number, number])[])[], closed: boolean): string {
  const operators: string[] = [];
  for (const subpath of subpaths) {
    subpath.forEach(([x, y], index) => operators.push(`${pdfNumber(x)} ${pdfNumber(y)} ${index === 0 ? 'm' : 'l'}`));
    if (closed) operators.push('h');
  }
  return operators.join('\n');
}

export async function exportPdf(frames: Frame[], fonts: FontRegistry, meta: PdfMetadata, options: PdfExportOptions = {}): Promise<Buffer> {
  const drawRun = options.textWith === 'pdfkit' ? pdfkitText : drawTextRun;
  // Each raster picture at no more than 300 dpi of the largest size it has in this document; SVGs drawn as vectors.
  const embedded = new Map<string, ImageSource>();
  for (const [id, placed] of largestPlacements(frames)) embedded.set(id, await atMaxDpi(placed.image, placed.widthPt, placed.heightPt));
  const svgToPdf = [...embedded.values()].some((image) => image.format === 'svg')
    ? lazyRequire<SvgToPdf>('svg-to-pdfkit')
    : undefined;
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: every text sets its own, and loading Helvetica's metrics would cost each document.
    font: null,
    margin: 0,
    compress: true,
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Keywords: meta.keywords.join(', '), Creator: 'briefkit', Producer: 'briefkit (pdfkit)', CreationDate: meta.date, ModDate: meta.date },
  } as unknown as PDFKit.PDFDocumentOptions);
  deflateStreamsOnce(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const registered = new Set<string>();
  const useFont = (style: TextStyle) => {
    const face = fonts.face(style);
    if (!registered.has(face.id)) {
      doc.registerFont(face.id, pdfFont(face) as never);
      registered.add(face.id);
    }
    doc.font(face.id);
  };

  const root = doc.struct('Document');
  doc.addStructure(root);
  const elements = new Map<string, StructElement>();
  const elementFor = (path: StructLevel[]): StructElement => {
    let parent = root;
    for (const level of path) {
      let element = elements.get(level.id);
      if (!element) {
        element = doc.struct(level.role, level.alt ? { alt: level.alt } : {});
        parent.add(element);
        elements.set(level.id, element);
        if (level.outline) doc.outline.addItem(level.outline);
      }
      parent = element;
    }
    return parent;
  };
  /** Inside a tagged group (a figure, a slide on a handout) the group is the one element; what it holds is not tagged again. */
  let insideFigure = false;
  const tagged = (tag: Tag, draw: () => void) => {
    if (insideFigure) return draw();
    if ('artifact' in tag) {
      doc.markContent('Artifact', { type: tag.artifact } as never);
      draw();
      doc.endMarkedContent();
      return;
    }
    const leaf = tag.struct[tag.struct.length - 1];
    if (!leaf) return draw();
    const element = elementFor(tag.struct);
    const content = doc.markStructureContent(leaf.role);
    element.add(content);
    draw();
    doc.endMarkedContent();
  };

  // The fill colour the content stream has set (undefined: not known), followed through pdfkit's own calls, which every
  // colour change, save and restore goes through (doc.fill(colour) calls this.fillColor).
  let fill: string | undefined;
  const fills: (string | undefined)[] = [];
  const { fillColor, save, restore } = doc;
  Object.assign(doc, {
    fillColor(this: PDFKit.PDFDocument, colour: unknown, opacity?: unknown) {
      fill = typeof colour === 'string' && opacity === undefined ? colour : undefined;
      return fillColor.call(this, colour as never, opacity as never);
    },
    save(this: PDFKit.PDFDocument) {
      fills.push(fill);
      return save.call(this);
    },
    restore(this: PDFKit.PDFDocument) {
      fill = fills.pop();
      return restore.call(this);
    },
  });

  const drawText = (item: TextItem) => {
    for (const paragraph of item.paragraphs) {
      const first = paragraph.lines[0];
      if (!first) continue;
      const draw = () => {
        for (const line of paragraph.lines) {
          const baseline = item.y + paragraph.top + line.baseline;
          for (const fragment of line.fragments) {
            if (fragment.text.length === 0) continue;
            useFont(fragment.style);
            doc.fontSize(fragment.style.sizePt);
            // The colour is set only when it changes: pdfkit writes it again for every call.
            if (fragment.style.colour !== fill) doc.fillColor(fragment.style.colour);
            if (fragment.wordSpacing !== 0 && UNEVEN_SPACING.test(fragment.text)) {
              // pdfkit would widen every whitespace run (NBSP, thin space, "  " too) where the layout widened each U+0020:
              // the line would grow past its box, off the page. Each word is placed where the layout put it instead.
              const face = fonts.face(fragment.style);
              let x = item.x + fragment.x;
              // Words with the space after them ("word ", "з\u00A0"): each space widened by the layout's word spacing.
              for (const [shown] of fragment.text.matchAll(/[^ \u00A0]*[ \u00A0]?/g)) {
                if (shown.length === 0) continue;
                drawRun(doc, shown, x, baseline, 0, PDF_FEATURES, fragment.link);
                x += face.width(shown, fragment.style.sizePt) + (/[ \u00A0]$/.test(shown) ? fragment.wordSpacing : 0);
              }
              continue;
            }
            drawRun(doc, fragment.text, item.x + fragment.x, baseline, fragment.wordSpacing, PDF_FEATURES, fragment.link);
          }
          for (const fragment of line.fragments) if (fragment.style.underline && fragment.text.trim().length > 0) underline(fragment, item.x, baseline);
        }
      };
      tagged(paragraph.tag ?? item.tag, draw);
    }
  };

  /**
   * pdfkit draws its underline a line's height below the baseline and as wide as the text with trailing spaces; this
   * one sits at the font's underline position, as wide as the fragment's visible text.
   */
  const underline = (fragment: TextItem['paragraphs'][number]['lines'][number]['fragments'][number], left: number, baseline: number) => {
    const face = fonts.face(fragment.style);
    const trailing = fragment.text.length - fragment.text.trimEnd().length;
    const widthPt = fragment.width - face.width(fragment.text.slice(fragment.text.length - trailing), fragment.style.sizePt) - trailing * fragment.wordSpacing;
    const thicknessPt = Math.max(0.4, face.underlineThickness * fragment.style.sizePt);
    const y = baseline + face.underlineOffset * fragment.style.sizePt;
    doc.save();
    doc.lineWidth(thicknessPt).strokeColor(fragment.style.colour).moveTo(left + fragment.x, y).lineTo(left + fragment.x + widthPt, y).stroke();
    doc.restore();
  };

  /** Fills and/or strokes the shape that `trace` adds to the current path. */
  const paint = (item: Paint, trace: () => void) => {
    doc.save();
    if (item.opacity !== undefined) doc.opacity(item.opacity);
    trace();
    if (item.fill && item.stroke) doc.lineWidth(item.strokeWidth ?? 1).lineJoin('round').fillAndStroke(item.fill, item.stroke, 'evenodd');
    else if (item.fill) doc.fill(item.fill, 'evenodd');
    else if (item.stroke) doc.lineWidth(item.strokeWidth ?? 1).lineJoin('round').stroke(item.stroke);
    doc.restore();
  };

  const drawItem = (item: FrameItem) => {
    switch (item.kind) {
      case 'text':
        drawText(item);
        break;
      case 'rect':
        tagged(item.tag, () => paint(item, () => doc.rect(item.x, item.y, item.w, item.h)));
        break;
      case 'ellipse':
        tagged(item.tag, () => paint(item, () => doc.ellipse(item.x + item.w / 2, item.y + item.h / 2, item.w / 2, item.h / 2)));
        break;
      case 'path':
        tagged(item.tag, () =>
          paint(item, () => {
            const operators = pathOperators(item.subpaths, item.closed);
            if (operators !== '') addContentBytes(doc, operators);
          }),
        );
        break;
      case 'rule':
        tagged(item.tag, () => {
          doc.save();
          if (item.dash) doc.dash(item.dash, { space: item.dash });
          doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).stroke(item.colour);
          doc.restore();
        });
        break;
      case 'table': {
        let rowY = item.y;
        tagged({ artifact: 'Layout' }, () => {
          for (const row of item.rows) {
            let cellX = item.x;
            row.cells.forEach((cell, column) => {
              const w = item.columns[column] ?? 0;
              if (cell.fill) doc.rect(cellX, rowY, w, row.height).fill(cell.fill);
              doc.rect(cellX, rowY, w, row.height).lineWidth(0.75).stroke(item.borderColor);
              cellX += w;
            });
            rowY += row.height;
          }
        });
        // Cells are placed relative to the table.
        doc.save();
        doc.translate(item.x, item.y);
        for (const row of item.rows) for (const cell of row.cells) drawText(cell.item);
        doc.restore();
        break;
      }
      case 'group': {
        const drawGroup = () => {
          doc.save();
          doc.translate(item.x, item.y);
          if (item.scale !== 1) doc.scale(item.scale);
          if (item.clip) doc.rect(0, 0, item.w, item.h).clip();
          if (item.background) doc.rect(0, 0, item.w, item.h).fill(item.background);
          for (const child of item.items) drawItem(child);
          doc.restore();
        };
        // A group with a tag of its own is one element (a figure); a group without one only places its items.
        if ('struct' in item.tag && item.tag.struct.length === 0) {
          drawGroup();
        } else {
          tagged(item.tag, () => {
            const outer = insideFigure;
            insideFigure = true;
            drawGroup();
            insideFigure = outer;
          });
        }
        break;
      }
      case 'image': {
        const picture = embedded.get(item.image.id) ?? item.image;
        if (picture.format === 'svg') {
          tagged(item.tag, () => drawSvg(picture, item.x, item.y, item.w, item.h));
          break;
        }
        // Opened once per document: every use draws the same image object.
        let image = images.get(item.image.id);
        if (!image) images.set(item.image.id, (image = (doc as unknown as { openImage(src: Buffer): object }).openImage(picture.bytes)));
        const opened = image;
        tagged(item.tag, () => doc.image(opened as never, item.x, item.y, { width: item.w, height: item.h }));
        break;
      }
      default:
        assertNever(item);
    }
  };
  /** pdfkit's image objects (its typings do not declare openImage), by picture id. */
  const images = new Map<string, object>();

  /**
   * An SVG as vectors into its box (svg-to-pdfkit). Its text is set in the briefing's faces, embedded like the rest:
   * PT Serif for a serif family, PT Sans for any other, so every output draws it alike (the deck's PNG fallback too).
   */
  const drawSvg = (image: ImageSource, x: number, y: number, w: number, h: number) => {
    doc.save();
    svgToPdf!(doc, image.bytes.toString('utf8'), x, y, {
      width: w, height: h, preserveAspectRatio: 'xMidYMid meet', assumePt: false,
      fontCallback: (family: string, bold: boolean, italic: boolean) => {
        const serif = /(^|[\s,'"])serif\b/i.test(family.replace(/sans-serif/gi, '')) || /times|georgia|garamond|pt serif/i.test(family);
        const face = fonts.face({ family: serif ? 'serif' : 'sans', weight: bold ? 'bold' : 'regular', italic });
        if (!registered.has(face.id)) {
          doc.registerFont(face.id, pdfFont(face) as never);
          registered.add(face.id);
        }
        return face.id;
      },
      // What svg-to-pdfkit cannot draw is left out of the picture; the SVG was checked when it was read.
      warningCallback: () => undefined,
    });
    doc.restore();
  };

  for (const frame of frames) {
    doc.addPage({ size: [frame.width, frame.height], margin: 0 });
    fill = undefined;
    if (frame.background) {
      tagged({ artifact: 'Background' }, () => doc.rect(0, 0, frame.width, frame.height).fill(frame.background!));
    }
    for (const item of frame.items) drawItem(item);
  }
  root.end();
  doc.end();
  return finished;
}

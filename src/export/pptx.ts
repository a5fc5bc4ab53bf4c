// Slide frames + metadata in, PPTX bytes out (pptxgenjs): editable text boxes at the laid-out positions, then finished.
import pptxgenjs from 'pptxgenjs';
import type PptxGenJSTypes from 'pptxgenjs';
import type { Frame, FrameItem, ImageItem, RuleItem, Tag, TextItem } from '../layout/frame.js';
import { assertNever } from '../parse/doc.js';
import type { Run } from '../layout/text.js';
import { presentationParts } from './pptx-parts.js';
import { bulletCode, finishPptx, FIGURE_SHAPE_PREFIX, NO_BULLET_CODE, TITLE_SHAPE_NAME, type BulletStyle } from './pptx-finish.js';
import { fontRegistryFor, type FontFamily, type FontRegistry } from '../layout/fonts.js';
import type { TextStyle } from '../layout/text.js';
import { deckFont, officeFontName } from './pptx-fonts.js';

/** Bottom room of a text box set in a font the viewers were not calibrated against (`RunFonts.bottomAllowance`), in ems of its largest size. */
const BRAND_FONT_ALLOWANCE_EM = 0.1;
import { embeddedFontsOf, type EmbeddedFont } from './pptx-embed.js';
import { largestPlacements } from './placements.js';
import { atMaxDpi } from './downscale.js';
import { svgAsPng } from './svg-raster.js';
import type { ImageSource } from '../load/image.js';

export interface PptxMetadata {
  title: string;
  author: string;
  subject: string;
  lang: string;
  date: Date;
}

const inches = (points: number) => points / 72;
const hex = (color: string) => color.replace('#', '').toUpperCase();

/** The fonts a deck is set in: the build's registry and the theme's slide font roles. */
export interface DeckFonts {
  fonts: FontRegistry;
  body: FontFamily;
  heading: FontFamily;
}

const DEFAULT_DECK_FONTS = (): DeckFonts => ({ fonts: fontRegistryFor(undefined), body: 'slides', heading: 'slides' });

/** How runs name their font: the typeface of the face the layout measured, bold only where that face is bold (never a faked bold). */
class RunFonts {
  constructor(readonly deck: DeckFonts) {}

  typeface(family: FontFamily): string {
    return officeFontName(family, this.deck.fonts);
  }

  /**
   * Room below a text box set in a font without a metric twin: LibreOffice sets such a font's lines up to 0.075 em lower
   * than the layout (and PowerPoint) do — Lora's last line reached 3 pt below a 40 pt title's box. The box is anchored
   * at the top, so the extra height moves nothing in viewers that set the lines where the layout did.
   */
  bottomAllowance(item: TextItem): number {
    let largest = 0;
    for (const paragraph of item.paragraphs) {
      for (const run of paragraph.layout.spec.runs) if (!deckFont(run.style.family, this.deck.fonts).twin) largest = Math.max(largest, run.style.sizePt);
    }
    return largest * BRAND_FONT_ALLOWANCE_EM;
  }

  /** The face's own weight and slant: a style the family lacks was measured in the face it falls back to. */
  shape(style: Pick<TextStyle, 'family' | 'weight' | 'italic'>): { bold: boolean; italic: boolean } {
    const face = this.deck.fonts.face(style).spec;
    return { bold: face.weight === 'bold', italic: face.italic };
  }
}

export async function exportPptx(frames: Frame[], meta: PptxMetadata, deckFonts: DeckFonts = DEFAULT_DECK_FONTS()): Promise<Buffer> {
  const runFonts = new RunFonts(deckFonts);
  // The package's CJS build puts the class on `default` when loaded from ESM under NodeNext typing.
  const PptxGenJS = ((pptxgenjs as unknown as { default?: unknown }).default ?? pptxgenjs) as unknown as new () => Pptx;
  const pptx = new PptxGenJS();
  const first = frames[0];
  pptx.defineLayout({ name: 'BRIEFKIT', width: inches(first?.width ?? 960), height: inches(first?.height ?? 540) });
  pptx.layout = 'BRIEFKIT';
  pptx.title = meta.title;
  pptx.author = meta.author;
  pptx.subject = meta.subject;
  pptx.company = 'briefkit';
  pptx.theme = { headFontFace: runFonts.typeface(deckFonts.heading), bodyFontFace: runFonts.typeface(deckFonts.body) };

  // Each raster picture at no more than 300 dpi of its largest size on the slides; an SVG as itself, with a PNG at
  // 300 dpi for viewers that do not draw SVG (PowerPoint before 2016, LibreOffice's fallback), as PowerPoint writes it.
  const embedded = new Map<string, ImageSource>();
  const svgFallbacks: { svg: Buffer; png: Buffer }[] = [];
  for (const [id, placed] of largestPlacements(frames)) {
    embedded.set(id, await atMaxDpi(placed.image, placed.widthPt, placed.heightPt));
    if (placed.image.format === 'svg') svgFallbacks.push({ svg: placed.image.bytes, png: await svgAsPng(placed.image, placed.widthPt, placed.heightPt) });
  }
  const imageProps = (item: ImageItem) => pictureProps(item, embedded.get(item.image.id) ?? item.image);

  // Each slide layout the frames use is a named layout of the deck (PowerPoint's Layout menu offers it for new
  // slides), in the order first used; pictures that stand at the same place on every slide (the logo) are on it, one
  // object to edit. Placeholders are left out: pptxgenjs writes an empty copy of each onto every slide of its layout.
  const masterItems = frames.find((frame) => frame.items.some(isMasterItem))?.items.filter(isMasterItem) ?? [];
  const layoutOf = (frame: Frame) => masterName(frame.layout);
  for (const name of [...new Set(frames.map(layoutOf))]) {
    const onThis = frames.some((frame) => layoutOf(frame) === name && frame.items.some(isMasterItem));
    pptx.defineSlideMaster({
      title: name,
      background: { color: hex(frames.find((frame) => layoutOf(frame) === name)?.background ?? '#FFFFFF') },
      objects: onThis ? masterItems.map((item) => ({ image: { ...imageProps(item), altText: item.alt } })) : [],
    } as unknown as PptxGenJSTypes.default.SlideMasterProps);
  }

  const bullets = new BulletRegistry();
  for (const frame of frames) {
    const slide = pptx.addSlide({ masterName: layoutOf(frame) });
    if (frame.background) slide.background = { color: hex(frame.background) };
    for (const item of frame.items) addItem(slide, item, TOP_LEVEL, bullets, runFonts, imageProps);
    if (frame.notes && frame.notes.length > 0) slide.addNotes(frame.notes.join('\n\n'));
  }
  const raw = await presentationParts(pptx as never);
  const fonts: EmbeddedFont[] = embeddedFontsOf(frames, deckFonts.fonts);
  return finishPptx(raw, { date: meta.date, lang: meta.lang, altTexts: figureAltTexts(frames), bullets: bullets.styles, fonts, svgFallbacks });
}

/** The distinct bullets of the deck, each with its placeholder character for the finisher (`bulletCode`). */
class BulletRegistry {
  readonly styles: BulletStyle[] = [];
  private readonly codes = new Map<string, string>();

  code(style: BulletStyle): string {
    const key = `${style.text}\u0000${style.font}\u0000${style.colour}`;
    let code = this.codes.get(key);
    if (!code) {
      code = bulletCode(this.styles.length);
      this.styles.push(style);
      this.codes.set(key, code);
    }
    return code;
  }
}

/** The name of the deck's slide layout for a frame's layout ("Two columns"); frames without one use "Content". */
const LAYOUT_TITLES: Record<NonNullable<Frame['layout']>, string> = {
  title: 'Title', section: 'Section divider', statement: 'Statement', bullets: 'Bullets', 'two-column': 'Two columns',
  'key-numbers': 'Key numbers', quote: 'Quotation', figure: 'Figure', table: 'Table',
};
const masterName = (layout: Frame['layout']) => (layout ? LAYOUT_TITLES[layout] : 'Content');

const isMasterItem = (item: FrameItem): item is ImageItem => item.kind === 'image' && Boolean(item.onMaster);

/**
 * EXIF orientation → the flip and clockwise turn that show the stored pixels upright. PPTX viewers draw a picture's
 * pixels as stored, so the picture is turned and mirrored as a shape (DrawingML flips first, then rotates).
 */
const EXIF_TRANSFORMS: Record<number, { rotate: number; flipH?: boolean; flipV?: boolean }> = {
  1: { rotate: 0 }, 2: { rotate: 0, flipH: true }, 3: { rotate: 180 }, 4: { rotate: 0, flipV: true },
  5: { rotate: 90, flipV: true }, 6: { rotate: 90 }, 7: { rotate: 90, flipH: true }, 8: { rotate: 270 },
};

type PictureProps = { x: number; y: number; w: number; h: number; data: string; rotate?: number; flipH?: boolean; flipV?: boolean };

/**
 * A picture's place and bytes (`picture`: as embedded, perhaps downscaled) as pptxgenjs takes them (data URL: no file
 * to go missing, no hang), turned upright.
 */
function pictureProps(item: ImageItem, picture: ImageSource): PictureProps {
  const data = `image/${picture.format === 'svg' ? 'svg+xml' : picture.format};base64,${picture.bytes.toString('base64')}`;
  const transform = EXIF_TRANSFORMS[picture.orientation] ?? EXIF_TRANSFORMS[1]!;
  // A quarter turn: the shape holds the stored pixels (width and height swapped) about the same centre.
  const quarter = transform.rotate % 180 !== 0;
  const [w, h] = quarter ? [item.h, item.w] : [item.w, item.h];
  const x = item.x + (item.w - w) / 2;
  const y = item.y + (item.h - h) / 2;
  return {
    x: inches(x), y: inches(y), w: inches(w), h: inches(h), data,
    ...(transform.rotate ? { rotate: transform.rotate } : {}), ...(transform.flipH ? { flipH: true } : {}), ...(transform.flipV ? { flipV: true } : {}),
  };
}

type Pptx = PptxGenJSTypes.default;
type Slide = ReturnType<Pptx['addSlide']>;

/**
 * Where an item's parent lies on the slide, and the tag of the group it is part of (a figure names its shapes). PPTX
 * shapes are placed on the slide, so a group's offset is added to its items'.
 */
interface Origin {
  x: number;
  y: number;
  groupTag?: Tag;
}
const TOP_LEVEL: Origin = { x: 0, y: 0 };

interface CustomGeometry {
  left: number;
  top: number;
  width: number;
  height: number;
  points: readonly object[];
}

/** A remembered map's paths are the same arrays in every deck: their geometry is worked out once (pptxgenjs only reads it). */
const geometries = new WeakMap<object, { closed?: CustomGeometry | undefined; open?: CustomGeometry | undefined }>();

/** A custom-geometry shape: its box and its points relative to it, in inches (pptxgenjs converts to EMU); none for fewer than 2 points. */
function customGeometry(subpaths: readonly (readonly (readonly [number, number])[])[], closed: boolean): CustomGeometry | undefined {
  let known = geometries.get(subpaths);
  if (!known) geometries.set(subpaths, (known = {}));
  const key = closed ? 'closed' : 'open';
  if (key in known) return known[key];
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity, count = 0;
  for (const subpath of subpaths) {
    for (const [x, y] of subpath) {
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x);
      bottom = Math.max(bottom, y);
      count++;
    }
  }
  const geometry = count < 2 ? undefined : {
    left, top, width: Math.max(0.01, right - left), height: Math.max(0.01, bottom - top),
    points: subpaths.flatMap((subpath) => [
      ...subpath.map(([x, y], index) => ({ x: inches(x - left), y: inches(y - top), ...(index === 0 ? { moveTo: true } : {}) })),
      ...(closed ? [{ close: true }] : []),
    ]),
  };
  known[key] = geometry;
  return geometry;
}

function addItem(slide: Slide, placed: FrameItem, origin: Origin, bullets: BulletRegistry, runFonts: RunFonts, imageProps: (item: ImageItem) => PictureProps): void {
  const item = moved(placed, origin);
  const figureName = (tag: Tag) => nameOf(origin.groupTag ?? tag);
  switch (item.kind) {
    case 'rect':
      slide.addShape('rect', {
        x: inches(item.x), y: inches(item.y), w: inches(item.w), h: inches(item.h),
        fill: item.fill ? { color: hex(item.fill), transparency: transparency(item.opacity) } : { type: 'none' },
        line: item.stroke ? { color: hex(item.stroke), width: item.strokeWidth ?? 1 } : { type: 'none' },
        ...figureName(item.tag),
      } as PptxGenJSTypes.default.ShapeProps);
      break;
    case 'rule':
      // A dashed rule is drawn as its dashes, each a solid line, where the PDF's dash pattern puts them: viewers' own
      // dash presets scale with the line width and differ (LibreOffice draws a short thick dash as a solid bar).
      if (item.dash) {
        for (const dash of dashesOf(item)) addItem(slide, dash, { ...TOP_LEVEL, ...(origin.groupTag ? { groupTag: origin.groupTag } : {}) }, bullets, runFonts, imageProps);
        break;
      }
      slide.addShape('line', {
        x: inches(Math.min(item.x1, item.x2)), y: inches(Math.min(item.y1, item.y2)),
        w: inches(Math.abs(item.x2 - item.x1)), h: inches(Math.abs(item.y2 - item.y1)),
        flipV: (item.x2 - item.x1) * (item.y2 - item.y1) < 0,
        line: { color: hex(item.colour), width: item.width },
        ...figureName(item.tag),
      } as PptxGenJSTypes.default.ShapeProps);
      break;
    case 'ellipse':
      slide.addShape('ellipse', {
        x: inches(item.x), y: inches(item.y), w: inches(item.w), h: inches(item.h),
        fill: item.fill ? { color: hex(item.fill), transparency: transparency(item.opacity) } : { type: 'none' },
        line: item.stroke ? { color: hex(item.stroke), width: item.strokeWidth ?? 1, transparency: transparency(item.opacity) } : { type: 'none' },
        ...figureName(item.tag),
      } as PptxGenJSTypes.default.ShapeProps);
      break;
    case 'path': {
      const geometry = customGeometry(item.subpaths, item.closed);
      if (!geometry) break;
      const { left, top, width, height, points } = geometry;
      slide.addShape('custGeom' as PptxGenJSTypes.default.SHAPE_NAME, {
        x: inches(left), y: inches(top), w: inches(width), h: inches(height), points,
        fill: item.fill ? { color: hex(item.fill), transparency: transparency(item.opacity) } : { type: 'none' },
        line: item.stroke ? { color: hex(item.stroke), width: item.strokeWidth ?? 1 } : { type: 'none' },
        ...figureName(item.tag),
      } as unknown as PptxGenJSTypes.default.ShapeProps);
      break;
    }
    case 'text':
      if (item.field === 'slide-number') {
        const run = item.paragraphs[0]?.layout.spec.runs[0];
        slide.slideNumber = {
          x: inches(item.x), y: inches(item.y), w: inches(item.w), h: inches(item.h),
          fontFace: runFonts.typeface(run?.style.family ?? runFonts.deck.body), fontSize: run?.style.sizePt ?? 12, color: hex(run?.style.colour ?? '#000000'),
          align: item.paragraphs[0]?.layout.spec.align === 'right' ? 'right' : 'left', margin: 0, valign: 'top',
        } as PptxGenJSTypes.default.SlideNumberProps;
        break;
      }
      slide.addText(textRuns(item, bullets, runFonts), {
        x: inches(item.x), y: inches(item.y), w: inches(item.w), h: inches(item.h + runFonts.bottomAllowance(item)),
        margin: 0, valign: 'top', wrap: true, isTextBox: true, autoFit: false, fontFace: runFonts.typeface(runFonts.deck.body),
        ...(item.slideTitle ? { objectName: TITLE_SHAPE_NAME } : figureName(item.tag)),
      });
      break;
    case 'table': {
      const rows = item.rows.map((row) =>
        row.cells.map((cell) => ({
          text: textRuns(cell.item, bullets, runFonts),
          options: { fill: cell.fill ? { color: hex(cell.fill) } : undefined, valign: 'top' as const, margin: [item.padding, item.padding, item.padding, item.padding] },
        })),
      );
      slide.addTable(rows as PptxGenJSTypes.default.TableRow[], {
        x: inches(item.x), y: inches(item.y), w: inches(item.columns.reduce((a, b) => a + b, 0)),
        colW: item.columns.map(inches), rowH: item.rows.map((row) => inches(row.height)),
        border: { type: 'solid', pt: 0.75, color: hex(item.borderColor) }, autoPage: false,
      });
      break;
    }
    case 'image':
      if (item.onMaster && origin === TOP_LEVEL) break; // on the slide master
      slide.addImage({ ...imageProps(item), altText: altOf(origin.groupTag ?? item.tag) || item.alt, ...figureName(item.tag) } as PptxGenJSTypes.default.ImageProps);
      break;
    case 'group':
      // pptxgenjs writes no group shapes: the items go onto the slide one by one, named after their figure, and the
      // finisher gathers each figure's shapes into one group.
      if (item.scale !== 1) throw new Error('internal: a scaled group on a slide (scaled groups are for handout pages)');
      for (const child of item.items) addItem(slide, child, { x: item.x, y: item.y, groupTag: 'struct' in item.tag && item.tag.struct.length === 0 ? origin.groupTag : item.tag }, bullets, runFonts, imageProps);
      break;
    default:
      assertNever(item);
  }
}

/** The item moved by its parent's offset (table cells stay relative to their table: PPTX places them itself). */
function moved(item: FrameItem, origin: Origin): FrameItem {
  if (origin.x === 0 && origin.y === 0) return item;
  switch (item.kind) {
    case 'rule':
      return { ...item, x1: item.x1 + origin.x, x2: item.x2 + origin.x, y1: item.y1 + origin.y, y2: item.y2 + origin.y };
    case 'path':
      return { ...item, subpaths: item.subpaths.map((subpath) => subpath.map(([x, y]) => [x + origin.x, y + origin.y] as [number, number])) };
    case 'text':
    case 'rect':
    case 'ellipse':
    case 'table':
    case 'group':
    case 'image':
      return { ...item, x: item.x + origin.x, y: item.y + origin.y };
    default:
      return assertNever(item);
  }
}

/** The alt text of a figure's tag, or none (a decorative picture, such as a logo). */
function altOf(tag: Tag): string {
  return 'struct' in tag ? (tag.struct.find((level) => level.alt)?.alt ?? '') : '';
}

/** Figure id → alt text, for every figure on the slides (figures are tagged groups). */
function figureAltTexts(frames: Frame[]): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (item: FrameItem) => {
    const figure = 'struct' in item.tag ? item.tag.struct.find((level) => level.role === 'Figure') : undefined;
    if (figure?.alt) out[figure.id] = figure.alt;
    if (item.kind === 'group') item.items.forEach(visit);
  };
  for (const frame of frames) frame.items.forEach(visit);
  return out;
}

const transparency = (opacity: number | undefined) => (opacity === undefined ? 0 : Math.round((1 - opacity) * 100));

/** Shapes of a figure are named after it, so that the finisher can give each the figure's alt text. */
function nameOf(tag: Tag): { objectName?: string } {
  const figure = 'struct' in tag ? tag.struct.find((level) => level.role === 'Figure') : undefined;
  return figure ? { objectName: `${FIGURE_SHAPE_PREFIX}${figure.id}` } : {};
}

/** The dashes of a dashed rule (dash on, dash off, from its start), as solid rules. */
function dashesOf(rule: RuleItem): RuleItem[] {
  const dash = rule.dash ?? 0;
  const length = Math.hypot(rule.x2 - rule.x1, rule.y2 - rule.y1);
  if (dash <= 0 || length === 0) return [{ ...rule, dash: undefined }];
  const [ux, uy] = [(rule.x2 - rule.x1) / length, (rule.y2 - rule.y1) / length];
  const out: RuleItem[] = [];
  for (let start = 0; start < length; start += 2 * dash) {
    const end = Math.min(start + dash, length);
    out.push({ ...rule, dash: undefined, x1: rule.x1 + ux * start, y1: rule.y1 + uy * start, x2: rule.x1 + ux * end, y2: rule.y1 + uy * end });
  }
  return out;
}

/** The text box's paragraphs as pptxgenjs runs; the last run of each paragraph ends it (breakLine). */
function textRuns(item: TextItem, bullets: BulletRegistry, runFonts: RunFonts): PptxGenJSTypes.default.TextProps[] {
  const out: PptxGenJSTypes.default.TextProps[] = [];
  item.paragraphs.forEach((placed, paragraphIndex) => {
    const spec = placed.layout.spec;
    const isLast = paragraphIndex === item.paragraphs.length - 1;
    const runs: Run[] = spec.runs.length > 0 ? spec.runs : [{ text: '', style: { family: runFonts.deck.body, weight: 'regular', italic: false, sizePt: 12, colour: '#000000' } }];
    runs.forEach((run, runIndex) => {
      out.push({
        text: run.text,
        options: {
          fontFace: runFonts.typeface(run.style.family), fontSize: run.style.sizePt, ...runFonts.shape(run.style), color: hex(run.style.colour),
          align: spec.align, lineSpacing: spec.lineHeightPt, paraSpaceAfter: isLast ? 0 : spec.spaceAfterPt,
          // A placeholder character that the finisher replaces with the bullet, its font, colour and size named.
          ...(spec.bullet ? { bullet: { indent: spec.indentPt, characterCode: bullets.code({ text: spec.bullet.text, font: runFonts.typeface(spec.bullet.style.family), colour: hex(spec.bullet.style.colour) }) } } : {}),
          // An indented paragraph without a bullet (a bullet continued from the previous slide): pptxgenjs only indents
          // bulleted paragraphs, so it gets a placeholder bullet that the finisher turns into `<a:buNone/>`, first line unhung.
          ...(!spec.bullet && spec.indentPt > 0 ? { bullet: { indent: spec.indentPt, characterCode: NO_BULLET_CODE } } : {}),
          ...(run.link ? { hyperlink: { url: run.link } } : {}),
          ...(runIndex === runs.length - 1 && !isLast ? { breakLine: true } : {}),
        } as PptxGenJSTypes.default.TextPropsOptions,
      });
    });
  });
  return out;
}

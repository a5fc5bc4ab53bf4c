// Frame types: what layout hands to every backend — pages and slides as items placed relative to their parent, in points.
import type { Line, ParagraphLayout } from './text.js';
import type { ImageSource } from '../load/image.js';
import type { SlideLayoutKind } from '../parse/doc.js';

/** One level of the tagged-PDF structure an item belongs to, outermost first; equal ids mean the same element. */
export interface StructLevel {
  role: 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'BlockQuote' | 'Figure';
  id: string;
  /** Bookmark title, for section headings. */
  outline?: string;
  /** Alternative text, for figures. */
  alt?: string;
}

/**
 * Where an item belongs in the tagged structure: a path of elements, or an artifact. Inside a group that is itself tagged
 * (a figure, a slide on a handout page), the group is the element and its items carry `INSIDE_GROUP`.
 */
export type Tag = { struct: StructLevel[] } | { artifact: 'Pagination' | 'Layout' | 'Background' };

/** The tag of an item that is part of its enclosing group's element. */
export const INSIDE_GROUP: Tag = { struct: [] };

export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  w: number;
  h: number;
  paragraphs: PlacedParagraph[];
  tag: Tag;
  /** Where the text came from, for diagnostics ("slide 3 title", "sections[1].heading"). */
  source?: string;
  /** The slide's title: the PPTX marks it as the title placeholder, so outlines and screen readers find it. */
  slideTitle?: boolean;
  /** A field the viewer fills in (the PPTX writes a live slide-number field). */
  field?: 'slide-number';
}

/** A paragraph inside a text box: its spec, its lines (relative to the box), and its offset in the box. */
export interface PlacedParagraph {
  layout: ParagraphLayout;
  /** Top of the first line relative to the box, points. */
  top: number;
  /** Lines shown here (a paragraph split over pages shows a slice). */
  lines: Line[];
  tag?: Tag;
}

/** How a shape is painted: fill and/or stroke (hex colours), stroke width in points, opacity 0–1 (fuzzy dates are faded). */
export interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  opacity?: number;
}

export interface RectItem extends Paint {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  tag: Tag;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  dash?: number;
  tag: Tag;
}

export interface TableCell {
  /** The cell's text, placed relative to the table's top left corner. */
  item: TextItem;
  fill?: string;
}

export interface TableItem {
  kind: 'table';
  x: number;
  y: number;
  columns: number[];
  rows: { height: number; cells: TableCell[]; header: boolean }[];
  padding: number;
  borderColor: string;
  tag: Tag;
  source?: string;
}

export interface EllipseItem extends Paint {
  kind: 'ellipse';
  /** Bounding box, points. */
  x: number;
  y: number;
  w: number;
  h: number;
  tag: Tag;
}

/** Polygons or polylines (map outlines, lead lines): each subpath a list of [x, y] points in frame coordinates. */
export interface PathItem extends Paint {
  kind: 'path';
  subpaths: [number, number][][];
  closed: boolean;
  tag: Tag;
}

/**
 * Items drawn with their own origin and scale: a figure on a page or slide (scale 1), a slide on a handout page. The
 * group's items are placed in the group's own points; (x, y) is where its origin lies in the parent.
 */
export interface GroupItem {
  kind: 'group';
  x: number;
  y: number;
  /** Parent points per group point. */
  scale: number;
  /** The group's box in its own points: what `clip` cuts to and `background` fills. */
  w: number;
  h: number;
  items: FrameItem[];
  background?: string;
  clip?: boolean;
  tag: Tag;
}

/** A picture (PNG or JPEG) drawn into the box; the same picture in many places is embedded once. */
export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  image: ImageSource;
  /** What the picture shows, for readers that cannot see it (a logo: "Logo"). */
  alt: string;
  tag: Tag;
  /**
   * The same picture at the same place on every slide (the logo): a deck puts it on the slide master, one object to
   * edit, instead of on each slide.
   */
  onMaster?: boolean;
}

export type FrameItem = TextItem | RectItem | RuleItem | TableItem | GroupItem | EllipseItem | PathItem | ImageItem;

export interface Frame {
  kind: 'page' | 'slide';
  width: number;
  height: number;
  background?: string;
  items: FrameItem[];
  /** Speaker notes (slides): paragraphs of plain text. */
  notes?: string[];
  /** Slide title or page label, for diagnostics and the PPTX. */
  title?: string;
  /** Slides: the slide layout it uses (the PPTX creates the slide from the layout of that name). */
  layout?: SlideLayoutKind;
}

// What a figure kind provides: its data from the article (for the Doc node), and its items on a page and on slides.
import type { Article } from '../../model/article.js';
import type { Labels } from '../../render/labels.js';
import type { Theme } from '../../model/theme.js';
import type { FontRegistry } from '../fonts.js';
import type { FrameItem } from '../frame.js';

export interface FigureContext {
  theme: Theme;
  fonts: FontRegistry;
  lang: string;
  /** On a page: the height of its text block (between the margins), which a picture takes at most 45 % of. */
  bodyHeightPt?: number;
}

/** A piece of a figure in the briefing's flow: its items relative to the piece's top left corner, kept on one page. */
export interface PagePiece {
  heightPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  items: FrameItem[];
}

/** A part of a figure on slides: its items relative to the slide body's top left corner; `weight` shares out the notes. */
export interface SlidePart {
  items: FrameItem[];
  weight: number;
  /** What this part shows, for its alt text (a part of a split figure describes itself, not the whole figure). */
  alt?: string;
  /** On the first part: what the slides leave out of the figure and where it is instead, for a warning on the field. */
  leftOut?: { path: string; message: string };
}

export interface FigureKind<Data> {
  /**
   * The figure's data and alt text, taken from the article (`file`, when it came from one, is where relative paths
   * start); null when there is nothing to draw (no events, no places).
   */
  fromArticle(article: Article, labels: Labels, attributes: Record<string, string>, file?: string): { data: Data; alt: string } | null;
  /** On a page `widthPt` wide: pieces of the flow, each of which may go to the next page on its own. */
  onPage(data: Data, context: FigureContext, widthPt: number): PagePiece[];
  /** In a slide body of the size given: as many parts as it needs, each on a slide of its own. */
  onSlides(data: Data, context: FigureContext, body: { widthPt: number; heightPt: number }): SlidePart[];
}

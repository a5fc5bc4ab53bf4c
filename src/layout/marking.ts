// A protective marking ("OFFICIAL — FOR INTERNAL USE") + a place in, one centred line out, set smaller until it fits.
import type { FontFamily, FontRegistry } from './fonts.js';
import type { TextItem } from './frame.js';
import { layoutParagraph, type ParagraphLayout } from './text.js';
import { plainRuns } from './runs.js';

export interface MarkingPlace {
  x: number;
  y: number;
  width: number;
  family: FontFamily;
  sizePt: number;
  colour: string;
  fonts: FontRegistry;
  lang: string;
}

const MIN_SIZE_PT = 6;

/** The marking on one line, centred in `width`: at its size, or smaller (down to 6 pt) when it would wrap; never cut. */
export function markingLine(text: string, place: MarkingPlace): TextItem {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lay = (sizePt: number): ParagraphLayout => layoutParagraph({
    runs: plainRuns(flat, { family: place.family, sizePt, colour: place.colour, bold: true }),
    align: 'center', lineHeightPt: sizePt * 1.25, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false, breakAfterHyphen: false,
  }, place.width, place.fonts, place.lang);
  let layout = lay(place.sizePt);
  for (let sizePt = place.sizePt - 0.5; layout.lines.length > 1 && sizePt >= MIN_SIZE_PT; sizePt -= 0.5) layout = lay(sizePt);
  return { kind: 'text', x: place.x, y: place.y, w: place.width, h: layout.height, tag: { artifact: 'Pagination' }, source: 'marking', paragraphs: [{ layout, top: 0, lines: layout.lines }] };
}

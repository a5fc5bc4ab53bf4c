// Doc inlines + a base style in, styled text runs out (bold, italic and links resolved to typed styles).
import { assertNever, type Inline } from '../parse/doc.js';
import type { FontFamily } from './fonts.js';
import type { Run, TextStyle } from './text.js';

export interface RunBase {
  family: FontFamily;
  sizePt: number;
  colour: string;
  bold?: boolean;
  italic?: boolean;
  linkColour?: string;
}

export function runsFromInlines(inlines: readonly Inline[], base: RunBase): Run[] {
  const runs: Run[] = [];
  const style = (bold: boolean, italic: boolean, link: string | undefined): TextStyle => ({
    family: base.family, weight: bold ? 'bold' : 'regular', italic, sizePt: base.sizePt,
    colour: link && base.linkColour ? base.linkColour : base.colour,
    ...(link ? { underline: true } : {}),
  });
  const walk = (nodes: readonly Inline[], bold: boolean, italic: boolean, link: string | undefined): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          runs.push({ text: node.value, style: style(bold, italic, link), ...(link ? { link } : {}) });
          break;
        case 'break':
          runs.push({ text: '\n', style: style(bold, italic, undefined) });
          break;
        case 'strong':
          walk(node.children, true, italic, link);
          break;
        case 'emphasis':
          walk(node.children, bold, !italic, link);
          break;
        case 'link':
          walk(node.children, bold, italic, node.url);
          break;
        default:
          assertNever(node);
      }
    }
  };
  walk(inlines, Boolean(base.bold), Boolean(base.italic), undefined);
  return mergeRuns(runs);
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.family === b.family && a.weight === b.weight && a.italic === b.italic && a.sizePt === b.sizePt && a.colour === b.colour && Boolean(a.underline) === Boolean(b.underline);
}

/** Adjacent runs with the same style and link become one, so fragments stay whole words. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.link === run.link && sameStyle(last.style, run.style)) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

export function plainRuns(text: string, base: RunBase): Run[] {
  return runsFromInlines([{ type: 'text', value: text }], base);
}

/** A style of the base (no bold or italic unless it says so), for bullets and marks drawn beside runs. */
export function baseStyle(base: RunBase): TextStyle {
  return { family: base.family, weight: base.bold ? 'bold' : 'regular', italic: Boolean(base.italic), sizePt: base.sizePt, colour: base.colour };
}

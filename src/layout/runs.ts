// Doc inlines + a base style in, styled text runs out (bold, italic and links resolved to font faces).
import { assertNever, type Inline } from '../parse/doc.js';
import { fontKey, type FontRole } from './fonts.js';
import type { Run } from './text.js';

export interface RunBase {
  role: FontRole;
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  linkColor?: string;
}

export function runsFromInlines(inlines: readonly Inline[], base: RunBase): Run[] {
  const runs: Run[] = [];
  const walk = (nodes: readonly Inline[], bold: boolean, italic: boolean, link: string | undefined): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          runs.push({
            text: node.value,
            style: { font: fontKey(base.role, bold, italic), size: base.size, color: link && base.linkColor ? base.linkColor : base.color, ...(link ? { underline: true } : {}) },
            ...(link ? { link } : {}),
          });
          break;
        case 'break':
          runs.push({ text: '\n', style: { font: fontKey(base.role, bold, italic), size: base.size, color: base.color } });
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

/** Adjacent runs with the same style and link become one, so fragments stay whole words. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.link === run.link && JSON.stringify(last.style) === JSON.stringify(run.style)) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

export function plainRuns(text: string, base: RunBase): Run[] {
  return runsFromInlines([{ type: 'text', value: text }], base);
}

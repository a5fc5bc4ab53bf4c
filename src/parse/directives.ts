// remark-directive's leaf syntax for markdown-it: a line `::name[label]{attributes}` in, a `leaf_directive` token out;
// and the attribute list (`#id .class key="value" key=value key`) in, a record out.
import type { MarkdownIt, StateBlock } from 'markdown-it';

const LEAF = /^::([A-Za-z][\w-]*)(?:\[[^\]\n]*\])?(?:\{([^}\n]*)\})?[ \t]*$/;

/** A leaf directive stands alone on its line (up to 3 spaces of indent), as a thematic break does; it interrupts a paragraph. */
export function leafDirectivePlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'leaf_directive', (state: StateBlock, startLine: number, _endLine: number, silent: boolean) => {
    if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const line = state.src.slice(start, state.eMarks[startLine]);
    if (!line.startsWith('::') || line.startsWith(':::')) return false;
    const match = LEAF.exec(line);
    if (!match) return false;
    if (silent) return true;
    const token = state.push('leaf_directive', '', 0);
    token.info = match[1]!;
    token.meta = { attributes: match[2] ?? '' };
    token.map = [startLine, startLine + 1];
    token.markup = '::';
    state.line = startLine + 1;
    return true;
  }, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}

const ATTRIBUTE = /\s*(?:#([^\s#.="'<>`}]+)|\.([^\s#.="'<>`}]+)|([A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`}]+)))?)/y;

/** `#m .wide zoom="5" layout=quote` → `{ id: 'm', class: 'wide', zoom: '5', layout: 'quote' }` (classes joined by a space). */
export function parseDirectiveAttributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  const classes: string[] = [];
  ATTRIBUTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (ATTRIBUTE.lastIndex < source.length && (match = ATTRIBUTE.exec(source))) {
    if (match[1] !== undefined) out.id = decode(match[1]);
    else if (match[2] !== undefined) classes.push(decode(match[2]));
    else if (match[3] !== undefined) out[match[3]] = decode(match[4] ?? match[5] ?? match[6] ?? '');
    if (match[0].length === 0) break;
  }
  if (classes.length > 0) out.class = classes.join(' ');
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character references in a value, as Handlebars writes them (`&amp;`, `&#x27;`, `&#61;`). */
function decode(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z]+));/g, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

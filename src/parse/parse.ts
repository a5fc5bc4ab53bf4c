// Markdown with directives in, a Doc out: markdown-it (CommonMark, GFM tables and autolinks) with remark-directive's
// syntax for `:::container` and `::leaf{attributes}`, its token stream mapped onto our node types.
import MarkdownIt, { type Token } from 'markdown-it';
import containerPlugin from 'markdown-it-container';
import { CONTAINER_NAMES, LEAF_DIRECTIVES, SLIDE_LAYOUTS, type Block, type ContainerName, type Doc, type FigureNode, type Inline, type Position, type SlideLayoutName } from './doc.js';
import { FIGURE_NAMES, isFigureName, type FigureName } from '../layout/figures/index.js';
import { BriefkitError, type Diagnostic, type Result } from '../diagnostics.js';
import { leafDirectivePlugin, parseDirectiveAttributes } from './directives.js';

/** A figure's data and alt text for its directive, or null when it has nothing to draw (it is then left out). */
export type FigureSource = (name: FigureName, attributes: Record<string, string>) => { data: unknown; alt: string } | null;

const NO_FIGURE_DATA: FigureSource = () => null;

/** Every directive name a template may use: containers, leaves and figures (a closed set). */
export const DIRECTIVE_NAMES: { container: readonly string[]; leaf: readonly string[] } = {
  container: CONTAINER_NAMES,
  leaf: [...LEAF_DIRECTIVES, ...FIGURE_NAMES],
};

const markdown = new MarkdownIt('default', { html: true, linkify: true, typographer: false, breaks: false })
  // Any container name is read, so that an unknown one is reported at its place rather than read as text.
  .use(containerPlugin, 'directive', { validate: (params: string) => /^[A-Za-z][\w-]*/.test(params.trim()) })
  .use(leafDirectivePlugin);
// A link's address is the one written (escapes and references read), not percent-encoded: as mdast gives it, and as the
// documents link to it. Which schemes may link is still markdown-it's check (no javascript:, vbscript:, file:, data:).
markdown.normalizeLink = (url: string) => url;
markdown.normalizeLinkText = (text: string) => text;
// GFM's autolink literals: links that start with a scheme or "www.", and e-mail addresses; never a bare "example.org".
markdown.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });
const findLinks = markdown.linkify.match.bind(markdown.linkify);
markdown.linkify.match = (text: string) => (findLinks(text) ?? []).filter((link) => link.schema !== '' || /^www\./i.test(link.raw));
// Links are found once escapes are read: the templates escape the article's text ("example\\.org"), which markdown-it's
// own order (the inline rule, before escaped characters join their text) would cut short.
markdown.inline.ruler.disable('linkify');
const linkifyRule = (markdown.core.ruler as unknown as { __rules__: { name: string; fn: (state: unknown) => void }[] }).__rules__.find((rule) => rule.name === 'linkify')!.fn;
markdown.core.ruler.disable('linkify');
// The rule first tests the paragraph's source, escapes and all: tested without them, so that the text is looked at.
const testLinks = markdown.linkify.test.bind(markdown.linkify);
// (A link has a scheme's colon, an address's @ or "www."; most paragraphs have none, and linkify's own test is costly.)
markdown.linkify.test = (text: string) => /[:@]|www\\?\./i.test(text) && testLinks(text.replace(/\\(?=[!-/:-@[-`{-~])/g, ''));
markdown.core.ruler.after('text_join', 'linkify_after_escapes', linkifyRule as never);

export function parseMarkdown(source: string, file = 'markdown', figures: FigureSource = NO_FIGURE_DATA): Result<Doc> {
  const tokens = markdown.parse(source, {});
  const diagnostics: Diagnostic[] = [];
  const reader = new TokenReader(tokens, source.split('\n'), { file, diagnostics, figures });
  const children = reader.blocks(undefined);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new BriefkitError(errors);
  return { value: { type: 'root', children }, diagnostics };
}

interface ParseContext {
  file: string;
  diagnostics: Diagnostic[];
  figures: FigureSource;
}

/** A block that holds blocks and starts its lines with a marker: where a line's own text begins depends on them. */
interface Enclosing {
  kind: 'item' | 'quote';
  line: number;
}

class TokenReader {
  private index = 0;
  private readonly enclosing: Enclosing[] = [];

  constructor(private readonly tokens: Token[], private readonly lines: string[], private readonly ctx: ParseContext) {}

  /** Blocks until the closing token of type `until` (or the end). */
  blocks(until: string | undefined): Block[] {
    const out: Block[] = [];
    const { file, diagnostics } = this.ctx;
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index]!;
      if (until !== undefined && token.type === until) {
        this.index++;
        return out;
      }
      const position = this.positionOf(token);
      switch (token.type) {
        case 'heading_open': {
          const inline = this.tokens[this.index + 1]!;
          this.index += 3;
          out.push({ type: 'heading', depth: Number(token.tag.slice(1)), children: inlines(inline.children ?? []), position });
          break;
        }
        case 'paragraph_open': {
          const inline = this.tokens[this.index + 1]!;
          this.index += 3;
          out.push({ type: 'paragraph', children: inlines(inline.children ?? []), position });
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          this.index++;
          const close = token.type.replace('_open', '_close');
          const items: Block[][] = [];
          while (this.index < this.tokens.length && this.tokens[this.index]!.type !== close) {
            const item = this.tokens[this.index++]!; // list_item_open
            this.enclosing.push({ kind: 'item', line: item.map?.[0] ?? -1 });
            items.push(this.blocks('list_item_close'));
            this.enclosing.pop();
          }
          this.index++;
          out.push({ type: 'list', ordered: token.type === 'ordered_list_open', items, position });
          break;
        }
        case 'table_open':
          out.push({ ...this.table(), position });
          break;
        case 'container_directive_open': {
          this.index++;
          const name = /^[A-Za-z][\w-]*/.exec(token.info.trim())?.[0] ?? '';
          const children = this.blocks('container_directive_close');
          if (!(CONTAINER_NAMES as readonly string[]).includes(name)) {
            diagnostics.push(unknownDirective(`:::${name}`, DIRECTIVE_NAMES.container.map((n) => `:::${n}`), file, position));
            break;
          }
          out.push({ type: 'container', name: name as ContainerName, children, position });
          break;
        }
        case 'leaf_directive': {
          this.index++;
          const attrs = parseDirectiveAttributes(String((token.meta as { attributes?: string } | null)?.attributes ?? ''));
          const name = token.info;
          if (name === 'slide') {
            const layout = attrs.layout ?? 'content';
            if (!(SLIDE_LAYOUTS as readonly string[]).includes(layout)) {
              diagnostics.push({ severity: 'error', file, line: position?.line, column: position?.column, rule: 'template-directive', message: `::slide has layout "${layout}"; expected one of ${SLIDE_LAYOUTS.join(', ')}` });
              break;
            }
            out.push({ type: 'slide', layout: layout as SlideLayoutName, position });
          } else if (isFigureName(name)) {
            const made = this.ctx.figures(name, attrs);
            if (made) out.push({ type: 'figure', name, data: made.data, alt: made.alt, position } as FigureNode);
          } else {
            diagnostics.push(unknownDirective(`::${name}`, DIRECTIVE_NAMES.leaf.map((n) => `::${n}`), file, position));
          }
          break;
        }
        case 'hr':
          this.index++;
          out.push({ type: 'separator', position });
          break;
        case 'blockquote_open': {
          this.index++;
          this.enclosing.push({ kind: 'quote', line: token.map?.[0] ?? -1 });
          const children = this.blocks('blockquote_close');
          this.enclosing.pop();
          out.push({ type: 'container', name: 'quote', children, position });
          break;
        }
        case 'code_block':
        case 'fence':
        case 'html_block':
          this.index++;
          out.push({ type: 'paragraph', children: [{ type: 'text', value: token.content.replace(/\n$/, '') }], position });
          break;
        default:
          this.index++;
          diagnostics.push({ severity: 'warning', file, line: position?.line, column: position?.column, rule: 'markdown-unsupported', message: `the template produced a "${token.type}" block, which has no layout; it was left out` });
      }
    }
    return out;
  }

  private table(): Extract<Block, { type: 'table' }> {
    const header: Inline[][] = [];
    const rows: Inline[][][] = [];
    let row: Inline[][] | undefined;
    let inHead = false;
    for (this.index++; this.index < this.tokens.length; this.index++) {
      const token = this.tokens[this.index]!;
      if (token.type === 'table_close') break;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') row = [];
      else if (token.type === 'tr_close' && row) (inHead ? header.push(...row) : rows.push(row), (row = undefined));
      else if (token.type === 'inline' && row) row.push(inlines(token.children ?? []));
    }
    this.index++;
    return { type: 'table', header, rows };
  }

  /** Where the block's own text begins: line from its map, column after the markers of the blocks that hold it. */
  private positionOf(token: Token): Position | undefined {
    // An indented code block starts where its line does (its indent is part of it).
    const ownIndent = token.type !== 'code_block';
    if (!token.map) return undefined;
    const lineIndex = token.map[0];
    const text = this.lines[lineIndex] ?? '';
    let at = 0;
    const skipSpaces = () => {
      while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    };
    for (const holder of this.enclosing) {
      skipSpaces();
      if (holder.kind === 'quote' && text[at] === '>') {
        at++;
        if (text[at] === ' ') at++;
      } else if (holder.kind === 'item' && holder.line === lineIndex) {
        const marker = /^(?:[-+*]|\d{1,9}[.)])/.exec(text.slice(at));
        if (marker) at += marker[0].length;
      }
    }
    if (ownIndent) skipSpaces();
    return { line: lineIndex + 1, column: at + 1 };
  }
}

function inlines(tokens: Token[]): Inline[] {
  const root: Inline[] = [];
  // Open emphasis, strong and links, innermost last; inlines go to the innermost's children.
  const open: Extract<Inline, { children: Inline[] }>[] = [];
  // Text (with its escapes and soft line breaks) is one node until markup, code or HTML interrupts it, as in mdast.
  let joinable = false;
  const push = (inline: Inline, joins = false) => {
    if (inline.type === 'text' && inline.value === '') return;
    const into = open.length > 0 ? open[open.length - 1]!.children : root;
    const last = into[into.length - 1];
    if (joins && joinable && last?.type === 'text') into[into.length - 1] = { type: 'text', value: last.value + (inline as { value: string }).value };
    else into.push(inline);
    joinable = joins;
  };
  const openNode = (node: Extract<Inline, { children: Inline[] }>) => {
    push(node);
    open.push(node);
    joinable = false;
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        push({ type: 'text', value: token.content.replace(/\s*\n\s*/g, ' ') }, true);
        break;
      case 'softbreak':
        push({ type: 'text', value: ' ' }, true);
        break;
      case 'hardbreak':
        push({ type: 'break' });
        break;
      case 'em_open':
        openNode({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        openNode({ type: 'strong', children: [] });
        break;
      case 'link_open':
        openNode({ type: 'link', url: String(token.attrGet('href') ?? ''), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        open.pop();
        joinable = false;
        break;
      case 'code_inline':
      case 'html_inline':
        push({ type: 'text', value: token.content });
        break;
      // An image has no place in the documents' text (pictures come from the article's data), nor has its alt text.
      case 'image':
        break;
      default:
        // Strikethrough and anything else a plugin adds: its text is kept, its markup is not.
        if (token.children) for (const child of inlines(token.children)) push(child);
        else if (token.content && token.nesting === 0) push({ type: 'text', value: token.content });
    }
  }
  return trimSoftBreakSpaces(root);
}

/** A soft line break next to spaces makes one space, as the lines' text is joined (CommonMark strips the spaces at line ends). */
function trimSoftBreakSpaces(nodes: Inline[]): Inline[] {
  return nodes.map((node) => (node.type === 'text' ? { type: 'text', value: node.value.replace(/\s*\n\s*/g, ' ') } : 'children' in node ? { ...node, children: trimSoftBreakSpaces(node.children) } : node));
}

function unknownDirective(written: string, known: readonly string[], file: string, position: Position | undefined): Diagnostic {
  return { severity: 'error', file, line: position?.line, column: position?.column, rule: 'template-directive', message: `unknown directive ${written}; the templates may use ${known.join(', ')}` };
}

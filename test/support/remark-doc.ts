// Test support: the parser briefkit used before markdown-it (remark + remark-gfm + remark-directive), kept to prove the Doc is the same.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root, RootContent, PhrasingContent, TableRow } from 'mdast';
import { CONTAINER_NAMES, LEAF_DIRECTIVES, SLIDE_LAYOUTS, type Block, type ContainerName, type Doc, type FigureNode, type Inline, type SlideLayoutName } from '../../src/parse/doc.js';
import { FIGURE_NAMES, isFigureName, type FigureName } from '../../src/layout/figures/index.js';
import { BriefkitError, type Diagnostic, type Result } from '../../src/diagnostics.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** A figure's data and alt text for its directive, or null when it has nothing to draw (it is then left out). */
export type FigureSource = (name: FigureName, attributes: Record<string, string>) => { data: unknown; alt: string } | null;

const NO_FIGURE_DATA: FigureSource = () => null;

/** Every directive name a template may use: containers, leaves and figures (a closed set). */
export const DIRECTIVE_NAMES: { container: readonly string[]; leaf: readonly string[] } = {
  container: CONTAINER_NAMES,
  leaf: [...LEAF_DIRECTIVES, ...FIGURE_NAMES],
};

export function parseMarkdownWithRemark(markdown: string, file = 'markdown', figures: FigureSource = NO_FIGURE_DATA): Result<Doc> {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const diagnostics: Diagnostic[] = [];
  const children = blocks(tree.children, { file, diagnostics, figures });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new BriefkitError(errors);
  return { value: { type: 'root', children }, diagnostics };
}

interface ParseContext {
  file: string;
  diagnostics: Diagnostic[];
  figures: FigureSource;
}

function blocks(nodes: RootContent[], ctx: ParseContext): Block[] {
  const { file, diagnostics } = ctx;
  const out: Block[] = [];
  for (const node of nodes) {
    const position = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
    switch (node.type) {
      case 'heading':
        out.push({ type: 'heading', depth: node.depth, children: inlines(node.children), position });
        break;
      case 'paragraph':
        out.push({ type: 'paragraph', children: inlines(node.children), position });
        break;
      case 'list':
        out.push({ type: 'list', ordered: Boolean(node.ordered), items: node.children.map((item) => blocks(item.children, ctx)), position });
        break;
      case 'table': {
        const [head, ...rows] = node.children;
        const cells = (row: TableRow | undefined) => (row ? row.children.map((cell) => inlines(cell.children)) : []);
        out.push({ type: 'table', header: cells(head), rows: rows.map(cells), position });
        break;
      }
      case 'containerDirective':
        if (!(CONTAINER_NAMES as readonly string[]).includes(node.name)) {
          diagnostics.push(unknownDirective(`:::${node.name}`, DIRECTIVE_NAMES.container.map((n) => `:::${n}`), file, position));
          break;
        }
        out.push({ type: 'container', name: node.name as ContainerName, children: blocks(node.children as RootContent[], ctx), position });
        break;
      case 'leafDirective': {
        const attrs = attributes(node.attributes);
        if (node.name === 'slide') {
          const layout = attrs.layout ?? 'content';
          if (!(SLIDE_LAYOUTS as readonly string[]).includes(layout)) {
            diagnostics.push({ severity: 'error', file, line: position?.line, column: position?.column, rule: 'template-directive', message: `::slide has layout "${layout}"; expected one of ${SLIDE_LAYOUTS.join(', ')}` });
            break;
          }
          out.push({ type: 'slide', layout: layout as SlideLayoutName, position });
        } else if (isFigureName(node.name)) {
          const made = ctx.figures(node.name, attrs);
          if (made) out.push({ type: 'figure', name: node.name, data: made.data, alt: made.alt, position } as FigureNode);
        } else {
          diagnostics.push(unknownDirective(`::${node.name}`, DIRECTIVE_NAMES.leaf.map((n) => `::${n}`), file, position));
        }
        break;
      }
      case 'thematicBreak':
        out.push({ type: 'separator', position });
        break;
      case 'blockquote':
        out.push({ type: 'container', name: 'quote', children: blocks(node.children, ctx), position });
        break;
      case 'code':
        out.push({ type: 'paragraph', children: [{ type: 'text', value: node.value }], position });
        break;
      case 'html':
        out.push({ type: 'paragraph', children: [{ type: 'text', value: node.value }], position });
        break;
      default:
        diagnostics.push({ severity: 'warning', file, line: position?.line, column: position?.column, rule: 'markdown-unsupported', message: `the template produced a "${node.type}" block, which has no layout; it was left out` });
    }
  }
  return out;
}

function inlines(nodes: PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: node.value.replace(/\s*\n\s*/g, ' ') });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: inlines(node.children) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: inlines(node.children) });
        break;
      case 'link':
        out.push({ type: 'link', url: node.url, children: inlines(node.children) });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'inlineCode':
      case 'html':
        out.push({ type: 'text', value: node.value });
        break;
      case 'textDirective':
        // ":name" inside text that the templates did not escape: keep its source characters.
        out.push({ type: 'text', value: `:${node.name}` }, ...inlines(node.children as PhrasingContent[]));
        break;
      default:
        if ('children' in node) out.push(...inlines(node.children as PhrasingContent[]));
        else if ('value' in node) out.push({ type: 'text', value: String(node.value) });
    }
  }
  return out;
}

function attributes(input: Record<string, string | null | undefined> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input ?? {})) if (typeof value === 'string') out[key] = value;
  return out;
}

function unknownDirective(written: string, known: readonly string[], file: string, position: { line: number; column: number } | undefined): Diagnostic {
  return { severity: 'error', file, line: position?.line, column: position?.column, rule: 'template-directive', message: `unknown directive ${written}; the templates may use ${known.join(', ')}` };
}

// Markdown with directives in, a Doc out: remark + remark-gfm + remark-directive, then mdast mapped onto our node types.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root, RootContent, PhrasingContent, TableRow } from 'mdast';
import type { Block, Doc, Inline } from './doc.js';
import type { Diagnostic, Result } from '../diagnostics.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(markdown: string, file = 'markdown'): Result<Doc> {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const diagnostics: Diagnostic[] = [];
  const children = blocks(tree.children, file, diagnostics);
  return { value: { type: 'root', children }, diagnostics };
}

function blocks(nodes: RootContent[], file: string, diagnostics: Diagnostic[]): Block[] {
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
        out.push({ type: 'list', ordered: Boolean(node.ordered), items: node.children.map((item) => blocks(item.children, file, diagnostics)), position });
        break;
      case 'table': {
        const [head, ...rows] = node.children;
        const cells = (row: TableRow | undefined) => (row ? row.children.map((cell) => inlines(cell.children)) : []);
        out.push({ type: 'table', header: cells(head), rows: rows.map(cells), position });
        break;
      }
      case 'containerDirective':
        out.push({ type: 'container', name: node.name, attributes: attributes(node.attributes), children: blocks(node.children as RootContent[], file, diagnostics), position });
        break;
      case 'leafDirective':
        out.push({ type: 'directive', name: node.name, attributes: attributes(node.attributes), position });
        break;
      case 'thematicBreak':
        out.push({ type: 'separator', position });
        break;
      case 'blockquote':
        out.push({ type: 'container', name: 'quote', attributes: {}, children: blocks(node.children, file, diagnostics), position });
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

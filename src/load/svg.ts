// An SVG file's text in, the reason it cannot be drawn safely (malformed at line:col, a script, a reference to another file) or null out.
import { createRequire } from 'node:module';

type FastXmlParser = typeof import('fast-xml-parser');
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Loaded on the first SVG only: a build without one never pays for the XML parser. */
let parser: FastXmlParser | undefined;
const xml = (): FastXmlParser => (parser ??= createRequire(import.meta.url)('fast-xml-parser') as FastXmlParser);

/** Elements that run code or pull in a document of another kind. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignObject', 'iframe', 'object', 'embed', 'audio', 'video']);
/** What an `href` may point at: a part of the same SVG, or a PNG or JPEG carried inside it. */
const INTERNAL_REFERENCE = /^\s*(?:#|data:image\/(?:png|jpeg|jpg);base64,)/i;
/** A CSS `url(...)` or `@import` that leaves the file. */
const EXTERNAL_CSS = /@import|url\(\s*(?!['"]?\s*#)(?!['"]?\s*data:image\/(?:png|jpeg|jpg);)/i;

/** Why the SVG may not be drawn, or null when it may: only its own shapes, text and embedded PNG/JPEG pictures. */
export function svgProblem(text: string): string | null {
  if (/<!ENTITY/i.test(text)) return 'declares XML entities (not allowed in a picture: save the SVG without a DOCTYPE)';
  const valid = xml().XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) return `is not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`;
  const tree = new (xml().XMLParser)({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, parseTagValue: false, trimValues: false }).parse(text) as OrderedNode[];
  const root = tree.find((node) => Object.keys(node).some((key) => key !== ':@' && !key.startsWith('?') && key !== '#comment' && key !== '#text'));
  const rootName = root ? elementName(root) : undefined;
  if (!root || localName(rootName!) !== 'svg') return `is not an SVG picture (its root element is ${rootName ? `<${rootName}>` : 'missing'})`;
  return problemIn(root);
}

function elementName(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@')!;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function problemIn(node: OrderedNode): string | null {
  const name = elementName(node);
  if (name === '#text' || name === '#comment' || name.startsWith('?')) return null;
  const local = localName(name);
  if (FORBIDDEN_ELEMENTS.has(local)) return `holds a <${name}> element (scripts and embedded documents are not drawn: remove it)`;
  for (const [attribute, value] of Object.entries(node[':@'] ?? {})) {
    if (/^on/i.test(localName(attribute))) return `has a script in the ${attribute} attribute of <${name}> (remove it)`;
    if (localName(attribute) === 'href' && !INTERNAL_REFERENCE.test(value)) return `refers to another file (${attribute}="${value.slice(0, 80)}" on <${name}>): embed it in the SVG, or export the picture as a PNG`;
    if (EXTERNAL_CSS.test(value)) return `refers to another file in the ${attribute} attribute of <${name}> (remove the url() or @import)`;
  }
  if (local === 'style') {
    const css = (node[name] as OrderedNode[]).map((child) => String(child['#text'] ?? '')).join('');
    if (EXTERNAL_CSS.test(css)) return 'refers to another file in its <style> (remove the url() or @import)';
  }
  for (const child of (node[name] as OrderedNode[] | undefined) ?? []) {
    const problem = problemIn(child);
    if (problem) return problem;
  }
  return null;
}

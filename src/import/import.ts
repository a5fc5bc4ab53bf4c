// A raw article (text copied from a web page, or Markdown) in, article data that validates out, with a note for every guess.
import { extname } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { ArticleSchema, type Article, type ArticleInput } from '../model/article.js';
import { parseEdtf } from '../model/edtf.js';
import { BriefkitError, type Diagnostic, type Result } from '../diagnostics.js';
import { splitSentences } from '../render/sentences.js';
import { findDates } from './dates.js';
import { detectLanguage } from './language.js';
import { junkReason } from './junk.js';
import { slugify } from './slug.js';

type Block =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'heading'; text: string; line: number; depth: number }
  | { kind: 'list'; items: string[]; ordered: boolean; line: number }
  | { kind: 'quote'; text: string; line: number };

export interface ImportResult {
  /** The data as written to the file: validated, in the schema's field order. */
  data: ArticleInput;
  article: Article;
}

const LIST_ITEM = /^\s*(?:([•·▪‣◦*+-])|(\d{1,3})[.)])\s+(.*)$/u;
const SENTENCE_END = /[.!?…:;»"”)\]]$/u;

export function importArticle(source: string, file: string, options: { lang?: Article['lang'] } = {}): Result<ImportResult> {
  const notes: Diagnostic[] = [];
  const note = (line: number | undefined, message: string, rule = 'import') => notes.push({ severity: 'note', file, line, rule, message });
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const markdown = ['.md', '.markdown'].includes(extname(file).toLowerCase());
  const blocks = markdown ? markdownBlocks(text) : plainBlocks(text, note);
  if (blocks.length === 0) throw new BriefkitError([{ severity: 'error', file, line: 1, column: 1, rule: 'import-empty', message: 'no article text found (only page furniture or nothing at all)' }]);

  // Title: a level-1 Markdown heading, else the first block.
  const titleIndex = Math.max(0, blocks.findIndex((b) => b.kind === 'heading' && b.depth === 1));
  const titleBlock = blocks[titleIndex]!;
  const title = 'text' in titleBlock ? titleBlock.text : 'items' in titleBlock ? titleBlock.items.join(' ') : '';
  note(titleBlock.line, `title: "${title}"`);
  blocks.splice(titleIndex, 1);

  let author: ArticleInput['author'];
  const bylineBlock = blocks[0];
  const byline = bylineBlock && bylineBlock.kind === 'text' ? parseByline(bylineBlock.text) : undefined;
  if (byline && bylineBlock) {
    author = byline;
    note(bylineBlock.line, `byline: author "${byline.name}"${byline.roles.length ? `, roles: ${byline.roles.map((r) => `"${r}"`).join(', ')}` : ''}`);
    blocks.shift();
  } else note(undefined, 'no byline found: the article has no author (add `author:` by hand)');

  const lang = options.lang ?? detectLanguage(blocks.map((b) => ('text' in b ? b.text : b.items.join(' '))).join(' ') || title);
  note(undefined, options.lang ? `language: ${lang} (given)` : `language: ${lang} (detected from the script)`);

  // Headings: Markdown ones, and in plain text short lines without final punctuation followed by body text.
  const sections: { heading?: string; paragraphs: (string | { list: string[]; ordered: boolean } | { quote: string })[] }[] = [];
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    const looksLikeHeading = block.kind === 'text' && !markdown && isHeadingLine(block.text) && next !== undefined && next.kind !== 'heading';
    if (block.kind === 'heading' || looksLikeHeading) {
      const heading = block.kind === 'heading' ? block.text : (block as { text: string }).text;
      note(block.line, `heading: "${heading}"`);
      sections.push({ heading, paragraphs: [] });
      return;
    }
    if (sections.length === 0) sections.push({ paragraphs: [] });
    const section = sections[sections.length - 1]!;
    if (block.kind === 'text') section.paragraphs.push(block.text);
    else if (block.kind === 'list') {
      note(block.line, `${block.ordered ? 'numbered' : 'bulleted'} list of ${block.items.length} item${block.items.length > 1 ? 's' : ''}`);
      section.paragraphs.push({ list: block.items, ordered: block.ordered });
    } else if (block.kind === 'quote') {
      note(block.line, 'block quotation');
      section.paragraphs.push({ quote: block.text });
    }
  });
  // A heading with nothing under it is text after all.
  const kept = sections.filter((section) => section.paragraphs.length > 0 || !section.heading);
  sections.forEach((section) => {
    if (section.paragraphs.length === 0 && section.heading) {
      const previous = kept[kept.indexOf(sections[sections.indexOf(section) - 1]!)] ?? kept[kept.length - 1];
      if (previous) previous.paragraphs.push(section.heading);
    }
  });
  const finalSections = kept.filter((section) => section.paragraphs.length > 0);
  if (finalSections.length === 0) throw new BriefkitError([{ severity: 'error', file, rule: 'import-empty', message: `only a title was found ("${title}"): no paragraphs to build from` }]);

  const textParagraphs = finalSections.flatMap((section) => section.paragraphs.filter((p): p is string => typeof p === 'string'));
  const keyPoints = (finalSections.length > 1 ? finalSections.map((s) => s.paragraphs.find((p): p is string => typeof p === 'string')).filter((p): p is string => Boolean(p)) : textParagraphs)
    .slice(0, 5)
    .map((paragraph) => splitSentences(paragraph, lang)[0] ?? paragraph);
  note(undefined, `key points: ${keyPoints.length} DRAFTS (the first sentence of each ${finalSections.length > 1 ? 'section' : 'paragraph'}); rewrite them as takeaways`);

  const events: NonNullable<ArticleInput['events']> = [];
  const seen = new Set<string>();
  for (const paragraph of textParagraphs) {
    for (const sentence of splitSentences(paragraph, lang)) {
      for (const date of findDates(sentence)) {
        const key = `${date.edtf}|${sentence}`;
        if (seen.has(key) || !parseEdtf(date.edtf)) continue;
        seen.add(key);
        events.push({ date: date.edtf, wording: date.wording, label: sentence });
        note(undefined, `date "${date.wording}" → ${date.edtf}, proposed as a timeline event`);
      }
    }
  }

  const data: ArticleInput = {
    id: slugify(title, lang),
    lang,
    title,
    ...(author ? { author } : {}),
    keyPoints: keyPoints.length > 0 ? keyPoints : [title],
    sections: finalSections,
    quotes: [],
    events,
    actors: [],
    places: [],
    sources: [{ title }],
  };
  const parsed = ArticleSchema.safeParse(data);
  if (!parsed.success) {
    throw new BriefkitError(parsed.error.issues.map((issue) => ({ severity: 'error', file, rule: 'import', path: issue.path.join('.'), message: `the imported data does not validate: ${issue.message}` })));
  }
  // Line by line first, then the notes about the whole text.
  const ordered = notes.map((n, i) => ({ n, i })).sort((a, b) => (a.n.line ?? Infinity) - (b.n.line ?? Infinity) || a.i - b.i).map((x) => x.n);
  return { value: { data, article: parsed.data }, diagnostics: ordered };
}

/** Plain text: junk and repeated captions dropped, lines grouped into paragraphs, lists and "> " quotations found. */
function plainBlocks(text: string, note: (line: number | undefined, message: string) => void): Block[] {
  const lines = text.split('\n');
  const counts = new Map<string, number>();
  for (const line of lines) if (line.trim()) counts.set(line.trim(), (counts.get(line.trim()) ?? 0) + 1);
  const seenCaption = new Set<string>();
  const blocks: Block[] = [];
  let paragraph: { lines: string[]; line: number } | undefined;
  const flush = () => {
    if (paragraph) blocks.push(...paragraphBlocks(paragraph.lines, paragraph.line));
    paragraph = undefined;
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (!line) return flush();
    const junk = junkReason(line);
    if (junk) {
      note(number, `dropped (${junk}): "${line}"`);
      return flush();
    }
    if ((counts.get(line) ?? 0) > 1 && line.length < 120 && !SENTENCE_END.test(line)) {
      if (seenCaption.has(line)) {
        note(number, `dropped (repeated caption): "${line}"`);
        return;
      }
      seenCaption.add(line);
    }
    if (!paragraph) paragraph = { lines: [], line: number };
    paragraph.lines.push(line);
  });
  flush();
  return blocks;
}

/** The lines between two blank lines: a list, a quotation, one paragraph wrapped over lines, or several one-line paragraphs. */
function paragraphBlocks(lines: string[], firstLine: number): Block[] {
  const out: Block[] = [];
  let current: string[] = [];
  let currentLine = firstLine;
  const pushText = () => {
    if (current.length > 0) out.push({ kind: 'text', text: current.join(' '), line: currentLine });
    current = [];
  };
  lines.forEach((line, offset) => {
    const number = firstLine + offset;
    const item = LIST_ITEM.exec(line);
    const last = out[out.length - 1];
    if (item && item[3] && !(item[1] === '-' && /^\d/.test(item[3]))) {
      pushText();
      const ordered = item[2] !== undefined;
      if (last && last.kind === 'list' && last.ordered === ordered && current.length === 0) last.items.push(item[3]);
      else out.push({ kind: 'list', items: [item[3]], ordered, line: number });
      return;
    }
    if (line.startsWith('>')) {
      pushText();
      const quoted = line.replace(/^>\s?/, '');
      if (last && last.kind === 'quote') last.text += ` ${quoted}`;
      else out.push({ kind: 'quote', text: quoted, line: number });
      return;
    }
    if (current.length > 0 && SENTENCE_END.test(current[current.length - 1]!)) pushText();
    if (current.length === 0) currentLine = number;
    current.push(line);
  });
  pushText();
  return out;
}

function markdownBlocks(text: string): Block[] {
  const tree = unified().use(remarkParse).parse(text) as Root;
  const inline = (nodes: PhrasingContent[]): string => nodes.map((n) => ('value' in n ? n.value : 'children' in n ? inline(n.children as PhrasingContent[]) : n.type === 'break' ? ' ' : '')).join('').replace(/\s+/g, ' ').trim();
  const blocks: Block[] = [];
  const visit = (node: RootContent) => {
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', text: inline(node.children), depth: node.depth, line });
        break;
      case 'paragraph': {
        const value = inline(node.children);
        if (value && !junkReason(value)) blocks.push({ kind: 'text', text: value, line });
        break;
      }
      case 'list':
        blocks.push({ kind: 'list', ordered: Boolean(node.ordered), line, items: node.children.map((item) => item.children.map((child) => (child.type === 'paragraph' ? inline(child.children) : '')).join(' ').trim()).filter(Boolean) });
        break;
      case 'blockquote':
        blocks.push({ kind: 'quote', line, text: node.children.map((child) => (child.type === 'paragraph' ? inline(child.children) : '')).join(' ').trim() });
        break;
      default:
        if ('value' in node && typeof node.value === 'string' && node.value.trim()) blocks.push({ kind: 'text', text: node.value.trim(), line });
    }
  };
  tree.children.forEach(visit);
  return blocks.filter((b) => ('text' in b ? b.text.length > 0 : b.items.length > 0));
}

/** "Pavel Latushka, deputy Head of …, ambassador" or "By Jane Doe": a name of 2–4 capitalised words, then roles. */
export function parseByline(line: string): { name: string; roles: string[] } | undefined {
  if (line.length > 300 || /[.!?]$/.test(line)) return undefined;
  const match = /^(?:(?:by|автор|аўтар|author)[:\s]+)?((?:\p{Lu}[\p{Ll}'’-]+\.?\s+){1,3}\p{Lu}[\p{Ll}'’-]+)(?:\s*[,—–|]\s*(.+))?$/iu.exec(line);
  if (!match?.[1]) return undefined;
  const name = match[1].trim();
  if (!/^(\p{Lu}[\p{Ll}'’.-]*\s+){1,3}\p{Lu}/u.test(name)) return undefined;
  const roles = match[2] ? match[2].split(/\s*,\s*/).map((r) => r.trim()).filter(Boolean) : [];
  return { name, roles };
}

function isHeadingLine(text: string): boolean {
  return text.length <= 100 && text.split(/\s+/).length <= 14 && !/[.!?,;:…]$/.test(text) && !LIST_ITEM.test(text);
}

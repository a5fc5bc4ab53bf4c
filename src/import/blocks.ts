// The text of a raw article in (plain text as copied from a web page, or Markdown), its blocks out: paragraphs, headings,
// lists and quotations with their line numbers, and every line dropped as page furniture with the reason.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent, ListItem, BlockContent, DefinitionContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { dateLine, isCookieButton, junkReason } from './junk.js';
import { parseDateline } from './dateline.js';
import { parseByline } from './byline.js';

export type Block =
  | { kind: 'text'; text: string; line: number; caption?: boolean }
  | { kind: 'heading'; text: string; line: number; depth: number }
  | { kind: 'list'; items: string[]; ordered: boolean; line: number; marker: string; firstLine?: string }
  | { kind: 'quote'; text: string; line: number; speaker?: string; body?: string }
  /** A Markdown picture `![alt](src)`, with the caption line under it when there is one. */
  | { kind: 'image'; src: string; alt: string; caption?: string; credit?: string; line: number; captionLine?: number; creditLine?: number }
  /** A picture's caption or credit line in plain text ("Photo: …", "Фото: БелТА"), whose picture the text does not carry. */
  | { kind: 'caption'; caption?: string; credit?: string; line: number };

/** The reasons of `junkReason` that name a picture's caption or credit: kept as captions in plain text, not dropped. */
const CAPTION_REASONS = new Set(['photo caption', 'photo credit']);
const CAPTION_LABEL = /^(?:photo(?:graph)?s?|image|picture|illustration|photo credit|credits?|фото|фота|ілюстрацыя|ілюстрація|иллюстрация)\s*(?::|by|to)?\s*/iu;

/**
 * Whether a caption line names who made the picture ("Photo: Reuters", "Фото: БелТА", "Photo by Jane Doe") rather than
 * what it shows: a credit label, or four words at most, each capitalised (a name, an agency) or joining two of them.
 */
export function isCreditLine(line: string): boolean {
  if (/^(?:photo credit|credits?)\b|^(?:photo(?:graph)? by|credits? to|illustration by)\s/iu.test(line)) return true;
  const words = line.replace(CAPTION_LABEL, '').trim().split(/\s+/);
  return words.length <= 4 && words.every((word) => /^[\p{Lu}\d©(«"“]/u.test(word) || /^(?:[/|&,]|via|and|і|и|та|i)$/u.test(word));
}

export interface DroppedLine {
  line: number;
  text: string;
  reason: string;
}

export interface Stamp {
  line: number;
  iso?: string;
  publisher?: string;
  /** A dateline's day without its year ("December 27"). */
  yearless?: boolean;
}

/** What a dropped date line or stamp says: its day, and the publisher a dateline names ("27 снежня 2023, Pozirk."). */
export function stampOf(line: string, number: number): Stamp | undefined {
  const dateline = parseDateline(line);
  const iso = dateline?.iso ?? dateLine(line.replace(/^[^\d]*?(?=\d)/u, ''))?.iso ?? dateLine(line)?.iso;
  if (!iso && !dateline?.publisher && !dateline?.monthDay) return undefined;
  return { line: number, ...(iso ? { iso } : {}), ...(dateline?.publisher ? { publisher: dateline.publisher } : {}), ...(dateline?.monthDay && !iso ? { yearless: true } : {}) };
}

export interface BlockNote {
  line?: number;
  message: string;
}

export interface ParsedText {
  blocks: Block[];
  dropped: DroppedLine[];
  notes: BlockNote[];
  /** Date lines and stamps dropped, with their lines, ISO days and publishers: candidates for the article's date and source. */
  stamps: Stamp[];
  /** Links with their text (Markdown): candidates for the sources. */
  links: { title: string; url: string; line?: number }[];
  /** Fields of a Markdown front matter block. */
  front: { title?: string; author?: string; date?: string; lang?: string };
}

/** A list item: a bullet (• · ▪ ‣ ◦ * + -) or a number (1. 1)) then a space. En and em dashes count only in a run of two or more. */
export const LIST_ITEM = /^(?:([•·▪‣◦●○■□➢➤►✓✔*+-])|(\d{1,3})([.)]))\s+(\S.*)$/u;
const DASH_ITEM = /^([–—])\s+(\S.*)$/u;
/** What ends a sentence or a paragraph: a line ending with one of these is complete. */
export const SENTENCE_END = /[.!?…:;»"”’')\]]$/u;
const MD_HEADING = /^(#{1,6})\s+(.+?)(?:\s+#+)?$/u;
const ATTRIBUTION = /^(?:[—–]|--)\s*(\p{Lu}[^.!?]{1,100})$/u;
const URL = /\bhttps?:\/\//iu;

/** A short line that may be a heading: no final punctuation, starts with a capital or digit, no URL, not a list item. */
export function isHeadingLine(text: string): boolean {
  if (text.length > 90 || text.split(/\s+/).length > 12) return false;
  // No final punctuation, also inside closing quotation marks ("… forgot us.'"), and no sentence ending inside.
  if (/[.!?,;:…]$/u.test(text.replace(/[»"”’')\]]+$/u, '')) || /\p{Ll}{2}[.!?…]["”»’']?\s+[«“"„'‘(]?\p{Lu}/u.test(text)) return false;
  if (!/\p{L}/u.test(text) || URL.test(text)) return false;
  if (LIST_ITEM.test(text) || DASH_ITEM.test(text) || text.startsWith('>')) return false;
  return /^[«“"„'‘(]?[\p{Lu}\p{N}]/u.test(text);
}

/** A line of the article's prose: long, or a sentence of eight words or more. */
const isBody = (line: string) => line.length >= 100 || (/[.!?…]["”»’']?$/u.test(line) && line.split(/\s+/).length >= 8);
const isBlank = (line: string) => line.replace(/[\s\u200B\u200C\u200D\u2060\uFEFF]/gu, '') === '';
const clean = (line: string) => line.replace(/[ \t]+/g, ' ').trim();
const startsLower = (line: string) => /^\p{Ll}/u.test(line);

/** Plain text: furniture and repeated captions dropped, lines grouped into paragraphs, lists, quotations and headings. */
export function plainBlocks(text: string): ParsedText {
  const rawLines = text.split('\n');
  const lines = rawLines.map(clean);
  const dropped: DroppedLine[] = [];
  const notes: BlockNote[] = [];
  const stamps: ParsedText['stamps'] = [];
  const drop = new Map<number, string>();

  // Furniture, line by line; the buttons of a cookie banner next to one; the second and later copies of a caption.
  // The article's first paragraph: not a standfirst above the byline.
  const nextLine = (i: number) => lines.slice(i + 1).find((l) => !isBlank(l) && !junkReason(l));
  const bodyStart = lines.findIndex((line, i) => isBody(line) && !junkReason(line) && !parseByline(nextLine(i) ?? ''));
  const bodyEnd = lines.findLastIndex((line) => isBody(line) && !junkReason(line));
  lines.forEach((line, i) => {
    if (isBlank(line)) return;
    // Below the last paragraph a date alone may close a chronology; a date with a publisher ("27 снежня 2023, Pozirk.") is the page's.
    const reason = junkReason(line, { header: bodyStart < 0 || i < bodyStart }) ?? (i > bodyEnd && parseDateline(line)?.publisher ? 'date line' : undefined);
    if (reason) drop.set(i, reason);
    if (reason === 'date line' || reason === 'time stamp') {
      const stamp = stampOf(line, i + 1);
      if (stamp) stamps.push(stamp);
    }
  });
  const near = (i: number, reason: string) => {
    let found = false;
    for (let j = i - 1, seen = 0; j >= 0 && seen < 3; j--) {
      if (isBlank(lines[j]!)) continue;
      seen++;
      if (drop.get(j) === reason) found = true;
    }
    for (let j = i + 1, seen = 0; j < lines.length && seen < 3; j++) {
      if (isBlank(lines[j]!)) continue;
      seen++;
      if (drop.get(j) === reason) found = true;
    }
    return found;
  };
  lines.forEach((line, i) => {
    if (!drop.has(i) && !isBlank(line) && isCookieButton(line) && near(i, 'cookie notice')) drop.set(i, 'cookie banner button');
  });
  const counts = new Map<string, number>();
  lines.forEach((line, i) => !isBlank(line) && !drop.has(i) && counts.set(line, (counts.get(line) ?? 0) + 1));
  const captions = new Set<string>();
  lines.forEach((line, i) => {
    if (isBlank(line) || drop.has(i) || (counts.get(line) ?? 0) < 2) return;
    // A caption describes: three words or more. A repeated word or two ("Background", "Analysis") may be a heading.
    if (line.length > 160 || line.split(/\s+/).length < 3 || /[.!?…]$/u.test(line) || LIST_ITEM.test(line) || MD_HEADING.test(line) || line.startsWith('>')) return;
    if (captions.has(line)) drop.set(i, 'repeated caption');
    else captions.add(line);
  });
  // Caption and credit lines are kept (a picture's, which the text does not carry); a copy right under one goes.
  const captionLines = new Set<number>();
  let lastCaption: number | undefined;
  lines.forEach((line, i) => {
    if (isBlank(line) || !CAPTION_REASONS.has(drop.get(i) ?? '')) return;
    if (lastCaption !== undefined && lines[lastCaption] === line && lines.slice(lastCaption + 1, i).every(isBlank)) drop.set(i, 'repeated caption');
    else {
      drop.delete(i);
      captionLines.add(i);
    }
    lastCaption = i;
  });
  lines.forEach((line, i) => {
    const reason = drop.get(i);
    if (reason) dropped.push({ line: i + 1, text: line, reason });
  });

  // Hard-wrapped text (a newsletter, a copy from a PDF) continues sentences on lines that start in lower case.
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (!isBlank(a) && !isBlank(b) && !drop.has(i) && !drop.has(i + 1) && !SENTENCE_END.test(a) && startsLower(b) && !LIST_ITEM.test(a)) continued++;
  }
  const wrapped = continued >= 2;
  const lengths = lines.filter((l) => !isBlank(l)).map((l) => l.length).sort((a, b) => a - b);
  const wrapWidth = lengths[Math.floor(lengths.length * 0.75)] ?? 0;
  if (wrapped) notes.push({ message: `the text is hard-wrapped (${continued} lines continue a sentence): lines between blank lines were joined into paragraphs` });

  const blocks: Block[] = [];
  let text_: { lines: string[]; line: number } | undefined;
  const flushText = () => {
    if (text_) blocks.push({ kind: 'text', text: text_.lines.join(' '), line: text_.line, ...(text_.lines.length === 1 && captions.has(text_.lines[0]!) ? { caption: true } : {}) });
    text_ = undefined;
  };
  const last = () => blocks[blocks.length - 1];
  let previousKind: 'blank' | 'text' | 'item' | 'quote' | 'other' = 'blank';
  lines.forEach((line, i) => {
    const number = i + 1;
    if (isBlank(line) || drop.has(i)) {
      flushText();
      previousKind = 'blank';
      return;
    }
    if (captionLines.has(i)) {
      flushText();
      const part = isCreditLine(line) ? 'credit' : 'caption';
      const previous = last();
      // A caption and its credit on lines one after the other (a repeated copy between them) are one picture's.
      const adjacent = previous?.kind === 'caption' && lines.slice(previous.line, i).every((l, k) => isBlank(l) || captionLines.has(previous.line + k) || drop.get(previous.line + k) === 'repeated caption');
      if (previous?.kind === 'caption' && adjacent && previous[part] === undefined) previous[part] = line;
      else blocks.push({ kind: 'caption', [part]: line, line: number });
      previousKind = 'other';
      return;
    }
    // "# Heading" (Markdown pasted as text), unless the line ends like a sentence.
    const heading = MD_HEADING.exec(line);
    if (heading && heading[2]!.length <= 120 && !/[.!?…;,:]$/u.test(heading[2]!)) {
      flushText();
      blocks.push({ kind: 'heading', text: heading[2]!.trim(), depth: heading[1]!.length, line: number });
      previousKind = 'other';
      return;
    }
    const item = LIST_ITEM.exec(line);
    const dash = DASH_ITEM.exec(line);
    const dashRun = dash && [lines[i - 1], lines[i + 1]].some((l, k) => l !== undefined && !drop.has(i + (k === 0 ? -1 : 1)) && DASH_ITEM.exec(l)?.[1] === dash[1]);
    if (item || dashRun) {
      flushText();
      const marker = item ? (item[1] ?? `1${item[3]}`) : dash![1]!;
      const ordered = Boolean(item && item[2] !== undefined);
      const content = item ? item[4]! : dash![2]!;
      const previous = last();
      if (previous && previous.kind === 'list' && previous.marker === marker && (previousKind === 'item' || previousKind === 'blank')) previous.items.push(content);
      else blocks.push({ kind: 'list', items: [content], ordered, line: number, marker, firstLine: line });
      previousKind = 'item';
      return;
    }
    if (line.startsWith('>')) {
      flushText();
      const quoted = line.replace(/^>\s?/u, '').trim();
      const previous = last();
      if (previous && previous.kind === 'quote' && previousKind === 'quote') {
        const attribution = ATTRIBUTION.exec(quoted);
        if (attribution) previous.speaker = attribution[1]!.trim();
        if (quoted) previous.text += ` ${quoted}`;
      } else if (quoted) blocks.push({ kind: 'quote', text: quoted, line: number });
      previousKind = 'quote';
      return;
    }
    // A line right after a list item that goes on in lower case (or was indented) continues the item.
    const previous = last();
    if (previousKind === 'item' && previous?.kind === 'list' && (startsLower(line) || /^\s/.test(rawLines[i]!))) {
      previous.items[previous.items.length - 1] += ` ${line}`;
      return;
    }
    // "— Name" under a quotation names its speaker.
    const attribution = ATTRIBUTION.exec(line);
    if (attribution && previous?.kind === 'quote' && !text_ && line.length <= 100) {
      previous.speaker = attribution[1]!.trim();
      previous.text += ` ${line}`;
      previousKind = 'other';
      return;
    }
    if (text_ && previousKind === 'text') {
      const before = text_.lines[text_.lines.length - 1]!;
      const goesOn = wrapped
        ? !(isHeadingLine(before) && before.length < wrapWidth * 0.6 && !startsLower(line))
        : !SENTENCE_END.test(before) && startsLower(line);
      if (goesOn && !captions.has(before) && !captions.has(line)) {
        text_.lines.push(line);
        return;
      }
      flushText();
    }
    text_ = { lines: [line], line: number };
    previousKind = 'text';
  });
  flushText();
  for (const block of blocks) if (block.kind === 'quote' && block.speaker) block.body = quoteBody(block.text);
  return { blocks, dropped, notes, stamps, links: [], front: {} };
}

/** The words of a quotation without its "— Speaker" line. */
function quoteBody(text: string): string {
  return text.replace(/\s*(?:[—–]|--)\s*\p{Lu}[^.!?]{1,100}$/u, '').trim();
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/u;

/** Markdown, through remark: headings, paragraphs, lists (nested ones flattened in order), quotations, links kept as sources. */
export function markdownBlocks(source: string): ParsedText {
  const dropped: DroppedLine[] = [];
  const notes: BlockNote[] = [];
  const links: ParsedText['links'] = [];
  const stamps: ParsedText['stamps'] = [];
  let front: ParsedText['front'] = {};
  let text = source;
  const frontMatch = FRONT_MATTER.exec(source);
  if (frontMatch) {
    try {
      const fields = parseYaml(frontMatch[1]!) as Record<string, unknown> | null;
      const pick = (key: string) => (fields && typeof fields[key] === 'string' ? (fields[key] as string) : fields && fields[key] instanceof Date ? (fields[key] as Date).toISOString().slice(0, 10) : undefined);
      front = { title: pick('title'), author: pick('author'), date: pick('date'), lang: pick('lang') };
      notes.push({ line: 1, message: `front matter read (${Object.entries(front).filter(([, v]) => v).map(([k]) => k).join(', ') || 'no fields used'})` });
    } catch {
      notes.push({ line: 1, message: 'front matter is not valid YAML: ignored' });
    }
    // Blank lines in its place keep the line numbers of the rest.
    text = source.slice(0, frontMatch[0].length).replace(/[^\n]/g, '') + source.slice(frontMatch[0].length);
  }
  const tree = unified().use(remarkParse).parse(text) as Root;
  let inBody = false;
  const inline = (nodes: PhrasingContent[]): string =>
    nodes
      .map((n): string => {
        switch (n.type) {
          case 'text':
          case 'inlineCode':
            return n.value;
          case 'break':
            return ' ';
          case 'link': {
            const label = inline(n.children as PhrasingContent[]);
            if (/^https?:/iu.test(n.url)) links.push({ title: label || n.url, url: n.url, ...(n.position ? { line: n.position.start.line } : {}) });
            return label;
          }
          case 'image':
          case 'html':
            return '';
          default:
            return 'children' in n ? inline(n.children as PhrasingContent[]) : '';
        }
      })
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const blocks: Block[] = [];
  const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 0;
  const blockText = (node: BlockContent | DefinitionContent): string => {
    if (node.type === 'paragraph' || node.type === 'heading') return inline(node.children);
    if (node.type === 'list') return node.children.flatMap(itemTexts).join(' ');
    if (node.type === 'blockquote') return node.children.map(blockText).filter(Boolean).join(' ');
    if (node.type === 'code') return node.value.replace(/\s+/g, ' ').trim();
    return '';
  };
  /** An item's own paragraphs as one text, then the items of the lists inside it. */
  const itemTexts = (item: ListItem): string[] => {
    const own = item.children.filter((c) => c.type !== 'list').map(blockText).filter(Boolean).join(' ');
    const nested = item.children.filter((c) => c.type === 'list').flatMap((list) => list.children.flatMap(itemTexts));
    return [...(own ? [own] : []), ...nested];
  };
  /** Paragraphs already read as a picture's caption. */
  const consumed = new Set<number>();
  /** The node of the last picture. */
  let pictureNode = -1;
  const visit = (node: RootContent, index: number) => {
    if (consumed.has(index)) return;
    const line = lineOf(node);
    switch (node.type) {
      case 'heading': {
        const value = inline(node.children);
        if (value) blocks.push({ kind: 'heading', text: value, depth: node.depth, line });
        break;
      }
      case 'paragraph': {
        // A picture standing alone, its caption after it in the same paragraph or as the next, short, emphasised one.
        const [first, ...rest] = node.children;
        if (first?.type === 'image') {
          const own = inline(rest as PhrasingContent[]);
          const next = tree.children[index + 1];
          const captionNext = !own && next?.type === 'paragraph' && next.children.length > 0 && next.children.every((c) => c.type === 'emphasis' || (c.type === 'text' && !c.value.trim()));
          const caption = own || (captionNext ? inline(next.children) : '');
          if (captionNext) consumed.add(index + 1);
          blocks.push({ kind: 'image', src: first.url, alt: (first.alt ?? '').trim(), ...(caption ? { caption, captionLine: captionNext ? lineOf(next) : line } : {}), line });
          pictureNode = index;
          break;
        }
        const linksBefore = links.length;
        const value = inline(node.children);
        const reason = value ? junkReason(value, { header: !inBody }) : undefined;
        if (!reason && isBody(value)) inBody = true;
        // A caption or credit line right under a picture ("Photo: Tomas Green", "Credits to …") is the picture's.
        const picture = blocks[blocks.length - 1];
        const underPicture = picture?.kind === 'image' && (pictureNode === index - 1 || (pictureNode === index - 2 && consumed.has(index - 1)));
        if ((reason === 'photo caption' || reason === 'photo credit') && underPicture && picture.kind === 'image' && !(picture.caption && picture.credit)) {
          const said = value.replace(/^(?:photo(?:graph)?s?|image|picture|illustration|photo credit|credits?|фото|фота|ілюстрацыя|ілюстрація|иллюстрация)\s*(?::|by|to)?\s*/iu, '').trim();
          // A name or an agency is a credit; a description is a caption.
          if ((!picture.caption && said.split(/\s+/).length > 4) || picture.credit) Object.assign(picture, { caption: value, captionLine: line });
          else Object.assign(picture, { credit: value, creditLine: line });
          break;
        }
        if (reason) {
          // A dropped line's links ("Read more: [another article](…)") are no sources.
          links.length = linksBefore;
          dropped.push({ line, text: value, reason });
          const stamp = reason === 'date line' || reason === 'time stamp' ? stampOf(value, line) : undefined;
          if (stamp) stamps.push(stamp);
        } else if (value) blocks.push({ kind: 'text', text: value, line });
        break;
      }
      case 'list': {
        const items = node.children.flatMap(itemTexts);
        if (items.length > 0) blocks.push({ kind: 'list', ordered: Boolean(node.ordered), line, items, marker: node.ordered ? '1.' : '-' });
        break;
      }
      case 'blockquote': {
        const parts = node.children.map(blockText).filter(Boolean);
        if (parts.length === 0) break;
        const quote: Block = { kind: 'quote', line, text: parts.join(' ') };
        const attribution = ATTRIBUTION.exec(parts[parts.length - 1]!);
        if (attribution && parts.length > 1) {
          quote.speaker = attribution[1]!.trim();
          quote.body = parts.slice(0, -1).join(' ');
        }
        blocks.push(quote);
        break;
      }
      case 'code': {
        const value = node.value.trim();
        if (value) blocks.push({ kind: 'text', text: value.replace(/\s+/g, ' '), line });
        break;
      }
      case 'html': {
        const value = node.value.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
        if (!value) dropped.push({ line, text: node.value.trim(), reason: 'HTML markup' });
        else if (junkReason(value)) dropped.push({ line, text: value, reason: junkReason(value)! });
        else blocks.push({ kind: 'text', text: value, line });
        break;
      }
      default:
        break;
    }
  };
  tree.children.forEach((node, index) => visit(node, index));
  return { blocks, dropped, notes, stamps, links, front };
}

/**
 * Whether a text saved as .txt is Markdown after all: two "#" heading lines, or one with a link or strong emphasis
 * ([text](https://…), **bold**). Web copy has neither.
 */
export function looksLikeMarkdown(text: string): boolean {
  const headings = text.split('\n').filter((line) => /^#{1,6}\s+\S/u.test(line) && !/[.!?…;,:]$/u.test(line.trim())).length;
  const signals = /\[[^\]\n]+\]\(https?:\/\/[^)\s]+\)|\*\*[^*\n]+\*\*/u.test(text);
  return headings >= 2 || (headings >= 1 && signals);
}

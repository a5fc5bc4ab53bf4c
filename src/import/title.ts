// The blocks at the top of a raw page in, which of them is the article's title out, and what the short lines around it
// are (site name, rubric): the longest title-like line before the text begins wins over navigation, rubrics and names.
import { splitSentences } from '../render/sentences.js';
import type { Block } from './blocks.js';
import { parseByline } from './byline.js';
import { isKicker } from './junk.js';

export interface TitleChoice {
  /** Index of the title among the blocks. */
  index: number;
  /** Blocks above the title (and rubrics right under it) that are page furniture, with the reason. */
  furniture: { index: number; reason: string }[];
}

/** How far down a page the title may stand: the header's lines before the first paragraph, at most this many. */
export const HEADER_BLOCKS = 8;

/** Where the page's header ends: a paragraph (long, or more than one sentence), a line ending with a full stop, a list or a quotation. */
function endsHeader(block: Block, lang: string): boolean {
  if (block.kind !== 'text') return true;
  return !block.caption && (block.text.length >= 160 || splitSentences(block.text, lang).length > 1 || /[.…]$/u.test(block.text));
}

/** One short line that can be a title: no more than a sentence, not a byline. */
export function titleLike(block: Block, lang = 'en'): boolean {
  if (block.kind !== 'text' || block.caption) return false;
  if (block.text.length > 200) return false;
  return splitSentences(block.text, lang).length <= 1 || (block.text.length <= 120 && !/[.]$/u.test(block.text));
}

/** A byline that says it is one ("By …", "Аўтар: …"): never furniture. */
const SIGNED = /^(?:by|written by|author|автор|аўтар|text|текст|тэкст)(?:\s|:)/iu;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** A rubric or section name: one or two words without final punctuation ("Улада", "Politics", "World news"). */
export const isRubric = (text: string) => words(text) <= 2 && !/[.!?:;,…]$/u.test(text) && !/\d/u.test(text);
/** A short line naming the site or a section: at most five words, no sentence, no final punctuation. */
const isNameLine = (text: string) => words(text) <= 5 && !/[.!?:;,…]$/u.test(text);

/**
 * The title among the header's blocks (those above the first paragraph or sentence): the longest line of three words or
 * more that reads as a title and is no byline. Above it, short lines (the site's name, a rubric) are furniture; so is a
 * section label right under it. Undefined when no line of the header can be the title.
 */
export function chooseTitle(blocks: Block[], lang = 'en'): TitleChoice | undefined {
  const header: number[] = [];
  for (let i = 0; i < blocks.length && i < HEADER_BLOCKS; i++) {
    if (endsHeader(blocks[i]!, lang)) break;
    header.push(i);
  }
  const text = (i: number) => (blocks[i] as { text: string }).text;
  const candidates = header.filter((i) => titleLike(blocks[i]!, lang) && words(text(i)) >= 3 && !parseByline(text(i)));
  if (candidates.length === 0) return undefined;
  const index = candidates.reduce((best, i) => (text(i).length > text(best).length ? i : best));
  const furniture: TitleChoice['furniture'] = [];
  for (const i of header) {
    const block = blocks[i]!;
    if (block.kind !== 'text' || block.caption) continue;
    if (i < index && isKicker(block.text)) furniture.push({ index: i, reason: 'section label' });
    else if (i < index && isNameLine(block.text) && !SIGNED.test(block.text)) furniture.push({ index: i, reason: words(block.text) === 1 ? 'rubric above the title' : 'site name or section above the title' });
    else if (i === index + 1 && isKicker(block.text) && blocks[i + 1] !== undefined) furniture.push({ index: i, reason: 'section label under the title' });
  }
  return { index, furniture };
}

/** A title line that carries the site's name after a bar ("Minsk courts Donetsk | Baltic Ledger"), as a page's <title> does. */
export function splitSiteName(title: string): { title: string; site?: string } {
  const match = /^(.{12,}?)\s+[|·]\s+([^|·]{2,40})$/u.exec(title);
  if (!match || words(match[2]!) > 4 || words(match[1]!) < 3) return { title };
  return { title: match[1]!.trim(), site: match[2]!.trim() };
}

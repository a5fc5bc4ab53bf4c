// An Article in, nothing out, or an error naming the count that goes beyond what one build can lay out in bounded time
// and memory: paragraphs and words of the text (measured: about 4 ms of CPU a paragraph and 0.2 ms a word, all four
// documents together; at these limits a build takes under 25 s and 700 MB on one core).
import type { Article } from '../model/article.js';
import { blockTexts } from '../model/article.js';
import { BriefkitError } from '../diagnostics.js';

/** Paragraphs (texts, list items, quotations, pictures) of all sections together. */
export const MAX_PARAGRAPHS = 5_000;
/** Words of all sections together: about 200 pages of briefing. */
export const MAX_WORDS = 100_000;

export function checkArticleLimits(article: Article, file?: string): void {
  let paragraphs = 0;
  let words = 0;
  for (const section of article.sections) {
    for (const block of section.paragraphs) {
      const texts = blockTexts(block);
      paragraphs += typeof block === 'object' && 'list' in block ? texts.length : 1;
      for (const text of texts) words += countWords(text);
    }
  }
  const hint = 'split the article into parts (one file each) or shorten it';
  if (paragraphs > MAX_PARAGRAPHS) {
    throw new BriefkitError([{ severity: 'error', ...(file ? { file } : {}), path: 'sections', rule: 'article-size', message: `the article has ${paragraphs} paragraphs; one build sets at most ${MAX_PARAGRAPHS}`, hint }]);
  }
  if (words > MAX_WORDS) {
    throw new BriefkitError([{ severity: 'error', ...(file ? { file } : {}), path: 'sections', rule: 'article-size', message: `the article has ${words} words; one build sets at most ${MAX_WORDS} (about 200 pages)`, hint }]);
  }
}

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32 || text[i] === '\u00A0';
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

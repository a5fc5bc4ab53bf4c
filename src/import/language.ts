// A text in, its language out (en, be, uk or ru), from its script and the letters only one of the Cyrillic languages uses.
import type { Article } from '../model/article.js';

export function detectLanguage(text: string): Article['lang'] {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  const cyrillic = count(/\p{Script=Cyrillic}/gu);
  const latin = count(/\p{Script=Latin}/gu);
  if (cyrillic <= latin) return 'en';
  const be = count(/[ўЎ]/g) * 3 + count(/[ыЫэЭ]/g) * (count(/[іІ]/g) > 0 ? 1 : 0);
  const uk = count(/[їЇєЄґҐ]/g) * 3 + (count(/[іІ]/g) > 0 ? count(/[иИ]/g) : 0);
  const ru = count(/[ъЪёЁ]/g) * 2 + (count(/[іІ]/g) === 0 ? count(/[ыЫиИэЭ]/g) : 0);
  if (be >= uk && be >= ru && be > 0) return 'be';
  if (uk >= ru && uk > 0) return 'uk';
  return 'ru';
}

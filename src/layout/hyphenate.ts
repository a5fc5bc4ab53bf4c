// A word and a language in, the positions where it may be hyphenated out (TeX patterns from the `hyphen` package).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SOFT_HYPHEN = '\u00AD';
/**
 * Letters kept before and after a break: 2 and 3 in every language. (3 and 3 in Cyrillic was tried: in a 65-character
 * column it left Belarusian lines with word spaces over 0.6 em where a break two letters in would have set them.)
 */
const MIN_LETTERS: Record<string, { before: number; after: number }> = { en: { before: 2, after: 3 }, be: { before: 2, after: 3 }, uk: { before: 2, after: 3 }, ru: { before: 2, after: 3 } };
const DEFAULT_MIN = { before: 2, after: 3 };

const MODULES: Record<string, string> = { en: 'hyphen/en-gb', be: 'hyphen/be', uk: 'hyphen/uk', ru: 'hyphen/ru' };
const hyphenators = new Map<string, (text: string) => string>();

function hyphenatorFor(lang: string): ((text: string) => string) | undefined {
  const name = MODULES[lang];
  if (!name) return undefined;
  let fn = hyphenators.get(lang);
  if (!fn) {
    const mod = require(name) as { hyphenateSync: (text: string, options?: object) => string };
    fn = (text: string) => mod.hyphenateSync(text, { hyphenChar: SOFT_HYPHEN, minWordLength: 5 });
    hyphenators.set(lang, fn);
  }
  return fn;
}

/** Offsets inside `word` after which a hyphen may go, leaving the language's minimum of letters before and after. */
export function hyphenationPoints(word: string, lang: string): number[] {
  const letters = /^[\p{L}\p{M}]+$/u;
  const min = MIN_LETTERS[lang] ?? DEFAULT_MIN;
  if (!letters.test(word) || word.length < min.before + min.after) return [];
  const hyphenate = hyphenatorFor(lang);
  if (!hyphenate) return [];
  const marked = hyphenate(word);
  const points: number[] = [];
  let offset = 0;
  for (const ch of marked) {
    if (ch === SOFT_HYPHEN) points.push(offset);
    else offset += ch.length;
  }
  return points.filter((p) => p >= min.before && word.length - p >= min.after);
}

/** A name or the start of a sentence ("Aksyonov", "Official"): hyphenated only when a line cannot be set otherwise. */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

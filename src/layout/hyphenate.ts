// A word and a language in, the positions where it may be hyphenated out (TeX patterns from the `hyphen` package).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SOFT_HYPHEN = '\u00AD';
const MIN_BEFORE = 2;
const MIN_AFTER = 3;

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

/** Offsets inside `word` after which a hyphen may go, leaving at least 2 letters before and 3 after. */
export function hyphenationPoints(word: string, lang: string): number[] {
  const letters = /^[\p{L}\p{M}]+$/u;
  if (!letters.test(word) || word.length < MIN_BEFORE + MIN_AFTER) return [];
  const hyphenate = hyphenatorFor(lang);
  if (!hyphenate) return [];
  const marked = hyphenate(word);
  const points: number[] = [];
  let offset = 0;
  for (const ch of marked) {
    if (ch === SOFT_HYPHEN) points.push(offset);
    else offset += ch.length;
  }
  return points.filter((p) => p >= MIN_BEFORE && word.length - p >= MIN_AFTER);
}

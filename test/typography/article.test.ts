// typesetArticle: every prose field typeset and nothing else, pull quotes one level deep, warnings by data path, an article per language.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typesetArticle } from '../../src/typography/article.js';
import { NO_BREAK_SPACE } from '../../src/typography/nobreak.js';
import { loadArticleFile, validateArticle } from '../../src/load/load.js';
import { importArticle } from '../../src/import/import.js';
import { checkArticleText } from '../../src/check/text.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { formatPath } from '../../src/diagnostics.js';
import type { Article } from '../../src/model/article.js';
import { SEED_DATA } from '../support/seed.js';

const RAW = join(PROJECT_ROOT, 'test', 'fixtures', 'raw');
const STRAIGHT = /["']/;
/** A Cyrillic one-letter word followed by an ordinary space and a word: a line could end after it. */
const LOOSE_ONE_LETTER = /(?<![\p{L}\p{M}\p{N}'’-])\p{Script=Cyrillic} (?=[\p{L}\p{N}«„(])/u;

/** Every string of a value with its data path. */
function strings(value: unknown, path: (string | number)[] = []): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path: formatPath(path), text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  return [];
}

/** Fields that are not prose: they must come out exactly as written. */
const NOT_PROSE = [/^id$/, /^lang$/, /^date$/, /\.id$/, /\.url$/, /\.accessed$/, /\.image$/, /^events\[\d+\]\.date$/, /^events\[\d+\]\.(actors|places)\[\d+\]$/, /^places\[\d+\]\.(kind|country)$/];
const isProse = (path: string) => !NOT_PROSE.some((pattern) => pattern.test(path));

/** An article with every field present, every prose field holding straight quotes, a spaced hyphen and a short Cyrillic word. */
function everyField(): Article {
  const prose = (n: number) => `"поле ${n}" - и с ним`;
  let n = 0;
  const next = () => prose(n++);
  return validateArticle({
    id: 'every-field', lang: 'ru', title: next(), subtitle: next(), date: '2023-04-18',
    author: { name: next(), roles: [next(), next()] },
    keyPoints: [next(), next()],
    sections: [{ heading: next(), paragraphs: [next(), { list: [next(), next()], ordered: true }, { quote: next() }, { image: 'photos/a-"b".png', alt: next(), caption: next(), credit: next() }], bullets: [next()] }],
    quotes: [{ text: next(), speaker: next(), context: next() }],
    events: [{ date: '2023-04-18', wording: next(), label: next(), actors: ['a-"1"'], places: ['p-1'] }],
    actors: [{ id: 'a-"1"', name: next(), role: next(), side: next() }],
    places: [{ id: 'p-1', name: next(), lat: 48, lon: 37, kind: 'occupied-territory', country: "Côte d'Ivoire" }],
    sources: [{ title: next(), publisher: next(), url: "https://example.org/it's-1990-1994", accessed: '2023-05-01' }],
  }, 'every-field.json');
}

describe('typesetArticle', () => {
  it('typesets every prose field, and keeps ids, URLs, dates, references, paths, kinds and countries exactly as written', () => {
    const written = everyField();
    const typeset = typesetArticle(written).value;
    const before = strings(written);
    const after = new Map(strings(typeset).map(({ path, text }) => [path, text]));
    expect([...after.keys()]).toEqual(before.map((s) => s.path));
    const prose = before.filter((s) => isProse(s.path));
    expect(prose.length).toBeGreaterThanOrEqual(25);
    for (const { path, text } of before) {
      if (!isProse(path)) expect(after.get(path), path).toBe(text);
      else expect(after.get(path), path).toMatch(/^(«|„)поле \d+(»|“)\u00A0— и\u00A0с\u00A0ним$/u);
    }
  });

  it('sets a pull quote’s marks one level deeper (the view wraps it), a block quotation’s at the top level', () => {
    const typeset = typesetArticle(everyField()).value;
    expect(typeset.quotes[0]!.text.startsWith('„')).toBe(true);
    expect(typeset.quotes[0]!.speaker.startsWith('«')).toBe(true);
    expect((typeset.sections[0]!.paragraphs[2] as { quote: string }).quote.startsWith('«')).toBe(true);
  });

  it('names the field of each unpaired quotation mark by its data path, with the file', () => {
    const seed = loadArticleFile(SEED_DATA).value;
    const { diagnostics } = typesetArticle(seed, SEED_DATA);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: SEED_DATA, path: 'sections[2].paragraphs[0]', rule: 'unbalanced-quotes' })]);
    const broken = { ...seed, actors: seed.actors.map((a, i) => (i === 1 ? { ...a, role: 'So-called "acting head' } : a)) };
    expect(typesetArticle(broken).diagnostics.map((d) => d.path)).toEqual(['sections[2].paragraphs[0]', 'actors[1].role']);
  });

  it('is idempotent on the seed, and leaves the written article unchanged', () => {
    const seed = loadArticleFile(SEED_DATA).value;
    const copy = structuredClone(seed);
    const once = typesetArticle(seed).value;
    expect(seed).toEqual(copy);
    expect(typesetArticle(once).value).toEqual(once);
    expect(once.title).toBe('Lukashenko regime’s cooperation with the Russian-occupied territories of Ukraine');
    expect(once.sections[1]!.paragraphs[1]).toContain('on 18\u00A0April 2023, Lukashenko held a meeting with the so-called “acting head of the DPR” Denis Pushilin');
  });

  // One article per language: the raw fixtures, imported as `briefkit build x.txt` imports them.
  const articles: [string, Article['lang']][] = [['en-long-analysis.txt', 'en'], ['be-article.txt', 'be'], ['uk-article.txt', 'uk'], ['ru-article.txt', 'ru']];
  for (const [file, lang] of articles) {
    it(`leaves no straight quote and no breakable space after a Cyrillic one-letter word in ${file}, and nothing for the text check to replace`, () => {
      const article = importArticle(readFileSync(join(RAW, file), 'utf8'), file).value.article;
      expect(article.lang).toBe(lang);
      const typeset = typesetArticle(article).value;
      const prose = strings(typeset).filter((s) => isProse(s.path));
      expect(prose.filter((s) => STRAIGHT.test(s.text)).map((s) => s.path)).toEqual([]);
      expect(prose.filter((s) => LOOSE_ONE_LETTER.test(s.text)).map((s) => `${s.path}: ${s.text}`)).toEqual([]);
      expect(checkArticleText(typeset, new FontRegistry(), file).diagnostics).toEqual([]);
      if (lang !== 'en') expect(prose.some((s) => s.text.includes(NO_BREAK_SPACE)), 'some words are bound').toBe(true);
      // The checks can fail: the written article has what they look for.
      const written = strings(article).filter((s) => isProse(s.path));
      expect(written.some((s) => STRAIGHT.test(s.text) || LOOSE_ONE_LETTER.test(s.text))).toBe(true);
    });
  }
});

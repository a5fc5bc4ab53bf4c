// Tests src/model/article.ts: the seed article validates, defaults fill in, bad ids, langs, urls, dates and references are refused at their path; blockTexts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ArticleSchema, SUPPORTED_LANGS, blockTexts, type ArticleInput } from '../../src/model/article.js';

const SEED_FILE = fileURLToPath(new URL('../../data/lukashenko-occupied-territories.yaml', import.meta.url));
const seed = (): Record<string, any> => parse(readFileSync(SEED_FILE, 'utf8'));
const minimal = (): Record<string, any> => ({
  id: 'a-b-1',
  lang: 'en',
  title: 'Title',
  keyPoints: ['One point.'],
  sections: [{ paragraphs: ['A paragraph.'] }],
  sources: [{ title: 'A source' }],
});
const issues = (data: unknown) => {
  const result = ArticleSchema.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues;
};
const paths = (data: unknown) => issues(data).map((issue) => issue.path.join('.'));

describe('the seed article', () => {
  it('validates', () => {
    const result = ArticleSchema.safeParse(seed());
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });

  it('keeps what the file says', () => {
    const article = ArticleSchema.parse(seed());
    expect(article.id).toBe('lukashenko-occupied-territories');
    expect(article.lang).toBe('en');
    expect(article.author?.name).toBe('Pavel Latushka');
    expect(article.keyPoints).toHaveLength(5);
    expect(article.sections).toHaveLength(4);
    expect(article.events.map((e) => e.date)).toEqual(['../2022-02-24', '2022-02-24', '2023-03~', '2023-04-18', '../2024-07-01']);
    expect(article.actors.map((a) => a.id)).toContain('pushilin');
    expect(article.places.find((p) => p.id === 'crimea')?.kind).toBe('occupied-territory');
  });
});

describe('defaults', () => {
  it('fills quotes, events, actors and places with empty lists', () => {
    const article = ArticleSchema.parse(minimal());
    expect(article.quotes).toEqual([]);
    expect(article.events).toEqual([]);
    expect(article.actors).toEqual([]);
    expect(article.places).toEqual([]);
    expect(article.author).toBeUndefined();
  });

  it('gives an author without roles an empty list of roles', () => {
    const article = ArticleSchema.parse({ ...minimal(), author: { name: 'Pavel Latushka' } });
    expect(article.author).toEqual({ name: 'Pavel Latushka', roles: [] });
  });

  it('makes a list unordered unless it says otherwise', () => {
    const article = ArticleSchema.parse({ ...minimal(), sections: [{ paragraphs: ['Intro.', { list: ['a', 'b'] }, { list: ['c'], ordered: true }] }] });
    expect(article.sections[0]!.paragraphs).toEqual(['Intro.', { list: ['a', 'b'], ordered: false }, { list: ['c'], ordered: true }]);
  });

  it('trims texts', () => {
    expect(ArticleSchema.parse({ ...minimal(), title: '  Spaced  ' }).title).toBe('Spaced');
  });
});

describe('refusals', () => {
  it('refuses an event naming an unknown actor, at events[i].actors[j]', () => {
    const data = seed();
    data.events[3].actors = ['lukashenko', 'putin'];
    const found = issues(data);
    expect(found.map((i) => i.path)).toEqual([['events', 3, 'actors', 1]]);
    expect(found[0]!.message).toContain('"putin"');
  });

  it('refuses an event naming an unknown place, at events[i].places[j]', () => {
    const data = seed();
    data.events[2].places = ['kyiv', 'vitebsk', 'odesa'];
    expect(paths(data)).toEqual(['events.2.places.0', 'events.2.places.2']);
  });

  it('matches event references to the article’s own ids only', () => {
    const data = minimal();
    data.events = [{ date: '2023-04-18', wording: '18 April 2023', label: 'A meeting', actors: ['x'] }];
    expect(paths(data)).toEqual(['events.0.actors.0']);
    data.actors = [{ id: 'x', name: 'X', role: 'Someone' }];
    expect(ArticleSchema.safeParse(data).success).toBe(true);
  });

  it.each(['Lukashenko', 'bad_id', '-leading', 'with space', '', 'a'.repeat(81)])('refuses the id %j', (id) => {
    expect(paths({ ...minimal(), id })).toEqual(['id']);
  });

  it('accepts an id of 80 characters and one of a single digit', () => {
    expect(ArticleSchema.safeParse({ ...minimal(), id: 'a'.repeat(80) }).success).toBe(true);
    expect(ArticleSchema.safeParse({ ...minimal(), id: '7' }).success).toBe(true);
  });

  it.each(['de', 'EN', 'be-BY', ''])('refuses the lang %j', (lang) => {
    expect(paths({ ...minimal(), lang })).toEqual(['lang']);
  });

  it.each(SUPPORTED_LANGS)('accepts the lang %s', (lang) => {
    expect(ArticleSchema.safeParse({ ...minimal(), lang }).success).toBe(true);
  });

  it('refuses a url with a space, asking for %20', () => {
    const found = issues({ ...minimal(), sources: [{ title: 'S', url: 'https://example.org/a b' }] });
    expect(found.map((i) => i.path)).toEqual([['sources', 0, 'url']]);
    expect(found[0]!.message).toContain('%20');
    expect(ArticleSchema.safeParse({ ...minimal(), sources: [{ title: 'S', url: 'https://example.org/a%20b' }] }).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/file', 'file:///etc/passwd', 'example.org'])('refuses the url %j', (url) => {
    expect(paths({ ...minimal(), sources: [{ title: 'S', url }] })).toEqual(['sources.0.url']);
  });

  it.each(['April 2023', '18.04.2023', '2023-13-01', 'soon'])('refuses the event date %j, which is not EDTF', (date) => {
    const found = issues({ ...minimal(), events: [{ date, wording: 'then', label: 'Something' }] });
    expect(found.map((i) => i.path)).toEqual([['events', 0, 'date']]);
    expect(found[0]!.message).toContain(`"${date}"`);
  });

  it('refuses more than 7 key points, and none', () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => `Point ${i + 1}.`);
    expect(ArticleSchema.safeParse({ ...minimal(), keyPoints: points(7) }).success).toBe(true);
    expect(paths({ ...minimal(), keyPoints: points(8) })).toEqual(['keyPoints']);
    expect(paths({ ...minimal(), keyPoints: [] })).toEqual(['keyPoints']);
  });

  it('refuses an empty or blank text at its path', () => {
    const data = minimal();
    data.sections = [{ heading: '   ', paragraphs: ['ok', ''] }];
    expect(paths(data).sort()).toEqual(['sections.0.heading', 'sections.0.paragraphs.1']);
  });

  it('refuses an unknown key, a latitude out of range and an unknown place kind', () => {
    expect(issues({ ...minimal(), summary: 'x' }).map((i) => i.code)).toEqual(['unrecognized_keys']);
    const data = minimal();
    data.places = [{ id: 'p', name: 'P', lat: 91, lon: 0, kind: 'village' }];
    expect(paths(data).sort()).toEqual(['places.0.kind', 'places.0.lat']);
  });

  it('refuses an article without sources', () => {
    expect(paths({ ...minimal(), sources: [] })).toEqual(['sources']);
  });
});

describe('blockTexts', () => {
  it('gives a paragraph as itself', () => {
    expect(blockTexts('A paragraph.')).toEqual(['A paragraph.']);
  });

  it('gives each item of a list, in order', () => {
    expect(blockTexts({ list: ['first', 'second', 'third'], ordered: true })).toEqual(['first', 'second', 'third']);
  });

  it('gives the text of a quotation', () => {
    expect(blockTexts({ quote: 'Belarusian enterprises are always welcome.' })).toEqual(['Belarusian enterprises are always welcome.']);
  });

  it('covers every text of the seed’s blocks', () => {
    const article = ArticleSchema.parse(seed() as ArticleInput);
    const texts = article.sections.flatMap((s) => s.paragraphs.flatMap(blockTexts));
    expect(texts.length).toBe(article.sections.reduce((n, s) => n + s.paragraphs.length, 0));
    expect(texts.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
  });
});

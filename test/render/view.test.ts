// Tests src/render/view.ts (buildView): an Article and a build date in, the template view out — nulls for absent fields, date line, blocks, bullets, quotes, sorted events, contacts, coordinates.
import { describe, expect, it } from 'vitest';
import { ArticleSchema, type Article, type ArticleInput } from '../../src/model/article.js';
import { buildView } from '../../src/render/view.js';
import { labelsFor } from '../../src/render/labels.js';

const BUILD_DATE = Date.UTC(2024, 0, 15, 12, 0);

const base: ArticleInput = {
  id: 'test-article',
  lang: 'en',
  title: 'A title',
  keyPoints: ['One point.'],
  sections: [{ heading: 'First', paragraphs: ['First sentence. Second sentence.'] }],
  sources: [{ title: 'The article' }],
};
/** A valid article: the input through the schema, defaults filled. */
const article = (changes: Partial<ArticleInput> = {}): Article => ArticleSchema.parse({ ...base, ...changes });

describe('fields present or null', () => {
  it('copies id, lang, title and key points, and gives absent subtitle and author as null', () => {
    const view = buildView(article(), BUILD_DATE);
    expect(view.id).toBe('test-article');
    expect(view.lang).toBe('en');
    expect(view.title).toBe('A title');
    expect(view.keyPoints).toEqual(['One point.']);
    expect(view.subtitle).toBeNull();
    expect(view.author).toBeNull();
    expect(view.quotes).toEqual([]);
    expect(view.events).toEqual([]);
    expect(view.actors).toEqual([]);
    expect(view.places).toEqual([]);
  });

  it('gives the author with the roles joined by commas', () => {
    const view = buildView(article({ subtitle: 'Sub', author: { name: 'Pavel Latushka', roles: ['deputy Head', 'ambassador'] } }), BUILD_DATE);
    expect(view.subtitle).toBe('Sub');
    expect(view.author).toEqual({ name: 'Pavel Latushka', roles: ['deputy Head', 'ambassador'], rolesText: 'deputy Head, ambassador' });
    expect(buildView(article({ author: { name: 'Nobody' } }), BUILD_DATE).author).toEqual({ name: 'Nobody', roles: [], rolesText: '' });
  });

  it('gives each source with null for what it lacks', () => {
    const view = buildView(article({ sources: [{ title: 'Bare' }, { title: 'Full', url: 'https://example.org/a', publisher: 'Pub', accessed: '2024-01-02' }] }), BUILD_DATE);
    expect(view.sources).toEqual([
      { title: 'Bare', url: null, publisher: null, accessed: null },
      { title: 'Full', url: 'https://example.org/a', publisher: 'Pub', accessed: '2024-01-02' },
    ]);
  });

  it('carries the labels of the article\'s language', () => {
    expect(buildView(article({ lang: 'uk' }), BUILD_DATE).labels).toEqual(labelsFor('uk'));
    expect(buildView(article({ lang: 'be' }), BUILD_DATE).labels.briefing).toBe('Брыфінг');
  });
});

describe('the date line', () => {
  it('names the publication date and the build date when the article has one', () => {
    expect(buildView(article({ date: '2023-04-18' }), BUILD_DATE).dateLine).toBe('Published 18 April 2023 · prepared 15 January 2024');
    expect(buildView(article({ date: '2023-04-18', lang: 'ru' }), BUILD_DATE).dateLine).toBe('Опубликовано 18 апреля 2023 г. · подготовлено 15 января 2024 г.');
  });

  it('otherwise says when the briefing was prepared, from the build date', () => {
    expect(buildView(article(), BUILD_DATE).dateLine).toBe('Briefing · prepared 15 January 2024');
    expect(buildView(article({ lang: 'be' }), BUILD_DATE).dateLine).toBe('Брыфінг · падрыхтавана 15 студзеня 2024 г.');
    expect(buildView(article(), Date.UTC(2025, 5, 1)).dateLine).toBe('Briefing · prepared 1 June 2025');
  });
});

describe('sections', () => {
  it('gives a section without a heading a null heading and the "Overview" title', () => {
    const view = buildView(article({ sections: [{ paragraphs: ['Text.'] }, { heading: 'Named', paragraphs: ['More.'] }] }), BUILD_DATE);
    expect(view.sections.map((s) => [s.heading, s.title])).toEqual([[null, 'Overview'], ['Named', 'Named']]);
    expect(buildView(article({ lang: 'ru', sections: [{ paragraphs: ['Текст.'] }] }), BUILD_DATE).sections[0]!.title).toBe('Обзор');
  });

  it('gives each block with exactly one of text, list, quote and image set', () => {
    const view = buildView(article({ sections: [{ paragraphs: ['Plain.', { list: ['a', 'b'], ordered: true }, { list: ['c'] }, { quote: 'Quoted.' }, { image: 'x.png', alt: 'A map', caption: 'Seen.' }] }] }), BUILD_DATE);
    const none = { text: null, list: null, ordered: false, quote: null, image: null };
    expect(view.sections[0]!.blocks).toEqual([
      { ...none, text: 'Plain.' },
      { ...none, list: ['a', 'b'], ordered: true },
      { ...none, list: ['c'] },
      { ...none, quote: 'Quoted.' },
      { ...none, image: { ref: 's0b4', caption: 'Seen.', credit: null, alt: 'A map' } },
    ]);
    // paragraphs: every text in reading order, list items one by one, a picture's caption.
    expect(view.sections[0]!.paragraphs).toEqual(['Plain.', 'a', 'b', 'c', 'Quoted.', 'Seen.']);
    expect(view.sections[0]!.images).toEqual([{ ref: 's0b4', caption: 'Seen.', credit: null, alt: 'A map' }]);
  });

  it('uses the section\'s own bullets when it has them', () => {
    const view = buildView(article({ sections: [{ paragraphs: ['First sentence. Second.'], bullets: ['Mine'] }] }), BUILD_DATE);
    expect(view.sections[0]!.bullets).toEqual(['Mine']);
  });

  it('otherwise makes bullets of each paragraph\'s first sentence, every list item and each quotation', () => {
    const view = buildView(article({ sections: [{ paragraphs: ['First sentence. Second sentence.', { list: ['item one', 'item two'] }, { quote: 'Whole quote. With two sentences.' }, 'Only one'] }] }), BUILD_DATE);
    expect(view.sections[0]!.bullets).toEqual(['First sentence.', 'item one', 'item two', 'Whole quote. With two sentences.', 'Only one']);
  });

  it('keeps an empty bullet list as given (no bullets wanted) rather than making its own', () => {
    expect(buildView(article({ sections: [{ paragraphs: ['A. B.'], bullets: [] }] }), BUILD_DATE).sections[0]!.bullets).toEqual([]);
  });
});

describe('quotes', () => {
  it('quotes with the language\'s marks and attributes to the speaker, with the context when given', () => {
    const quotes = [{ text: 'We are here.', speaker: 'A. Speaker', context: 'at a press conference' }, { text: 'No.', speaker: 'B' }];
    const en = buildView(article({ quotes }), BUILD_DATE).quotes;
    expect(en).toEqual([
      { text: 'We are here.', quoted: '“We are here.”', attribution: '— A. Speaker, at a press conference' },
      { text: 'No.', quoted: '“No.”', attribution: '— B' },
    ]);
    for (const lang of ['be', 'uk', 'ru'] as const) expect(buildView(article({ lang, quotes }), BUILD_DATE).quotes[1]!.quoted, lang).toBe('«No.»');
  });
});

describe('events', () => {
  it('sorts by date, an open start just before the day it ends on, keeping the order of equal dates', () => {
    const events = [
      { date: '2023-04-18', wording: '18 April 2023', label: 'later' },
      { date: '2022-02-24', wording: '24 February 2022', label: 'the day' },
      { date: '../2022-02-24', wording: 'until 24 February 2022', label: 'before' },
      { date: '2023-04-18', wording: '18 April 2023', label: 'later, second' },
      { date: '2023-03~', wording: 'about March 2023', label: 'spring' },
    ];
    const view = buildView(article({ events }), BUILD_DATE);
    expect(view.events.map((e) => e.label)).toEqual(['before', 'the day', 'spring', 'later', 'later, second']);
    expect(view.events[0]).toEqual({ wording: 'until 24 February 2022', label: 'before' });
  });

  it('does not reorder the article\'s own list', () => {
    const a = article({ events: [{ date: '2023-01-02', wording: 'w2', label: 'b' }, { date: '2023-01-01', wording: 'w1', label: 'a' }] });
    buildView(a, BUILD_DATE);
    expect(a.events.map((e) => e.label)).toEqual(['b', 'a']);
  });
});

describe('actors', () => {
  const actors = [
    { id: 'luk', name: 'Alexander Lukashenko', role: 'ruler', side: 'Belarus regime' },
    { id: 'push', name: 'Denis Pushilin', role: 'occupation head' },
    { id: 'aks', name: 'Sergey Aksyonov', role: 'occupation head' },
    { id: 'alone', name: 'Nobody Met', role: 'bystander' },
  ];
  const events = [
    { date: '2023-04-18', wording: '18 April 2023', label: 'meeting', actors: ['luk', 'push'] },
    { date: '2023-03~', wording: 'March 2023', label: 'visit', actors: ['aks', 'luk'] },
    { date: '2023-05-01', wording: '1 May 2023', label: 'alone on stage', actors: ['alone'] },
  ];

  it('lists whom each actor met, with the wording of the date, in date order', () => {
    const view = buildView(article({ actors, events }), BUILD_DATE);
    expect(view.actors[0]).toEqual({ name: 'Alexander Lukashenko', role: 'ruler', side: 'Belarus regime', contacts: 'Sergey Aksyonov (March 2023); Denis Pushilin (18 April 2023)' });
    expect(view.actors[1]).toEqual({ name: 'Denis Pushilin', role: 'occupation head', side: null, contacts: 'Alexander Lukashenko (18 April 2023)' });
    expect(view.actors[2]!.contacts).toBe('Alexander Lukashenko (March 2023)');
  });

  it('gives null contacts to an actor who met nobody (an event naming only them is no meeting)', () => {
    const view = buildView(article({ actors, events }), BUILD_DATE);
    expect(view.actors[3]!.contacts).toBeNull();
    expect(buildView(article({ actors }), BUILD_DATE).actors.every((a) => a.contacts === null)).toBe(true);
  });

  it('lists everyone an actor met at one event', () => {
    const view = buildView(article({ actors, events: [{ date: '2023-01-01', wording: 'New Year', label: 'summit', actors: ['luk', 'push', 'aks'] }] }), BUILD_DATE);
    expect(view.actors[0]!.contacts).toBe('Denis Pushilin (New Year); Sergey Aksyonov (New Year)');
    expect(view.actors[2]!.contacts).toBe('Alexander Lukashenko (New Year); Denis Pushilin (New Year)');
  });
});

describe('places', () => {
  /** No-break spaces as plain ones, for reading the expectations. */
  const plain = (text: string) => text.replace(/\u00A0/g, ' ');

  it('writes the kind in words and the coordinates with two decimals and N/S, E/W', () => {
    const places = [
      { id: 'minsk', name: 'Minsk', lat: 53.9006, lon: 27.559, kind: 'capital' as const },
      { id: 'crimea', name: 'Crimea', lat: 45.3, lon: 34.4, kind: 'occupied-territory' as const },
      { id: 'sydney', name: 'Sydney', lat: -33.8688, lon: 151.2093, kind: 'city' as const },
      { id: 'london', name: 'London', lat: 51.5072, lon: -0.1276, kind: 'capital' as const },
    ];
    const view = buildView(article({ places }), BUILD_DATE);
    expect(view.places.map((p) => ({ ...p, coordinates: plain(p.coordinates) }))).toEqual([
      { name: 'Minsk', kind: 'capital', coordinates: '53.90° N, 27.56° E' },
      { name: 'Crimea', kind: 'occupied territory', coordinates: '45.30° N, 34.40° E' },
      { name: 'Sydney', kind: 'city', coordinates: '33.87° S, 151.21° E' },
      { name: 'London', kind: 'capital', coordinates: '51.51° N, 0.13° W' },
    ]);
  });

  it('holds each coordinate together with no-break spaces: a line breaks only after the comma', () => {
    const view = buildView(article({ lang: 'be', places: [{ id: 'minsk', name: 'Мінск', lat: 53.9006, lon: 27.559, kind: 'capital' }] }), BUILD_DATE);
    expect(view.places[0]!.coordinates).toBe('53,90°\u00A0паўн.\u00A0ш., 27,56°\u00A0усх.\u00A0д.');
  });

  it('counts the equator and the prime meridian as north and east', () => {
    const view = buildView(article({ places: [{ id: 'null-island', name: 'Null Island', lat: 0, lon: 0, kind: 'region' }] }), BUILD_DATE);
    expect(plain(view.places[0]!.coordinates)).toBe('0.00° N, 0.00° E');
  });

  it.each([
    ['be', 'сталіца', 'акупаваная тэрыторыя', '53,90° паўн. ш., 27,56° усх. д.', '33,87° паўд. ш., 0,13° зах. д.'],
    ['uk', 'столиця', 'окупована територія', '53,90° пн. ш., 27,56° сх. д.', '33,87° пд. ш., 0,13° зх. д.'],
    ['ru', 'столица', 'оккупированная территория', '53,90° с. ш., 27,56° в. д.', '33,87° ю. ш., 0,13° з. д.'],
  ] as const)('in %s writes kinds, hemispheres and the decimal comma in the language', (lang, capital, occupied, north, south) => {
    const places = [
      { id: 'a', name: 'A', lat: 53.9006, lon: 27.559, kind: 'capital' as const },
      { id: 'b', name: 'B', lat: -33.8688, lon: -0.1276, kind: 'occupied-territory' as const },
    ];
    const view = buildView(article({ lang, places }), BUILD_DATE);
    expect(view.places.map((p) => [p.kind, plain(p.coordinates)])).toEqual([[capital, north], [occupied, south]]);
    expect(view.places.map((p) => p.kind + p.coordinates).join(' ')).not.toMatch(/[A-Za-z]/);
  });

  it('takes a theme\'s own wording of the kinds and hemispheres', () => {
    const labels = labelsFor('en', { en: { kindCapital: 'seat of government', north: 'North', east: 'East' } });
    const view = buildView(article({ places: [{ id: 'minsk', name: 'Minsk', lat: 53.9006, lon: 27.559, kind: 'capital' }] }), BUILD_DATE, labels);
    expect(view.places[0]!.kind).toBe('seat of government');
    expect(plain(view.places[0]!.coordinates)).toBe('53.90° North, 27.56° East');
  });
});

// The article's places from its texts: once each, in the order named, in the article's language, with notes; and
// the raw fixtures of four languages against the places a reader marks in them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articlePlaces, placesIn } from '../../src/import/places.js';
import { importArticle } from '../../src/import/import.js';

const placeIds = (file: string) => importArticle(readFileSync(file, 'utf8'), file).value.article.places.map((p) => p.id);

describe('articlePlaces', () => {
  it('lists each place once, in the order first named, with a note at its first line naming the forms found', () => {
    const { places, notes } = articlePlaces([{ text: 'Делегацыя з Крыма была ў Мінску.', line: 3 }, { text: 'У Мінску і ў Крыме.', line: 5 }], 'be');
    expect(places).toEqual([
      { id: 'crimea', name: 'Крым', lat: 45.3, lon: 34.2, kind: 'occupied-territory', country: 'Украіна' },
      { id: 'minsk', name: 'Мінск', lat: 53.9, lon: 27.5667, kind: 'capital', country: 'Беларусь' },
    ]);
    expect(notes).toEqual([
      { line: 3, message: 'place: Крым (occupied-territory, 45.3, 34.2) from "Крыма", "Крыме"' },
      { line: 3, message: 'place: Мінск (capital, 53.9, 27.5667) from "Мінску"' },
    ]);
  });

  it('finds nothing in a text that names no place', () => {
    expect(articlePlaces([{ text: 'The regime does not advertise these ties.', line: 1 }], 'en')).toEqual({ places: [], notes: [] });
  });

  it('gives a sentence’s places among the article’s', () => {
    expect(placesIn('From Minsk to Crimea and Kyiv.', new Set(['minsk', 'crimea']))).toEqual(['minsk', 'crimea']);
  });
});

describe('the raw fixtures against the places a reader marks', () => {
  it('the seed: DPR, LPR, Crimea, Vitebsk, Rostov-on-Don', () => {
    expect(placeIds('test/fixtures/seed-000.txt')).toEqual(['dpr', 'lpr', 'crimea', 'vitebsk', 'rostov-on-don']);
  });
  it('be: Minsk, DPR, Crimea, the Vitebsk region, Vitebsk, Rostov-on-Don', () => {
    expect(placeIds('test/fixtures/raw/be-article.txt')).toEqual(['minsk', 'dpr', 'crimea', 'vitebsk-region', 'vitebsk', 'rostov-on-don']);
  });
  it('uk: Minsk, Vitebsk, Crimea, Rostov-on-Don, Kyiv', () => {
    expect(placeIds('test/fixtures/raw/uk-article.txt')).toEqual(['minsk', 'vitebsk', 'crimea', 'rostov-on-don', 'kyiv']);
  });
  it('ru: Vitebsk, Crimea, Minsk, Rostov-on-Don', () => {
    expect(placeIds('test/fixtures/raw/ru-article.txt')).toEqual(['vitebsk', 'crimea', 'minsk', 'rostov-on-don']);
  });
  it('en: Minsk in the title, Donbas, Vitebsk, Crimea, Rostov-on-Don; the news: the dateline’s Vilnius, Kyiv, the Donetsk region', () => {
    expect(placeIds('test/fixtures/raw/en-long-analysis.txt')).toEqual(['minsk', 'donbas', 'vitebsk', 'crimea', 'rostov-on-don']);
    expect(placeIds('test/fixtures/raw/en-short-news.txt')).toEqual(['rostov-on-don', 'vilnius', 'minsk', 'kyiv', 'donetsk-region']);
    expect(placeIds('test/fixtures/raw/en-standfirst-dates.txt')).toEqual(['crimea', 'vitebsk', 'simferopol', 'rostov-on-don']);
  });
});

describe('events gain the places and actors their sentence names', () => {
  const events = (file: string) => importArticle(readFileSync(file, 'utf8'), file).value.article.events.map((e) => [e.date, e.places ?? [], e.actors ?? []]);
  it('be, uk, ru', () => {
    expect(events('test/fixtures/raw/be-article.txt')).toContainEqual(['2023-04-18', ['minsk', 'dpr'], ['lukashenka', 'pushylin']]);
    expect(events('test/fixtures/raw/uk-article.txt')).toContainEqual(['2023-03~', ['vitebsk', 'crimea'], []]);
    expect(events('test/fixtures/raw/ru-article.txt')).toContainEqual(['../2024-07-01', ['rostov-on-don'], []]);
  });
  it('en: an event naming no place or actor gets neither', () => {
    const seed = events('test/fixtures/seed-000.txt');
    expect(seed[0]).toEqual(['2022-02-24', [], []]);
    expect(seed).toContainEqual(['../2024-07-01', ['rostov-on-don'], []]);
  });
});

// The gazetteer's finder from a text: names in four languages and their case forms, multi-word names before their
// first word, the generated cities only after a preposition, and the words that are no place.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPlaceMentions, placeName } from '../../src/import/gazetteer.js';
import { GAZETTEER_ROWS } from '../../src/import/gazetteer-data.js';

const ids = (text: string) => findPlaceMentions(text).map((m) => m.row.id);
const forms = (text: string) => findPlaceMentions(text).map((m) => m.text);

describe('findPlaceMentions', () => {
  it('finds English names, possessives and spellings', () => {
    expect(ids('A consulate in Rostov-on-Don, talks in Minsk, and Kiev’s reply; Vitebsk officials went to Crimea.')).toEqual(['rostov-on-don', 'minsk', 'kyiv', 'vitebsk', 'crimea']);
    expect(ids("Minsk's answer")).toEqual(['minsk']);
    expect(ids('Plants in Minsk and Barysau, Homiel and Mahiliou.')).toEqual(['minsk', 'barysaw', 'gomel', 'mogilev']);
  });

  it('finds inflected Slavic forms in be, uk, ru', () => {
    expect(ids('Лукашэнка сустрэўся ў Мінску. Дэлегацыя з акупаванага Крыма была ў Віцебску і ў Вільнюсі.')).toEqual(['minsk', 'crimea', 'vitebsk', 'vilnius']);
    expect(ids('Консульство в Ростові-на-Дону; у Криму; у Києві; з Вільнюса.')).toEqual(['rostov-on-don', 'crimea', 'kyiv', 'vilnius']);
    expect(ids('Встреча в Минске, консульство в Ростове-на-Дону, власти Крыма, делегация из Москвы.')).toEqual(['minsk', 'rostov-on-don', 'crimea', 'moscow']);
    expect(ids('Консульства ў Растове-на-Доне')).toEqual(['rostov-on-don']);
  });

  it('prefers a region of two words to the city its first word names, in any case', () => {
    expect(ids('Crimea and the Donetsk region, then Donetsk itself.')).toEqual(['crimea', 'donetsk-region', 'donetsk']);
    expect(ids('в Донецкой области')).toEqual(['donetsk-region']);
    expect(ids('у Віцебскай вобласці')).toEqual(['vitebsk-region']);
    expect(forms('на Донеччині і в Луганській області')).toEqual(['Донеччині', 'Луганській області']);
  });

  it('finds the occupied territories by their abbreviations', () => {
    expect(ids('the "DPR" and «ЛНР», the self-proclaimed DNR')).toEqual(['dpr', 'lpr', 'dpr']);
    expect(GAZETTEER_ROWS.find((r) => r.id === 'dpr')!.kind).toBe('occupied-territory');
  });

  it('finds a generated city only after a preposition: a surname that is a town is no place', () => {
    expect(GAZETTEER_ROWS.find((r) => r.id === 'kirov')?.gated).toBe(true);
    expect(ids('Kirov said the plant would close.')).toEqual([]);
    expect(ids('The plant in Kirov would close.')).toEqual(['kirov']);
    expect(ids('A letter from Vladimir Putin; a visit to Vladimir.')).toEqual(['vladimir']);
  });

  it('does not take lower-case words, words inside longer words or names split by punctuation', () => {
    expect(ids('a crimea of words; Minskers; Minsk-based; Donetsk. Region')).toEqual(['donetsk']);
    expect(ids('Рыгор і Крымскі мост')).toEqual([]);
  });

  it('writes a place in the article’s language, in English when the list has no other name', () => {
    const rostov = GAZETTEER_ROWS.find((r) => r.id === 'rostov-on-don')!;
    expect([placeName(rostov, 'en'), placeName(rostov, 'be'), placeName(rostov, 'uk'), placeName(rostov, 'ru')]).toEqual(['Rostov-on-Don', 'Растоў-на-Доне', 'Ростов-на-Дону', 'Ростов-на-Дону']);
    expect(placeName(GAZETTEER_ROWS.find((r) => r.id === 'kirov')!, 'ru')).toBe('Kirov');
  });
});

describe('the gazetteer data', () => {
  it('has unique ids and coordinates inside the region (Europe, the Caucasus, Russia)', () => {
    expect(new Set(GAZETTEER_ROWS.map((r) => r.id)).size).toBe(GAZETTEER_ROWS.length);
    for (const row of GAZETTEER_ROWS) {
      expect(row.lat, row.id).toBeGreaterThan(38);
      expect(row.lat, row.id).toBeLessThan(75);
      expect(row.lon, row.id).toBeGreaterThan(13);
      expect(row.lon, row.id).toBeLessThan(180);
    }
  });

  it('gives every curated place a name in each of the four languages', () => {
    for (const row of GAZETTEER_ROWS.filter((r) => !r.gated)) for (const lang of ['en', 'be', 'uk', 'ru'] as const) expect(row.names[lang]?.length, `${row.id} ${lang}`).toBeGreaterThan(0);
  });

  it('has GeoNames coordinates for the cities (Vitebsk, Rostov-on-Don within 0.01°)', () => {
    const at = (id: string) => GAZETTEER_ROWS.find((r) => r.id === id)!;
    expect(at('vitebsk').lat).toBeCloseTo(55.19, 2);
    expect(at('vitebsk').lon).toBeCloseTo(30.2, 2);
    expect(at('rostov-on-don').lat).toBeCloseTo(47.23, 2);
    expect(at('rostov-on-don').lon).toBeCloseTo(39.72, 2);
  });
});

describe('findPlaceMentions on any text', () => {
  it('never throws, and each mention is the text at its offsets, in order, not overlapping', () => {
    const words = fc.constantFrom('Minsk', 'у', 'Мінску', 'Ростове-на-Дону', 'Donetsk', 'region', 'Крыма', 'in', 'Kirov', 'Vladimir', 'DPR', ',', '.', '\n', '«', '»', 'Віцебская', 'вобласць', "'s", '-');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words).map((w) => w.join(' '))), (text) => {
        let end = 0;
        for (const m of findPlaceMentions(text)) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(end);
          end = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

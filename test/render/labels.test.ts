// Tests src/render/labels.ts: the fixed words of the templates in en, be, uk and ru (labelsFor) and long dates in each language, in UTC (formatLongDate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCoordinates, formatDecimal, formatKilometres, formatLongDate, labelsFor, placeKindLabel, type Lang, type Labels } from '../../src/render/labels.js';

const LANGS: Lang[] = ['en', 'be', 'uk', 'ru'];

describe('labelsFor', () => {
  it('gives every language the same labels, none of them empty', () => {
    // The fields of the Labels interface, which the templates use by name.
    const keys = [
      'briefing', 'keyPoints', 'timeline', 'actors', 'places', 'sources', 'quotation', 'date', 'event', 'name', 'role', 'side', 'place', 'kind',
      'coordinates', 'prepared', 'published', 'pageOf', 'notes', 'continued', 'accessed', 'overview', 'mapCredit', 'contacts',
      'aboutAuthor', 'suggestedCitation',
      'kindCapital', 'kindCity', 'kindRegion', 'kindOccupiedTerritory', 'kilometres', 'north', 'south', 'east', 'west', 'slide',
    ].sort();
    for (const lang of LANGS) {
      const labels = labelsFor(lang);
      expect(Object.keys(labels).sort(), lang).toEqual(keys);
      for (const [key, value] of Object.entries(labels)) expect(value.trim().length, `${lang}.${key}`).toBeGreaterThan(0);
    }
  });

  it('writes the Cyrillic languages\' labels in Cyrillic (the map credit keeps the name "Natural Earth")', () => {
    for (const lang of ['be', 'uk', 'ru'] as const) {
      for (const [key, value] of Object.entries(labelsFor(lang))) {
        const latin = value.replace(/Natural Earth/g, '').replace(/\{pages?\}/g, '');
        expect(latin, `${lang}.${key}`).not.toMatch(/[A-Za-z]/);
        expect(latin, `${lang}.${key}`).toMatch(/\p{Script=Cyrillic}/u);
      }
    }
    for (const value of Object.values(labelsFor('en'))) expect(value).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('uses each language\'s own words, not another\'s', () => {
    expect(labelsFor('en').briefing).toBe('Briefing');
    expect(labelsFor('be').briefing).toBe('Брыфінг');
    expect(labelsFor('uk').briefing).toBe('Брифінг');
    expect(labelsFor('ru').briefing).toBe('Брифинг');
    // Letters only one language has: ў in Belarusian, ї / є / ’ in Ukrainian, ы / э in Russian and Belarusian but not Ukrainian.
    expect(Object.values(labelsFor('be')).join(' ')).toMatch(/ў/);
    expect(Object.values(labelsFor('uk')).join(' ')).toMatch(/[їє’]/);
    expect(Object.values(labelsFor('uk')).join(' ')).not.toMatch(/[ыэъё]/);
    expect(Object.values(labelsFor('ru')).join(' ')).not.toMatch(/[іїєўґ]/);
    expect(Object.values(labelsFor('be')).join(' ')).not.toMatch(/[иъщїє]/);
  });

  it('has "page {page} of {pages}" with both placeholders once, in every language', () => {
    for (const lang of LANGS) {
      const { pageOf } = labelsFor(lang);
      expect(pageOf.match(/\{page\}/g), lang).toHaveLength(1);
      expect(pageOf.match(/\{pages\}/g), lang).toHaveLength(1);
      expect(pageOf.indexOf('{page}'), lang).toBeLessThan(pageOf.indexOf('{pages}'));
    }
    expect(labelsFor('en').pageOf.replace('{page}', '3').replace('{pages}', '7')).toBe('page 3 of 7');
  });

  it('gives no two labels of a language the same text', () => {
    for (const lang of LANGS) {
      const labels = labelsFor(lang) as unknown as Record<keyof Labels, string>;
      const values = Object.values(labels);
      expect(new Set(values).size, lang).toBe(values.length);
    }
  });
});

describe('the words figures and the places table draw', () => {
  const plain = (text: string) => text.replace(/\u00A0/g, ' ');

  it('name every kind of place in each language', () => {
    const kinds = ['capital', 'city', 'region', 'occupied-territory'] as const;
    expect(kinds.map((kind) => placeKindLabel(kind, labelsFor('en')))).toEqual(['capital', 'city', 'region', 'occupied territory']);
    expect(kinds.map((kind) => placeKindLabel(kind, labelsFor('be')))).toEqual(['сталіца', 'горад', 'рэгіён', 'акупаваная тэрыторыя']);
    expect(kinds.map((kind) => placeKindLabel(kind, labelsFor('uk')))).toEqual(['столиця', 'місто', 'регіон', 'окупована територія']);
    expect(kinds.map((kind) => placeKindLabel(kind, labelsFor('ru')))).toEqual(['столица', 'город', 'регион', 'оккупированная территория']);
  });

  it('write coordinates with the decimal point in English, the decimal comma and the hemispheres\' abbreviations in be, uk, ru', () => {
    const at = (lang: Lang) => plain(formatCoordinates(53.9006, 27.559, lang, labelsFor(lang)));
    expect(at('en')).toBe('53.90° N, 27.56° E');
    // CLDR's short coordinate units (common/main/<lang>.xml, coordinateUnit).
    expect(at('be')).toBe('53,90° паўн. ш., 27,56° усх. д.');
    expect(at('uk')).toBe('53,90° пн. ш., 27,56° сх. д.');
    expect(at('ru')).toBe('53,90° с. ш., 27,56° в. д.');
    expect(plain(formatCoordinates(-12.345, -98.7, 'ru', labelsFor('ru')))).toBe('12,35° ю. ш., 98,70° з. д.');
  });

  it('write a distance with its unit, without grouping, held together', () => {
    expect(formatKilometres(1000, 'en', labelsFor('en').kilometres)).toBe('1000\u00A0km');
    expect(formatKilometres(250, 'be', labelsFor('be').kilometres)).toBe('250\u00A0км');
    expect(formatDecimal(1234.5, 'uk', 1)).toBe('1234,5');
  });
});

describe('formatLongDate', () => {
  it('writes day, month name and year in each language\'s long form', () => {
    expect(formatLongDate('2023-04-18', 'en')).toBe('18 April 2023');
    expect(formatLongDate('2023-04-18', 'be')).toBe('18 красавіка 2023 г.');
    expect(formatLongDate('2023-04-18', 'uk')).toBe('18 квітня 2023 р.');
    expect(formatLongDate('2023-04-18', 'ru')).toBe('18 апреля 2023 г.');
  });

  it('uses British order in English (day before month, no comma)', () => {
    expect(formatLongDate('2022-02-24', 'en')).toBe('24 February 2022');
    expect(formatLongDate('2022-02-24', 'en')).not.toMatch(/,/);
  });

  it('puts the month in the genitive in the Cyrillic languages', () => {
    // January: студзень → студзеня, січень → січня, январь → января.
    expect(formatLongDate('2024-01-01', 'be')).toBe('1 студзеня 2024 г.');
    expect(formatLongDate('2024-01-01', 'uk')).toBe('1 січня 2024 р.');
    expect(formatLongDate('2024-01-01', 'ru')).toBe('1 января 2024 г.');
  });

  it('reads a leap day', () => {
    expect(formatLongDate('2024-02-29', 'en')).toBe('29 February 2024');
  });

  describe('in a time zone far from UTC', () => {
    let saved: string | undefined;
    beforeAll(() => {
      saved = process.env.TZ;
      // West of UTC a local reading of midnight UTC would fall on the day before; east of it a late UTC hour on the day after.
      process.env.TZ = 'America/Los_Angeles';
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('keeps an ISO date on its own day', () => {
      expect(new Date(Date.UTC(2023, 3, 18)).getDate(), 'the time zone took effect').toBe(17);
      expect(formatLongDate('2023-04-18', 'en')).toBe('18 April 2023');
      expect(formatLongDate('2023-01-01', 'ru')).toBe('1 января 2023 г.');
    });

    it('takes epoch milliseconds as a UTC day', () => {
      expect(formatLongDate(Date.UTC(2023, 0, 1, 3, 0), 'en')).toBe('1 January 2023');
      expect(formatLongDate(Date.UTC(2023, 11, 31, 23, 59), 'uk')).toBe('31 грудня 2023 р.');
      expect(formatLongDate(1_700_000_000_000, 'en')).toBe('14 November 2023');
    });
  });
});

// Tests src/layout/hyphenate.ts: hyphenation points of a word for en, be, uk and ru (TeX patterns), at least 2 letters before and 3 after, none for non-words or other languages.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hyphenationPoints } from '../../src/layout/hyphenate.js';

/** The word with a hyphen at each point: "hy-phen-a-tion". */
const show = (word: string, lang: string) => {
  const points = hyphenationPoints(word, lang);
  return points.reduceRight((w, p) => `${w.slice(0, p)}-${w.slice(p)}`, word);
};

describe('each language uses its own patterns', () => {
  it('English (British patterns)', () => {
    expect(show('hyphenation', 'en')).toBe('hy-phen-a-tion');
    expect(show('consulate', 'en')).toBe('con-su-late');
    expect(show('occupied', 'en')).toBe('oc-cu-pied');
  });

  it('Belarusian', () => {
    expect(show('акупаваныя', 'be')).toBe('аку-па-ва-ныя');
    expect(show('тэрыторыі', 'be')).toBe('тэ-ры-то-рыі');
    expect(show('рэжым', 'be')).toBe('рэ-жым');
  });

  it('Ukrainian', () => {
    expect(show('консульство', 'uk')).toBe('кон-суль-ство');
    expect(show('співпраця', 'uk')).toBe('спів-праця'); // the patterns' спів-пра-ця, less the 2-letter end
    expect(show('окупованих', 'uk')).toBe('оку-по-ва-них');
  });

  it('Russian', () => {
    expect(show('сотрудничество', 'ru')).toBe('со-труд-ни-че-ство');
    expect(show('оккупированных', 'ru')).toBe('ок-ку-пи-ро-ван-ных');
    expect(show('режим', 'ru')).toBe('ре-жим');
  });

  it('gives offsets into the word, after which the hyphen goes', () => {
    expect(hyphenationPoints('hyphenation', 'en')).toEqual([2, 6, 7]);
    expect(hyphenationPoints('сотрудничество', 'ru')).toEqual([2, 6, 8, 10]);
  });

  it('does not hyphenate a word with another language\'s patterns', () => {
    // English patterns know no Cyrillic letters, and the Cyrillic ones no Latin letters.
    expect(hyphenationPoints('сотрудничество', 'en')).toEqual([]);
    expect(hyphenationPoints('hyphenation', 'ru')).toEqual([]);
  });
});

describe('limits', () => {
  it('leaves at least 3 letters after the last hyphen, dropping the patterns\' shorter endings', () => {
    // The patterns allow вой-на / вай-на / вій-на and Укра-ї-на; a 2-letter last piece is not kept.
    expect(hyphenationPoints('война', 'ru')).toEqual([]);
    expect(hyphenationPoints('вайна', 'be')).toEqual([]);
    expect(hyphenationPoints('війна', 'uk')).toEqual([]);
    expect(show('Україна', 'uk')).toBe('Укра-їна');
    expect(show('територіях', 'uk')).toBe('те-ри-то-ріях');
    expect(show('Лукашэнка', 'be')).toBe('Лу-ка-шэ-нка');
  });

  it('does not hyphenate words under 5 letters', () => {
    for (const [word, lang] of [['into', 'en'], ['сала', 'be'], ['мова', 'uk'], ['дело', 'ru']]) expect(hyphenationPoints(word!, lang!)).toEqual([]);
  });

  it('does not hyphenate what is not a single word of letters', () => {
    for (const text of ['Rostov-on-Don', "don't", 'COVID19', 'two words', 'hyphen\u00ADation', '']) expect(hyphenationPoints(text, 'en'), text).toEqual([]);
  });

  it('gives nothing for a language it has no patterns for', () => {
    expect(hyphenationPoints('hyphenation', 'de')).toEqual([]);
    expect(hyphenationPoints('hyphenation', 'en-GB')).toEqual([]);
  });

  it('ignores capital letters', () => {
    expect(hyphenationPoints('Hyphenation', 'en')).toEqual(hyphenationPoints('hyphenation', 'en'));
    expect(hyphenationPoints('HYPHENATION', 'en')).toEqual([2, 6, 7]);
    expect(hyphenationPoints('Государство', 'ru')).toEqual(hyphenationPoints('государство', 'ru'));
    expect(hyphenationPoints('Государство', 'ru').length).toBeGreaterThan(0);
  });
});

describe('for any word of letters (property)', () => {
  const alphabets: Record<string, string> = {
    en: 'abcdefghijklmnopqrstuvwxyz',
    be: 'абвгдеёжзійклмнопрстуўфхцчшыьэюя',
    uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
    ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  };
  for (const [lang, alphabet] of Object.entries(alphabets)) {
    it(`${lang}: points rise, leave 2 letters before and 3 after, and do not depend on case`, () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 20 }), (word) => {
          const points = hyphenationPoints(word, lang);
          if (word.length < 5) expect(points).toEqual([]);
          for (let i = 0; i < points.length; i++) {
            expect(points[i]!).toBeGreaterThanOrEqual(2);
            expect(word.length - points[i]!).toBeGreaterThanOrEqual(3);
            if (i > 0) expect(points[i]!).toBeGreaterThan(points[i - 1]!);
          }
          expect(hyphenationPoints(word.toUpperCase(), lang)).toEqual(points);
        }),
        { numRuns: 300 },
      );
    });
  }
});

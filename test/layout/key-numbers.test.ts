// Figures in articles' sentences (en, be, uk, ru) in, key numbers out: money, percentages and counts with captions; dates and years left out.
import { describe, expect, it } from 'vitest';
import { findNumbers, keyNumbersOf } from '../../src/layout/key-numbers.js';
import { ArticleSchema, type Article } from '../../src/model/article.js';
import { loadArticleFile } from '../../src/load/load.js';
import { SEED_DATA } from '../support/seed.js';

const values = (sentence: string, lang: Article['lang'] = 'en') => findNumbers(sentence, lang).map((n) => n.value);

describe('findNumbers', () => {
  it('finds money, percentages and counts in English, with a caption from the clause', () => {
    const [trade] = findNumbers('Trade with the occupied territories reached $1.2 bn in 2023.', 'en');
    expect(trade).toMatchObject({ kind: 'money', value: '$1.2\u00A0bn', caption: 'Trade with the occupied territories reached $1.2 bn in 2023' });
    expect(findNumbers('Prices rose 15–20 per cent over the winter.', 'en')[0]).toMatchObject({ kind: 'percent', value: '15–20%' });
    expect(findNumbers('The region signed 3 agreements with the occupation authorities.', 'en')[0]).toMatchObject({ kind: 'count', value: '3', caption: 'agreements with the occupation authorities' });
    expect(findNumbers('The list now contains 233 individuals, including judges and prison officials.', 'en')[0]!.caption).toBe('individuals, including judges and prison officials');
  });

  it('leaves out dates, years, ranges of years and ones', () => {
    expect(values('On 18 April 2023 Lukashenko met Pushilin.')).toEqual([]);
    expect(values('The consulate opens no later than 1 July 2024.')).toEqual([]);
    expect(values('The report for 2022–2023 speaks of difficulties.')).toEqual([]);
    expect(values('In 2022 contacts intensified; on April 18 they met.')).toEqual([]);
    expect(values('It opened 1 consulate.')).toEqual([]);
    expect(values('Dated 18.04.2023, the order names 12 officials.')).toEqual(['12']);
  });

  it('finds figures in Belarusian, Ukrainian and Russian, and not their dates', () => {
    expect(values('Тавараабарот вырас на 40 працэнтаў за год.', 'be')).toEqual(['40\u00A0%']);
    expect(values('18 красавіка 2023 года адбылася сустрэча.', 'be')).toEqual([]);
    expect(values('Тавараабарот склаў 1,2 млрд долараў.', 'be')).toEqual(['1,2\u00A0млрд\u00A0долараў']);
    expect(values('Товарообіг зріс на 25 % у 2023 році.', 'uk')).toEqual(['25\u00A0%']);
    expect(values('Підписано 5 угод про співпрацю.', 'uk')).toEqual(['5']);
    expect(values('1 липня 2024 року відкриється консульство.', 'uk')).toEqual([]);
    expect(values('Объём торговли достиг 300 млн рублей.', 'ru')).toEqual(['300\u00A0млн\u00A0рублей']);
    expect(values('В Ростове работают 12 предприятий из Беларуси.', 'ru')).toEqual(['12']);
    expect(values('24 февраля 2022 года началось вторжение.', 'ru')).toEqual([]);
  });
});

const article = (over: Partial<Article>): Article => ({ ...loadArticleFile(SEED_DATA).value, ...over });

describe('keyNumbersOf', () => {
  it('finds none in the seed (its figures are dates): no key-numbers slide', () => {
    expect(keyNumbersOf(loadArticleFile(SEED_DATA).value)).toEqual([]);
  });

  it('takes up to four, money and percentages first, one a sentence, in reading order, each with its sentence and field', () => {
    const paragraphs = ['Trade reached $1.2 bn. It involved 40 firms.', 'Exports rose 15 % and imports 3 %.', 'Some 7 regions and 9 cities took part. Prices fell 2 %.'];
    const found = keyNumbersOf(article({ sections: [{ heading: 'H', paragraphs }] }));
    expect(found.map((n) => n.value)).toEqual(['$1.2\u00A0bn', '40', '15%', '2%']);
    expect(found[0]).toMatchObject({ sentence: 'Trade reached $1.2 bn.', path: 'sections[0].paragraphs[0]' });
    expect(found[3]!.path).toBe('sections[0].paragraphs[2]');
  });

  it('returns none when fewer than two are found, and the article\'s own keyNumbers when given', () => {
    expect(keyNumbersOf(article({ sections: [{ heading: 'H', paragraphs: ['Trade reached $1.2 bn.'] }] }))).toEqual([]);
    const given = article({ keyNumbers: [{ value: '3', caption: 'agreements' }, { value: '40%', caption: 'of trade' }] });
    expect(keyNumbersOf(given)).toEqual([{ value: '3', caption: 'agreements', path: 'keyNumbers[0]' }, { value: '40%', caption: 'of trade', path: 'keyNumbers[1]' }]);
  });
});

describe('the keyNumbers field', () => {
  const seed = () => structuredClone(loadArticleFile(SEED_DATA).value) as Record<string, unknown>;
  const issues = (keyNumbers: unknown) => ArticleSchema.safeParse({ ...seed(), keyNumbers }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('is optional, two to four figures, each a short value and caption', () => {
    expect(issues(undefined)).toEqual([]);
    expect(issues([{ value: '3', caption: 'agreements' }, { value: '40%', caption: 'of trade' }])).toEqual([]);
    expect(issues([{ value: '3', caption: 'agreements' }])).toEqual(['keyNumbers: give at least two key numbers (or none: they are then found in the text)']);
    expect(issues(Array.from({ length: 5 }, () => ({ value: '3', caption: 'x' })))).toEqual(['keyNumbers: give at most four key numbers']);
    expect(issues([{ value: '1234567890 12345678', caption: 'x' }, { value: '2', caption: '' }])).toEqual([
      'keyNumbers.0.value: a key number is a short figure (at most 16 characters, e.g. "$1.2 bn", "40%")',
      'keyNumbers.1.caption: must not be empty',
    ]);
  });
});

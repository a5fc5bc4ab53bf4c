// Sentences in four languages in, the dates the importer finds out: EDTF value and the article's own wording.
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/import/dates.js';
import { parseEdtf } from '../../src/model/edtf.js';

/** Each case: a sentence, then [edtf, wording] for every date it holds, in order. */
type Case = [string, [string, string][]];
const check = (cases: Case[]) => {
  for (const [sentence, expected] of cases) {
    const found = findDates(sentence);
    expect(found.map((d) => [d.edtf, d.wording]), sentence).toEqual(expected);
    for (const d of found) {
      expect(parseEdtf(d.edtf), d.edtf).not.toBeNull();
      expect(sentence.slice(d.index, d.index + d.raw.length)).toBe(d.raw);
    }
  }
};

describe('dates in English', () => {
  it('day, month and year in words, in either order, with ordinals', () => {
    check([
      ['On 18 April 2023, Lukashenko met Pushilin.', [['2023-04-18', '18 April 2023']]],
      ['Lukashenko met Pushilin on April 18, 2023 in Minsk.', [['2023-04-18', 'April 18, 2023']]],
      ['It happened on the 18th of April, 2023.', [['2023-04-18', '18th of April, 2023']]],
      ['Signed on 1 Sept. 2023 and on 2 Dec 2023.', [['2023-09-01', '1 Sept. 2023'], ['2023-12-02', '2 Dec 2023']]],
    ]);
  });

  it('in digits: dd.mm.yyyy and ISO', () => {
    check([
      ['Published on 18.03.2023.', [['2023-03-18', '18.03.2023']]],
      ['The declaration dated 2023-06-21 says so.', [['2023-06-21', '2023-06-21']]],
    ]);
  });

  it('months, and early, mid and late in them ("early March 2023" is 2023-03~)', () => {
    check([
      ['The figures for May 2023 are out.', [['2023-05', 'May 2023']]],
      ['In early March 2023, an agreement was signed.', [['2023-03~', 'early March 2023']]],
      ['In mid-June 2023 a shipment left.', [['2023-06~', 'mid-June 2023']]],
      ['Visits followed in late September 2023.', [['2023-09~', 'late September 2023']]],
      ['At the beginning of March 2023 they met.', [['2023-03~', 'the beginning of March 2023']]],
      ['In late 2022 a trading house ordered forty machines.', [['2022~', 'late 2022']]],
    ]);
  });

  it('before and after: "no later than", "before", "until", "by", "after", "since"', () => {
    check([
      ['The consulate opens no later than 1 July 2024.', [['../2024-07-01', 'no later than 1 July 2024']]],
      ['Ties began before 24 February 2022.', [['../2022-02-24', 'before 24 February 2022']]],
      ['Bans stay in place until 28 February 2025.', [['../2025-02-28', 'until 28 February 2025']]],
      ['Talks are expected by the end of 2024.', [['../2024', 'by the end of 2024']]],
      ['After February 2022, contacts intensified.', [['2022-02/..', 'After February 2022']]],
      ['Since 1 January 2024, nothing is published.', [['2024-01-01/..', 'Since 1 January 2024']]],
    ]);
  });

  it('ranges of days and of months', () => {
    check([
      ['Between 1 and 3 March 2023 a delegation stayed in Simferopol.', [['2023-03-01/2023-03-03', 'Between 1 and 3 March 2023']]],
      ['The fair ran 1–3 March 2023.', [['2023-03-01/2023-03-03', '1–3 March 2023']]],
      ['The fair ran March 1–3, 2023.', [['2023-03-01/2023-03-03', 'March 1–3, 2023']]],
      ['The figures cover January to March 2023.', [['2023-01/2023-03', 'January to March 2023']]],
    ]);
  });

  it('finds no date in: a bare year, a day without a year, impossible days, "may" and "march" as words', () => {
    check([
      ['In 2022 trade grew.', []],
      ['On 18 April they met.', []],
      ['The 30 February 2023 meeting, 31.04.2023 and 13.13.2023 never were.', []],
      ['Prices may 2023 rise; troops march 2023 km.', []],
      ['He paid 1200 roubles for 18 items.', []],
    ]);
  });
});

describe('dates in Russian', () => {
  it('genitive months with "года" or "г.", numeric dates, parts of a month, before and after, ranges', () => {
    check([
      ['18 апреля 2023 года Лукашенко принял Пушилина.', [['2023-04-18', '18 апреля 2023 года']]],
      ['Консульство откроется не позднее 1 июля 2024 г.', [['../2024-07-01', 'не позднее 1 июля 2024 г.']]],
      ['Связи появились ещё до 24 февраля 2022 года.', [['../2022-02-24', 'до 24 февраля 2022 года']]],
      ['После февраля 2022 г. ситуация изменилась.', [['2022-02/..', 'После февраля 2022 г.']]],
      ['В начале марта 2023 года подписали соглашение.', [['2023-03~', 'В начале марта 2023 года']]],
      ['В конце мая 2023 г. приехала делегация.', [['2023-05~', 'В конце мая 2023 г.']]],
      ['В марте 2023 года всё изменилось.', [['2023-03', 'марте 2023 года']]],
      ['С 1 по 3 марта 2023 года шли переговоры.', [['2023-03-01/2023-03-03', 'С 1 по 3 марта 2023 года']]],
      ['Письмо от 18.04.2023 г. опубликовано.', [['2023-04-18', '18.04.2023 г.']]],
    ]);
  });
});

describe('dates in Belarusian', () => {
  it('genitive and locative months with "года" or "г.", parts of a month, before and after', () => {
    check([
      ['18 красавіка 2023 г. Лукашэнка сустрэўся з Пушыліным.', [['2023-04-18', '18 красавіка 2023 г.']]],
      ['Сувязі пачаліся яшчэ да 24 лютага 2022 года.', [['../2022-02-24', 'да 24 лютага 2022 года']]],
      ['Консульства адкрыюць не пазней за 1 ліпеня 2024 года.', [['../2024-07-01', 'не пазней за 1 ліпеня 2024 года']]],
      ['У пачатку сакавіка 2023 г. падпісалі пагадненне.', [['2023-03~', 'У пачатку сакавіка 2023 г.']]],
      ['Напрыканцы снежня 2023 г. прыехала дэлегацыя.', [['2023-12~', 'Напрыканцы снежня 2023 г.']]],
      ['У сярэдзіне чэрвеня 2023 г. усё скончылася.', [['2023-06~', 'У сярэдзіне чэрвеня 2023 г.']]],
      ['Пасля лютага 2022 года кантакты ўзмацніліся.', [['2022-02/..', 'Пасля лютага 2022 года']]],
      ['У траўні 2023 года ў Віцебску пабывала дэлегацыя.', [['2023-05', 'траўні 2023 года']]],
      ['Пра гэта паведамілі 05.06.2023.', [['2023-06-05', '05.06.2023']]],
    ]);
  });
});

describe('dates in Ukrainian', () => {
  it('genitive and locative months with "року" or "р.", parts of a month, before and after, ranges', () => {
    check([
      ['18 квітня 2023 року Лукашенко зустрівся з Пушиліним.', [['2023-04-18', '18 квітня 2023 року']]],
      ['Угоду підписали 18 квітня 2023 р. у Мінську.', [['2023-04-18', '18 квітня 2023 р.']]],
      ['До 24 лютого 2022 року торгівля велася через посередників.', [['../2022-02-24', 'До 24 лютого 2022 року']]],
      ['Консульство має запрацювати не пізніше 1 липня 2024 року.', [['../2024-07-01', 'не пізніше 1 липня 2024 року']]],
      ['На початку березня 2023 року підписали угоду.', [['2023-03~', 'На початку березня 2023 року']]],
      ['Наприкінці травня 2023 р. передали перелік.', [['2023-05~', 'Наприкінці травня 2023 р.']]],
      ['Після лютого 2022 року контакти посилилися.', [['2022-02/..', 'Після лютого 2022 року']]],
      ['У березні 2023 року все змінилося.', [['2023-03', 'березні 2023 року']]],
      ['З 1 по 3 березня 2023 року тривали переговори.', [['2023-03-01/2023-03-03', 'З 1 по 3 березня 2023 року']]],
    ]);
  });
});

// Tests src/render/sentences.ts: a paragraph split into trimmed sentences by Unicode rules (splitSentences), and its first sentence (firstSentence).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstSentence, splitSentences } from '../../src/render/sentences.js';

describe('splitSentences', () => {
  it('splits after . ! ? followed by a space and a capital, and trims each sentence', () => {
    expect(splitSentences('The consulate opened. Was it legal? No!  It was not.')).toEqual(['The consulate opened.', 'Was it legal?', 'No!', 'It was not.']);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(splitSentences('He said “Stop.” Then he left.')).toEqual(['He said “Stop.”', 'Then he left.']);
    expect(splitSentences('Ён сказаў: «Не!» Потым пайшоў.', 'be')).toEqual(['Ён сказаў: «Не!»', 'Потым пайшоў.']);
  });

  it('does not split inside a decimal number, or at a full stop followed by lower case', () => {
    expect(splitSentences('It cost 3.5 million. See U.S. policy here.')).toEqual(['It cost 3.5 million.', 'See U.S. policy here.']);
    expect(splitSentences('They met, e.g. in Minsk, twice.')).toEqual(['They met, e.g. in Minsk, twice.']);
  });

  // Was a bug (found by the mirror tests): V8's Segmenter broke after "Mr." and "Dr.", so an automatic slide bullet read "Mr.".
  it('does not end a sentence at a title, an address abbreviation or an initial before a name', () => {
    expect(splitSentences('Mr. Smith went to Washington. He met Dr. Jones! The answer was no. Then he left.')).toEqual(['Mr. Smith went to Washington.', 'He met Dr. Jones!', 'The answer was no.', 'Then he left.']);
    expect(splitSentences('Он приехал в г. Минск. А. Лукашенко встретился с Д. Пушилиным.', 'ru')).toEqual(['Он приехал в г. Минск.', 'А. Лукашенко встретился с Д. Пушилиным.']);
    expect(splitSentences('Консульство на вул. Шевченка. Воно працює.', 'uk')).toEqual(['Консульство на вул. Шевченка.', 'Воно працює.']);
    expect(firstSentence('Mr. Smith went to Washington. Then he left.')).toBe('Mr. Smith went to Washington.');
  });

  it('still ends a sentence at the same letters after a number ("в 2023 г.", "5 млн.") and at a line break', () => {
    expect(splitSentences('Это было в 2023 г. Потом всё изменилось.', 'ru')).toEqual(['Это было в 2023 г.', 'Потом всё изменилось.']);
    expect(splitSentences('Бюджет составил 5 млн. Потом его урезали.', 'ru')).toEqual(['Бюджет составил 5 млн.', 'Потом его урезали.']);
    expect(splitSentences('Signed by Dr.\nNext line')).toEqual(['Signed by Dr.', 'Next line']);
  });

  // Was a bug (issue 11): the Belarusian raw article's slide bullets were cut after "2023 г." where the date opens the sentence.
  it('does not end a sentence at the year abbreviation of a date that opens it, in be, ru and uk', () => {
    expect(splitSentences('18 красавіка 2023 г. Лукашэнка сустрэўся ў Мінску з Пушыліным. Падчас сустрэчы ён прапанаваў дапамогу.', 'be')).toEqual([
      '18 красавіка 2023 г. Лукашэнка сустрэўся ў Мінску з Пушыліным.',
      'Падчас сустрэчы ён прапанаваў дапамогу.',
    ]);
    expect(firstSentence('У пачатку сакавіка 2023 г. Віцебскі выканкам падпісаў пагадненне. Потым.', 'be')).toBe('У пачатку сакавіка 2023 г. Віцебскі выканкам падпісаў пагадненне.');
    expect(splitSentences('18 апреля 2023 г. Лукашенко встретился с Пушилиным. Это было важно.', 'ru')).toEqual(['18 апреля 2023 г. Лукашенко встретился с Пушилиным.', 'Это было важно.']);
    expect(splitSentences('3 липня 2023 р. Уряд ухвалив рішення. Далі буде.', 'uk')).toEqual(['3 липня 2023 р. Уряд ухвалив рішення.', 'Далі буде.']);
    // A sentence that says more than the date still ends there.
    expect(splitSentences('Пагадненне падпісалі ў Віцебску 18 красавіка 2023 г. Потым пачаўся гандаль.', 'be')).toEqual(['Пагадненне падпісалі ў Віцебску 18 красавіка 2023 г.', 'Потым пачаўся гандаль.']);
  });

  it('keeps initials and St./No. with what follows in English', () => {
    expect(splitSentences('J. R. Smith lives in St. Petersburg at No. 5 Nevsky. He left.')).toEqual(['J. R. Smith lives in St. Petersburg at No. 5 Nevsky.', 'He left.']);
  });

  it('keeps runs of marks together ("Wow!!", "Really?!")', () => {
    expect(splitSentences('Wow!! Really?! The end')).toEqual(['Wow!!', 'Really?!', 'The end']);
  });

  it('ends a sentence at a line break', () => {
    expect(splitSentences('A line without a full stop\nAnother line')).toEqual(['A line without a full stop', 'Another line']);
  });

  it('splits Cyrillic text in every language the same way', () => {
    const text = 'Консульство открылось в 2023 году. Оно работает? Да!';
    for (const lang of ['ru', 'uk', 'be', 'en']) expect(splitSentences(text, lang), lang).toEqual(['Консульство открылось в 2023 году.', 'Оно работает?', 'Да!']);
  });

  it('gives no sentences for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\t ')).toEqual([]);
  });

  it('loses no character but whitespace, and gives no blank sentence (property)', () => {
    const unit = fc.constantFrom('a', 'B', 'я', 'Ж', '1', ' ', ' ', '.', '!', '?', '…', '“', '”', '«', '»', '\n', ',', '\u00A0');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), fc.constantFrom('en', 'be', 'uk', 'ru'), (text, lang) => {
        const sentences = splitSentences(text, lang);
        const squeeze = (s: string) => s.replace(/\s+/g, '');
        expect(squeeze(sentences.join(''))).toBe(squeeze(text));
        for (const s of sentences) {
          expect(s.length).toBeGreaterThan(0);
          expect(s).toBe(s.trim());
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('firstSentence', () => {
  it('gives the first of several sentences', () => {
    expect(firstSentence('The consulate opened in 2023. It issues passports. Nobody asked Kyiv.')).toBe('The consulate opened in 2023.');
  });

  it('gives the whole text when it is one sentence, with or without a full stop', () => {
    expect(firstSentence('Cooperation kept out of sight')).toBe('Cooperation kept out of sight');
    expect(firstSentence('One sentence only.')).toBe('One sentence only.');
  });

  it('trims the sentence it gives', () => {
    expect(firstSentence('   Leading spaces.   Then more.')).toBe('Leading spaces.');
  });

  it('gives blank text back as it is, having no sentence to give', () => {
    expect(firstSentence('   ')).toBe('   ');
    expect(firstSentence('')).toBe('');
  });

  it('is the first element of splitSentences (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '?', 'Ж', '\n'), minLength: 1, maxLength: 40 }), (text) => {
        const sentences = splitSentences(text);
        expect(firstSentence(text)).toBe(sentences.length > 0 ? sentences[0] : text);
      }),
    );
  });
});

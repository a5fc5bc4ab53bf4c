// Typographic punctuation by language: quotes by depth, apostrophes, dashes and ranges, what never changes, unpaired quotes reported, idempotence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNumberRange, typographicPunctuation, type Lang } from '../../src/typography/punctuation.js';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';

const punctuate = (text: string, lang: Lang, depth = 0) => typographicPunctuation(text, lang, depth).value;
const RAW = join(PROJECT_ROOT, 'test', 'fixtures', 'raw');
const STRAIGHT = /["']/;

describe('quotation marks', () => {
  it('English: “…” outside, ‘…’ inside, and a single quote the writer chose stays single', () => {
    expect(punctuate('the so-called "acting head of the DPR" Denis Pushilin', 'en')).toBe('the so-called “acting head of the DPR” Denis Pushilin');
    expect(punctuate('In addition to the "LPR" and "DPR", the authorities', 'en')).toBe('In addition to the “LPR” and “DPR”, the authorities');
    expect(punctuate('He said "she told me \'no\' twice".', 'en')).toBe('He said “she told me ‘no’ twice”.');
    expect(punctuate('He said "she wrote "no" twice".', 'en')).toBe('He said “she wrote ‘no’ twice”.');
    expect(punctuate("Her neighbour adds: 'They closed the border.'", 'en')).toBe('Her neighbour adds: ‘They closed the border.’');
    expect(punctuate('("quoted")', 'en')).toBe('(“quoted”)');
  });

  it('Belarusian, Ukrainian, Russian: «…» outside, „…“ inside, for straight double and single quotes alike', () => {
    expect(punctuate('з так званым "выконваючым абавязкі кіраўніка ДНР"', 'be')).toBe('з так званым «выконваючым абавязкі кіраўніка ДНР»');
    expect(punctuate('угода з "окупаційною "владою" Криму"', 'uk')).toBe('угода з «окупаційною „владою“ Криму»');
    expect(punctuate("проекты 'гуманитарные' и \"другие\"", 'ru')).toBe('проекты «гуманитарные» и «другие»');
    expect(punctuate('"Мы сказали \'нет\'", — заявил он', 'ru')).toBe('«Мы сказали „нет“», — заявил он');
  });

  it('counts the quotation marks the view puts around a pull quote: the marks inside are one level deeper', () => {
    expect(punctuate('enterprises are "always" welcome', 'en', 1)).toBe('enterprises are ‘always’ welcome');
    expect(punctuate('предприятия "всегда" желанны', 'ru', 1)).toBe('предприятия „всегда“ желанны');
    expect(punctuate('предприятия "всегда" желанны', 'ru', 2)).toBe('предприятия «всегда» желанны');
  });

  it('nests straight marks inside typographic ones the text already has', () => {
    expect(punctuate('«Он назвал это "восстановлением"»', 'ru')).toBe('«Он назвал это „восстановлением“»');
    expect(punctuate('“He called it "restoration"”', 'en')).toBe('“He called it ‘restoration’”');
  });
});

describe('apostrophes', () => {
  it('are U+2019 inside words in every language, the Ukrainian and Belarusian apostrophe included', () => {
    expect(punctuate("Lukashenko regime's cooperation; don't; O'Brien", 'en')).toBe('Lukashenko regime’s cooperation; don’t; O’Brien');
    expect(punctuate("розширює зв'язки, м'ясо, п'ять", 'uk')).toBe('розширює зв’язки, м’ясо, п’ять');
    expect(punctuate("з'яўляюцца ў сям'і", 'be')).toBe('з’яўляюцца ў сям’і');
    expect(punctuate("д'Артаньян", 'ru')).toBe('д’Артаньян');
  });

  it('after a plural possessive and before a decade, not a quote', () => {
    const result = typographicPunctuation("the Belarusians' ties in the '90s", 'en');
    expect(result.value).toBe('the Belarusians’ ties in the ’90s');
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps U+02BC, the modifier-letter apostrophe, where it is written', () => {
    expect(punctuate('зв\u02BCязки', 'uk')).toBe('зв\u02BCязки');
  });
});

describe('dashes', () => {
  it('English: a spaced hyphen or double hyphen between words becomes the British spaced en dash', () => {
    expect(punctuate('the report - a long one -- came late', 'en')).toBe('the report – a long one – came late');
    expect(punctuate('the report--a long one--came late', 'en')).toBe('the report – a long one – came late');
  });

  it('be, uk, ru: the spaced em dash, from a spaced hyphen, a double hyphen or a spaced en dash, and as the dialogue dash', () => {
    expect(punctuate('кантакты - эканамічныя', 'be')).toBe('кантакты — эканамічныя');
    expect(punctuate('кроки -- неможливо приховати', 'uk')).toBe('кроки — неможливо приховати');
    expect(punctuate('поставки – через посредников', 'ru')).toBe('поставки — через посредников');
    expect(punctuate('- Мы готовы помогать, - заявил он.', 'ru')).toBe('— Мы готовы помогать, — заявил он.');
  });

  it('an en dash in number and date ranges', () => {
    const ranges: [string, string][] = [
      ['in 1990-1994', 'in 1990–1994'], ['pages 5-7', 'pages 5–7'], ['in 2022-23', 'in 2022–23'], ['5-10 per cent', '5–10 per cent'],
      ['10-15%', '10–15%'], ['18-19 April', '18–19 April'], ['1990 - 1994', '1990–1994'], ['1.5-2.5 km', '1.5–2.5 km'], ['у 2019-2023 гадах', 'у 2019–2023 гадах'],
    ];
    for (const [written, typeset] of ranges) expect(punctuate(written, 'en'), written).toBe(typeset);
  });

  it('never inside ISO dates, year-months, identifiers, hyphenated words, times, URLs or e-mail addresses', () => {
    const kept = [
      'on 2023-04-18', 'in 2023-04', 'COVID-19', 'Su-27', 'ISBN 978-3-16-148410-0', 'call 555-1234', 'a score of 3-1', '10:00-12:00',
      'Rostov-on-Don', 'Russian-occupied', 'кампаніі-пасярэднікі', 'https://example.org/a-b/1990-1994?q=5-7', 'see www.example.org/2020-2021',
      'write to desk-1990-1994@example.org', 'negative -5 degrees',
    ];
    for (const text of kept) expect(punctuate(text, 'en'), text).toBe(text);
  });

  it('reads a number range only where the second number is the larger', () => {
    expect([isNumberRange('1990', '1994'), isNumberRange('2022', '23'), isNumberRange('5', '10'), isNumberRange('1,5', '2,5')]).toEqual([true, true, true, true]);
    expect([isNumberRange('2023', '04'), isNumberRange('3', '1'), isNumberRange('555', '1234'), isNumberRange('1990', '4')]).toEqual([false, false, false, false]);
  });
});

describe('text that does not change', () => {
  it('leaves quotes and apostrophes inside URLs and e-mail addresses as they are', () => {
    expect(punctuate("see https://example.org/it's/a-b and o'brien@example.org", 'en')).toBe("see https://example.org/it's/a-b and o'brien@example.org");
  });

  it('passes already typographic text unchanged: the raw fixtures of every language', () => {
    const typographic: [string, Lang][] = [['typography.txt', 'en'], ['be-article.txt', 'be'], ['ru-article.txt', 'ru']];
    for (const [file, lang] of typographic) {
      for (const line of readFileSync(join(RAW, file), 'utf8').split('\n').filter((l) => !STRAIGHT.test(l) && !/^[-–] /.test(l))) expect(punctuate(line, lang), `${file}: ${line}`).toBe(line);
    }
  });

  it('is idempotent and never leaves a straight quote outside a URL, for any text in any language', () => {
    const unit = fc.constantFrom('a', 'Z', 'я', 'ў', '1', '9', ' ', ' ', '"', "'", '-', '--', '–', '—', '“', '”', '„', '«', '»', '‘', '’', '.', ',', '(', ')', '\n', '\u00A0');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.constantFrom<Lang>('en', 'be', 'uk', 'ru'), fc.nat(2), (text, lang, depth) => {
        const once = punctuate(text, lang, depth);
        expect(punctuate(once, lang, depth)).toBe(once);
        expect(once).not.toMatch(STRAIGHT);
        // Only marks change: the letters, digits and other characters are all kept, in order.
        const bare = (t: string) => t.replace(/["'“”„«»‘’\-–—\s]/gu, '');
        expect(bare(once)).toBe(bare(text));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
});

describe('unpaired quotation marks', () => {
  it('are kept unpaired (no mark added) and reported with the place: the seed’s unclosed quotation', () => {
    const text = 'Aksyonov then stressed that "Belarusian enterprises are always welcome on the Crimean land.';
    const result = typographicPunctuation(text, 'en');
    expect(result.value).toBe('Aksyonov then stressed that “Belarusian enterprises are always welcome on the Crimean land.');
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'unbalanced-quotes' })]);
    expect(result.diagnostics[0]!.message).toBe('the quotation mark “ opened at character 29 ("… then stressed that “Belarusian enterpris…") is never closed; left unpaired, no mark added or removed');
  });

  it('reports a closing mark that closes nothing, and an unclosed typographic mark, which stays as written', () => {
    const closing = typographicPunctuation('twelve inches, 12" long', 'en');
    expect(closing.value).toBe('twelve inches, 12” long');
    expect(closing.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^the closing quotation mark " at character 18 .* closes nothing/)]);
    const typographic = typographicPunctuation('the situation was “under control and improving. Nobody believed him.', 'en');
    expect(typographic.value).toBe('the situation was “under control and improving. Nobody believed him.');
    expect(typographic.diagnostics).toHaveLength(1);
    expect(typographicPunctuation('«Ми будемо реагувати на кожен такий крок», — заявив речник.', 'uk').diagnostics).toEqual([]);
  });

  it('reports an inner mark left open when the outer one closes', () => {
    const result = typographicPunctuation('"outer \'inner" after', 'en');
    expect(result.value).toBe('“outer ‘inner” after');
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('the quotation mark ‘ opened at character 8')]);
  });

  it('reports the first five of a field and counts the rest, and keeps to one pass over a field of 300,000 of them', () => {
    const result = typographicPunctuation('a" '.repeat(300_000), 'en');
    expect(result.value).toBe('a” '.repeat(300_000));
    expect(result.diagnostics).toHaveLength(6);
    expect(result.diagnostics[5]!.message).toBe('and 299995 more unpaired quotation marks, left as they are');
    const urls = typographicPunctuation('see https://example.org/it\'s and "b" '.repeat(50_000), 'en');
    expect(urls.value).toBe('see https://example.org/it\'s and “b” '.repeat(50_000));
  });
});

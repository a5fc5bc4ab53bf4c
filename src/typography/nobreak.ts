// A text and its language in, the same text with no-break spaces (U+00A0) where a line must not end out: short words to the next, numbers to units, days to months, initials to names, spaces before dashes.
//
// Only U+0020 spaces are replaced, by U+00A0 (which every embedded face has, and which UAX #14 never breaks at), so
// the rules are idempotent and never join words that had no space between them.
import { MONTHS } from '../import/dates.js';
import type { Lang } from './punctuation.js';

export const NO_BREAK_SPACE = '\u00A0';

/**
 * Prepositions, conjunctions and particles of two letters that a line should not end on, per language; every
 * one-letter Cyrillic word (в, у, ў, з, с, к, о, а, і, и, й, я) is bound too, in any language.
 */
export const SHORT_WORDS: Record<Lang, readonly string[]> = {
  en: [],
  be: ['ва', 'на', 'па', 'за', 'да', 'ад', 'аб', 'са', 'не', 'ні', 'ці', 'як', 'бо', 'ды'],
  uk: ['на', 'по', 'за', 'до', 'із', 'зі', 'зо', 'об', 'не', 'ні', 'та', 'чи', 'як', 'бо', 'що'],
  ru: ['во', 'со', 'ко', 'на', 'по', 'за', 'до', 'от', 'из', 'об', 'не', 'ни', 'но', 'да'],
};

/** Units, amounts and the year word that follow a number: "5 km", "10 %", "100 млн", "3 тыс.", "2023 г.", "2022 року". */
const UNITS = [
  '%', '‰', '°', 'km', 'km²', 'm', 'm²', 'cm', 'mm', 'kg', 'g', 't', 'ha', 'l', 'kW', 'MW', 'GW', 'kWh', 'bn', 'mn', 'million', 'millions', 'billion',
  'billions', 'trillion', 'thousand', 'per', 'percent', 'USD', 'EUR', 'BYN', 'RUB', 'UAH', 'PLN',
  'км', 'км²', 'м', 'м²', 'см', 'мм', 'кг', 'г', 'т', 'га', 'л', 'кВт', 'МВт', 'млн', 'млрд', 'трлн', 'тыс', 'тис', 'руб', 'рубля', 'рублей', 'рублёў',
  'р', 'грн', 'долл', 'дол', 'долларов', 'даляраў', 'доларів', 'евро', 'еўра', 'євро', 'чел', 'шт', 'коп', 'гг', 'рр',
  'год', 'года', 'году', 'годом', 'годах', 'гады', 'годзе', 'гадоў', 'гадах', 'рік', 'року', 'роки', 'років', 'роках', 'лет',
];

const alternatives = (words: readonly string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Not preceded by a letter, digit or apostrophe: the start of a word ("\b" knows only ASCII letters). */
const WORD_START = "(?<![\\p{L}\\p{M}\\p{N}'’ʼ\\-])";
/** What may follow a bound short word: a word, a number, an opening quote or bracket. */
const NEXT_WORD = '(?=[\\p{L}\\p{N}«„“‘"(\\[])';
/** The end of a word: no letter or digit follows. */
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

const ONE_LETTER_CYRILLIC = new RegExp(`${WORD_START}(\\p{Script=Cyrillic}) ${NEXT_WORD}`, 'gu');
const shortWords = new Map<Lang, RegExp | null>();
function shortWordPattern(lang: Lang): RegExp | null {
  if (!shortWords.has(lang)) {
    const words = SHORT_WORDS[lang];
    shortWords.set(lang, words.length === 0 ? null : new RegExp(`${WORD_START}(${alternatives(words)}) ${NEXT_WORD}`, 'giu'));
  }
  return shortWords.get(lang)!;
}

const NUMBER_UNIT = new RegExp(`(\\d) (?=(?:${alternatives(UNITS)})(?:\\.|${WORD_END}))`, 'gu');
/** Thousands grouped with spaces: "10 000", "1 250 000". */
const DIGIT_GROUPS = /(?<![\d.,])(\d{1,3}) (?=\d{3}(?!\d))/gu;
/** A number sign before its number: "№ 5", "§ 3". */
const NUMBER_SIGN = /([№§]) (?=\d)/gu;
const MONTH_NAMES = alternatives(Object.keys(MONTHS));
const ENGLISH_MONTH_NAMES = alternatives(Object.keys(MONTHS).filter((name) => /^[a-z]+$/.test(name)));
/** A day before its month ("18 April", "1 июля", "24 лютого") and, in English, a month before its day ("April 18"). */
const DAY_MONTH = new RegExp(`(?<![\\p{N}.,])(\\d{1,2}) (?=(?:${MONTH_NAMES})\\.?${WORD_END})`, 'giu');
const MONTH_DAY = new RegExp(`${WORD_START}((?:${ENGLISH_MONTH_NAMES})\\.?) (?=\\d{1,2}(?![\\p{N}]|[.:]\\d))`, 'giu');
/** An initial before another initial or a surname: "A. Lukashenko", "А. Г. Лукашенко", "А.Г. Лукашенко". */
const INITIAL = new RegExp(`${WORD_START}((?:\\p{Lu}\\.){1,2}) (?=\\p{Lu}\\.|\\p{Lu}[\\p{Ll}'’ʼ-]*\\p{Ll})`, 'gu');
/** A surname before its initials: "Лукашенко А. Г.". */
const SURNAME_INITIALS = new RegExp(`(\\p{Lu}\\p{Ll}+) (?=\\p{Lu}\\.(?:[ \\u00A0]?\\p{Lu}\\.)?(?![\\p{L}]))`, 'gu');
/** A space before a spaced dash (or one that ends the text): the dash never opens a line. */
const BEFORE_DASH = / (?=[\u2013\u2014](?: |$))/gu;

/** The text with no-break spaces where a line must not end. */
export function bindWords(text: string, lang: Lang): string {
  let out = text.replace(ONE_LETTER_CYRILLIC, `$1${NO_BREAK_SPACE}`);
  const short = shortWordPattern(lang);
  if (short) out = out.replace(short, `$1${NO_BREAK_SPACE}`);
  return out
    .replace(NUMBER_UNIT, `$1${NO_BREAK_SPACE}`)
    .replace(DIGIT_GROUPS, `$1${NO_BREAK_SPACE}`)
    .replace(NUMBER_SIGN, `$1${NO_BREAK_SPACE}`)
    .replace(DAY_MONTH, `$1${NO_BREAK_SPACE}`)
    .replace(MONTH_DAY, `$1${NO_BREAK_SPACE}`)
    .replace(INITIAL, `$1${NO_BREAK_SPACE}`)
    .replace(SURNAME_INITIALS, `$1${NO_BREAK_SPACE}`)
    .replace(BEFORE_DASH, NO_BREAK_SPACE);
}

// An article (or one paragraph) in, the figures it states out: money, percentages and counts with a caption from their clause, for a key-numbers slide.
import type { Article } from '../model/article.js';
import { blockTexts } from '../model/article.js';
import { splitSentences } from '../render/sentences.js';

export interface KeyNumber {
  /** The figure as shown large: "$1.2 bn", "40%", "3". */
  value: string;
  /** What it counts, in the article's words: "agreements signed with the occupation authorities". */
  caption: string;
  /** The sentence it was found in (for the speaker notes); absent when the article's `keyNumbers` gives it. */
  sentence?: string;
  /** Where it came from: `keyNumbers[1]`, `sections[2].paragraphs[0]`. */
  path: string;
}

type Kind = 'money' | 'percent' | 'count';

/** A figure found in a sentence: its kind, the text shown large, and where it stands in the sentence. */
export interface FoundNumber {
  kind: Kind;
  value: string;
  caption: string;
  sentence: string;
}

const MOST = 4;
const CAPTION_WORDS = 12;

const SINGLE = String.raw`\d{1,3}(?:[ \u00A0\u202F,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
/** A number, or a range of two ("15–20"). */
const NUMBER = String.raw`(?:${SINGLE})(?:\s?[–-]\s?(?:${SINGLE}))?`;
const SCALE = String.raw`bn|billion|mn|million|m|k|thousand|tn|trillion|млрд|мільярд\p{L}*|мільярд|миллиард\p{L}*|млн|мільйон\p{L}*|мільён\p{L}*|миллион\p{L}*|тыс\.|тысяч\p{L}*|тис\.|тисяч\p{L}*|трлн`;
const CURRENCY = String.raw`dollars?|euros?|pounds?|roubles?|rubles?|hryvnias?|USD|EUR|BYN|RUB|UAH|долар\p{L}*|доллар\p{L}*|еўра|євро|евро|рубл\p{L}*|рублёў|грыўн\p{L}*|гривн\p{L}*|гривень|гривні`;
const PERCENT = String.raw`%|per ?cent|percent|працэнт\p{L}*|процент\p{L}*|відсот\p{L}*`;
const SYMBOL = '[$€£₽]';
const EDGE_BEFORE = String.raw`(?<![\p{L}\d.,])`;
const EDGE_AFTER = String.raw`(?![.,]?\d)`;

const PATTERNS: { kind: Kind; pattern: RegExp }[] = [
  { kind: 'money', pattern: new RegExp(`${SYMBOL}\\s?(?:${NUMBER})${EDGE_AFTER}(?:\\s?(?:${SCALE})(?![\\p{L}]))?`, 'gu') },
  { kind: 'money', pattern: new RegExp(`${EDGE_BEFORE}(?:${NUMBER})${EDGE_AFTER}\\s?(?:(?:${SCALE})\\s?)?(?:${CURRENCY})(?![\\p{L}])`, 'gu') },
  { kind: 'percent', pattern: new RegExp(`${EDGE_BEFORE}(?:${NUMBER})${EDGE_AFTER}\\s?(?:${PERCENT})(?![\\p{L}])`, 'gu') },
  { kind: 'count', pattern: new RegExp(`${EDGE_BEFORE}(?:${NUMBER})${EDGE_AFTER}(?:\\s(?:${SCALE})(?![\\p{L}]))?(?=\\s+\\p{L})`, 'gu') },
];

/** Month names (their stems, any case): a number next to one is a date, not a key number. */
const MONTHS = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
  'январ', 'феврал', 'март', 'апрел', 'мая', 'май', 'мае', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр',
  'студз', 'лют', 'сакав', 'красав', 'траў', 'трав', 'чэрв', 'ліп', 'жнів', 'жніў', 'верас', 'кастр', 'лістап', 'снеж',
  'січ', 'берез', 'квіт', 'черв', 'лип', 'серп', 'верес', 'жовт', 'листоп', 'груд',
];
/** Words that cannot be what a count counts (the number is a date, a time, a rank or part of a phrase). */
const NOT_COUNTED = new Set([
  'of', 'and', 'or', 'in', 'to', 'the', 'on', 'at', 'by', 'per', 'for', 'from', 'with', 'as', 'than', 'year', 'years', 'bc', 'ad', 'am', 'pm', 'st', 'nd', 'rd', 'th',
  'и', 'в', 'во', 'на', 'у', 'з', 'с', 'со', 'да', 'і', 'й', 'та', 'по', 'от', 'ад', 'до', 'або', 'или', 'ці', 'чи', 'г', 'гг', 'год', 'года', 'году', 'годы', 'гадоў', 'года', 'рік', 'року', 'роки', 'років', 'рр',
]);

const isMonth = (word: string) => MONTHS.some((stem) => word.toLowerCase().startsWith(stem));
const wordsOf = (text: string) => text.split(/\s+/).filter((w) => w.length > 0);

/** The figures a sentence states, in order: money and percentages, and counts ("3 agreements"); dates and years are not figures. */
export function findNumbers(sentence: string, lang: Article['lang']): FoundNumber[] {
  const taken: [number, number][] = [];
  const found: (FoundNumber & { at: number })[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      const digits = /\d[\d \u00A0\u202F,.–-]*/.exec(match[0])![0].trim();
      const amount = Number(/\d[\d \u00A0\u202F,.]*/.exec(digits)![0].trim().replace(/[ \u00A0\u202F]/g, '').replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
      const before = sentence.slice(0, start);
      const after = sentence.slice(end);
      const previousWord = wordsOf(before).pop() ?? '';
      const nextWord = (/^[\s\u00A0]*([\p{L}.]+)/u.exec(after)?.[1] ?? '').replace(/\.$/, '');
      // A date: a month next to the number ("18 April", "April 18"), or a year alone ("in 2023").
      if (isMonth(nextWord) || isMonth(previousWord.replace(/[^\p{L}]/gu, ''))) continue;
      if (/^№|^No\.?$|^Art/.test(previousWord)) continue;
      if (kind === 'count') {
        // A year, or a range of years ("2022–2023").
        if (digits.split(/\s?[–-]\s?/).some((part) => /^\d{4}$/.test(part) && Number(part) >= 1000 && Number(part) <= 2100)) continue;
        if (amount < 2 || !/^\p{L}{3,}$/u.test(nextWord) || NOT_COUNTED.has(nextWord.toLowerCase())) continue;
      }
      const value = kind === 'percent' ? `${digits}${lang === 'en' ? '' : '\u00A0'}%` : kind === 'count' ? match[0].trim() : match[0].replace(/\s+/g, '\u00A0').trim();
      const caption = captionAround(sentence, start, end, kind);
      if (!caption) continue;
      taken.push([start, end]);
      found.push({ kind, value, caption, sentence, at: start });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...rest }) => rest);
}

/**
 * The caption of a figure, from its clause: for a count, what it counts and the words after ("individuals, including
 * judges"); for money and percentages, the clause itself, the figure kept ("Population fell by 12 % between 2019 and
 * 2023"), or the words after it when the clause starts with it. A caption of fewer than three words runs on into the
 * next clause; at most CAPTION_WORDS words, cut with an ellipsis.
 */
function captionAround(sentence: string, start: number, end: number, kind: Kind): string {
  const bounds = /;|:|\s[—–]\s|\(|\)|,\s/g;
  let clauseStart = 0;
  const clauseEnds: number[] = [];
  for (const match of sentence.matchAll(bounds)) {
    if (match.index + match[0].length <= start) clauseStart = match.index + match[0].length;
    else if (match.index >= end) clauseEnds.push(match.index);
  }
  clauseEnds.push(sentence.length);
  const clean = (text: string) => text.replace(/^[\s,.;:—–"“”«»]+|[\s,.;:—–"“”«»]+$/g, '');
  const before = wordsOf(clean(sentence.slice(clauseStart, start)));
  const pick = (clauseEnd: number) => {
    const after = wordsOf(clean(sentence.slice(end, clauseEnd)));
    if (kind === 'count' || before.length === 0) return after;
    return [...before, ...wordsOf(sentence.slice(start, end)), ...after];
  };
  let words = pick(clauseEnds[0]!);
  for (const clauseEnd of clauseEnds.slice(1)) {
    if (words.length >= 3) break;
    words = pick(clauseEnd);
  }
  if (words.length === 0) return '';
  return words.length > CAPTION_WORDS ? `${words.slice(0, CAPTION_WORDS).join(' ')}…` : words.join(' ');
}

/**
 * The key numbers of an article: its own `keyNumbers` when it gives them; else up to four figures found in its
 * paragraphs (money and percentages before counts, one a sentence, each value once), in reading order. Fewer than two
 * make no slide, so none are returned.
 */
export function keyNumbersOf(article: Article): KeyNumber[] {
  if (article.keyNumbers) return article.keyNumbers.map((n, index) => ({ value: n.value, caption: n.caption, path: `keyNumbers[${index}]` }));
  const candidates: (KeyNumber & { rank: number; order: number })[] = [];
  const seen = new Set<string>();
  article.sections.forEach((section, s) =>
    section.paragraphs.forEach((block, p) => {
      for (const text of blockTexts(block)) {
        for (const sentence of splitSentences(text, article.lang)) {
          const best = findNumbers(sentence, article.lang).sort((a, b) => rank(a.kind) - rank(b.kind))[0];
          if (!best || seen.has(best.value)) continue;
          seen.add(best.value);
          candidates.push({ value: best.value, caption: best.caption, sentence, path: `sections[${s}].paragraphs[${p}]`, rank: rank(best.kind), order: candidates.length });
        }
      }
    }),
  );
  const chosen = [...candidates].sort((a, b) => a.rank - b.rank || a.order - b.order).slice(0, MOST).sort((a, b) => a.order - b.order);
  return chosen.length >= 2 ? chosen.map(({ rank: _rank, order: _order, ...rest }) => rest) : [];
}

const rank = (kind: Kind) => (kind === 'count' ? 1 : 0);

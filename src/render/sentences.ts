// A paragraph in, its sentences out (Intl.Segmenter, then rejoined after abbreviations and initials it takes for sentence ends).
// The one splitter: the importer's key points and event labels and the slides' bullets all cut here.
import { findDates } from '../import/dates.js';
import { segmentInWindows } from './segment-windows.js';

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Abbreviations that stand before a name or a number, not at the end of a sentence ("Dr. Jones", "г. Минск",
 * "вул. Леніна"), matched as written (case matters: "No. 5" but "the answer was no."). V8's Segmenter has no ICU
 * suppression lists, so a break after one of these, or after an initial ("А. Лукашенко"), is undone.
 */
const BEFORE_A_NAME: Record<string, string[]> = {
  en: ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Rev', 'Sen', 'Rep', 'Gov', 'Pres', 'St', 'Mt', 'No', 'Nos', 'vs', 'cf', 'approx', 'Jan', 'Feb', 'Mar', 'Apr', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'],
  ru: ['г', 'гг', 'ул', 'пр', 'пл', 'обл', 'им', 'проф', 'акад', 'ген', 'см', 'ст', 'стр', 'рис'],
  be: ['г', 'гг', 'вул', 'пр', 'пл', 'вобл', 'ім', 'праф', 'акад', 'ген', 'гл', 'ст'],
  uk: ['м', 'вул', 'пр', 'пл', 'обл', 'ім', 'проф', 'акад', 'ген', 'див', 'ст'],
};

const patterns = new Map<string, RegExp>();
function heldEnd(lang: string): RegExp {
  let pattern = patterns.get(lang);
  if (!pattern) {
    const words = [...new Set([...(BEFORE_A_NAME[lang] ?? []), ...BEFORE_A_NAME.en!])].sort((a, b) => b.length - a.length);
    // After a number the same letters end sentences ("в 2023 г.", "5 млн."): only a word or the start may stand before.
    pattern = new RegExp(`(?:^|(?<![\\d\\s]\\s?\\d)(?<!\\d\\s?)[\\s(«“„"'])(?:${words.join('|')}|\\p{Lu})\\.$`, 'u');
    patterns.set(lang, pattern);
  }
  return pattern;
}

export function splitSentences(text: string, lang = 'en'): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  const held = heldEnd(lang);
  const out: string[] = [];
  let pending = '';
  for (const segment of segmentInWindows(segmenter, text)) {
    const joined = pending + segment;
    // A line break ends a sentence whatever stands before it.
    if (!/[\n\r\u2028\u2029]\s*$/.test(joined) && held.test(joined.trimEnd())) {
      pending = joined;
      continue;
    }
    pending = '';
    const sentence = joined.trim();
    if (sentence.length > 0) out.push(sentence);
  }
  if (pending.trim().length > 0) out.push(pending.trim());
  return joinDateOpeners(out);
}

/**
 * A "sentence" that is only a date ending in the year's abbreviation ("18 красавіка 2023 г.", "У пачатку сакавіка 2023 г.",
 * "3 липня 2023 р.") opens the sentence after it: the abbreviation's full stop is no sentence end there.
 */
function joinDateOpeners(sentences: string[]): string[] {
  const out: string[] = [];
  for (const sentence of sentences) {
    const previous = out[out.length - 1];
    if (previous !== undefined && onlyDate(previous) && !/\n/.test(previous)) out[out.length - 1] = `${previous} ${sentence}`;
    else out.push(sentence);
  }
  return out;
}

function onlyDate(sentence: string): boolean {
  if (!/\d\s?(?:г|гг|р|рр)\.$/u.test(sentence)) return false;
  const dates = findDates(sentence);
  if (dates.length === 0) return false;
  let rest = sentence;
  for (const d of dates) rest = rest.replace(d.raw, ' ');
  return (rest.match(/\p{L}+/gu) ?? []).filter((w) => !/^(?:г|гг|р|рр)$/u.test(w)).length < 3;
}

export function firstSentence(text: string, lang = 'en'): string {
  return splitSentences(text, lang)[0] ?? text;
}

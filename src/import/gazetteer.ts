// A text in, the gazetteer's places it names out (with where in the text): names in en, be, uk, ru, Slavic case endings
// matched by stem, multi-word names ("Donetsk region", "Донецкой области") preferred over their first word.
import { GAZETTEER_ROWS } from './gazetteer-data.js';

export type PlaceKind = 'capital' | 'city' | 'region' | 'occupied-territory';
export type GazetteerLang = 'en' | 'be' | 'uk' | 'ru';

export interface GazetteerRow {
  id: string;
  kind: PlaceKind;
  /** Natural Earth's English name of the country. */
  country: string;
  lat: number;
  lon: number;
  /** The first name of a language is the one to write; the others are spellings and irregular forms. */
  names: Partial<Record<GazetteerLang, string[]>>;
  /** A city the curated list does not hold (English name only): found only after a preposition ("in Tver"). */
  gated?: boolean;
}

export interface PlaceMention {
  row: GazetteerRow;
  /** The words as the text writes them ("Ростове-на-Дону"). */
  text: string;
  start: number;
  end: number;
}

/**
 * Case endings a Cyrillic place name may take in running text (be, uk, ru together: nouns and the adjectives of
 * region names). Matched on a word's head (before its first hyphen), longest first, leaving a stem of 3 letters or more.
 */
const TEXT_ENDINGS = [
  'ові', 'еві', 'ого', 'ому', 'ага', 'аму',
  'ом', 'ем', 'ём', 'ам', 'ям', 'ой', 'ою', 'ей', 'ай', 'ах', 'ях', 'ім', 'ым', 'им', 'ая', 'ую', 'ые', 'ыя', 'ие', 'ої', 'ій', 'ий', 'ый', 'яя', 'ае', 'ое', 'ую',
  'а', 'я', 'у', 'ю', 'е', 'і', 'и', 'ы', 'ь', 'о',
];
/** Endings of a name's nominative that its stem does not keep ("Масква" → "Маскв", "Донецкая" → "Донецк"). */
const NAME_ENDINGS = ['ая', 'ый', 'ий', 'ой', 'ое', 'ае', 'ья', 'а', 'я', 'о', 'ь', 'і', 'ы', 'е', 'и'];
const MIN_STEM = 3;

/** Words before a city of the generated list that make it a place ("in Tver"), not a surname ("Pushkin said"). */
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'near', 'at', 'outside', 'around', 'via', 'of', 'into']);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}’'ʼ-]*[\p{L}\p{M}\p{N}])?/gu;

interface NameEntry {
  row: GazetteerRow;
  /** Each word's key: a Latin word lowercased; a Cyrillic word's stem (lowercased) and its hyphenated tail. */
  keys: string[];
  cyrillic: boolean;
}

let index: Map<string, NameEntry[]> | undefined;

/** The index of every name by its first word's key, built on first use (only an import needs it). */
function nameIndex(): Map<string, NameEntry[]> {
  if (index) return index;
  index = new Map();
  for (const row of GAZETTEER_ROWS) {
    const seen = new Set<string>();
    for (const names of Object.values(row.names)) {
      for (const name of names ?? []) {
        const cyrillic = CYRILLIC.test(name);
        const keys = name.split(/\s+/).map((word) => (cyrillic ? nameKey(word) : latinKey(word)));
        const signature = keys.join(' ');
        if (seen.has(signature)) continue;
        seen.add(signature);
        const list = index.get(keys[0]!) ?? [];
        list.push({ row, keys, cyrillic });
        index.set(keys[0]!, list);
      }
    }
  }
  return index;
}

const latinKey = (word: string) => word.toLowerCase().replace(/[’ʼ]/g, "'");

function splitHead(word: string): [string, string] {
  const hyphen = word.indexOf('-');
  return hyphen < 0 ? [word.toLowerCase(), ''] : [word.slice(0, hyphen).toLowerCase(), word.slice(hyphen).toLowerCase()];
}

/** A Cyrillic name word's key: its head without the nominative ending, then its tail as written. */
function nameKey(word: string): string {
  const [head, tail] = splitHead(word);
  for (const ending of NAME_ENDINGS) {
    if (head.endsWith(ending) && head.length - ending.length >= MIN_STEM) return head.slice(0, -ending.length) + tail;
  }
  return head + tail;
}

/** The keys a word of the text may stand for: itself, and (Cyrillic) its head without each case ending it may carry. */
function textKeys(word: string): string[] {
  if (!CYRILLIC.test(word)) {
    const key = latinKey(word);
    return key.endsWith("'s") ? [key, key.slice(0, -2)] : [key];
  }
  const [head, tail] = splitHead(word);
  const keys = [head + tail];
  for (const ending of TEXT_ENDINGS) {
    if (head.endsWith(ending) && head.length - ending.length >= MIN_STEM) keys.push(head.slice(0, -ending.length) + tail);
  }
  return keys;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

const capitalised = (word: string) => /^\p{Lu}/u.test(word);

/** Every place the text names, in the order it names them (a place named twice is found twice). */
export function findPlaceMentions(text: string): PlaceMention[] {
  const names = nameIndex();
  const list = words(text);
  const found: PlaceMention[] = [];
  for (let i = 0; i < list.length; i++) {
    const first = list[i]!;
    if (!capitalised(first.text)) continue;
    let best: { entry: NameEntry; length: number } | undefined;
    for (const key of new Set(textKeys(first.text))) {
      for (const entry of names.get(key) ?? []) {
        if (entry.keys.length > 1 && !entry.keys.slice(1).every((k, j) => list[i + 1 + j] && textKeys(list[i + 1 + j]!.text).includes(k))) continue;
        // Words of one name stand next to each other: only spaces between them.
        if (!entry.keys.slice(1).every((_, j) => /^[^\S\n]+$/u.test(text.slice(list[i + j]!.end, list[i + j + 1]!.start)))) continue;
        // A generated city stands after a preposition, and not before another capitalised word ("from Vladimir Putin").
        const after = list[i + entry.keys.length];
        const nameGoesOn = after !== undefined && /^\p{Lu}/u.test(after.text) && /^[^\S\n]+$/u.test(text.slice(list[i + entry.keys.length - 1]!.end, after.start));
        if (entry.row.gated && (!PLACE_PREPOSITIONS.has(list[i - 1]?.text.toLowerCase() ?? '') || nameGoesOn)) continue;
        if (!best || entry.keys.length > best.length) best = { entry, length: entry.keys.length };
      }
    }
    if (!best) continue;
    const last = list[i + best.length - 1]!;
    found.push({ row: best.entry.row, text: text.slice(first.start, last.end), start: first.start, end: last.end });
    i += best.length - 1;
  }
  return found;
}

/** The name to write for a place in an article of this language (its English name when the list has no other). */
export function placeName(row: GazetteerRow, lang: GazetteerLang): string {
  return row.names[lang]?.[0] ?? row.names.en?.[0] ?? row.id;
}

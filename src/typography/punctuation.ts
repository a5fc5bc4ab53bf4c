// A text, its language and how deep in quotation marks it stands in; the text with typographic quotes, apostrophes and dashes out, and the quotes left unpaired.
//
// Choices (issue #12):
// - Quotes nest “ ‘ ” in English and « „ » in Belarusian, Ukrainian and Russian: the outer pair, then the inner one.
//   A straight " takes the pair its depth asks for; a straight ' in English is a single quote (‘…’) as the writer chose,
//   and in be/uk/ru (which have no single quotes) a quote like ". Typographic marks already in the text are kept as they
//   are and only count for the depth, so the function is idempotent.
// - The apostrophe is U+2019 ’ in every language, the Ukrainian and Belarusian one included: it is what the fonts, the
//   labels ("Ім’я") and most published Ukrainian text use, and what readers' searches match. U+02BC ʼ is kept when written.
// - A dash between words (" - ", " -- ", "word--word") is the language's: English uses the British spaced en dash
//   " – " (the dates are British too, "18 April 2023"), which keeps the writer's spaces; be/uk/ru use the spaced em
//   dash " — ", and a spaced en dash between words becomes one, as does a hyphen opening a paragraph (dialogue).
//   Binding the dash to the word before it (a no-break space) is the no-break rules' work (nobreak.ts).
// - A number range (1990-1994, 5-7, 2022-23) takes an en dash; ISO dates (2023-04-18), year-months (2023-04),
//   identifiers (COVID-19, 978-3-16), times and anything inside a URL or an e-mail address do not change.
// - An unpaired quotation mark is never paired up by guesswork: no mark is added or removed. It takes the shape its
//   side asks for (an opening " after a space becomes an opening mark) and is reported, so the writer can close it.
import type { Diagnostic, Result } from '../diagnostics.js';
import type { Article } from '../model/article.js';

export type Lang = Article['lang'];

type Style = 'outer' | 'inner';
interface QuotePair {
  open: string;
  close: string;
}

const PAIRS: Record<Lang, Record<Style, QuotePair>> = {
  en: { outer: { open: '“', close: '”' }, inner: { open: '‘', close: '’' } },
  be: { outer: { open: '«', close: '»' }, inner: { open: '„', close: '“' } },
  uk: { outer: { open: '«', close: '»' }, inner: { open: '„', close: '“' } },
  ru: { outer: { open: '«', close: '»' }, inner: { open: '„', close: '“' } },
};

export const APOSTROPHE = '\u2019';
export const EN_DASH = '\u2013';
export const EM_DASH = '\u2014';
/** The dash set between two words, with its spaces. */
export const WORD_DASH: Record<Lang, string> = { en: EN_DASH, be: EM_DASH, uk: EM_DASH, ru: EM_DASH };

/** Typographic closing marks and the opening marks each may close. */
const CLOSES: Record<string, string[]> = { '”': ['“', '„'], '“': ['„'], '»': ['«'], '’': ['‘', '‚'], '‘': ['‚'], '›': ['‹'] };
const TYPOGRAPHIC_OPENERS = new Set(['“', '„', '«', '‘', '‚', '‹']);
const TYPOGRAPHIC_QUOTES = new Set([...TYPOGRAPHIC_OPENERS, ...Object.keys(CLOSES)]);
const STRAIGHT = new Set(['"', "'"]);

/** Before an opening mark: nothing, a space, an opening bracket, a dash or slash (or an opening mark, known by its role). */
const OPENING_CONTEXT = /[\s([{\u2013\u2014/\-]/u;
/** After a closing mark: nothing, a space, closing punctuation, a dash, or another closing mark. */
const CLOSING_CONTEXT = /[\s)\]}.,;:!?…\u2013\u2014\-/”»’›“"']/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /[\p{L}\p{M}]/u;

/** URLs, bare www. addresses and e-mail addresses: characters inside them are never changed. */
const PROTECTED = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>«»“”"]+|[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu;

/**
 * The protected spans of a text, asked about in increasing order of offset (as a left-to-right pass asks): each
 * question costs nothing but the spans passed since the last one.
 */
function protectedSpans(text: string): (start: number, end?: number) => boolean {
  const spans = [...text.matchAll(PROTECTED)].map((m) => [m.index, m.index + m[0].length] as const);
  let next = 0;
  return (start, end = start + 1) => {
    while (next < spans.length && spans[next]![1] <= start) next++;
    return next < spans.length && spans[next]![0] < end;
  };
}

/** How far down the open quotation marks a closing mark looks for its pair: deeper nesting is a typing mistake. */
const PAIR_SEARCH_DEPTH = 8;
/** Unpaired marks reported one by one in a field; the rest are counted in one more warning. */
const REPORTED_PER_FIELD = 5;

/** The index of the topmost entry, within PAIR_SEARCH_DEPTH of the top, that `matches`; -1 when none. */
function pairOf<T>(stack: T[], matches: (entry: T) => boolean): number {
  for (let i = stack.length - 1; i >= Math.max(0, stack.length - PAIR_SEARCH_DEPTH); i--) if (matches(stack[i]!)) return i;
  return -1;
}

interface OpenQuote {
  mark: string;
  /** Straight marks are converted, so their closing mark is ours to choose. */
  straight: '"' | "'" | null;
  style: Style;
  at: number;
}

/** The text with typographic quotes, apostrophes and dashes; warnings (without a path) for unpaired quotation marks. */
export function typographicPunctuation(text: string, lang: Lang, depth = 0): Result<string> {
  const quoted = typographicQuotes(text, lang, depth);
  return { value: typographicDashes(quoted.value, lang), diagnostics: quoted.diagnostics };
}

/** `depth` quotation marks enclose the text already (a pull quote the view wraps in “…” is at depth 1). */
export function typographicQuotes(text: string, lang: Lang, depth = 0): Result<string> {
  const pairs = PAIRS[lang];
  const isProtected = protectedSpans(text);
  const chars = [...text];
  const offsets: number[] = [];
  chars.reduce((offset, ch) => (offsets.push(offset), offset + ch.length), 0);
  const stack: OpenQuote[] = [];
  const unpaired: { mark: string; at: number; opening: boolean }[] = [];
  const enclosing = (): Style | null => stack.at(-1)?.style ?? (depth > 0 ? (depth % 2 === 1 ? 'outer' : 'inner') : null);
  const styleFor = (straight: '"' | "'"): Style => {
    const around = enclosing();
    if (around !== null) return around === 'outer' ? 'inner' : 'outer';
    return straight === "'" && lang === 'en' ? 'inner' : 'outer';
  };
  const styleOf = (mark: string): Style => (mark === pairs.inner.open ? 'inner' : 'outer');
  const out: string[] = [];
  /** What each quotation mark was taken for: the mark before another decides its side (`"'` closes twice). */
  const opened = new Set<number>();

  chars.forEach((ch, i) => {
    if (!STRAIGHT.has(ch) && !TYPOGRAPHIC_QUOTES.has(ch)) return void out.push(ch);
    const before = chars[i - 1];
    const beforeIsQuote = before !== undefined && (STRAIGHT.has(before) || TYPOGRAPHIC_QUOTES.has(before)) && !isProtected(offsets[i - 1]!);
    if (isProtected(offsets[i]!)) return void out.push(ch);
    const after = chars[i + 1];
    const openingBefore = before === undefined || (beforeIsQuote ? opened.has(i - 1) : OPENING_CONTEXT.test(before));
    const opensHere = after !== undefined && !/\s/u.test(after) && openingBefore;
    const closesHere = before !== undefined && !openingBefore && (after === undefined || CLOSING_CONTEXT.test(after));
    const betweenLetters = before !== undefined && after !== undefined && LETTER_OR_DIGIT.test(before) && LETTER.test(after);
    const top = stack.at(-1);

    if (ch === "'" || ch === '’') {
      // An apostrophe: inside a word (regime's, зв'язки, O'Brien), before a decade ('90s), or after a word when no
      // single quote is open (the Belarusians' ties).
      const decade = opensHere && /^\d\d(?!\d)/u.test(chars.slice(i + 1, i + 4).join(''));
      const closesSingle = top !== undefined && (top.straight === "'" || top.mark === '‘' || top.mark === '‚');
      if (betweenLetters || decade || (!opensHere && !(closesHere && closesSingle))) return void out.push(ch === "'" ? APOSTROPHE : ch);
    }

    if (ch === '"' || ch === "'") {
      const opening = opensHere && !closesHere ? true : closesHere && !opensHere ? false : !(top?.straight === ch);
      if (opening) {
        const style = styleFor(ch);
        stack.push({ mark: pairs[style].open, straight: ch, style, at: i });
        opened.add(i);
        return void out.push(pairs[style].open);
      }
      const match = pairOf(stack, (q) => q.straight === ch);
      if (match < 0) {
        unpaired.push({ mark: ch, at: i, opening: false });
        return void out.push(pairs[styleFor(ch)].close);
      }
      for (const left of stack.splice(match + 1)) unpaired.push({ mark: left.mark, at: left.at, opening: true });
      return void out.push(pairs[stack.pop()!.style].close);
    }

    // A typographic mark stays as written; it opens or closes a level for the straight marks around it.
    out.push(ch);
    const closable = CLOSES[ch];
    const closesTop = closable !== undefined && top !== undefined && top.straight === null && closable.includes(top.mark);
    if (TYPOGRAPHIC_OPENERS.has(ch) && !(closesTop && closesHere) && (opensHere || !closesHere)) {
      stack.push({ mark: ch, straight: null, style: styleOf(ch), at: i });
      opened.add(i);
      return;
    }
    if (closable === undefined) return;
    const match = pairOf(stack, (q) => q.straight === null && closable.includes(q.mark));
    if (match < 0) return void unpaired.push({ mark: ch, at: i, opening: false });
    // The first entry taken off is this mark's pair; any above it were never closed.
    const [, ...left] = stack.splice(match);
    for (const open of left) unpaired.push({ mark: open.mark, at: open.at, opening: true });
  });
  for (const left of stack) unpaired.push({ mark: left.mark, at: left.at, opening: true });

  const value = out.join('');
  // Each character of the output stands where its character of the input stood (marks are replaced one for one).
  unpaired.sort((a, b) => a.at - b.at);
  const diagnostics = unpaired.slice(0, REPORTED_PER_FIELD).map(({ mark, at, opening }): Diagnostic => ({
    severity: 'warning',
    rule: 'unbalanced-quotes',
    message: `${opening ? `the quotation mark ${mark} opened` : `the closing quotation mark ${mark}`} at character ${at + 1} (${excerpt(value, offsets[at]!)}) ${opening ? 'is never closed' : 'closes nothing'}; left unpaired, no mark added or removed`,
    hint: 'close or remove the quotation mark in the data',
  }));
  if (unpaired.length > REPORTED_PER_FIELD) {
    diagnostics.push({ severity: 'warning', rule: 'unbalanced-quotes', message: `and ${unpaired.length - REPORTED_PER_FIELD} more unpaired quotation marks, left as they are` });
  }
  return { value, diagnostics };
}

/** A few words either side of an offset, to find the place in the data: "…stressed that “Belarusian enterp…". */
function excerpt(text: string, offset: number): string {
  const start = Math.max(0, offset - 20);
  const end = Math.min(text.length, offset + 21);
  return `"${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}"`;
}

/** Two numbers joined by a hyphen that read as a range: the second is the larger (1990-1994, 5-7, 2022-23, 5-10). */
export function isNumberRange(from: string, to: string): boolean {
  const value = (digits: string) => Number(digits.replace(',', '.'));
  const [fromWhole, toWhole] = [from.split(/[.,]/)[0]!, to.split(/[.,]/)[0]!];
  if (toWhole.length === fromWhole.length) return value(to) > value(from);
  // "2022-23": the second gives the last digits of the first's number.
  if (toWhole.length < fromWhole.length) return toWhole.length >= 2 && Number(toWhole) > Number(fromWhole.slice(-toWhole.length));
  // "5-10", "10-100"; longer first numbers with longer second ones are codes or telephone numbers (555-1234).
  return fromWhole.length <= 2 && value(to) > value(from);
}

const NUMBER = '\\d+(?:[.,]\\d+)?';
/** A number, a hyphen (or a spaced hyphen or double hyphen), a number; not part of a longer chain of digits and hyphens. */
const RANGE = new RegExp(`(?<![\\p{L}\\p{N}.,:/\\-\\u2013_])(${NUMBER})(-|[ \\u00A0]+-{1,2}[ \\u00A0]+)(${NUMBER})(?![\\p{L}\\p{N}\\-\\u2013/_]|[.,:]\\d)`, 'gu');
/** A hyphen or double hyphen with spaces either side, between two words (not at a number range). */
const SPACED_HYPHEN = /(?<=\S)([ \u00A0]+)-{1,2}(?=[ \u00A0]+\S)/gu;
/** A double hyphen between two letters: a typed dash. */
const CLOSED_DOUBLE_HYPHEN = /(?<=[\p{L}\p{N}.,;!?…”»’)])--(?=[\p{L}\p{N}“«‘„(])/gu;
/** A spaced en dash between two words that are not numbers, in languages whose dash is the em dash. */
const SPACED_EN_DASH = /(?<=[^\s\d])([ \u00A0]+)\u2013(?=[ \u00A0]+[^\s\d])/gu;
/** A hyphen or en dash opening a line, before a space: the dialogue dash of be/uk/ru. */
const OPENING_HYPHEN = /(?<=^|\n)(?:-{1,2}|\u2013)(?=[ \u00A0])/gu;

function replaceOutside(text: string, pattern: RegExp, replace: (match: string, groups: string[]) => string): string {
  const isProtected = protectedSpans(text);
  // The patterns have no named groups: the callback's arguments are the match, the groups, the offset and the text.
  return text.replace(pattern, (...args: unknown[]) => {
    const match = args[0] as string;
    const offset = args[args.length - 2] as number;
    const groups = args.slice(1, -2).map((group) => (typeof group === 'string' ? group : ''));
    return isProtected(offset, offset + match.length) ? match : replace(match, groups);
  });
}

/** En dashes in number ranges, the language's dash between words. */
export function typographicDashes(text: string, lang: Lang): string {
  let out = replaceOutside(text, RANGE, (match, [from, _joint, to]) => (isNumberRange(from!, to!) ? `${from}${EN_DASH}${to}` : match));
  out = replaceOutside(out, SPACED_HYPHEN, (_match, [space]) => `${space}${WORD_DASH[lang]}`);
  out = replaceOutside(out, CLOSED_DOUBLE_HYPHEN, () => ` ${WORD_DASH[lang]} `);
  if (lang !== 'en') {
    out = replaceOutside(out, SPACED_EN_DASH, (_match, [space]) => `${space}${EM_DASH}`);
    out = replaceOutside(out, OPENING_HYPHEN, () => EM_DASH);
  }
  return out;
}

// The article's paragraphs in, the quotations they report with their speakers out («…», „…“, “…”, ‘…’, "…" with
// "— said X", "X said", "according to X", "заявіла Ціханоўская", "сообщил министр …"). The paragraphs are not changed:
// a quote is a copy. A quotation left unclosed runs to the end of its paragraph, or on to where the next one closes it.
import { splitSentences } from '../render/sentences.js';

export interface FoundQuote {
  text: string;
  speaker: string;
  context?: string;
  /** Index of the paragraph the quotation opens in. */
  paragraph: number;
  /** Why the importer reads it so, for the note. */
  how: string;
}

export interface QuoteParagraph {
  text: string;
  line: number;
}

/** Verbs and phrases that report speech, in the four languages (the forms a news text uses). */
const VERBS = [
  // en
  'said', 'says', 'told', 'adds', 'tells', 'writes', 'added', 'stressed', 'noted', 'wrote', 'declared', 'stated', 'announced', 'explained', 'warned', 'insisted', 'argued', 'claimed', 'replied', 'recalled', 'emphasised', 'emphasized', 'underlined', 'tweeted', 'posted',
  // ru
  'заявил', 'заявила', 'сказал', 'сказала', 'сообщил', 'сообщила', 'отметил', 'отметила', 'подчеркнул', 'подчеркнула', 'добавил', 'добавила', 'написал', 'написала', 'пояснил', 'пояснила', 'рассказал', 'рассказала', 'заявили', 'сообщили',
  // be
  'заявіў', 'заявіла', 'сказаў', 'сказала', 'паведаміў', 'паведаміла', 'адзначыў', 'адзначыла', 'падкрэсліў', 'падкрэсліла', 'дадаў', 'дадала', 'напісаў', 'напісала', 'растлумачыў', 'растлумачыла', 'заявілі', 'паведамілі',
  // uk
  'заявив', 'сказав', 'повідомив', 'повідомила', 'зазначив', 'зазначила', 'наголосив', 'наголосила', 'додав', 'додала', 'написав', 'написала', 'пояснив', 'пояснила', 'розповів', 'розповіла', 'заявили', 'повідомили',
];
const VERB = new RegExp(`(?<![\\p{L}])(?:${VERBS.join('|')})(?![\\p{L}])`, 'iu');
/** "according to X", "по словам X", "паводле слоў X", "за словами X", "as X put it". */
const ACCORDING = /(?<![\p{L}])(?:according to|in the words of|по словам|по мнению|паводле слоў|па словах|паводле|за словами|на думку)(?![\p{L}])/iu;
/** "so-called", "так называемая", "так званая", "так званий": what follows in quotation marks is a label, not speech. */
const SO_CALLED = /(?:so-called|self-proclaimed|так называем\p{L}*|так зван\p{L}*|самопровозглашенн\p{L}*|самаабвешчан\p{L}*)\s*$/iu;

/** One word of a name: "Denis", "Pushilin", "Ціханоўская", "O'Brien", "Rostov-on-Don" is none (lower-case part). */
const NAME_WORD = "\\p{Lu}\\p{Ll}+(?:['’-]\\p{Lu}?\\p{Ll}+)*";
const NAME = new RegExp(`${NAME_WORD}(?:\\s+${NAME_WORD}){0,2}`, 'gu');
/** Capitalised words that start a sentence or name no person. */
const NOT_NAMES = new Set(
  'The A An This That These Those It He She They We I You His Her Its Their Our Then But And Or So Yet In On At For From By With After Before When While Ukraine Belarus Russia Minsk Moscow Kyiv Crimea Critics Experts Analysts Officials Sanctions Он Она Они Мы Это Эта Эти Но И А В На По После Ён Яна Яны Мы Гэта Але І Ён Він Вона Вони Ми Це Але І У Та'.split(' '),
);
/** Role words a sentence may start with before a name ("Министр Алейник заявил"): not part of the name. */
const ROLE_WORDS = new Set('Minister President Chairman Spokesman Spokeswoman Ambassador Министр Президент Глава Председатель Посол Министр Міністр Прэзідэнт Кіраўнік Старшыня Пасол Міністр Президент Голова Посол Речник'.split(' '));
const PRONOUN = /^(?:he|she|they|we|i|you|он|она|они|мы|ён|яна|яны|він|вона|вони|ми)$/iu;

/** Quotation marks: opening mark → closing marks. */
const PAIRS: Record<string, string> = { '«': '»', '„': '“”', '“': '”', '‘': '’', '"': '"', "'": "'" };

interface Span {
  open: number;
  close: number; // index of the closing mark, or the text's length when unclosed
  inner: string;
  closed: boolean;
}

/** The quoted spans of a text, outermost only, in order. */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const closers = PAIRS[c];
    // ‘ and " open only at the start of a word (not as an apostrophe or a closing mark).
    const opens = closers !== undefined && (c === '«' || c === '„' || c === '“' || ((i === 0 || /[\s(\[—–-]/u.test(text[i - 1]!)) && /\p{L}/u.test(text[i + 1] ?? '')));
    if (!opens) {
      i++;
      continue;
    }
    let depth = 0;
    let j = i + 1;
    let close = -1;
    for (; j < text.length; j++) {
      const d = text[j]!;
      if (d === c && c !== '"' && c !== "'" && c !== '‘' && c !== '“') depth++;
      else if (closers.includes(d)) {
        // ’ inside a word is an apostrophe ("Ukraine’s"), " closes only at the end of a word.
        if ((d === '’' || d === '"' || d === "'") && /\p{L}/u.test(text[j + 1] ?? '') && /\p{L}/u.test(text[j - 1] ?? '')) continue;
        if (depth === 0) {
          close = j;
          break;
        }
        depth--;
      }
    }
    if (close < 0) {
      spans.push({ open: i, close: text.length, inner: text.slice(i + 1).trim(), closed: false });
      break;
    }
    spans.push({ open: i, close, inner: text.slice(i + 1, close).trim(), closed: true });
    i = close + 1;
  }
  return spans;
}

const wordCount = (text: string) => (text.match(/\p{L}+/gu) ?? []).length;

/** The names in a stretch of text, with where they stand (sentence-initial function words and places left out). */
function names(text: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const match of text.matchAll(NAME)) {
    let words = match[0].split(/\s+/);
    let index = match.index ?? 0;
    while (words.length > 0 && (NOT_NAMES.has(words[0]!) || (ROLE_WORDS.has(words[0]!) && words.length > 1))) {
      index += words[0]!.length + 1;
      words = words.slice(1);
    }
    if (words.length > 0) out.push({ name: words.join(' '), index });
  }
  return out;
}

/** The speaker a stretch of text around a quotation names: the name nearest the verb, and the role beside it. */
function speakerIn(stretch: string, side: 'before' | 'after'): { speaker: string; context?: string; inflected?: boolean } | undefined {
  const verb = VERB.exec(stretch);
  const according = ACCORDING.exec(stretch);
  if (!verb && !according) return undefined;
  const found = names(stretch);
  if (according && (!verb || side === 'before')) {
    // "according to the foreign ministry spokesman Anatol Hlaz, …": the name after the phrase, before its comma.
    const after = stretch.slice(according.index + according[0].length);
    const upTo = after.split(/[,:;]/u)[0]!;
    const name = names(upTo).pop();
    const role = name ? upTo.slice(0, upTo.lastIndexOf(name.name)).trim() : upTo.trim();
    // A role alone after "по словам" stands in the genitive ("главы МИД"): no speaker to name.
    // After "по словам", "за словами" the name and its role are in the genitive: the role is left out.
    const inflected = /\p{Script=Cyrillic}/u.test(name?.name ?? '');
    return name ? { speaker: name.name, ...(role && !inflected && wordCount(role) <= 8 ? { context: role } : {}), inflected } : undefined;
  }
  const at = verb!.index;
  // After the verb: "— said Denis Pushilin after the talks", "— сообщил министр иностранных дел Сергей Алейник".
  const following = stretch.slice(at + verb![0].length);
  const clause = following.split(/[,.;:!?()]/u)[0]!;
  const nameAfter = names(clause)[0];
  const roleBefore = nameAfter ? clause.slice(0, nameAfter.index).trim() : '';
  // After a role a single capitalised word is more often its country or body ("речник МЗС України") than a name.
  const nameAfterRole = nameAfter && (!roleBefore || nameAfter.name.includes(' '));
  if (nameAfter && nameAfterRole && wordCount(roleBefore) <= 4) {
    const role = clause.slice(0, nameAfter.index).trim();
    return { speaker: nameAfter.name, ...(role && wordCount(role) >= 1 ? { context: role } : {}) };
  }
  // Before the verb: "Pushilin said", "the head of the delegation, Ivan Kruk, told", "Aksyonov then stressed that".
  const preceding = stretch.slice(0, at);
  // "a Belarusian diplomat said": a capitalised word after an article is an adjective; the phrase is the speaker.
  const described = /(?:^|[\s,])((?:an?|the)\s+(?:\p{L}+\s+){0,3}\p{L}+)\s+(?:\p{Ll}+\s+)?$/iu.exec(preceding);
  if (described && side === 'after' && /^\s*[,—–-]*\s*$/u.test(preceding.slice(0, described.index))) return { speaker: described[1]!.replace(/\s+/g, ' ') };
  const nameBefore = found.filter((n) => n.index < at).pop();
  if (nameBefore && wordCount(preceding.slice(nameBefore.index + nameBefore.name.length)) <= 2) {
    const roleText = preceding.slice(0, nameBefore.index).replace(/^[\s,.—–-]+|[\s,—–-]+$/gu, '').replace(/^(?:the\s+)/iu, (m) => m.toLowerCase());
    return { speaker: nameBefore.name, ...(roleText && side === 'after' && wordCount(roleText) >= 2 && wordCount(roleText) <= 8 && !VERB.test(roleText) ? { context: roleText } : {}) };
  }
  // "сообщил министр": a role without a name, a few words after the verb.
  const bare = clause.trim();
  if (side === 'after' && bare && !PRONOUN.test(bare) && wordCount(bare) <= 4 && /^\p{Ll}/u.test(bare)) return { speaker: bare };
  return undefined;
}

/**
 * A name as the article writes it elsewhere when the quotation's sentence inflects it ("за словами … Олени Коваль" →
 * "Олена Коваль"): the same number of words, each sharing all but its last two letters.
 */
function nominative(speaker: string, known: string[]): string {
  const words = speaker.split(' ');
  const stem = (w: string) => w.slice(0, Math.max(3, w.length - 2)).toLowerCase();
  const match = known.find((k) => {
    const other = k.split(' ');
    return k !== speaker && other.length === words.length && other.every((w, i) => stem(w) === stem(words[i]!) && Math.abs(w.length - words[i]!.length) <= 2);
  });
  return match ?? speaker;
}

/** The role the article gives a name in apposition ("The head of the occupation administration of Crimea, Sergey Aksyonov, …"). */
function roleOf(name: string, article: string): string | undefined {
  if (!name.includes(' ')) return undefined;
  const at = article.indexOf(`, ${name},`);
  if (at < 0) return undefined;
  const chunk = article.slice(0, at).split(/[.!?;,\n]|\s(?:and|и|і|та)\s/u).pop()!.trim();
  const role = chunk.replace(/^the\s+/iu, '');
  return /^\p{Ll}/u.test(role) && wordCount(role) >= 2 && wordCount(role) <= 10 && !VERB.test(role) ? role : undefined;
}

/** A one-word speaker ("Aksyonov") given the full name the article writes elsewhere ("Sergey Aksyonov"). */
function fullName(speaker: string, article: string): string {
  if (/\s/u.test(speaker)) return speaker;
  const match = new RegExp(`(?<![\\p{L}])(${NAME_WORD})\\s+${speaker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').exec(article);
  return match && !NOT_NAMES.has(match[1]!) && !ROLE_WORDS.has(match[1]!) ? `${match[1]} ${speaker}` : speaker;
}

/**
 * The quotations of the paragraphs that have a speaker. `lang` picks the sentence rules. A quotation of three words or
 * fewer with no speaker, or one after "so-called", is a label ("the so-called «DPR»"), not speech.
 */
export function findQuotes(paragraphs: QuoteParagraph[], lang: string, knownNames: string[] = []): FoundQuote[] {
  const article = paragraphs.map((p) => p.text).join('\n');
  const known = [...knownNames, ...names(article).map((n) => n.name)];
  const out: FoundQuote[] = [];
  /** Where a quotation carried over from the paragraph before closes, by paragraph: the spans before it are that quotation's. */
  const carried = new Map<number, number>();
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p]!.text;
    for (const span of quotedSpans(text)) {
      if (span.open < (carried.get(p) ?? -1)) continue;
      const before = text.slice(0, span.open);
      if (SO_CALLED.test(before)) continue;
      let inner = span.inner;
      let afterText = span.closed ? text.slice(span.close + 1) : '';
      let how = '';
      if (!span.closed) {
        // Left open: the next paragraph may close it (a quotation over two paragraphs), else it runs to the paragraph's end.
        const next = paragraphs[p + 1]?.text;
        const closer = next !== undefined ? PAIRS[text[span.open]!]! : '';
        const closeAt = next !== undefined ? [...closer].map((c) => next.indexOf(c, 1)).filter((i) => i >= 0).sort((a, b) => a - b)[0] : undefined;
        // The next paragraph may open with the mark again, as typesetters continue a quotation.
        const reopened = next !== undefined && next.startsWith(text[span.open]!) ? 1 : 0;
        if (next !== undefined && closeAt !== undefined && quotedSpans(next.slice(reopened, closeAt)).length === 0) {
          inner = `${inner} ${next.slice(0, closeAt).replace(/^[«„“‘"]/u, '').trim()}`.trim();
          afterText = next.slice(closeAt + 1);
          carried.set(p + 1, closeAt);
          how = 'a quotation over two paragraphs';
        } else how = 'a quotation left unclosed, taken to the end of its paragraph';
      }
      if (wordCount(inner) < 2) continue;
      const sentencesBefore = splitSentences(before, lang);
      const lastBefore = /[.!?…]\s*$/u.test(before) ? '' : (sentencesBefore[sentencesBefore.length - 1] ?? '');
      // The words after the quotation report it when they go on the sentence: a comma or dash, lower case, or the
      // quotation's own comma ("“…,” Pushilin said").
      const goesOn = /^\s*(?:[,—–]|-\s|\p{Ll})/u.test(afterText) || /,$/u.test(inner);
      const firstAfter = goesOn ? (splitSentences(afterText, lang)[0] ?? '') : '';
      const afterSpeaker = firstAfter ? speakerIn(firstAfter.slice(0, 160), 'after') : undefined;
      const found = afterSpeaker ?? (lastBefore ? speakerIn(lastBefore.slice(-200), 'before') : undefined);
      if (!found) continue;
      if (wordCount(inner) <= 3 && !afterSpeaker) continue;
      const full = fullName(found.speaker, article);
      const speaker = found.inflected ? nominative(full, known) : full;
      const context = (found.context ?? roleOf(speaker, article))?.replace(/^the\s+/iu, '');
      const quoteText = inner.replace(/[,]$/u, '').replace(/\s+/g, ' ').trim();
      out.push({ text: quoteText, speaker, ...(context ? { context } : {}), paragraph: p, how: how || 'a quotation with its speaker' });
    }
  }
  return out;
}

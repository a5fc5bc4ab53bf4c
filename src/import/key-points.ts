// The article's paragraphs in (by section, captions marked), draft key points out: the sentences that carry the article —
// central to the whole text (content words shared with the other sentences), leading a section, holding numbers and
// names — at most one a paragraph, never a caption, a quotation or a sentence the overview slide already shows.
import { firstSentence, splitSentences } from '../render/sentences.js';
import { quotedSpans } from './quotes.js';

export interface PointParagraph {
  text: string;
  line: number;
  section: number;
  /** Its place among the section's paragraphs. */
  index: number;
  caption?: boolean;
}

export interface KeyPoint {
  text: string;
  line: number;
  /** What made it carry the article, for the note. */
  why: string[];
  /** The overview slide shows it too: no other sentence could stand as a point. */
  repeatsOverview?: boolean;
}

/** An agency dateline opening a paragraph ("VILNIUS, April 18 (Baltic Wire) - ", "МІНСК, 18 красавіка — "): no part of a point. */
const INLINE_DATELINE = /^\p{Lu}{3,}(?:[ -]\p{Lu}{2,})*,\s[^.!?—–]{3,40}?\s[-—–]\s(?=\p{Lu})/u;
export const withoutDateline = (sentence: string) => sentence.replace(INLINE_DATELINE, '');

/** A sentence that is mostly quotation (“Now there is nobody to sell to.”): a quote, not a point. */
function mostlyQuoted(sentence: string): boolean {
  const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;
  const quoted = quotedSpans(sentence).reduce((sum, span) => sum + letters(span.inner), 0);
  return quoted * 2 >= letters(sentence);
}

export const MAX_KEY_POINTS = 5;
/** Sentences a sentence's centrality is measured against at most (an article of up to that many: all of them). */
export const CENTRALITY_PEERS = 600;

/** Content words: letters only, four or more, cut to a stem of six so that inflected forms meet ("регіони", "регіонів"). */
function contentWords(sentence: string): Set<string> {
  const words = (sentence.toLowerCase().match(/\p{L}[\p{L}’'-]*/gu) ?? []).filter((w) => w.length >= 4 && !STOP.has(w));
  return new Set(words.map((w) => w.slice(0, 6)));
}
/** Frequent words of four letters or more that carry nothing on their own. */
const STOP = new Set(
  'that this with from have were been they their them which what when will would also into than then there these those about after before other such more most only over some very just even because while where being could should может было были быть этот этой того также которые который если когда после чтобы гэта гэтага таксама якія які калі пасля каб было былі быць його вона вони також який яка якщо коли після щоб було були бути цього цей'.split(' '),
);

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (Math.log(a.size) + Math.log(b.size));
}

/**
 * The sentences each sentence's centrality is measured against: all of them up to CENTRALITY_PEERS, else an even
 * spread of that many (every sentence against every other grows with the square of the text: a 1 MB text has 10,000).
 */
export function centralityPeers<T>(sentences: T[]): T[] {
  if (sentences.length <= CENTRALITY_PEERS) return sentences;
  const stride = sentences.length / CENTRALITY_PEERS;
  return Array.from({ length: CENTRALITY_PEERS }, (_, i) => sentences[Math.floor(i * stride)]!);
}

/** A sentence that can stand as a key point: a whole statement of six to fifty words, not a question, not a lead-in. */
function canStand(sentence: string): boolean {
  const words = sentence.split(/\s+/).length;
  if (ANAPHORA.test(sentence)) return false;
  return words >= 6 && words <= 50 && /[.!…»"”')]$/u.test(sentence) && !/[?:]["”»’']?$/u.test(sentence);
}

/** A sentence that opens with a pronoun leans on the one before it ("She recalled that …", "Вона нагадала …"). */
const ANAPHORA = /^(?:he|she|it|its|they|their|this|these|those|such|он|она|оно|они|его|её|их|это|эти|ён|яна|яно|яны|яго|яе|іх|гэта|гэтыя|він|вона|воно|вони|його|її|це|ці)(?![\p{L}])/iu;

/** A name in a sentence: a capitalised word not at its start ("… met Denis Pushilin", "… у Мінску"). */
const hasName = (sentence: string) => /\s[«„“"]?\p{Lu}\p{Ll}{2,}/u.test(sentence.replace(/^\S+/u, ''));
const hasNumber = (sentence: string) => /\d/u.test(sentence);

/**
 * Key points for the paragraphs: `quoted` are the texts of the article's quotes (a sentence holding one is no point).
 * In text order; empty when no sentence can stand.
 */
export function chooseKeyPoints(paragraphs: PointParagraph[], lang: string, quoted: string[] = []): KeyPoint[] {
  const prose = paragraphs.filter((p) => !p.caption);
  // What the overview slide shows: the first sentence of each paragraph of the first section.
  const firstSection = Math.min(...prose.map((p) => p.section));
  const overview = new Set(prose.filter((p) => p.section === firstSection).map((p) => firstSentence(p.text, lang)));
  const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
  const quotes = quoted.map(squeeze).filter((q) => q.length > 0);
  const sentences = prose.flatMap((p, paragraph) =>
    splitSentences(p.text, lang).map((text, position) => ({ text, paragraph, position, line: p.line, lead: p.index === 0 && position === 0, words: contentWords(text) })),
  );
  const peers = centralityPeers(sentences);
  const scored = sentences.map((s) => {
    const centrality = peers.reduce((sum, other) => (other === s ? sum : sum + similarity(s.words, other.words)), 0);
    return { ...s, centrality };
  });
  const mean = scored.reduce((sum, s) => sum + s.centrality, 0) / Math.max(1, scored.length);
  const quotation = (text: string) => mostlyQuoted(text) || quotes.some((q) => squeeze(text).includes(q) || q.includes(squeeze(text)));
  const standing = scored.filter((s) => canStand(withoutDateline(s.text)) && !quotation(s.text));
  // A short text may say everything in its first sentences: then the best of them stand in, two at most, and say so.
  const fresh = standing.filter((s) => !overview.has(s.text));
  const repeats = fresh.length === 0;
  const candidates = (repeats ? standing : fresh)
    .map((s) => {
      const why = s.centrality >= mean ? ['central to the text'] : [];
      let score = s.centrality;
      if (s.lead) (score += mean * 0.5), why.push('leads its section');
      if (hasNumber(s.text)) (score += mean * 0.3), why.push('gives a number or date');
      if (hasName(s.text)) (score += mean * 0.3), why.push('names an actor or place');
      return { ...s, score, why };
    })
    .sort((a, b) => b.score - a.score);
  const target = repeats ? 2 : Math.min(MAX_KEY_POINTS, Math.max(3, Math.round(prose.length / 2)));
  const chosen: typeof candidates = [];
  const usedParagraphs = new Set<number>();
  for (const candidate of candidates) {
    if (chosen.length >= target) break;
    if (usedParagraphs.has(candidate.paragraph)) continue;
    usedParagraphs.add(candidate.paragraph);
    chosen.push(candidate);
  }
  return chosen
    .sort((a, b) => a.paragraph - b.paragraph || a.position - b.position)
    .map((c) => ({ text: withoutDateline(c.text), line: c.line, why: c.why, ...(repeats ? { repeatsOverview: true } : {}) }));
}

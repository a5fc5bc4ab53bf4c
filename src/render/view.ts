// An Article (plus build date) in, the template view out: every field present (null when absent), labels and wording resolved.
import { blockTexts, type Article, type ArticleBlock } from '../model/article.js';
import { edtfSortKey } from '../model/edtf.js';
import { formatCoordinates, formatLongDate, labelsFor, placeKindLabel, type Labels } from './labels.js';
import { firstSentence } from './sentences.js';

/** One block of a section, every field present: exactly one of text, list and quote is set. */
export interface BlockView {
  text: string | null;
  list: string[] | null;
  ordered: boolean;
  quote: string | null;
  /** A picture: `ref` names it for the `::image{ref=…}` directive. */
  image: ImageView | null;
}

export interface ImageView {
  ref: string;
  caption: string | null;
  credit: string | null;
  alt: string;
}

export interface ArticleView {
  id: string;
  lang: string;
  title: string;
  subtitle: string | null;
  author: { name: string; roles: string[]; rolesText: string } | null;
  dateLine: string;
  /** The date a citation gives: published when the article says, else the day the briefing was prepared. */
  citationDate: string;
  /** "27 снежня 2023 г." ends with its own full stop: the citation adds none. */
  citationDateEndsWithStop: boolean;
  keyPoints: string[];
  sections: { heading: string | null; title: string; blocks: BlockView[]; paragraphs: string[]; bullets: string[]; images: ImageView[] }[];
  quotes: { text: string; quoted: string; attribution: string }[];
  events: { wording: string; label: string }[];
  /** `contacts`: whom the actor met and when, from the events that name them together ("Denis Pushilin (18 April 2023)"). */
  actors: { name: string; role: string; side: string | null; contacts: string | null }[];
  places: { name: string; kind: string; coordinates: string }[];
  sources: { title: string; url: string | null; publisher: string | null; accessed: string | null }[];
  labels: Labels;
}

const QUOTES: Record<Article['lang'], [string, string]> = { en: ['“', '”'], be: ['«', '»'], uk: ['«', '»'], ru: ['«', '»'] };

export function buildView(article: Article, buildEpochMs: number, labels: Labels = labelsFor(article.lang)): ArticleView {
  const [open, close] = QUOTES[article.lang];
  // Both when both are known: when the article came out, and when this briefing was made of it.
  const prepared = `${labels.prepared.toLowerCase()} ${formatLongDate(buildEpochMs, article.lang)}`;
  const dateLine = article.date ? `${labels.published} ${formatLongDate(article.date, article.lang)} · ${prepared}` : `${labels.briefing} · ${prepared}`;
  return {
    id: article.id,
    lang: article.lang,
    title: article.title,
    subtitle: article.subtitle ?? null,
    author: article.author ? { name: article.author.name, roles: article.author.roles, rolesText: article.author.roles.join(', ') } : null,
    dateLine,
    citationDate: formatLongDate(article.date ?? buildEpochMs, article.lang),
    citationDateEndsWithStop: formatLongDate(article.date ?? buildEpochMs, article.lang).endsWith('.'),
    keyPoints: article.keyPoints,
    sections: article.sections.map((section, sectionIndex) => ({
      heading: section.heading ?? null,
      title: section.heading ?? labels.overview,
      blocks: section.paragraphs.map((block, blockIndex) => blockView(block, imageRef(sectionIndex, blockIndex))),
      images: section.paragraphs.flatMap((block, blockIndex) => blockView(block, imageRef(sectionIndex, blockIndex)).image ?? []),
      paragraphs: section.paragraphs.flatMap(blockTexts),
      bullets: section.bullets ?? section.paragraphs.flatMap((block) => (typeof block === 'string' ? [firstSentence(block, article.lang)] : blockTexts(block))),
    })),
    quotes: article.quotes.map((quote) => ({
      text: quote.text,
      quoted: `${open}${quote.text}${close}`,
      attribution: `— ${quote.speaker}${quote.context ? `, ${quote.context}` : ''}`,
    })),
    events: [...article.events]
      .map((event, index) => ({ event, index, key: edtfSortKey(event.date) }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .map(({ event }) => ({ wording: event.wording, label: event.label })),
    actors: article.actors.map((actor) => ({ name: actor.name, role: actor.role, side: actor.side ?? null, contacts: contactsOf(actor.id, article) })),
    places: article.places.map((place) => ({
      name: place.name,
      kind: placeKindLabel(place.kind, labels),
      coordinates: formatCoordinates(place.lat, place.lon, article.lang, labels),
    })),
    sources: article.sources.map((source) => ({ title: source.title, url: source.url ?? null, publisher: source.publisher ?? null, accessed: source.accessed ?? null })),
    labels,
  };
}

/** The name a picture goes by between the templates and the figure registry: "s2b1" is sections[2].paragraphs[1]. */
export function imageRef(section: number, block: number): string {
  return `s${section}b${block}`;
}

function blockView(block: ArticleBlock, ref: string): BlockView {
  const none = { text: null, list: null, ordered: false, quote: null, image: null };
  if (typeof block === 'string') return { ...none, text: block };
  if ('list' in block) return { ...none, list: block.list, ordered: block.ordered };
  if ('quote' in block) return { ...none, quote: block.quote };
  return { ...none, image: { ref, caption: block.caption ?? null, credit: block.credit ?? null, alt: block.alt } };
}

function contactsOf(actorId: string, article: Article): string | null {
  const names = new Map(article.actors.map((a) => [a.id, a.name]));
  const met = [...article.events]
    .sort((a, b) => edtfSortKey(a.date) - edtfSortKey(b.date))
    .filter((event) => event.actors?.includes(actorId))
    .flatMap((event) => (event.actors ?? []).filter((other) => other !== actorId).map((other) => `${names.get(other) ?? other} (${event.wording})`));
  return met.length > 0 ? met.join('; ') : null;
}

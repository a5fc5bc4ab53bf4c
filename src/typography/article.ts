// An Article in, the same Article with every prose field typeset (typographic punctuation, then no-break spaces) out, with a warning naming the field of each unpaired quotation mark.
//
// Only prose changes: ids, URLs, dates, references, file paths, the language, kinds, coordinates and the country
// names the map matches against Natural Earth are kept as written.
import type { Article, ArticleBlock } from '../model/article.js';
import { formatPath, type Diagnostic, type Result } from '../diagnostics.js';
import { typographicPunctuation, type Lang } from './punctuation.js';
import { bindWords } from './nobreak.js';
import { Memo } from '../layout/memo.js';

/** One text typeset for its language; `depth` is how many quotation marks the view puts around it. */
export function typesetText(text: string, lang: Lang, depth = 0): Result<string> {
  return typesetTexts.get(`${lang}\u0000${depth}\u0000${text}`, () => {
    const punctuated = typographicPunctuation(text, lang, depth);
    return { value: bindWords(punctuated.value, lang), diagnostics: punctuated.diagnostics };
  });
}

/** Texts typeset before, by language, depth and text: an edited article keeps most of its paragraphs. */
const typesetTexts = new Memo<Result<string>>(1500);

/** The view wraps a pull quote (`quotes[].text`) in quotation marks: the marks inside it are one level deeper. */
export const PULL_QUOTE_DEPTH = 1;

export function typesetArticle(article: Article, file?: string): Result<Article> {
  const diagnostics: Diagnostic[] = [];
  const set = (text: string, path: (string | number)[], depth = 0): string => {
    const typeset = typesetText(text, article.lang, depth);
    for (const d of typeset.diagnostics) diagnostics.push({ ...d, ...(file !== undefined ? { file } : {}), path: formatPath(path) });
    return typeset.value;
  };
  const each = (texts: string[], path: (string | number)[]) => texts.map((text, i) => set(text, [...path, i]));
  /** An optional field: present (typeset) when it was, absent when it was. */
  const field = <K extends string>(key: K, text: string | undefined, path: (string | number)[]): Partial<Record<K, string>> =>
    (text === undefined ? {} : { [key]: set(text, path) }) as Partial<Record<K, string>>;

  const block = (b: ArticleBlock, path: (string | number)[]): ArticleBlock => {
    if (typeof b === 'string') return set(b, path);
    if ('list' in b) return { ...b, list: each(b.list, [...path, 'list']) };
    if ('quote' in b) return { ...b, quote: set(b.quote, [...path, 'quote']) };
    return { ...b, alt: set(b.alt, [...path, 'alt']), ...field('caption', b.caption, [...path, 'caption']), ...field('credit', b.credit, [...path, 'credit']) };
  };

  const value: Article = {
    ...article,
    title: set(article.title, ['title']),
    ...field('subtitle', article.subtitle, ['subtitle']),
    ...(article.author ? { author: { name: set(article.author.name, ['author', 'name']), roles: each(article.author.roles, ['author', 'roles']) } } : {}),
    keyPoints: each(article.keyPoints, ['keyPoints']),
    sections: article.sections.map((section, s) => ({
      ...section,
      ...field('heading', section.heading, ['sections', s, 'heading']),
      paragraphs: section.paragraphs.map((b, p) => block(b, ['sections', s, 'paragraphs', p])),
      ...(section.bullets ? { bullets: each(section.bullets, ['sections', s, 'bullets']) } : {}),
    })),
    quotes: article.quotes.map((quote, q) => ({
      ...quote,
      text: set(quote.text, ['quotes', q, 'text'], PULL_QUOTE_DEPTH),
      speaker: set(quote.speaker, ['quotes', q, 'speaker']),
      ...field('context', quote.context, ['quotes', q, 'context']),
    })),
    events: article.events.map((event, e) => ({ ...event, wording: set(event.wording, ['events', e, 'wording']), label: set(event.label, ['events', e, 'label']) })),
    actors: article.actors.map((actor, a) => ({
      ...actor,
      name: set(actor.name, ['actors', a, 'name']),
      role: set(actor.role, ['actors', a, 'role']),
      ...field('side', actor.side, ['actors', a, 'side']),
    })),
    places: article.places.map((place, p) => ({ ...place, name: set(place.name, ['places', p, 'name']) })),
    sources: article.sources.map((source, s) => ({ ...source, title: set(source.title, ['sources', s, 'title']), ...field('publisher', source.publisher, ['sources', s, 'publisher']) })),
  };
  return { value, diagnostics };
}

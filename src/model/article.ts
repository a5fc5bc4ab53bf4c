// Article schema (zod) in, the Article type out: the one definition of what an article file may hold.
import { z } from 'zod';
import { parseEdtf } from './edtf.js';

const text = z.string().trim().min(1, 'must not be empty');

/** Characters a title may have: about five lines on the briefing's cover and on the title slide, at their sizes. */
export const MAX_TITLE_CHARS = 250;
const title = text.superRefine((value, ctx) => {
  if (value.length > MAX_TITLE_CHARS) ctx.addIssue({ code: 'custom', message: `is ${value.length} characters, more than the ${MAX_TITLE_CHARS} a title may have (the cover and the title slide show about five lines of it): shorten it and put the rest in subtitle or the first paragraph` });
});

export const SUPPORTED_LANGS = ['en', 'be', 'uk', 'ru'] as const;

const edtfDate = z.string().superRefine((value, ctx) => {
  if (!parseEdtf(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is not an EDTF date this tool understands (e.g. 2023-04-18, 2023-03~, ../2022-02-24)` });
});

export const AuthorSchema = z.strictObject({
  name: text,
  roles: z.array(text).default([]),
});

/** A bulleted or numbered list, each item verbatim. */
export const ListBlockSchema = z.strictObject({
  list: z.array(text).min(1, 'a list needs at least one item'),
  ordered: z.boolean().default(false),
});

/** A block quotation set apart in the article. */
export const QuoteBlockSchema = z.strictObject({
  quote: text,
});

/** A picture (PNG or JPEG, its path relative to the article file) with what it shows said in words. */
export const ImageBlockSchema = z.strictObject({
  image: text,
  /** What the picture shows, for readers who cannot see it: required. */
  alt: text,
  caption: text.optional(),
  /** Who made it ("Photo: Reuters"). */
  credit: text.optional(),
});

/** A paragraph (plain text), a list, a block quotation or a picture. */
export const BlockSchema = z.union([text, ListBlockSchema, QuoteBlockSchema, ImageBlockSchema]);

export const SectionSchema = z.strictObject({
  /** Without a heading the section follows the previous one in the briefing; its slides take the "Overview" label. */
  heading: text.optional(),
  /** Every paragraph verbatim, as the article has it: plain text, or a list, or a block quotation. */
  paragraphs: z.array(BlockSchema).min(1, 'a section needs at least one paragraph'),
  /** Short slide bullets in our own words; without them the slides show the paragraphs' first sentences. */
  bullets: z.array(text).optional(),
});

export const EventSchema = z.strictObject({
  /** Machine date in EDTF (ISO 8601-2): 2023-04-18, 2023-03~, ../2022-02-24. */
  date: edtfDate,
  /** The article's own wording of the date: "early March 2023". */
  wording: text,
  label: text,
  actors: z.array(text).optional(),
  places: z.array(text).optional(),
});

export const ActorSchema = z.strictObject({
  id: text,
  name: text,
  role: text,
  side: text.optional(),
});

export const PlaceSchema = z.strictObject({
  id: text,
  name: text,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  kind: z.enum(['capital', 'city', 'region', 'occupied-territory']),
  country: text.optional(),
});

export const QuoteSchema = z.strictObject({
  text,
  speaker: text,
  context: text.optional(),
});

/** A figure for the key-numbers slide, in the writer's words: "$1.2 bn" — "trade with the occupied territories in 2023". */
export const KeyNumberSchema = z.strictObject({
  value: text.max(16, 'a key number is a short figure (at most 16 characters, e.g. "$1.2 bn", "40%")'),
  caption: text.max(90, 'a caption is one short phrase (at most 90 characters)'),
});

export const SourceSchema = z.strictObject({
  title: text,
  publisher: text.optional(),
  // No whitespace: a Markdown link destination ends at the first space (write %20 instead).
  url: z.url({ protocol: /^https?$/ }).regex(/^\S+$/, 'must not contain spaces (write %20)').optional(),
  accessed: z.iso.date().optional(),
});

export const ArticleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lowercase letters, digits and hyphens (at most 80)'),
    lang: z.enum(SUPPORTED_LANGS),
    title,
    subtitle: text.optional(),
    /** Publication date of the article (ISO), when known. */
    date: z.iso.date().optional(),
    /** Absent when the article names nobody (an imported text without a byline). */
    author: AuthorSchema.optional(),
    keyPoints: z.array(text).min(1).max(7),
    sections: z.array(SectionSchema).min(1),
    quotes: z.array(QuoteSchema).default([]),
    events: z.array(EventSchema).default([]),
    actors: z.array(ActorSchema).default([]),
    places: z.array(PlaceSchema).default([]),
    /** Two to four figures for the key-numbers slide; without them the slides find figures in the paragraphs. */
    keyNumbers: z.array(KeyNumberSchema).min(2, 'give at least two key numbers (or none: they are then found in the text)').max(4, 'give at most four key numbers').optional(),
    sources: z.array(SourceSchema).min(1),
  })
  .superRefine((article, ctx) => {
    const actorIds = new Set(article.actors.map((a) => a.id));
    const placeIds = new Set(article.places.map((p) => p.id));
    article.events.forEach((event, i) => {
      event.actors?.forEach((id, j) => {
        if (!actorIds.has(id)) ctx.addIssue({ code: 'custom', path: ['events', i, 'actors', j], message: `unknown actor "${id}"` });
      });
      event.places?.forEach((id, j) => {
        if (!placeIds.has(id)) ctx.addIssue({ code: 'custom', path: ['events', i, 'places', j], message: `unknown place "${id}"` });
      });
    });
  });

export type Article = z.infer<typeof ArticleSchema>;
export type ArticleBlock = z.infer<typeof BlockSchema>;

/** The texts of a block, in reading order: the paragraph, each list item, the quotation, or a picture's caption and credit. */
export function blockTexts(block: ArticleBlock | z.input<typeof BlockSchema>): string[] {
  if (typeof block === 'string') return [block];
  if ('list' in block) return block.list;
  if ('quote' in block) return [block.quote];
  return [block.caption, block.credit].filter((text): text is string => text !== undefined);
}

export type ImageBlock = z.infer<typeof ImageBlockSchema>;
export type ArticleInput = z.input<typeof ArticleSchema>;
export type Section = Article['sections'][number];
export type TimelineEvent = Article['events'][number];

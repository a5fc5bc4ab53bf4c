// A raw article (text copied from a web page, or Markdown) in, article data that validates out, with a note for every guess
// and every line dropped. Conservative: what might be the article's text is kept; only page furniture is dropped.
import { basename, extname } from 'node:path';
import { ArticleSchema, blockTexts, SourceSchema, SUPPORTED_LANGS, type Article, type ArticleInput } from '../model/article.js';
import { parseEdtf } from '../model/edtf.js';
import { BriefkitError, type Diagnostic, type Result } from '../diagnostics.js';
import { splitSentences } from '../render/sentences.js';
import { isHeadingLine, looksLikeMarkdown, markdownBlocks, plainBlocks, type Block, type DroppedLine } from './blocks.js';
import { parseByline, parseSignedByline } from './byline.js';
import { chooseTitle, splitSiteName, titleLike } from './title.js';
import { findQuotes } from './quotes.js';
import { chooseKeyPoints } from './key-points.js';
import { findDates } from './dates.js';
import { withoutScriptAndStyle } from './script-style.js';
import { detectLanguage } from './language.js';
import { isKicker } from './junk.js';
import { articlePlaces, placesIn } from './places.js';
import { articlePeople } from './people.js';
import { slugify } from './slug.js';

export { parseByline } from './byline.js';
export type { DroppedLine } from './blocks.js';

export interface ImportResult {
  /** The data as written to the file: validated, in the schema's field order. */
  data: ArticleInput;
  article: Article;
  /** Every line dropped as page furniture, in order, with the reason. */
  dropped: DroppedLine[];
  /** Captions and credits of pictures a plain text does not carry: kept for the data file, where the user adds the picture. */
  captions: PictureCaption[];
}

/** A picture's caption or credit ("Photo: Reuters") in a plain text, at its place: section index and the paragraph it stands before. */
export interface PictureCaption {
  section: number;
  before: number;
  line: number;
  caption?: string;
  credit?: string;
}

type Lang = Article['lang'];
type Paragraph = NonNullable<ArticleInput['sections']>[number]['paragraphs'][number];
interface Draft {
  heading?: string;
  headingLine?: number;
  paragraphs: { block: Paragraph; line: number; caption?: boolean }[];
}

/** C0 and C1 controls other than tab and line feed: never text (a form feed or vertical tab was made a line end before). */
const CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

export function importArticle(source: string, file: string, options: { lang?: Lang } = {}): Result<ImportResult> {
  const notes: Diagnostic[] = [];
  const note = (line: number | undefined, message: string, rule = 'import') => notes.push({ severity: 'note', file, ...(line ? { line } : {}), rule, message });
  let text = source.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n');
  const controls = text.match(CONTROLS);
  if (controls) {
    text = text.replace(CONTROLS, '');
    note(undefined, `removed ${controls.length} control character${controls.length > 1 ? 's' : ''}`);
  }
  const scripts = withoutScriptAndStyle(text);
  text = scripts.text;
  for (const element of scripts.removed) {
    note(element.line, `dropped the content of a <${element.tag}> element (${element.lines} line${element.lines > 1 ? 's' : ''}): ${element.tag === 'script' ? 'program code' : 'style rules'} of the web page, not article text`);
  }
  refuseDeepNesting(text, file);
  const markdownFile = ['.md', '.markdown'].includes(extname(file).toLowerCase());
  const markdown = markdownFile || looksLikeMarkdown(text);
  if (markdown && !markdownFile) note(undefined, 'the text reads as Markdown ("#" headings, links or **bold**): parsed as Markdown');
  const parsed = markdown ? markdownBlocks(text) : plainBlocks(text);
  const dropped = [...parsed.dropped];
  for (const n of parsed.notes) note(n.line, n.message);
  const blocks: Block[] = [...parsed.blocks];
  const empty = (message: string) => new BriefkitError([{ severity: 'error', file, line: 1, column: 1, rule: 'import-empty', message }]);
  if (blocks.length === 0) throw empty('no article text found (only page furniture or nothing at all)');

  // A section label above the title ("Analysis").
  const first = blocks[0]!;
  if (first.kind === 'text' && isKicker(first.text) && blocks[1] && titleLike(blocks[1])) {
    dropped.push({ line: first.line, text: first.text, reason: 'section label' });
    blocks.shift();
  }
  for (const d of dropped.sort((a, b) => a.line - b.line)) note(d.line, `dropped (${d.reason}): "${d.text}"`);

  // Title: the front matter's, a level-1 Markdown heading, else the first block when it reads like a title.
  let title: string;
  let choice: ReturnType<typeof chooseTitle>;
  const h1 = blocks.findIndex((b) => b.kind === 'heading' && b.depth === 1);
  if (parsed.front.title) {
    title = parsed.front.title.trim();
    note(1, `title: "${title}" (front matter)`);
    if (h1 >= 0 && (blocks[h1] as { text: string }).text === title) blocks.splice(h1, 1);
  } else if (h1 >= 0 && (markdown || h1 === 0)) {
    title = (blocks[h1] as { text: string }).text;
    note(blocks[h1]!.line, `title: "${title}"`);
    blocks.splice(h1, 1);
  } else if ((choice = chooseTitle(blocks, options.lang ?? 'en'))) {
    title = (blocks[choice.index] as { text: string }).text;
    note(blocks[choice.index]!.line, `title: "${title}"${choice.index > 0 ? ' (the longest title-like line of the page\'s header)' : ''}`);
    for (const { index, reason } of choice.furniture) {
      const block = blocks[index] as { text: string; line: number };
      dropped.push({ line: block.line, text: block.text, reason });
      note(block.line, `dropped (${reason}): "${block.text}"`);
    }
    const gone = new Set([choice.index, ...choice.furniture.map((f) => f.index)]);
    blocks.splice(0, blocks.length, ...blocks.filter((_, i) => !gone.has(i)));
  } else if (titleLike(blocks[0]!) || blocks[0]!.kind === 'heading') {
    title = (blocks[0] as { text: string }).text;
    note(blocks[0]!.line, `title: "${title}"`);
    blocks.shift();
  } else {
    const opening = blocks.find((b): b is Extract<Block, { kind: 'text' | 'quote' | 'list' }> => b.kind === 'text' || b.kind === 'quote') ?? blocks.find((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
    if (!opening) throw empty('no paragraph, list or quotation to take a title from');
    const whole = opening.kind === 'list' ? opening.items[0]! : opening.text;
    title = shorten(labelSentences(whole, options.lang ?? 'en')[0] ?? whole, 120);
    note(opening.line, `no title line found: the title "${title}" is drafted from the first sentence, which stays in the text; write a real title`);
  }
  if (!parsed.front.title) {
    const split = splitSiteName(title);
    if (split.site) {
      note(undefined, `the title line ends with a site's name after a bar: "${split.site}" left out of the title`);
      title = split.title;
    }
  }
  // The title again near the top (the page's <title> and its heading): once is enough.
  for (let i = Math.min(blocks.length, 3) - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if ((block.kind === 'text' || block.kind === 'heading') && block.text === title && blocks.length > 1) {
      dropped.push({ line: block.line, text: block.text, reason: 'title repeated' });
      note(block.line, `dropped (title repeated): "${block.text}"`);
      blocks.splice(i, 1);
    }
  }
  if (blocks.length === 0) throw empty(`only a title was found ("${title}"): no paragraphs to build from`);

  // Byline: the line under the title, or under a standfirst.
  let author: ArticleInput['author'];
  let bylineLine: number | undefined;
  if (parsed.front.author) {
    author = { name: parsed.front.author.trim(), roles: [] };
    note(1, `byline: author "${author.name}" (front matter)`);
  } else {
    const candidates = [0, 1].filter((i) => i === 0 || (blocks[0]?.kind === 'text' && blocks[0].text.length <= 400));
    for (const i of candidates) {
      const block = blocks[i];
      if (!block || block.kind !== 'text' || block.caption) continue;
      const byline = parseByline(block.text);
      if (!byline) continue;
      author = { name: byline.name, roles: byline.roles };
      bylineLine = block.line;
      note(block.line, `byline: author "${byline.name}"${byline.roles.length ? `, roles: ${byline.roles.map((r) => `"${r}"`).join(', ')}` : ', no roles'}${byline.skipped.length ? ` (left out: ${byline.skipped.map((s) => `"${s}"`).join(', ')})` : ''}`);
      blocks.splice(i, 1);
      break;
    }
  }
  // A signed byline at the end of the page ("By …", "**By …**", "Аўтар: …"), among its last three blocks; when the author
  // is known already (front matter), the same name there is the byline repeated.
  for (let i = blocks.length - 1; i >= Math.max(1, blocks.length - 3); i--) {
    const block = blocks[i]!;
    const byline = block.kind === 'text' && !block.caption ? parseSignedByline(block.text) : undefined;
    if (!byline || (author && author.name !== byline.name)) continue;
    if (author) {
      note(block.line, `dropped (byline repeated at the end): "${(block as { text: string }).text}"`);
      dropped.push({ line: block.line, text: (block as { text: string }).text, reason: 'byline repeated at the end' });
    }
    else note(block.line, `byline at the end: author "${byline.name}"${byline.roles.length ? `, roles: ${byline.roles.map((r) => `"${r}"`).join(', ')}` : ''}`);
    author ??= { name: byline.name, roles: byline.roles };
    blocks.splice(i, 1);
    break;
  }
  if (!author) note(undefined, 'no byline found: the article has no author (add `author:` by hand)');
  if (blocks.length === 0) throw empty(`only a title${author ? ' and a byline' : ''} were found ("${title}"): no paragraphs to build from`);

  const allText = blocks.map((b) => (b.kind === 'list' ? b.items.join(' ') : b.kind === 'image' || b.kind === 'caption' ? (b.caption ?? '') : b.text)).join(' ');
  const frontLang = (SUPPORTED_LANGS as readonly string[]).includes(parsed.front.lang ?? '') ? (parsed.front.lang as Lang) : undefined;
  const lang: Lang = options.lang ?? frontLang ?? detectLanguage(`${title} ${allText}`);
  note(undefined, options.lang ? `language: ${lang} (given)` : frontLang ? `language: ${lang} (front matter)` : `language: ${lang} (detected from the script)`);

  // Headings in plain text: short lines without final punctuation followed by body text, and "1. Background" above a paragraph.
  if (!markdown) markHeadings(blocks);

  const drafts: Draft[] = [];
  const captionsAt: { draft: Draft; before: number; block: Extract<Block, { kind: 'caption' }> }[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const open = drafts[drafts.length - 1];
      if (open && open.heading !== undefined && open.paragraphs.length === 0) {
        open.heading = `${open.heading} — ${block.text}`;
        note(block.line, `heading: "${block.text}" follows a heading directly; joined: "${open.heading}"`);
      } else {
        drafts.push({ heading: block.text, headingLine: block.line, paragraphs: [] });
        note(block.line, `heading: "${block.text}"`);
      }
      continue;
    }
    if (drafts.length === 0) drafts.push({ paragraphs: [] });
    const draft = drafts[drafts.length - 1]!;
    if (block.kind === 'text' && block.caption) {
      // A line repeated as a caption is no paragraph, its first copy neither (there is no picture to carry it here).
      dropped.push({ line: block.line, text: block.text, reason: 'caption (repeated further down)' });
      note(block.line, `dropped (caption, repeated further down): "${block.text}"`);
    } else if (block.kind === 'text') draft.paragraphs.push({ block: block.text, line: block.line });
    else if (block.kind === 'caption') {
      // A plain text has no picture file: the caption is kept for the data file (a picture to add), never a paragraph.
      captionsAt.push({ draft, before: draft.paragraphs.length, block });
      const words = [block.caption, block.credit].filter(Boolean).map((w) => `"${w}"`).join(' and ');
      note(block.line, `picture caption kept: ${words} — the text carries no picture; the data file has it as a commented-out picture in its section: add the picture's file and alt text there`);
    } else if (block.kind === 'list') {
      note(block.line, `${block.ordered ? 'numbered' : 'bulleted'} list of ${block.items.length} item${block.items.length > 1 ? 's' : ''}`);
      draft.paragraphs.push({ block: { list: block.items, ordered: block.ordered }, line: block.line });
    } else if (block.kind === 'image') {
      if (/^[a-z][a-z0-9+.-]*:/iu.test(block.src)) {
        // A picture on the web cannot be fetched here: its caption stays as text, the picture is left out.
        // A caption is never a paragraph: with its picture left out, it goes too.
        note(block.line, `picture ${block.src} left out: briefkit does not fetch from the web (save it beside the article and write its path)`);
        dropped.push({ line: block.line, text: `![${block.alt}](${block.src})`, reason: 'picture on the web left out' });
        for (const [words, line] of [[block.caption, block.captionLine], [block.credit, block.creditLine]] as const) {
          if (!words) continue;
          dropped.push({ line: line ?? block.line, text: words, reason: 'caption of a picture left out' });
          note(line ?? block.line, `dropped (caption of a picture left out): "${words}"`);
        }
      } else {
        const alt = block.alt || block.caption || basename(block.src);
        note(block.line, `picture ${block.src}${block.caption ? ` with its caption` : ''}${block.alt ? '' : `; no alt text: "${alt}" stands in for it, DRAFT — describe the picture`}`);
        if (block.credit) note(block.line, `picture credit: "${block.credit}"`);
        draft.paragraphs.push({ block: { image: block.src, alt, ...(block.caption ? { caption: block.caption } : {}), ...(block.credit ? { credit: block.credit } : {}) }, line: block.line });
      }
    } else {
      note(block.line, `block quotation${block.speaker ? ` by "${block.speaker}"` : ''}`);
      draft.paragraphs.push({ block: { quote: block.text }, line: block.line });
    }
  }
  // A heading with nothing under it (the text's last line) is text after all.
  const tail = drafts[drafts.length - 1]!;
  if (tail.heading !== undefined && tail.paragraphs.length === 0) {
    drafts.pop();
    note(tail.headingLine, `"${tail.heading}" has no text under it: kept as a paragraph, not a heading`);
    const host = drafts[drafts.length - 1] ?? (drafts.push({ paragraphs: [] }), drafts[0]!);
    host.paragraphs.push({ block: tail.heading, line: tail.headingLine ?? 0 });
  }
  if (drafts.length === 0 || drafts.every((d) => d.paragraphs.length === 0)) throw empty(`only a title was found ("${title}"): no paragraphs to build from`);

  for (const draft of drafts) {
    for (const { block, line } of draft.paragraphs) {
      for (const piece of blockTexts(block)) {
        const problem = unbalancedQuotes(piece);
        if (problem) note(line, `${problem}: check the text (kept as it is)`);
      }
    }
  }

  // Dates: every one in the text, as a proposed timeline event labelled with its sentence (ranked and capped below).
  const events: NonNullable<ArticleInput['events']> = [];
  const eventLines: number[] = [];
  /** Where each event's note is in `notes`, to take back the notes of dates not proposed in the end. */
  const eventNotes: number[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    for (const { block, line, caption } of draft.paragraphs) {
      // A caption or a picture is no event ("Photo: the delegation, 6 March 2024").
      if (caption || (typeof block !== 'string' && 'image' in block)) continue;
      const pieces = blockTexts(block);
      for (const piece of pieces) {
        for (const sentence of labelSentences(piece, lang)) {
          for (const date of findDates(sentence)) {
            const key = `${date.edtf}|${sentence}`;
            if (seen.has(key) || !parseEdtf(date.edtf)) continue;
            seen.add(key);
            events.push({ date: date.edtf, wording: date.wording, label: sentence });
            eventLines.push(line);
            eventNotes.push(notes.length);
            note(line, `date "${date.wording}" → ${date.edtf}, proposed as a timeline event`);
          }
        }
      }
    }
  }

  // Quotations whose speaker the text names ("— Name" under them) are proposed for the quotation slide.
  const quotes: NonNullable<ArticleInput['quotes']> = [];
  for (const block of blocks) {
    if (block.kind === 'quote' && block.speaker && block.body) {
      quotes.push({ text: stripOuterQuotes(block.body), speaker: block.speaker });
      note(block.line, `quotation by "${block.speaker}" proposed for the quotation slide`);
    }
  }

  // Quotations in the paragraphs' text with a speaker the sentence names: copies for the quotation slide, the text unchanged.
  const prose = drafts.flatMap((d) => d.paragraphs.filter((p) => typeof p.block === 'string' && !p.caption).map((p) => ({ text: p.block as string, line: p.line })));
  for (const found of findQuotes(prose, lang, author ? [author.name] : [])) {
    if (quotes.some((q) => q.text === found.text)) continue;
    quotes.push({ text: found.text, speaker: found.speaker, ...(found.context ? { context: found.context } : {}) });
    note(prose[found.paragraph]!.line, `quotation by "${found.speaker}"${found.context ? ` (${found.context})` : ''} proposed for the quotation slide (${found.how}): "${shorten(found.text, 80)}"`);
  }

  // Key points: drafts, honestly labelled as such, chosen for carrying the article (src/import/key-points.ts).
  const pointParagraphs = drafts.flatMap((d, section) =>
    d.paragraphs.map((p, index) => ({ p, index })).filter(({ p }) => typeof p.block === 'string').map(({ p, index }) => ({ text: p.block as string, line: p.line, section, index, ...(p.caption ? { caption: true } : {}) })),
  );
  const chosenPoints = chooseKeyPoints(pointParagraphs, lang, quotes.map((q) => q.text));
  for (const point of chosenPoints) {
    const why = [...point.why, ...(point.repeatsOverview ? ['the overview slide shows it too: no other sentence can stand as a point'] : [])];
    note(point.line, `key point (DRAFT${why.length ? `: ${why.join(', ')}` : ''}): "${shorten(point.text, 80)}"`);
  }
  // With no sentence that can stand, the first sentences (or texts) stand in, as before.
  const fallbackPoints = chosenPoints.length > 0 ? chosenPoints.map((p) => p.text) : drafts.flatMap((d) => d.paragraphs.flatMap((p) => blockTexts(p.block))).slice(0, 3);
  note(
    undefined,
    chosenPoints.length > 0
      ? `key points: ${fallbackPoints.length} DRAFTS (the sentences that carry the text: shared words with the rest, section leads, numbers and names; at most one a paragraph, none the overview slide shows, no quotation or caption); rewrite them as takeaways`
      : `key points: ${fallbackPoints.length} DRAFTS (no sentence could stand as one: the first texts stand in); write real ones`,
  );

  // Sources: the article itself, then every link of the text.
  const sources: NonNullable<ArticleInput['sources']> = [{ title }];
  const urls = new Set<string>();
  const addSource = (candidate: { title: string; url: string }, line?: number) => {
    if (urls.has(candidate.url) || !SourceSchema.safeParse(candidate).success) return;
    urls.add(candidate.url);
    sources.push(candidate);
    note(line, `link ${candidate.url} proposed as a source`);
  };
  for (const link of parsed.links) addSource({ title: link.title, url: link.url }, link.line);
  for (const draft of drafts) {
    for (const { block, line } of draft.paragraphs) {
      for (const piece of blockTexts(block)) for (const url of findUrls(piece)) addSource({ title: url, url }, line);
    }
  }

  // The publication date: the front matter's, or a dateline or stamp above the text.
  // The stamp stands above the text: before its first paragraph, not counting a standfirst above the byline.
  const firstText = drafts.flatMap((d) => d.paragraphs).find((p) => p.line > (bylineLine ?? 0))?.line ?? Infinity;
  const frontDate = parsed.front.date && /^\d{4}-\d{2}-\d{2}$/.test(parsed.front.date) ? parsed.front.date : undefined;
  const headerStamps = parsed.stamps.filter((s) => s.line < firstText);
  const stamp = headerStamps.find((s) => s.iso);
  const date = frontDate ?? stamp?.iso;
  if (date) note(stamp && !frontDate ? stamp.line : 1, `publication date: ${date}${stamp && !frontDate ? ' (from the dateline)' : ' (front matter)'}`);
  const yearless = headerStamps.find((s) => s.yearless);
  if (!date && yearless) note(yearless.line, 'the dateline names no year: no publication date (add `date:` by hand)');
  // The publisher a dateline names ("December 27, Pozirk."): the source's publisher.
  // The dateline above the text first, else one at the foot of the page (an update stamp there dates no article).
  const signed = headerStamps.find((s) => s.publisher) ?? parsed.stamps.find((s) => s.publisher);
  if (signed?.publisher) {
    sources[0] = { ...sources[0]!, publisher: signed.publisher };
    note(signed.line, `publisher: "${signed.publisher}" (from the dateline)`);
  }

  // Places and people the text names (src/import/places.ts), and the events whose sentence names them.
  const texts = [{ text: title, line: 0 }, ...drafts.flatMap((d) => [...(d.heading !== undefined ? [{ text: d.heading, line: d.headingLine ?? 0 }] : []), ...d.paragraphs.flatMap((p) => blockTexts(p.block).map((text) => ({ text, line: p.line })))])];
  const found = articlePlaces(texts, lang);
  const people = articlePeople(texts, lang);
  for (const n of [...found.notes, ...people.notes]) note(n.line, n.message);
  const placeIds = new Set(found.places.map((p) => p.id));
  for (const event of events) {
    const actorIds = people.mentions(event.label);
    const ids = placesIn(event.label, placeIds);
    if (actorIds.length > 0) event.actors = actorIds;
    if (ids.length > 0) event.places = ids;
  }
  const proposed = proposedEvents(events);
  if (proposed.size < events.length) {
    const dropped = new Set(eventNotes.filter((_, index) => !proposed.has(index)));
    const kept = notes.filter((_, index) => !dropped.has(index));
    notes.splice(0, notes.length, ...kept);
    const left = eventLines.filter((_, index) => !proposed.has(index));
    note(left[0], `${left.length} more date${left.length > 1 ? "s" : ""} (line${left.length > 1 ? "s" : ""} ${left.slice(0, 5).join(', ')}${left.length > 5 ? ', …' : ''}) not proposed as timeline events: an import proposes at most ${MAX_IMPORTED_EVENTS}, the most precise first and those naming people or places; add others to events by hand`);
  }

  const captions: PictureCaption[] = captionsAt.map(({ draft, before, block }) => {
    // Its section may have been merged away (a heading with nothing under it): then it goes to the end of the last one.
    const section = drafts.indexOf(draft);
    const at = section >= 0 ? { section, before } : { section: drafts.length - 1, before: drafts[drafts.length - 1]!.paragraphs.length };
    return { ...at, line: block.line, ...(block.caption ? { caption: block.caption } : {}), ...(block.credit ? { credit: block.credit } : {}) };
  });
  const data: ArticleInput = {
    id: slugify(title, lang),
    lang,
    title,
    ...(date ? { date } : {}),
    ...(author ? { author } : {}),
    keyPoints: fallbackPoints.length > 0 ? fallbackPoints : [title],
    sections: drafts.map((d) => ({ ...(d.heading !== undefined ? { heading: d.heading } : {}), paragraphs: d.paragraphs.map((p) => p.block) })),
    quotes,
    events: events.filter((_, index) => proposed.has(index)),
    actors: people.actors,
    places: found.places,
    sources,
  };
  const result = ArticleSchema.safeParse(data);
  if (!result.success) {
    throw new BriefkitError(result.error.issues.map((issue) => ({ severity: 'error', file, rule: 'import', path: issue.path.join('.'), message: `the imported data does not validate: ${issue.message}` })));
  }
  // Line by line first, then the notes about the whole text.
  const ordered = notes.map((n, i) => ({ n, i })).sort((a, b) => (a.n.line ?? Infinity) - (b.n.line ?? Infinity) || a.i - b.i).map((x) => x.n);
  return { value: { data, article: result.data, dropped: dropped.sort((a, b) => a.line - b.line), captions }, diagnostics: ordered };
}

/** Quotations and lists nested deeper than an article needs (and than a parser's stack bears). */
export const MAX_NESTING = 20;

function refuseDeepNesting(text: string, file: string): void {
  text.split('\n').forEach((line, index) => {
    const quotes = /^(?:[ \t]*>)+/.exec(line)?.[0].split('>').length ?? 1;
    // A list item's depth, counting two columns of indentation (or a tab) a level.
    const indent = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])\s/.exec(line)?.[1]?.replace(/\t/g, '  ').length ?? 0;
    // Markers in a row on one line ("- - - item") nest too.
    const markers = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])[ \t]+)+/.exec(line)?.[0].match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    const depth = Math.max(quotes - 1, Math.floor(indent / 2), markers);
    if (depth > MAX_NESTING) {
      throw new BriefkitError([{ severity: 'error', file, line: index + 1, column: 1, rule: 'nesting', message: `quotations or lists nested ${depth} deep; an article may nest at most ${MAX_NESTING} (is this really an article?)` }]);
    }
  });
}

/** Plain text: a heading-like line becomes a heading when body text (a paragraph, a list, a quotation) follows it. */
function markHeadings(blocks: Block[]): void {
  const isBody = (block: Block | undefined, candidate: string): boolean => {
    if (!block) return false;
    if (block.kind === 'list') return candidate.split(/\s+/).length <= 10;
    if (block.kind === 'quote') return true;
    if (block.kind === 'text') return !block.caption && !isHeadingLine(block.text);
    return false;
  };
  blocks.forEach((block, i) => {
    const next = blocks.slice(i + 1).find((b) => !(b.kind === 'text' && b.caption) && b.kind !== 'caption');
    if (block.kind === 'text' && !block.caption && isHeadingLine(block.text) && isBody(next, block.text)) {
      blocks[i] = { kind: 'heading', text: block.text, depth: 2, line: block.line };
    } else if (block.kind === 'list' && block.ordered && block.items.length === 1 && block.firstLine && isHeadingLine(block.items[0]!) && next?.kind === 'text' && isBody(next, block.items[0]!)) {
      blocks[i] = { kind: 'heading', text: block.firstLine, depth: 2, line: block.line };
    }
  });
}

/** Sentences for labels and key points: the one splitter's (src/render/sentences.ts), also used for the slides' bullets. */
export const labelSentences = (text: string, lang: string): string[] => splitSentences(text, lang);

/** URLs written out in the text, without the punctuation that ends their sentence. */
export function findUrls(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\bhttps?:\/\/[^\s<>"«»“”‘’]+/giu)) {
    let url = match[0];
    for (;;) {
      const trimmed = url.replace(/[.,;:!?'*]+$/u, '');
      const unbalanced = trimmed.endsWith(')') && (trimmed.match(/\(/g) ?? []).length < (trimmed.match(/\)/g) ?? []).length;
      const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    out.push(url);
  }
  return out;
}

/** A quotation without the quotation marks around all of it. */
function stripOuterQuotes(text: string): string {
  const pairs: [string, string][] = [['“', '”'], ['«', '»'], ['„', '“'], ['"', '"'], ['‘', '’']];
  for (const [open, close] of pairs) {
    if (text.startsWith(open) && text.endsWith(close) && text.length > 2 && !text.slice(1, -1).includes(close)) return text.slice(1, -1).trim();
  }
  return text;
}

/** Why a paragraph's quotation marks do not pair up, if they do not. */
function unbalancedQuotes(text: string): string | undefined {
  const count = (c: string) => text.split(c).length - 1;
  if (count('«') !== count('»')) return `unbalanced quotation marks « » (${count('«')} opening, ${count('»')} closing)`;
  if (count('“') !== count('”') && count('„') === 0) return `unbalanced quotation marks “ ” (${count('“')} opening, ${count('”')} closing)`;
  if (count('"') % 2 === 1) return 'an odd number of straight quotation marks "';
  return undefined;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text.replace(/[.!]$/u, '');
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : max).replace(/[\s,;:—–-]+$/u, '')}…`;
}

/** Timeline events an import proposes at most: what the slides' timeline draws (MAX_SLIDE_TIMELINE_EVENTS). */
export const MAX_IMPORTED_EVENTS = 40;

/**
 * Which of the dates found become events (their indexes, text order kept): all when they are few, else the
 * MAX_IMPORTED_EVENTS of highest rank — a day before a month before a year, then a sentence naming people or places,
 * then the earlier in the text.
 */
function proposedEvents(events: NonNullable<ArticleInput['events']>): Set<number> {
  if (events.length <= MAX_IMPORTED_EVENTS) return new Set(events.keys());
  const precision = (date: string) => (/\d{4}-\d{2}-\d{2}/.test(date) ? 2 : /\d{4}-\d{2}/.test(date) ? 1 : 0);
  const rank = (event: (typeof events)[number]) => precision(event.date) * 4 + (event.actors ? 2 : 0) + (event.places ? 1 : 0);
  const ranked = [...events.keys()].sort((a, b) => rank(events[b]!) - rank(events[a]!) || a - b);
  return new Set(ranked.slice(0, MAX_IMPORTED_EVENTS));
}

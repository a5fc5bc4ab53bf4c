// Tests src/render/render.ts, view.ts, labels.ts and sentences.ts: an Article and the real templates in, briefing and slides Markdown out.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticleFile, parseArticle } from '../../src/load/load.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { buildView } from '../../src/render/view.js';
import { formatLongDate, labelsFor, type Labels } from '../../src/render/labels.js';
import { firstSentence, splitSentences } from '../../src/render/sentences.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { inlineText, type Block, type Inline } from '../../src/parse/doc.js';
import { SUPPORTED_LANGS, blockTexts, type Article } from '../../src/model/article.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED_FILE = join(ROOT, 'data', 'lukashenko-occupied-territories.yaml');
const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');
const TEMPLATES = join(ROOT, 'templates');
const BUILD_DATE = Date.UTC(2026, 10, 25, 12); // 25 November 2026

const seed = (): Article => loadArticleFile(SEED_FILE).value;
const renderBoth = (article: Article, buildDate = BUILD_DATE) => renderMarkdown(article, loadTemplates(TEMPLATES), buildDate).value as { briefing: string; slides: string };
/** Every figure directive becomes a node (the figures' own data is tested with the figures). */
const keepFigures = () => ({ data: null, alt: '' });

/** Every block of a document, depth first (containers and list items included). */
function allBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((block) => [
    block,
    ...(block.type === 'container' ? allBlocks(block.children) : block.type === 'list' ? block.items.flatMap(allBlocks) : []),
  ]);
}

function parsed(markdown: string): Block[] {
  const { value, diagnostics } = parseMarkdown(markdown, 'rendered.md', keepFigures);
  expect(diagnostics).toEqual([]);
  return value.children;
}

const paragraphTexts = (blocks: Block[]) => allBlocks(blocks).flatMap((b) => (b.type === 'paragraph' ? [inlineText(b.children)] : []));
const headingTexts = (blocks: Block[], depth?: number) => allBlocks(blocks).flatMap((b) => (b.type === 'heading' && (depth === undefined || b.depth === depth) ? [inlineText(b.children)] : []));
const containers = (blocks: Block[], name: string) => allBlocks(blocks).filter((b): b is Extract<Block, { type: 'container' }> => b.type === 'container' && b.name === name);
const tables = (blocks: Block[]) => allBlocks(blocks).filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
const cellTexts = (rows: Inline[][][]) => rows.map((row) => row.map(inlineText));

/** The slides: top-level blocks split at separators. */
function slides(blocks: Block[]): Block[][] {
  const out: Block[][] = [[]];
  for (const block of blocks) {
    if (block.type === 'separator') out.push([]);
    else out[out.length - 1]!.push(block);
  }
  return out.filter((slide) => slide.length > 0);
}

describe('the seed article, rendered', () => {
  const article = seed();
  const { briefing, slides: deck } = renderBoth(article);
  const briefingBlocks = parsed(briefing);
  const slideBlocks = parsed(deck);

  it('puts every paragraph of the article, verbatim, into the briefing', () => {
    const texts = paragraphTexts(briefingBlocks);
    const all = article.sections.flatMap((s) => s.paragraphs.flatMap(blockTexts));
    expect(all).toHaveLength(6);
    for (const paragraph of all) expect(texts).toContain(paragraph);
    // ...in the article's order.
    const positions = all.map((p) => texts.indexOf(p));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts every paragraph, verbatim, into the speaker notes of its section slide', () => {
    const sectionSlides = slides(slideBlocks).filter((slide) => slide[0]?.type === 'heading' && article.sections.some((s) => s.heading === inlineText((slide[0] as Extract<Block, { type: 'heading' }>).children)));
    expect(sectionSlides).toHaveLength(article.sections.length);
    sectionSlides.forEach((slide, i) => {
      const notes = containers(slide, 'notes');
      expect(notes).toHaveLength(1);
      expect(paragraphTexts(notes[0]!.children)).toEqual(article.sections[i]!.paragraphs.flatMap(blockTexts));
    });
  });

  it('gives the briefing the title, the key points and the section headings', () => {
    const cover = containers(briefingBlocks, 'cover');
    expect(cover).toHaveLength(1);
    expect(headingTexts(cover[0]!.children, 1)).toEqual([article.title]);
    expect(paragraphTexts(cover[0]!.children)).toContain('Briefing · prepared 25 November 2026');
    const keyPoints = containers(briefingBlocks, 'keypoints')[0]!;
    const list = keyPoints.children.find((b) => b.type === 'list') as Extract<Block, { type: 'list' }>;
    expect(list.items.map((item) => paragraphTexts(item)[0])).toEqual(article.keyPoints);
    expect(headingTexts(briefingBlocks, 2)).toEqual(['Key points', ...article.sections.map((s) => s.heading), 'Timeline', 'Actors', 'Places', 'Sources', 'About the author', 'Suggested citation']);
  });

  it('quotes the quotation with English quotation marks and its attribution', () => {
    const quote = containers(briefingBlocks, 'pullquote');
    expect(quote).toHaveLength(1);
    expect(paragraphTexts(quote[0]!.children)).toEqual([
      '“Belarusian enterprises are always welcome on the Crimean land.”',
      '— Sergey Aksyonov, head of the occupation administration of Crimea, after the agreement with the Vitebsk region',
    ]);
  });

  it('orders the timeline by date, an open start before its end date, and marks where the figure goes', () => {
    const order = (a: Article) => buildView(a, BUILD_DATE).events.map((e) => e.wording);
    expect(order(article)).toEqual(['before 24 February 2022', '24 February 2022', 'early March 2023', '18 April 2023', 'no later than 1 July 2024']);
    // The seed lists its events in date order already; shuffled, they still come out sorted.
    expect(order({ ...article, events: [...article.events].reverse() })).toEqual(order(article));
    const directives = allBlocks(briefingBlocks).flatMap((b) => (b.type === 'figure' ? [b.name] : []));
    expect(directives).toEqual(['timeline', 'map']);
  });

  it('fills the actors and places tables cell by cell', () => {
    const [actors, places] = tables(briefingBlocks);
    expect(cellTexts(actors!.rows)[1]).toEqual(['Denis Pushilin', 'So-called "acting head of the DPR"', 'Russian occupation administration', 'Alexander Lukashenko (18 April 2023)']);
    // Who met whom, and when, comes from the events that name two actors.
    expect(cellTexts(actors!.rows)[0]![3]).toBe('Denis Pushilin (18 April 2023)');
    expect(cellTexts(actors!.rows)[4]![3]).toBe('');
    expect(actors!.rows).toHaveLength(article.actors.length);
    // Each coordinate is held together by no-break spaces.
    expect(cellTexts(places!.rows)[2]).toEqual(['Crimea', 'occupied territory', '45.00°\u00A0N, 34.10°\u00A0E']);
  });

  it('makes a deck: a title slide, key points, a key-numbers place, one slide per section, quote, timeline, map, actors, sources', () => {
    const deckSlides = slides(slideBlocks);
    expect(deckSlides).toHaveLength(3 + article.sections.length + 1 + 1 + 1 + 1 + 1);
    // The key-numbers slide has no heading: the slide layout fills it from the article's figures, or leaves it out.
    expect(deckSlides[2]).toEqual([expect.objectContaining({ type: 'slide', layout: 'key-numbers' })]);
    const title = deckSlides[0]!;
    expect(title[0]).toMatchObject({ type: 'slide', layout: 'title' });
    expect(headingTexts(title, 1)).toEqual([article.title]);
    const titles = deckSlides.map((slide) => headingTexts(slide.filter((b) => b.type === 'heading'))[0]);
    expect(titles).toEqual(['Lukashenko regime\'s cooperation with the Russian-occupied territories of Ukraine', 'Key points', undefined, ...article.sections.map((s) => s.heading), 'Quotation', 'Timeline', 'Places', 'Actors', 'Sources']);
    const quoteSlide = deckSlides.find((slide) => slide[0]?.type === 'slide' && slide[0].layout === 'quote');
    expect(quoteSlide).toBeDefined();
  });

  it('uses the hand-written bullets on section slides', () => {
    const sectionSlide = slides(slideBlocks)[3]!;
    const list = sectionSlide.find((b) => b.type === 'list') as Extract<Block, { type: 'list' }>;
    expect(list.items.map((item) => paragraphTexts(item)[0])).toEqual(article.sections[0]!.bullets);
  });

  it('is deterministic for the same build date', () => {
    expect(renderBoth(article)).toEqual(renderBoth(article));
  });
});

describe('hostile text in the article', () => {
  const HOSTILE = '*x* _y_ # [l](javascript:alert(1)) <script>a</script> {{> p}} {{constructor}} | :name 1. \\ &amp;';

  it('comes back as exactly the same text everywhere it is shown', () => {
    const source = SEED_TEXT.replace(/^title: .*$/m, `title: ${JSON.stringify(`Title ${HOSTILE}`)}`)
      .replace('  - heading: Cooperation kept out of sight', `  - heading: ${JSON.stringify(`# ${HOSTILE}`)}`)
      .replace('    - ambassador', `    - ${JSON.stringify(`role ${HOSTILE}`)}`)
      .replace(/^ {2}- The regime keeps .*$/m, `  - ${JSON.stringify(`1. ${HOSTILE}`)}`)
      .replace(/^ {6}- "Such ties and contacts.*$/m, `      - ${JSON.stringify(`:::notes ${HOSTILE}`)}`)
      .replace('    name: Denis Pushilin', `    name: ${JSON.stringify(`Pushilin | ${HOSTILE}`)}`)
      .replace('    label: Russia launches the full-scale invasion of Ukraine', `    label: ${JSON.stringify(`| ${HOSTILE} |`)}`);
    const article = parseArticle(source, 'hostile.yaml').value;
    expect(article.title).toContain('{{> p}}');
    const { briefing, slides: deck } = renderBoth(article);

    for (const markdown of [briefing, deck]) {
      const blocks = parsed(markdown);
      // Nothing the data says becomes structure: no emphasis, no link, no directive other than the templates' own.
      const names = allBlocks(blocks).flatMap((b) => (b.type === 'container' || b.type === 'figure' ? [b.name] : b.type === 'slide' ? ['slide'] : []));
      expect(new Set(names)).toEqual(markdown === briefing ? new Set(['cover', 'keypoints', 'pullquote', 'timeline', 'map', 'backmatter']) : new Set(['slide', 'notes', 'timeline', 'map']));
      const texts = paragraphTexts(blocks);
      expect(headingTexts(blocks)).toContain(article.title);
      expect(headingTexts(blocks)).toContain(article.sections[0]!.heading);
      expect(texts).toContain(article.sections[0]!.paragraphs[1]);
      expect(texts).toContain(article.keyPoints[0]);
      expect(markdown).not.toContain('<script>');
      const cells = tables(blocks).flatMap((t) => cellTexts(t.rows).flat());
      expect(cells).toContain(article.actors[1]!.name);
      // Event labels reach the deck's notes as text (the timeline figures draw them straight from the data).
      if (markdown === deck) expect([...cells, ...texts].some((t) => t.includes(article.events[1]!.label))).toBe(true);
    }
    // The role list reaches the cover as text.
    const cover = containers(parsed(briefing), 'cover')[0]!;
    expect(paragraphTexts(cover.children).some((t) => t.endsWith(`role ${HOSTILE}`))).toBe(true);
  });

  it('keeps a source URL with punctuation intact as the link target', () => {
    const url = 'https://example.org/a_(b)?q=1&r=2#x';
    const source = SEED_TEXT.replace('    publisher: Pavel Latushka (web page)\n', `    publisher: Pavel Latushka (web page)\n    url: "${url}"\n`);
    const article = parseArticle(source, 'x.yaml').value;
    for (const markdown of Object.values(renderBoth(article))) {
      const links = allBlocks(parsed(markdown)).flatMap((b) => (b.type === 'paragraph' ? b.children.filter((n) => n.type === 'link') : []));
      expect(links).toEqual([{ type: 'link', url, children: [{ type: 'text', value: article.sources[0]!.title }] }]);
    }
  });
});

describe('the view', () => {
  it('dates an undated article by the build date, in its language', () => {
    expect(buildView(seed(), BUILD_DATE).dateLine).toBe('Briefing · prepared 25 November 2026');
    const be = { ...seed(), lang: 'be' as const };
    expect(buildView(be, BUILD_DATE).dateLine).toBe('Брыфінг · падрыхтавана 25 лістапада 2026 г.');
  });

  it('dates a dated article by its publication date, then the build date', () => {
    expect(buildView({ ...seed(), date: '2023-04-18' }, BUILD_DATE).dateLine).toBe('Published 18 April 2023 · prepared 25 November 2026');
    expect(buildView({ ...seed(), lang: 'ru', date: '2023-04-18' }, BUILD_DATE).dateLine).toBe('Опубликовано 18 апреля 2023 г. · подготовлено 25 ноября 2026 г.');
  });

  it('renders a Belarusian article with Belarusian labels and « » quotation marks', () => {
    const article = { ...seed(), lang: 'be' as const, date: '2023-04-18' };
    const blocks = parsed(renderBoth(article).briefing);
    expect(headingTexts(blocks, 2)).toContain('Галоўнае');
    expect(headingTexts(blocks, 2)).toContain('Храналогія');
    expect(paragraphTexts(blocks)).toContain('Апублікавана 18 красавіка 2023 г. · падрыхтавана 25 лістапада 2026 г.');
    expect(paragraphTexts(containers(blocks, 'pullquote')[0]!.children)[0]).toBe('«Belarusian enterprises are always welcome on the Crimean land.»');
  });

  it('gives every optional field a value (null when absent), as strict templates need', () => {
    const view = buildView({ ...seed(), subtitle: undefined }, BUILD_DATE);
    expect(view.subtitle).toBeNull();
    expect(view.actors.every((a) => 'side' in a)).toBe(true);
    expect(view.sources[0]).toEqual({ title: seed().sources[0]!.title, url: null, publisher: 'Pavel Latushka (web page)', accessed: null });
  });

  it('makes bullets from first sentences when a section has none', () => {
    const article = seed();
    const sections = article.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs }));
    const view = buildView({ ...article, sections }, BUILD_DATE);
    expect(view.sections[0]!.bullets).toEqual([
      'The Lukashenko regime, fearing new sanctions, does not always want to advertise its cooperation with the administration of the Russian-occupied territories of Ukraine, as well as the development of all kinds of ties and contacts with them: economic, informational and ideological, political and others.',
      'Such ties and contacts began even before the full-scale invasion of Ukraine by Russian troops on 24 February 2022.',
    ]);
  });

  it('writes coordinates with hemispheres', () => {
    const article = seed();
    const places = [{ id: 'x', name: 'South-west', lat: -33.8688, lon: -70.6693, kind: 'city' as const }];
    expect(buildView({ ...article, places }, BUILD_DATE).places[0]!.coordinates).toBe('33.87°\u00A0S, 70.67°\u00A0W');
  });
});

describe('lists, block quotations and sections without a heading', () => {
  const article = (): Article => ({
    ...seed(),
    sections: [
      { paragraphs: ['Opening paragraph. It has two sentences.', { list: ['first item', 'second item'], ordered: true }, { quote: 'A quoted passage.' }] },
      { heading: 'Bullets', paragraphs: [{ list: ['dash item *literal*'], ordered: false }] },
    ],
  });

  it('renders them as Markdown lists and a quote container in the briefing, with no heading for the first section', () => {
    const blocks = parsed(renderBoth(article()).briefing);
    const lists = allBlocks(blocks).filter((b): b is Extract<Block, { type: 'list' }> => b.type === 'list');
    expect(lists.map((l) => [l.ordered, l.items.map((item) => paragraphTexts(item))])).toEqual(
      expect.arrayContaining([[true, [['first item'], ['second item']]], [false, [['dash item *literal*']]]]),
    );
    expect(containers(blocks, 'quote').map((q) => paragraphTexts(q.children))).toContainEqual(['A quoted passage.']);
    expect(headingTexts(blocks, 2)).toContain('Bullets');
    expect(headingTexts(blocks, 2)).not.toContain('Overview');
  });

  it('titles the slide of a headless section "Overview" and keeps every text in its notes', () => {
    const slideBlocks = parsed(renderBoth(article()).slides);
    expect(headingTexts(slideBlocks, 1)).toContain('Overview');
    const notes = containers(slideBlocks, 'notes').flatMap((n) => paragraphTexts(n.children));
    for (const text of ['Opening paragraph. It has two sentences.', 'first item', 'second item', 'A quoted passage.', 'dash item *literal*']) expect(notes).toContain(text);
  });
});

describe('the longDate helper', () => {
  it('writes the accessed date of a source in the article language', () => {
    const withAccessed = (lang: Article['lang']): Article => ({ ...seed(), lang, sources: [{ title: 'Source', url: 'https://example.org/a', accessed: '2024-03-05' }] });
    const english = paragraphTexts(parsed(renderBoth(withAccessed('en')).briefing)).join('\n');
    // The address is printed too (a reader of the paper cannot follow the link), before the accessed date.
    expect(english).toContain('Source. example.org/a (accessed 5 March 2024)');
    const belarusian = paragraphTexts(parsed(renderBoth(withAccessed('be')).briefing)).join('\n');
    expect(belarusian).toContain('(праглядзена 5 сакавіка 2024 г.)');
  });
});

describe('labels', () => {
  const keys = Object.keys(labelsFor('en')) as (keyof Labels)[];

  it.each(SUPPORTED_LANGS)('has every label, none empty, for %s', (lang) => {
    const labels = labelsFor(lang);
    expect(Object.keys(labels).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(typeof labels[key], key).toBe('string');
      expect(labels[key].trim(), `${lang}.${key}`).not.toBe('');
    }
    expect(labels.pageOf).toContain('{page}');
    expect(labels.pageOf).toContain('{pages}');
  });

  it('has a complete catalogue (at least the labels the templates use)', () => {
    expect(keys.length).toBeGreaterThanOrEqual(20);
    const used = new Set<string>();
    for (const file of ['briefing.md.hbs', 'slides.md.hbs', 'partials/cover.md.hbs', 'partials/sources.md.hbs']) {
      for (const match of readFileSync(join(TEMPLATES, file), 'utf8').matchAll(/labels\.(\w+)/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) expect(keys).toContain(key);
  });

  it('translates: the Cyrillic catalogues are in Cyrillic and differ from each other', () => {
    for (const lang of ['be', 'uk', 'ru'] as const) {
      expect(labelsFor(lang).keyPoints).toMatch(/^[\u0400-\u04ff’ ]+$/);
      expect(labelsFor(lang).timeline).not.toBe(labelsFor('en').timeline);
    }
    expect(labelsFor('be').keyPoints).not.toBe(labelsFor('ru').keyPoints);
    expect(labelsFor('uk').actors).not.toBe(labelsFor('ru').actors);
  });
});

describe('formatLongDate', () => {
  it.each([
    ['en', '25 November 2026'],
    ['be', '25 лістапада 2026 г.'],
    ['uk', '25 листопада 2026 р.'],
    ['ru', '25 ноября 2026 г.'],
  ] as const)('formats 2026-11-25 in %s as %s', (lang, expected) => {
    expect(formatLongDate('2026-11-25', lang)).toBe(expected);
  });

  it('formats epoch milliseconds in UTC (no shift late in the day)', () => {
    expect(formatLongDate(Date.UTC(2026, 10, 25, 23, 59), 'en')).toBe('25 November 2026');
    expect(formatLongDate(Date.UTC(2026, 10, 25, 0, 0), 'be')).toBe('25 лістапада 2026 г.');
  });

  it('uses the Belarusian genitive month for every month', () => {
    const months = Array.from({ length: 12 }, (_, m) => formatLongDate(Date.UTC(2023, m, 1), 'be').split(' ')[1]);
    expect(months).toEqual(['студзеня', 'лютага', 'сакавіка', 'красавіка', 'мая', 'чэрвеня', 'ліпеня', 'жніўня', 'верасня', 'кастрычніка', 'лістапада', 'снежня']);
  });
});

describe('sentences', () => {
  it('splits a paragraph into sentences', () => {
    expect(splitSentences('One. Two? Three!  ')).toEqual(['One.', 'Two?', 'Three!']);
  });

  it('keeps the first sentence, or the whole text when there is one', () => {
    expect(firstSentence('On 24 February 2022 it began. Then more.')).toBe('On 24 February 2022 it began.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });

  it('splits Cyrillic text too', () => {
    expect(splitSentences('Першы сказ. Другі сказ.', 'be')).toEqual(['Першы сказ.', 'Другі сказ.']);
  });
});

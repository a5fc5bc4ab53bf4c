// Property tests over random valid articles (Latin, Cyrillic, punctuation, Markdown/XML/Handlebars specials, long words): nothing lost from the laid-out briefing, notes, PDF or PPTX, no slide line out of its box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as buildArticle, loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { writeDocuments } from '../../src/pipeline/write.js';
import { parseValidated } from '../../src/load/load.js';
import { ArticleSchema, blockTexts, type Article } from '../../src/model/article.js';
import { checkArticleText } from '../../src/check/text.js';
import { typesetArticle } from '../../src/typography/article.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { labelsFor } from '../../src/render/labels.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutBriefing } from '../../src/layout/briefing.js';
import { layoutSlides } from '../../src/layout/slides.js';
import { FontRegistry, FONT_FAMILIES, type FaceSpec } from '../../src/layout/fonts.js';
import type { Frame, TextItem } from '../../src/layout/frame.js';
import { layoutParagraph } from '../../src/layout/text.js';
import { BriefkitError } from '../../src/diagnostics.js';
import { textItems } from '../support/frames.js';
import { pdfTextPdfjs, pptxParts, squeeze } from '../support/clients.js';

// ─── runs ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * At least 1,000 cases per run (the requirement for CI), more with BRIEFKIT_PROPERTY_RUNS: that many cheap cases
 * (render → parse → layout), and one full build (all four documents, read back by PDF.js and from the PPTX's XML) for
 * every 25 of them, at least 40. Fewer than the defaults cannot be asked for.
 */
const CHEAP_RUNS = Math.max(1_000, Number(process.env.BRIEFKIT_PROPERTY_RUNS) || 0);
const FULL_RUNS = Math.max(40, Math.round(CHEAP_RUNS / 25));
/** A fixed seed reproduces a failure (fast-check prints the seed and the counterexample); random otherwise. */
const SEED = process.env.BRIEFKIT_PROPERTY_SEED ? Number(process.env.BRIEFKIT_PROPERTY_SEED) : undefined;
/**
 * Smaller articles a failure is shrunk through, at most: a bound on the work of shrinking (each step is a layout, or a
 * full build), so a failing run ends after that many more cases rather than after a time limit.
 */
const CHEAP_SHRINKS = 500;
const FULL_SHRINKS = 40;

// ─── the alphabet ─────────────────────────────────────────────────────────────────────────────────

const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿßæœÁÀÂÄÇÉÈÊËÍÎÏÑÓÔÖØÚÛÜÆŒŁłŚśŹźŻżĄąĘęĆćŃńŠšŽžČčŘřĚěŮůŐőŰű';
const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯўЎіІїЇєЄґҐ';
const DIGITS = '0123456789';
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** Typographic quotes and dashes, the ellipsis, NBSP and the soft hyphen. */
const TYPOGRAPHY = '“”„‘’«»–—…\u00A0\u00AD';
const LETTERS = [...LATIN, ...ACCENTED, ...CYRILLIC];
const EVERY_CHARACTER = [...LETTERS, ...DIGITS, ...ASCII_PUNCTUATION, ...TYPOGRAPHY];
/** Whole tokens that are syntax somewhere: Markdown, directives, HTML/XML, Handlebars, links and autolinks. */
const TOKENS = [
  '*', '**', '_', '__', '#', '##', '>', '-', '+', '1.', '2)', '|', '||', '---', '***', '===', '~~~', '```', '`x`', '~~s~~',
  ':::', '::', ':notes', ':::notes', '::slide{layout="title"}', '[', ']', '[x](javascript:alert(1))', '![i](x.png)', '[^1]',
  '<script>', '</script>', '<b>', '<!--', '-->', '&', '&amp;', '&#65;', '&nbsp;', ']]>', '"', "'",
  '{{', '}}', '{{title}}', '{{> cover}}', '{{constructor}}', '{{{raw}}}', '{{#each x}}', '\\', '\\*', '$x$', '@', '^', '%',
  'https://example.org/a_(b)?q=1&r=2', 'www.example.org', 'me@example.org', 'e.g.', 'U.S.', 'No.', '1986.', '(1)', '—',
  'Anti-Crisis', 'so-called', '«ёлка»', 'ўсё', 'ґанок', 'її', 'є',
];

const chars = (alphabet: readonly string[], minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const word = fc.oneof(
  { weight: 14, arbitrary: chars(LETTERS, 1, 12) },
  { weight: 2, arbitrary: chars([...DIGITS, ...ASCII_PUNCTUATION], 1, 4) },
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: chars(EVERY_CHARACTER, 1, 15) },
  { weight: 1, arbitrary: chars(LETTERS, 25, 300) },
);
const separator = fc.constantFrom(' ', ' ', ' ', ' ', ' ', ' ', '  ', '\u00A0', '\n', ' \t', ' \u00A0 ');
/** Text of minWords–maxWords words: never blank (the schema trims and refuses empty text). */
const text = (minWords: number, maxWords: number) =>
  fc
    .array(fc.tuple(word, separator), { minLength: minWords, maxLength: maxWords })
    .map((parts) => parts.map(([w, s], i) => (i < parts.length - 1 ? w + s : w)).join(''))
    .filter((t) => t.trim().length > 0);

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const edtf = fc.oneof(
  isoDate,
  isoDate.map((d) => `${d.slice(0, 7)}~`),
  isoDate.map((d) => `../${d}`),
  isoDate.map((d) => d.slice(0, 4)),
);
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,9}$/);
const URLS = ['https://example.org/', 'http://example.com/a_(b)?q=1&r=<2>#x', 'https://example.org/%D0%B0', `https://example.org/${'a'.repeat(300)}`];

const block = fc.oneof(
  { weight: 6, arbitrary: text(1, 50) },
  { weight: 1, arbitrary: fc.record({ list: fc.array(text(1, 10), { minLength: 1, maxLength: 4 }), ordered: fc.boolean() }, { requiredKeys: ['list'] }) },
  { weight: 1, arbitrary: fc.record({ quote: text(1, 25) }) },
);
const section = fc.record(
  { heading: text(1, 8), paragraphs: fc.array(block, { minLength: 1, maxLength: 4 }), bullets: fc.array(text(1, 10), { maxLength: 4 }) },
  { requiredKeys: ['paragraphs'] },
);

/** Articles that are valid per the schema: every optional field sometimes absent, every list sometimes empty. */
const articleData = fc
  .record(
    {
      id,
      lang: fc.constantFrom('en', 'be', 'uk', 'ru'),
      title: text(1, 12),
      subtitle: text(1, 10),
      date: isoDate,
      author: fc.record({ name: text(1, 4), roles: fc.array(text(1, 8), { maxLength: 3 }) }, { requiredKeys: ['name'] }),
      keyPoints: fc.array(text(1, 20), { minLength: 1, maxLength: 7 }),
      sections: fc.array(section, { minLength: 1, maxLength: 4 }),
      quotes: fc.array(fc.record({ text: text(1, 25), speaker: text(1, 4), context: text(1, 8) }, { requiredKeys: ['text', 'speaker'] }), { maxLength: 2 }),
      actors: fc.array(fc.record({ id, name: text(1, 4), role: text(1, 8), side: text(1, 4) }, { requiredKeys: ['id', 'name', 'role'] }), { maxLength: 3 }),
      places: fc.array(
        fc.record(
          {
            id, name: text(1, 3), lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }),
            kind: fc.constantFrom('capital', 'city', 'region', 'occupied-territory'), country: text(1, 3),
          },
          { requiredKeys: ['id', 'name', 'lat', 'lon', 'kind'] },
        ),
        { maxLength: 3 },
      ),
      sources: fc.array(fc.record({ title: text(1, 10), publisher: text(1, 4), url: fc.constantFrom(...URLS), accessed: isoDate }, { requiredKeys: ['title'] }), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['id', 'lang', 'title', 'keyPoints', 'sections', 'sources'] },
  )
  .chain((article) => {
    const actorIds = (article.actors ?? []).map((a) => a.id);
    const placeIds = (article.places ?? []).map((p) => p.id);
    const event = fc.record(
      {
        date: edtf, wording: text(1, 5), label: text(1, 15),
        actors: actorIds.length > 0 ? fc.subarray(actorIds, { minLength: 1 }) : fc.constant(undefined),
        places: placeIds.length > 0 ? fc.subarray(placeIds, { minLength: 1 }) : fc.constant(undefined),
      },
      { requiredKeys: ['date', 'wording', 'label'] },
    );
    return fc.option(fc.array(event, { maxLength: 4 }), { nil: undefined }).map((events) => (events === undefined ? article : { ...article, events }));
  });

/** The generated data through the one schema (as the loader reads a file): it must be valid, or the generator is wrong. */
const validate = (data: unknown): Article => parseValidated(JSON.stringify(data), 'generated.json', ArticleSchema, 'an article');

// ─── what is compared ─────────────────────────────────────────────────────────────────────────────

/** Whitespace runs (NBSP, newlines, tabs) as one space: what Markdown and the notes make of them. */
const spaced = (t: string) => t.replace(/\s+/g, ' ').trim();
/** Every text the reader must find, with where it comes from. */
function fieldTexts(article: Article): { where: string; text: string }[] {
  return [
    { where: 'title', text: article.title },
    ...article.keyPoints.map((t, i) => ({ where: `keyPoints[${i}]`, text: t })),
    ...article.sections.flatMap((s, i) => [
      ...(s.heading ? [{ where: `sections[${i}].heading`, text: s.heading }] : []),
      ...s.paragraphs.flatMap((b, j) => blockTexts(b).map((t, k) => ({ where: `sections[${i}].paragraphs[${j}]${typeof b === 'string' ? '' : `(${k})`}`, text: t }))),
    ]),
  ];
}
const paragraphTexts = (article: Article) => article.sections.flatMap((s) => s.paragraphs.flatMap(blockTexts));

/** The text of laid-out lines, in order: what a PDF draws (layout hyphens included; bullets too, unless left out). */
const linesText = (item: TextItem, bullets = true) =>
  item.paragraphs
    // The bullet is the first fragment of the paragraph's first line (a slice continued on the next page has none).
    .map((p) => p.lines.map((l) => (l === p.layout.lines[0] && p.layout.spec.bullet && !bullets ? l.fragments.slice(1) : l.fragments).map((f) => f.text).join('')).join('\n'))
    .join('\n');
/** The text of a box's runs: what the PPTX writes for it. */
const runsText = (item: TextItem) => item.paragraphs.map((p) => p.layout.spec.runs.map((r) => r.text).join('')).join('\n');
const isArtifact = (item: TextItem) => 'artifact' in item.tag;

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const templates = loadTemplates(TEMPLATES_DIR);
const BUILD_DATE = 1_700_000_000_000;

/** The cheap pipeline: check → typeset → render → parse → layout of the briefing and the slides, as build() runs them. */
function layOut(article: Article): { article: Article; pages: Frame[]; slides: Frame[] } {
  const checkedText = checkArticleText(article, fonts, 'generated.json');
  expect(checkedText.diagnostics, 'the alphabet is covered by the fonts, so nothing may be changed').toEqual([]);
  // Typeset as build() does: what the documents must hold is the typeset text (quotes, dashes, no-break spaces).
  const checked = typesetArticle(checkedText.value, 'generated.json');
  expect(checkArticleText(checked.value, fonts, 'generated.json').diagnostics, 'typesetting adds no character the fonts lack').toEqual([]);
  const labels = labelsFor(checked.value.lang);
  const markdown = renderMarkdown(checked.value, templates, BUILD_DATE).value;
  const figures = figureSource(checked.value, labels);
  const briefingDoc = parseMarkdown(markdown.briefing!, 'briefing.md', figures);
  const slidesDoc = parseMarkdown(markdown.slides!, 'slides.md', figures);
  expect([...briefingDoc.diagnostics, ...slidesDoc.diagnostics]).toEqual([]);
  const pages = layoutBriefing(briefingDoc.value, theme, fonts, {
    paper: theme.briefing.paper, lang: checked.value.lang, header: `${labels.briefing} · ${checked.value.title}`,
    footerLeft: checked.value.author?.name ?? '', pageOf: labels.pageOf,
  }).value;
  const slides = layoutSlides(slidesDoc.value, theme, fonts, { aspect: theme.slides.aspect, lang: checked.value.lang, footer: checked.value.title }).value;
  return { article: checked.value, pages, slides };
}

const EPSILON = 0.01;

const isSlideFooter = (item: TextItem) => /footer$/.test(item.source ?? '');


/** Every line of every text box (and table cell) inside its box (its height too, with `checkHeight`), and every box inside its frame. */
function expectLinesInBoxes(frame: Frame, label: string, checkHeight = true): void {
  for (const item of textItems(frame)) {
    for (const paragraph of item.paragraphs) {
      for (const line of paragraph.lines) {
        const shown = `${label} ${item.source ?? ''}: "${line.fragments.map((f) => f.text).join('').slice(0, 60)}"`;
        expect(Number.isFinite(line.width) && Number.isFinite(line.baseline) && Number.isFinite(line.top), `${shown}: a position is not a number`).toBe(true);
        expect(line.width, `${shown} is wider than its box`).toBeLessThanOrEqual(item.w + EPSILON);
        for (const fragment of line.fragments) expect(fragment.x + fragment.width, `${shown} sticks out of its box`).toBeLessThanOrEqual(item.w + EPSILON);
        if (checkHeight) expect(paragraph.top + line.top + line.height, `${shown} is below its box`).toBeLessThanOrEqual(item.h + EPSILON);
      }
    }
    if (!checkHeight) continue;
    expect(item.x, `${label} ${item.source}`).toBeGreaterThanOrEqual(0);
    expect(item.x + item.w, `${label} ${item.source} is wider than the slide`).toBeLessThanOrEqual(frame.width + EPSILON);
    expect(item.y + item.h, `${label} ${item.source} runs off the slide`).toBeLessThanOrEqual(frame.height + EPSILON);
  }
}

// ─── the properties ───────────────────────────────────────────────────────────────────────────────

describe('the generator', () => {
  it('only uses characters every embedded face has (so any change by the text check would be a bug)', () => {
    const keys: FaceSpec[] = FONT_FAMILIES.flatMap((family) => (['regular', 'bold'] as const).flatMap((weight) => [false, true].map((italic) => ({ family, weight, italic }))));
    const all = new Set([...EVERY_CHARACTER, ...TOKENS.join('')]);
    for (const key of keys) {
      const face = fonts.face(key);
      const missing = [...all].filter((ch) => ch !== '\u00AD' && !face.hasGlyph(ch.codePointAt(0)!));
      expect(missing, face.id).toEqual([]);
    }
  });

  it('makes articles the schema accepts, with optional fields both present and absent', () => {
    const samples = fc.sample(articleData, { numRuns: 200, seed: 42 });
    const articles = samples.map(validate);
    expect(articles.some((a) => a.author === undefined) && articles.some((a) => a.author !== undefined)).toBe(true);
    expect(articles.some((a) => a.events.length === 0) && articles.some((a) => a.events.some((e) => e.actors))).toBe(true);
    expect(articles.some((a) => a.sections.some((s) => s.heading === undefined))).toBe(true);
    expect(articles.some((a) => a.sections.some((s) => s.paragraphs.some((b) => typeof b !== 'string')))).toBe(true);
    expect(articles.some((a) => paragraphTexts(a).some((p) => /\S{25}/.test(p)))).toBe(true);
  });
});

describe(`render → parse → layout (${CHEAP_RUNS} random articles)`, () => {
  it('keeps every paragraph in the briefing lines and the slide notes, and every slide line in its box', () => {
    let built = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.limitShrink(articleData, CHEAP_SHRINKS), (data) => {
        let result: ReturnType<typeof layOut>;
        try {
          result = layOut(validate(data));
        } catch (error) {
          // A refusal is allowed, as long as it is a BriefkitError that says where.
          if (!(error instanceof BriefkitError)) throw error;
          for (const d of error.diagnostics) expect(d.path ?? d.line, d.message).toBeDefined();
          refused++;
          return;
        }
        built++;
        const { article, pages, slides } = result;
        const briefingText = squeeze(pages.flatMap((page) => textItems(page).filter((item) => !isArtifact(item)).map((item) => linesText(item))).join('\n'));
        const notes = spaced(slides.flatMap((slide) => slide.notes ?? []).join('\n'));
        for (const paragraph of paragraphTexts(article)) {
          expect(briefingText, `briefing lines lack ${JSON.stringify(paragraph.slice(0, 80))}`).toContain(squeeze(paragraph));
          expect(notes, `slide notes lack ${JSON.stringify(paragraph.slice(0, 80))}`).toContain(spaced(paragraph));
        }
        for (const field of fieldTexts(article)) expect(briefingText, `briefing lines lack ${field.where}`).toContain(squeeze(field.text));
        slides.forEach((slide, index) => {
          expectLinesInBoxes(slide, `slide ${index + 1}`);
          // What the PPTX writes (the runs) is what the layout measured (the lines): no text a viewer would wrap unseen.
          for (const item of textItems(slide).filter((i) => i.field !== 'slide-number')) expect(squeeze(linesText(item, false)), `slide ${index + 1} ${item.source}`).toBe(squeeze(runsText(item)));
        });
        // Briefing pages: the width of every line (a paragraph split over pages keeps its box's height, so only widths).
        pages.forEach((page, index) => expectLinesInBoxes(page, `page ${index + 1}`, false));
      }),
      // Shrinking a failure may take many steps; limitShrink above caps them, so a failing run cannot go on for many minutes.
      { numRuns: CHEAP_RUNS, seed: SEED },
    );
    // Refusals are allowed, but a property that refused everything would have tested nothing.
    expect(built, `${refused} of ${CHEAP_RUNS} refused`).toBeGreaterThanOrEqual(CHEAP_RUNS * 0.95);
  }, 300_000);

  // Was a bug (src/layout/text.ts), found by this property: a paragraph without runs (an empty table cell, a list item
  // that is only a nested list) got a NaN baseline from Math.max() of no sizes, and pdfkit threw on drawing its bullet.
  it('an empty paragraph has a finite baseline', () => {
    const layout = layoutParagraph({ runs: [], align: 'left', lineHeightPt: 30, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, 100, fonts, 'en');
    expect(layout.lines.every((line) => Number.isFinite(line.baseline))).toBe(true);
  });

  // Was a bug (src/layout/text.ts), found by this property: a break at a soft hyphen was chosen by the width of the
  // text before it, without the hyphen that the line then shows, so the line was wider than its box.
  const style = { family: 'slides' as const, weight: 'regular' as const, italic: false, sizePt: 24, colour: '#000000' };
  const slidesRegular: FaceSpec = { family: 'slides', weight: 'regular', italic: false };
  const shyLines = (text: string, width: number) =>
    layoutParagraph({ runs: [{ text, style }], align: 'left', lineHeightPt: 30, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, width, fonts, 'en').lines;
  const hyphen = fonts.face(slidesRegular).width('-', 24);

  it('a line broken at a soft hyphen after other words, hyphen included, fits its box', () => {
    const width = fonts.face(slidesRegular).width('xy abcdefgh', 24);
    const lines = shyLines('xy abcdefgh\u00ADijkl', width);
    for (const line of lines) expect(line.width, line.fragments.map((f) => f.text).join('')).toBeLessThanOrEqual(width + EPSILON);
    // With room for the hyphen, the break is taken there.
    expect(shyLines('xy abcdefgh\u00ADijkl', width + hyphen).map((line) => line.fragments.map((f) => f.text).join(''))).toEqual(['xy abcdefgh-', 'ijkl']);
  });

  // Was a bug (src/layout/text.ts): fixed; this keeps it fixed.
  it('a line-opening word broken at its soft hyphen, hyphen included, fits its box', () => {
    const width = fonts.face(slidesRegular).width('abcdefgh', 24);
    for (const line of shyLines('abcdefgh\u00ADijkl', width)) expect(line.width, line.fragments.map((f) => f.text).join('')).toBeLessThanOrEqual(width + EPSILON);
  });

  // The inputs the property met: an NBSP-joined stretch in a 56.6 pt table cell gave "aaaa -" 56.7 pt wide; a soft
  // hyphen before a space, "…Ž\u00AD ", gave a line 2.5 pt too wide in the briefing.
  it.each([
    ['aaaa\u00A0\u00ADa 0', 'slides', 20, 56.6171741621925],
    ['ТësОДąeБЯҐŽ\u00AD ЭежЮІÑ', 'sans', 9, 54.24695492005165],
  ] as const)('a line-opening stretch %j broken at its soft hyphen fits its box', (text, family, size, width) => {
    const lines = layoutParagraph({ runs: [{ text, style: { family, weight: 'regular', italic: false, sizePt: size, colour: '#000000' } }], align: 'left', lineHeightPt: size * 1.3, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false }, width, fonts, 'en').lines;
    for (const line of lines) expect(line.width, line.fragments.map((f) => f.text).join('')).toBeLessThanOrEqual(width + EPSILON);
  });

  // Was a bug (src/layout/slides.ts footerItems): a title with line breaks (YAML `title: |`) made a footer box as tall
  // as all its lines, below the bottom of the slide. The footer is now one line: line breaks become spaces.
  it('the slide footer of a title with line breaks stays on the slide', () => {
    const article = validate({ id: 'footer-lines', lang: 'en', title: 'First line\nsecond line\nthird line', keyPoints: ['One.'], sections: [{ heading: 'H', paragraphs: ['P.'] }], sources: [{ title: 'S' }] });
    const footer = textItems(layOut(article).slides[1]!).find((item) => isSlideFooter(item))!;
    expect(footer.y + footer.h).toBeLessThanOrEqual(540);
  });

  // Was a bug (src/layout/slides.ts footerItems): the slide footer kept only its first laid-out line but every run,
  // and the PPTX writes runs, not lines. The footer's text is now cut (at a word, with an ellipsis) to one line.
  it('the slide footer box holds all the text the PPTX writes into it', () => {
    // Within the 250 characters a title may have, and longer than a footer line.
    const title = `A long title ${'that goes on '.repeat(17)}to the end`;
    expect(title.length).toBeLessThanOrEqual(250);
    const article = validate({ id: 'long-footer', lang: 'en', title, keyPoints: ['One.'], sections: [{ heading: 'H', paragraphs: ['P.'] }], sources: [{ title: 'S' }] });
    const { slides } = layOut(article);
    const footer = textItems(slides[1]!).find((item) => item.source?.endsWith('footer'))!;
    expect(squeeze(linesText(footer))).toBe(squeeze(runsText(footer)));
    expect(squeeze(linesText(footer)).length, 'the footer is cut to one line').toBeLessThan(title.length);
  });
});

describe(`full builds (${FULL_RUNS} random articles): briefing.pdf through PDF.js, slides.pptx through its XML`, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefkit-property-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every title, heading, key point and paragraph, on no more briefing pages than its text fills', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.limitShrink(articleData, FULL_SHRINKS), async (data) => {
        let documents;
        // The article as the documents show it (checked and typeset): build() hands it back.
        let article: Article;
        try {
          ({ documents, article } = await buildArticle(validate(data), { sourceDateEpoch: 1_700_000_000 }));
        } catch (error) {
          if (!(error instanceof BriefkitError)) throw error;
          return;
        }
        expect(documents.map((d) => d.name).sort()).toEqual(['briefing.pdf', 'handout.pdf', 'slides.pdf', 'slides.pptx']);
        const out = join(dir, String(++runs));
        writeDocuments(out, documents);
        const pages = await pdfTextPdfjs(join(out, 'briefing.pdf'));
        // The work is bounded by the text: every page carries text of its own (running heads and page numbers are
        // artifacts, left out of `content`), so there are no more pages than lines of text. Blank pages would fail here.
        expect(pages.flatMap((p, i) => (p.content.trim() === '' ? [i + 1] : [])), 'briefing pages without text').toEqual([]);
        const briefing = squeeze(pages.map((p) => p.content).join('\n'));
        const deck = await pptxParts(join(out, 'slides.pptx'));
        const slideText = squeeze(deck.slides.flatMap((s) => [...s.textBoxes.map((b) => b.text), ...s.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)))]).join('\n'));
        const notes = spaced(deck.slides.map((s) => s.notes).join('\n'));
        for (const field of fieldTexts(article)) {
          expect(briefing, `briefing.pdf lacks ${field.where}: ${JSON.stringify(field.text.slice(0, 80))}`).toContain(squeeze(field.text));
          expect(`${slideText}${squeeze(notes)}`, `slides.pptx lacks ${field.where}`).toContain(squeeze(field.text));
        }
        // The notes are not broken into lines: there every paragraph is found word for word.
        for (const paragraph of paragraphTexts(article)) expect(notes, `slides.pptx notes lack ${JSON.stringify(paragraph.slice(0, 80))}`).toContain(spaced(paragraph));
        // Titles and headings are on the slides themselves, not only in the notes.
        for (const field of fieldTexts(article).filter((f) => f.where === 'title' || f.where.endsWith('.heading'))) expect(slideText, `no slide shows ${field.where}`).toContain(squeeze(field.text));
        rmSync(out, { recursive: true, force: true });
      }),
      // A failure is shrunk by building ever smaller articles; limitShrink above caps how many.
      { numRuns: FULL_RUNS, seed: SEED },
    );
    expect(runs, 'builds that ran').toBeGreaterThanOrEqual(FULL_RUNS * 0.95);
  }, 600_000);
});

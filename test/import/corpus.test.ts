// The raw-article corpus in, verdicts out: each file imports to valid data that keeps every line but the page
// furniture, and builds — every sentence of its paragraphs in the briefing (PDF.js, and pdftotext when installed) and in
// the deck's slides or notes, the deck clean for the Open XML SDK validator, no layout warnings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFile, type BuildResult } from '../../src/pipeline/build.js';
import { writeDocuments } from '../../src/pipeline/write.js';
import { importArticle, type ImportResult } from '../../src/import/import.js';
import { articleYaml } from '../../src/import/to-yaml.js';
import { parseArticle } from '../../src/load/load.js';
import { ArticleSchema, blockTexts, type Article } from '../../src/model/article.js';
import { describe as describeWord, findSentence, pdfText, pdfTextPdfjs, pdfWords, pptxParts, sentences, squeeze, validateOoxml, type Box, type PptxSlide, type Word } from '../support/clients.js';
import { missing } from '../support/tools.js';
import { CORPUS, rawPath, rawText, type Expected } from './corpus.js';
import { firstSentence } from '../../src/render/sentences.js';

const noPoppler = missing('pdftotext');
const scratch = mkdtempSync(join(tmpdir(), 'briefkit-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const importFile = (entry: Expected): ImportResult => importArticle(rawText(entry.file), rawPath(entry.file)).value;

/** Every text of the imported data a raw line may have gone into: title, byline, headings, paragraphs, list items, quotations. */
function dataText(article: Article): string {
  return [
    article.title,
    article.author?.name ?? '',
    ...(article.author?.roles ?? []),
    ...article.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs.flatMap((p) => [...blockTexts(p), ...(typeof p !== 'string' && 'image' in p ? [p.alt] : [])])]),
  ].join('\n');
}

/** A raw line without the marks the importer reads as structure: bullets, numbers, "> ", "# ", "By", Markdown emphasis and links. */
function lineContent(line: string, markdown: boolean): string {
  let text = line.trim().replace(/^(\*\*|__)(.+)\1$/u, '$2').replace(/^(?:[•·▪*+–—-]|\d{1,3}[.)]|>|#{1,6})\s+/u, '').replace(/^>$/u, '');
  if (markdown) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|(?<!\w)[*_]|[*_](?!\w)/g, '');
  return text.replace(/^(?:by|author:|text:|аўтар:|автор:)\s*/iu, '');
}

/** Sentences of the article's paragraphs (lists and quotations included), with where they come from. */
function paragraphSentences(article: Article): { where: string; sentence: string }[] {
  return article.sections.flatMap((section, s) =>
    section.paragraphs.flatMap(blockTexts).flatMap((text, p) => sentences(text, article.lang).map((sentence) => ({ where: `sections[${s}].paragraphs[${p}]`, sentence }))),
  );
}

function lost(article: Article, documentText: string): string[] {
  return paragraphSentences(article)
    .filter(({ sentence }) => {
      const found = findSentence(documentText, sentence);
      return !found.loose || found.strict === false;
    })
    .map(({ where, sentence }) => `${where}: "${sentence}"`);
}

/**
 * Without the running heads and feet: lines among the first and last three of a page that recur so on other pages
 * (digits masked). Only there: a sentence may stand twice in the body (a list item and its timeline label).
 */
function withoutRunningLines(pages: string[]): string {
  const key = (line: string) => line.trim().replace(/\d+/g, '#');
  const edges = (page: string) => {
    const lines = page.split('\n').map((line, i) => ({ i, k: key(line) })).filter((l) => l.k.length > 0);
    return [...lines.slice(0, 3), ...lines.slice(-3)];
  };
  const seen = new Map<string, number>();
  for (const page of pages) for (const k of new Set(edges(page).map((l) => l.k))) seen.set(k, (seen.get(k) ?? 0) + 1);
  return pages
    .map((page) => {
      const running = new Set(edges(page).filter((l) => pages.length > 1 && (seen.get(l.k) ?? 0) > 1).map((l) => l.i));
      return page.split('\n').filter((_, i) => !running.has(i)).join('\n');
    })
    .join('\n');
}

/** Words may stick out of their box by this much (rounding, italic overhang), as in the seed's deck tests. */
const TOLERANCE = 2;
const inside = (word: Word, box: Box) =>
  word.xMin >= box.x - TOLERANCE && word.xMax <= box.x + box.w + TOLERANCE && word.yMin >= box.y - TOLERANCE && word.yMax <= box.y + box.h + TOLERANCE;
/** Where a slide may hold text: its text boxes inside their insets, and its tables. */
const regions = (slide: PptxSlide): Box[] => [
  ...slide.textBoxes.map((b) => ({ x: b.x + b.insets.l, y: b.y + b.insets.t, w: b.w - b.insets.l - b.insets.r, h: b.h - b.insets.t - b.insets.b })),
  ...slide.tables,
];

describe('the raw corpus imports', () => {
  it('has 21 files in four languages, Markdown among them, 8 of them other sites\' pages', () => {
    expect(CORPUS.length).toBe(21);
    expect(CORPUS.filter((c) => c.file.startsWith('sites/')).length).toBe(8);
    expect(new Set(CORPUS.map((c) => c.lang))).toEqual(new Set(['en', 'be', 'uk', 'ru']));
  });

  for (const entry of CORPUS) {
    describe(entry.file, () => {
      it('imports to data that validates, with the expected title, byline, language and date', () => {
        const { data, article } = importFile(entry);
        expect(ArticleSchema.safeParse(data).success).toBe(true);
        expect(article.id).toMatch(/^[a-z0-9][a-z0-9-]{0,59}$/);
        expect(article.lang).toBe(entry.lang);
        expect(article.title).toBe(entry.title);
        expect(article.author).toEqual(entry.author);
        expect(article.date).toBe(entry.date);
        expect(article.sources[0]!.publisher).toBe(entry.publisher);
      });

      it('writes a data file (briefkit import) that loads back to the same article', () => {
        const { data, article } = importFile(entry);
        expect(parseArticle(articleYaml(data, entry.file), `${article.id}.yaml`).value).toEqual(article);
      });

      it('drops the page furniture, and nothing else', () => {
        expect(importFile(entry).dropped.map((d) => d.text)).toEqual(entry.dropped);
      });

      it('keeps the captions and credits of pictures it does not carry as captions, never as paragraphs', () => {
        const { captions, article } = importFile(entry);
        const lines = captions.flatMap((c) => [c.caption, c.credit].filter((t): t is string => t !== undefined));
        expect(lines).toEqual(entry.captions ?? []);
        const paragraphs = article.sections.flatMap((section) => section.paragraphs.flatMap(blockTexts));
        for (const line of lines) expect(paragraphs.some((p) => p.includes(line)), line).toBe(false);
      });

      it('keeps every other line of the raw text, word for word, in the data', () => {
        const { article, dropped, captions } = importFile(entry);
        const droppedLines = new Set(dropped.map((d) => d.line));
        // The byline's separators (", ", " | ", " — ") are not kept: the name and the roles are.
        const bare = (text: string) => squeeze(text).replace(/[,|—–·;]/g, '');
        // Pictures' captions are kept beside the data (the data file has them as pictures to fill in).
        const kept = bare(`${dataText(article)} ${captions.map((c) => `${c.caption ?? ''} ${c.credit ?? ''}`).join(' ')}`);
        const markdown = entry.file.endsWith('.md');
        const raw = rawText(entry.file);
        // A Markdown front matter's lines are fields: the title, byline, date and language checked above.
        const frontLines = markdown && raw.startsWith('---\n') ? raw.slice(0, raw.indexOf('\n---', 3) + 4).split('\n').length : 0;
        const missingLines = raw
          .split('\n')
          .map((line, i) => ({ n: i + 1, text: lineContent(line, markdown) }))
          .filter(({ n, text }) => text.length > 0 && !droppedLines.has(n) && n > frontLines)
          .filter(({ text }) => !kept.includes(bare(text)))
          .map(({ n, text }) => `line ${n}: "${text}"`);
        expect(missingLines).toEqual([]);
      });

      it('drafts key points that carry the text: sentences of its paragraphs, one a paragraph at most, no caption, dropped line or quotation, not the overview slide again', () => {
        const { value, diagnostics } = importArticle(rawText(entry.file), rawPath(entry.file));
        const { article, dropped } = value;
        const paragraphs = article.sections.flatMap((s) => s.paragraphs.filter((p): p is string => typeof p === 'string'));
        const home = article.keyPoints.map((point) => paragraphs.findIndex((p) => p.includes(point)));
        expect(home.filter((i) => i < 0)).toEqual([]);
        expect(new Set(home).size).toBe(home.length);
        const droppedTexts = dropped.map((d) => d.text);
        for (const point of article.keyPoints) {
          expect(droppedTexts.some((d) => d.includes(point) || point.includes(d)), point).toBe(false);
          expect(article.quotes.some((q) => point.includes(q.text)), point).toBe(false);
        }
        const overview = article.sections[0]!.paragraphs.flatMap((p) => (typeof p === 'string' ? [firstSentence(p, article.lang)] : []));
        // Only when no other sentence can stand do first sentences stand in, said so, two at most: never the whole overview.
        if (diagnostics.some((d) => d.message.includes('the overview slide shows it too'))) {
          expect(article.keyPoints.length).toBeLessThanOrEqual(2);
          expect(article.keyPoints.length).toBeLessThan(overview.length);
        } else expect(article.keyPoints.some((point) => overview.includes(point))).toBe(false);
      });

      it('finds the headings, lists, quotations with their speakers, and dates', () => {
        const { article } = importFile(entry);
        expect(article.sections.flatMap((s) => (s.heading ? [s.heading] : []))).toEqual(entry.headings);
        const blocks = article.sections.flatMap((s) => s.paragraphs);
        expect(blocks.filter((b) => typeof b !== 'string' && 'list' in b).length).toBe(entry.lists);
        expect(blocks.filter((b) => typeof b !== 'string' && 'quote' in b).length).toBe(entry.quotations);
        const text = article.sections.flatMap((s) => s.paragraphs.flatMap(blockTexts)).join('\n');
        expect(article.quotes).toEqual(entry.quotes);
        // A quote is a copy: its words stay in the paragraphs.
        // (A quotation over two paragraphs is joined without the mark that reopens it.)
        const bare = (t: string) => squeeze(t).replace(/[«»„“”"‘’']/gu, '');
        for (const quote of article.quotes) expect(bare(text)).toContain(bare(quote.text));
        expect(article.events.map((e) => e.date)).toEqual(entry.events);
        // Every event is labelled with a sentence of the text that holds its wording.
        for (const event of article.events) {
          expect(text).toContain(event.label);
          expect(event.label.replace(/\s+/g, ' ')).toContain(event.wording);
        }
      });
    });
  }
});

describe('the raw corpus builds', () => {
  const built = new Map<string, { result: BuildResult; dir: string }>();
  beforeAll(async () => {
    for (const entry of CORPUS) {
      const result = await buildFile(rawPath(entry.file), { sourceDateEpoch: 1_700_000_000 });
      const dir = join(scratch, entry.file);
      writeDocuments(dir, result.documents);
      built.set(entry.file, { result, dir });
    }
  }, 120_000);

  for (const entry of CORPUS) {
    describe(entry.file, () => {
      const get = () => built.get(entry.file)!;

      it(`builds the four documents with no error and ${entry.warnings ? `only the warnings it expects (${entry.warnings.join(', ')})` : 'no warning'}`, () => {
        const { result } = get();
        expect(result.documents.map((d) => d.name)).toEqual(['briefing.pdf', 'slides.pptx', 'slides.pdf', 'handout.pdf']);
        const loud = result.diagnostics.filter((d) => d.severity !== 'note');
        expect(loud.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.path ?? ''}: ${d.message}`)).toEqual([]);
        expect(loud.map((d) => `${d.rule} ${d.path ?? ''}`), loud.map((d) => d.message).join('\n')).toEqual(entry.warnings ?? []);
      });

      it('every sentence of its paragraphs is in the briefing (PDF.js, running heads and feet left out)', async () => {
        const { result, dir } = get();
        const pages = await pdfTextPdfjs(join(dir, 'briefing.pdf'));
        expect(lost(result.article, pages.map((p) => p.content).join('\n'))).toEqual([]);
      });

      it.runIf(!noPoppler)(`every sentence of its paragraphs is in the briefing (pdftotext) ${noPoppler ?? ''}`, async () => {
        const { result, dir } = get();
        expect(lost(result.article, withoutRunningLines(await pdfText(join(dir, 'briefing.pdf'))))).toEqual([]);
      });

      it('every sentence of its paragraphs is in the deck, on the slides or in their notes', async () => {
        const { result, dir } = get();
        const deck = await pptxParts(join(dir, 'slides.pptx'));
        const text = deck.slides.flatMap((s) => [...s.textBoxes.map((b) => b.text), ...s.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))), s.notes]).join('\n');
        expect(lost(result.article, text)).toEqual([]);
      });

      it.runIf(!noPoppler)(`nothing overflows: every word of slides.pdf lies inside a text box or table of its slide in slides.pptx, every word of the briefing and the handout on its page ${noPoppler ?? ''}`, async () => {
        const { dir } = get();
        const deck = await pptxParts(join(dir, 'slides.pptx'));
        const slides = await pdfWords(join(dir, 'slides.pdf'));
        expect(slides.length).toBe(deck.slides.length);
        const stray = slides.flatMap((page, i) => page.words.filter((w) => !regions(deck.slides[i]!).some((box) => inside(w, box))).map((w) => `slide ${i + 1}: ${describeWord(w)}`));
        for (const name of ['briefing.pdf', 'handout.pdf']) {
          for (const page of await pdfWords(join(dir, name))) {
            const sheet = { x: 0, y: 0, w: page.width, h: page.height };
            stray.push(...page.words.filter((w) => !inside(w, sheet)).map((w) => `${name} page ${page.number}: ${describeWord(w)}`));
          }
        }
        expect(stray).toEqual([]);
      });

      it('the deck passes the Open XML SDK validator with 0 errors', async () => {
        const { dir } = get();
        expect(await validateOoxml(join(dir, 'slides.pptx'))).toEqual([]);
      });
    });
  }
});

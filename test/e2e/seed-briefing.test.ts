// The seed's briefing.pdf and slides.pdf in, verdicts of real readers out: qpdf, poppler and PDF.js, as a demanding reader would check them.
import { beforeAll, describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/model/article.js';
import { buildSeed, type BuiltSeed } from '../support/seed.js';
import { missing } from '../support/tools.js';
import {
  collisions, describe as describeWord, findSentence, pdfFonts, pdfInfo, pdfMetadata, pdfOutline, pdfText, pdfTextPdfjs, pdfWords, pptxParts, qpdfCheck, sentences,
} from '../support/clients.js';

const PDFS = ['briefing.pdf', 'slides.pdf'] as const;
const noQpdf = missing('qpdf');
const noPoppler = missing('pdftotext', 'pdfinfo', 'pdffonts');

let seed: BuiltSeed;
beforeAll(async () => {
  seed = await buildSeed();
});

/** Every sentence of every paragraph of the article's sections, with where it comes from. */
function articleSentences(): { where: string; sentence: string }[] {
  const { article } = seed.result;
  return article.sections.flatMap((section, s) =>
    section.paragraphs.flatMap(blockTexts).flatMap((paragraph, p) => sentences(paragraph, article.lang).map((sentence) => ({ where: `sections[${s}].paragraphs[${p}]`, sentence }))),
  );
}

/** Sentences a reader's text lacks: loosely (whitespace and hyphens ignored) and strictly (hyphen-free sentences, word for word). */
function missingSentences(text: string): string[] {
  const out: string[] = [];
  for (const { where, sentence } of articleSentences()) {
    const found = findSentence(text, sentence);
    if (!found.loose) out.push(`${where}: not found at all: "${sentence}"`);
    else if (found.strict === false) out.push(`${where}: found only with whitespace ignored (words run together or split): "${sentence}"`);
  }
  return out;
}

/** Lines that recur on several pages (digits masked) are running heads and feet; drop them so that text flows across page breaks. */
function withoutRunningLines(pages: string[]): string {
  const key = (line: string) => line.trim().replace(/\d+/g, '#');
  const seen = new Map<string, number>();
  for (const page of pages) for (const k of new Set(page.split('\n').map(key).filter((k) => k.length > 0))) seen.set(k, (seen.get(k) ?? 0) + 1);
  return pages
    .map((page) => page.split('\n').filter((line) => pages.length < 2 || (seen.get(key(line)) ?? 0) < 2).join('\n'))
    .join('\n');
}

describe('briefing.pdf and slides.pdf: file structure', () => {
  for (const name of PDFS) {
    it.runIf(!noQpdf)(`${name}: qpdf --check finds no errors or warnings ${noQpdf ?? ''}`, () => {
      const { ok, output } = qpdfCheck(seed.path(name));
      expect(ok, output).toBe(true);
      expect(output).toMatch(/No syntax or stream encoding errors found/);
    });

    it.runIf(!noPoppler)(`${name}: pdffonts shows every font embedded, subset and with a ToUnicode map ${noPoppler ?? ''}`, () => {
      const fonts = pdfFonts(seed.path(name));
      expect(fonts.length).toBeGreaterThan(0);
      const bad = fonts.filter((f) => !f.emb || !f.sub || !f.uni).map((f) => `${f.name} (${f.type}): emb=${f.emb} sub=${f.sub} uni=${f.uni}`);
      expect(bad).toEqual([]);
      // A subset's name carries a six-letter tag (ABCDEF+Name).
      expect(fonts.filter((f) => !/^[A-Z]{6}\+/.test(f.name)).map((f) => f.name)).toEqual([]);
    });

    it.runIf(!noPoppler)(`${name}: pdfinfo reports a tagged PDF whose Title and Author are the article's ${noPoppler ?? ''}`, () => {
      const info = pdfInfo(seed.path(name));
      expect(info.Tagged).toBe('yes');
      expect(info.Title).toBe(seed.result.article.title);
      expect(info.Author).toBe(seed.result.article.author!.name);
    });

    it(`${name}: the catalog's /Lang is the article's language (PDF.js)`, async () => {
      const { info } = await pdfMetadata(seed.path(name));
      expect(info.Language).toBe(seed.result.article.lang);
      expect(info.Title).toBe(seed.result.article.title);
    });
  }
});

describe('briefing.pdf: the text a reader extracts', () => {
  it.runIf(!noPoppler)(`every sentence of the article's paragraphs is in pdftotext's text ${noPoppler ?? ''}`, async () => {
    const text = withoutRunningLines(await pdfText(seed.path('briefing.pdf')));
    expect(articleSentences().length).toBeGreaterThan(5);
    expect(missingSentences(text)).toEqual([]);
  });

  it('every sentence of the article\'s paragraphs is in PDF.js\'s text, with running heads and feet marked as artifacts', async () => {
    const pages = await pdfTextPdfjs(seed.path('briefing.pdf'));
    expect(missingSentences(pages.map((p) => p.content).join('\n'))).toEqual([]);
  });

  it('the running head and the page numbers are artifacts, not content (PDF.js)', async () => {
    const pages = await pdfTextPdfjs(seed.path('briefing.pdf'));
    expect(pages.length).toBeGreaterThan(1);
    const leaks = pages.flatMap((page, i) => (/\bpage \d+ of \d+\b/i.test(page.content) ? [`page ${i + 1}: "${/.*\bpage \d+ of \d+.*/i.exec(page.content)![0]}"`] : []));
    expect(leaks).toEqual([]);
    // …but the reader still sees them on the page.
    expect(pages.map((p) => p.text).join('\n')).toMatch(/\bpage 1 of \d+\b/i);
  });

  it('the outline (bookmarks) lists every section heading, in order (PDF.js)', async () => {
    const outline = (await pdfOutline(seed.path('briefing.pdf'))).map((e) => e.title);
    const headings = seed.result.article.sections.flatMap((s) => (s.heading ? [s.heading] : []));
    expect(outline).toEqual(expect.arrayContaining(headings));
    const positions = headings.map((h) => outline.indexOf(h));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('briefing.pdf and slides.pdf: geometry of the words', () => {
  for (const name of PDFS) {
    it.runIf(!noPoppler)(`${name}: no word's box leaves its page ${noPoppler ?? ''}`, async () => {
      const pages = await pdfWords(seed.path(name));
      expect(pages.length).toBeGreaterThan(0);
      const outside = pages.flatMap((page) =>
        page.words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > page.width || w.yMax > page.height).map((w) => `page ${page.number} (${page.width}×${page.height}): ${describeWord(w)}`),
      );
      expect(outside).toEqual([]);
    });

    it.runIf(!noPoppler)(`${name}: no two words on a page overlap (by more than 0.5 pt in both axes) ${noPoppler ?? ''}`, async () => {
      const pages = await pdfWords(seed.path(name));
      const clashes = pages.flatMap((page) => collisions(page.words, 0.5).map(([a, b]) => `page ${page.number}: ${describeWord(a)} × ${describeWord(b)}`));
      expect(clashes).toEqual([]);
    });
  }
});

describe('slides.pdf against slides.pptx', () => {
  it('slides.pdf has exactly one page per slide of slides.pptx, at the slide size', async () => {
    const deck = await pptxParts(seed.path('slides.pptx'));
    const { pages } = await pdfMetadata(seed.path('slides.pdf'));
    expect(deck.slides.length).toBeGreaterThan(0);
    expect(pages).toBe(deck.slides.length);
  });

  it.runIf(!noPoppler)(`slides.pdf pages are the slide size of slides.pptx ${noPoppler ?? ''}`, async () => {
    const deck = await pptxParts(seed.path('slides.pptx'));
    const pages = await pdfWords(seed.path('slides.pdf'));
    for (const page of pages) {
      expect(page.width).toBeCloseTo(deck.width, 0);
      expect(page.height).toBeCloseTo(deck.height, 0);
    }
  });
});

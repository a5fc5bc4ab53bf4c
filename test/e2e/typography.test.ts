// The seed and an article in each language built into all four documents, read back as a reader would: no straight quote in any text or metadata, no Cyrillic line ending in a one-letter word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFile, PROJECT_ROOT } from '../../src/pipeline/build.js';
import { writeDocuments } from '../../src/pipeline/write.js';
import { exportPdf } from '../../src/export/pdf.js';
import { exportPptx } from '../../src/export/pptx.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { layoutParagraph, type ParagraphSpec } from '../../src/layout/text.js';
import type { Frame } from '../../src/layout/frame.js';
import { typesetText } from '../../src/typography/article.js';
import { fixtureFrames } from '../support/frame-fixture.js';
import { SEED_DATA } from '../support/seed.js';
import { missing } from '../support/tools.js';
import { oneLetterLineEnds, straightQuotesInPdf, straightQuotesInPptx } from '../support/typography-check.js';

const RAW = join(PROJECT_ROOT, 'test', 'fixtures', 'raw');
const ARTICLES = [
  { name: 'the seed (en)', file: SEED_DATA, lang: 'en' },
  { name: 'an English article with straight and typographic quotes', file: join(RAW, 'typography.txt'), lang: 'en' },
  { name: 'a Belarusian article', file: join(RAW, 'be-article.txt'), lang: 'be' },
  { name: 'a Ukrainian article', file: join(RAW, 'uk-article.txt'), lang: 'uk' },
  { name: 'a Russian article', file: join(RAW, 'ru-article.txt'), lang: 'ru' },
] as const;
const PDFS = ['briefing.pdf', 'slides.pdf', 'handout.pdf'];
const noPoppler = missing('pdftotext', 'pdfinfo');

let root: string;
const folders = new Map<string, string>();
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'briefkit-typography-'));
  for (const [i, article] of ARTICLES.entries()) {
    const result = await buildFile(article.file, { sourceDateEpoch: 1_700_000_000 });
    expect(result.article.lang).toBe(article.lang);
    const dir = join(root, String(i));
    writeDocuments(dir, result.documents);
    folders.set(article.name, dir);
  }
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(ARTICLES)('$name', ({ name }) => {
  it.runIf(!noPoppler)(`has no straight quote in the text or the Info of briefing.pdf, slides.pdf and handout.pdf ${noPoppler ?? ''}`, () => {
    for (const pdf of PDFS) expect(straightQuotesInPdf(join(folders.get(name)!, pdf)), pdf).toEqual([]);
  });

  it('has no straight quote in any a:t of slides.pptx (slides and speaker notes) or in its title and subject', async () => {
    expect(await straightQuotesInPptx(join(folders.get(name)!, 'slides.pptx'))).toEqual([]);
  });

  it.runIf(!noPoppler)(`has no line ending in a one-letter Cyrillic word in any PDF ${noPoppler ?? ''}`, () => {
    for (const pdf of PDFS) expect(oneLetterLineEnds(join(folders.get(name)!, pdf)), pdf).toEqual([]);
  });
});

describe('the checkers see what they look for', () => {
  const fonts = new FontRegistry();
  const meta = { title: "The regime's ties", author: 'A. Author', subject: 'The "LPR"', keywords: ['one'], lang: 'en', date: new Date(Date.UTC(2023, 10, 14)) };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefkit-typography-proof-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(!noPoppler)(`finds a straight quote in a PDF's text and in its Info ${noPoppler ?? ''}`, async () => {
    // The fixture's title is 'Fixture title & <specials> "quoted"'.
    const file = join(dir, 'straight.pdf');
    writeFileSync(file, await exportPdf(fixtureFrames(fonts), fonts, meta));
    const found = straightQuotesInPdf(file).map((q) => q.where);
    expect(found).toEqual(['page 1', 'page 1', 'Info Title', 'Info Subject', 'Info Subject']);
  });

  it('finds a straight quote in a PPTX slide, its notes and its title', async () => {
    const frames: Frame[] = fixtureFrames(fonts).map((frame) => ({ ...frame, notes: ["The notes' apostrophe."] }));
    const file = join(dir, 'straight.pptx');
    writeFileSync(file, await exportPptx(frames, meta));
    const found = (await straightQuotesInPptx(file)).map((q) => q.where);
    expect(found.filter((w) => /^ppt\/slides\//.test(w))).toHaveLength(2);
    expect(found.filter((w) => /^ppt\/notesSlides\//.test(w))).toHaveLength(1);
    expect(found).toContain('docProps/core.xml dc:title');
  });

  it.runIf(!noPoppler)(`finds a line ending in a one-letter Cyrillic word, where the text is not typeset ${noPoppler ?? ''}`, async () => {
    const written = 'Рэжым Лукашэнкі не заўсёды хоча афішаваць свае кантакты з акупацыйнымі адміністрацыямі на захопленых Расіяй тэрыторыях Украіны і ў Крыме.';
    const spec = (text: string): ParagraphSpec => ({
      runs: [{ text, style: { family: 'serif', weight: 'regular', italic: false, sizePt: 11, colour: '#000000' } }],
      align: 'left', lineHeightPt: 15, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false,
    });
    // The width at which the written text's first line ends with "з".
    const widthPt = layoutParagraph(spec('Рэжым Лукашэнкі не заўсёды хоча афішаваць свае кантакты з'), 2000, fonts, 'be').lines[0]!.width + 1;
    const page = (text: string): Frame[] => {
      const layout = layoutParagraph(spec(text), widthPt, fonts, 'be');
      return [{ kind: 'page', width: widthPt + 100, height: 300, items: [{ kind: 'text', x: 50, y: 50, w: widthPt, h: layout.height, tag: { struct: [{ role: 'P', id: 'p' }] }, paragraphs: [{ layout, top: 0, lines: layout.lines }] }] }];
    };
    const plain = join(dir, 'one-letter.pdf');
    writeFileSync(plain, await exportPdf(page(written), fonts, meta));
    expect(oneLetterLineEnds(plain)).toEqual([expect.stringMatching(/^page 1: ….* свае кантакты з$/u)]);
    const typeset = join(dir, 'typeset.pdf');
    writeFileSync(typeset, await exportPdf(page(typesetText(written, 'be').value), fonts, meta));
    expect(oneLetterLineEnds(typeset)).toEqual([]);
  });
});

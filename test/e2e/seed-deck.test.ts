// The seed's slides.pptx in, verdicts of real readers out: the Open XML SDK validator, the package's XML, and LibreOffice's rendering of it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/model/article.js';
import { buildFile } from '../../src/pipeline/build.js';
import { buildSeed, SEED_DATA, type BuiltSeed } from '../support/seed.js';
import { missing } from '../support/tools.js';
import { assign, cellRegions, figureGroups, strayWords, textRegions, TOLERANCE, type Region } from '../support/deck-check.js';
import {
  collisions, convertWithLibreOffice, describe as describeWord, findSentence, lines, pdfWords, pptxParts, sentences, validateOoxml, withRealFontMetrics, zipEntries,
  type PptxParts, type PptxSlide, type Word, type WordPage,
} from '../support/clients.js';

const noLibreOffice = missing('soffice', 'pdftotext', 'qpdf');
const noPoppler = missing('pdftotext');
/** Words may stick out of their box by this much (rounding, italic overhang). */
const SOURCE_DATE = '2023-11-14T22:13:20Z'; // SOURCE_DATE_EPOCH 1700000000, as buildSeed() builds

let seed: BuiltSeed;
let deck: PptxParts;
beforeAll(async () => {
  seed = await buildSeed();
  deck = await pptxParts(seed.path('slides.pptx'));
});

const scratch: string[] = [];
const scratchDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

let converted: Promise<WordPage[]> | undefined;
/**
 * LibreOffice's PDF of the deck, once per file, as pdftotext's words; its font descriptors first get the fonts' real
 * ascent and descent (LibreOffice writes 0, and poppler would then measure words by the font's bounding box).
 */
const libreOfficeWords = () =>
  (converted ??= (async () => {
    const pdf = await convertWithLibreOffice(seed.path('slides.pptx'), scratchDir('briefkit-lo-'));
    return pdfWords(withRealFontMetrics(pdf));
  })());

/** The text lines of each region of a slide (its text boxes and table cells), each line's words joined. */
function regionLines(slide: PptxSlide, words: Word[]): { region: Region; lines: string[] }[] {
  const regions = [...textRegions(slide), ...cellRegions(slide)];
  const shared = assign(words, regions);
  return regions.map((region) => ({ region, lines: lines(shared.get(region) ?? []).map((line) => line.map((w) => w.text).join(' ')) }));
}

describe('slides.pptx: the package', () => {
  it('the Open XML SDK validator (Microsoft 365) reports no errors', async () => {
    const errors = await validateOoxml(seed.path('slides.pptx'));
    expect(errors.map((e) => `${e.part} ${e.xpath}: ${e.description} (${e.id})`)).toEqual([]);
  });

  it('the zip starts with [Content_Types].xml and every entry is DEFLATE-compressed', () => {
    const entries = zipEntries(seed.path('slides.pptx'));
    expect(entries[0]?.name).toBe('[Content_Types].xml');
    expect(entries.filter((e) => e.method !== 8).map((e) => `${e.name} (method ${e.method})`)).toEqual([]);
  });

  it('every zip entry is stamped with the build date (SOURCE_DATE_EPOCH, as UTC wall-clock time)', () => {
    const stamp = SOURCE_DATE.replace(/Z$/, '');
    expect(zipEntries(seed.path('slides.pptx')).filter((e) => e.modified !== stamp).map((e) => `${e.name} ${e.modified}`)).toEqual([]);
  });

  it('a second build in another time zone writes byte-identical documents (reproducible build)', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: any local-time leak shows as a different date
    try {
      const again = await buildFile(SEED_DATA, { sourceDateEpoch: 1_700_000_000 });
      const differ = again.documents.filter((d) => !d.bytes.equals(readFileSync(seed.path(d.name)))).map((d) => d.name);
      expect(again.documents.length).toBe(seed.result.documents.length);
      expect(differ).toEqual([]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('docProps/core.xml carries the fixed build date (SOURCE_DATE_EPOCH) and the article\'s title and author', () => {
    const core = deck.xml.get('docProps/core.xml') ?? '';
    expect(/<dcterms:created[^>]*>([^<]*)</.exec(core)?.[1]).toBe(SOURCE_DATE);
    expect(/<dcterms:modified[^>]*>([^<]*)</.exec(core)?.[1]).toBe(SOURCE_DATE);
    expect(/<dc:title>([^<]*)</.exec(core)?.[1]?.replace(/&apos;/g, "'")).toBe(seed.result.article.title);
    expect(/<dc:creator>([^<]*)</.exec(core)?.[1]).toBe(seed.result.article.author!.name);
  });

  it('the slides are 960 × 540 pt (16:9)', () => {
    expect(deck.width).toBeCloseTo(960, 3);
    expect(deck.height).toBeCloseTo(540, 3);
  });
});

describe('slides.pptx: the figures', () => {
  /** The deck with one slide's XML changed. */
  const withSlideXml = (number: number, change: (xml: string) => string): PptxParts => {
    const part = deck.slides[number - 1]!.part;
    return { ...deck, xml: new Map([...deck.xml, [part, change(deck.xml.get(part)!)]]) };
  };
  const figureSlide = () => deck.slides.find((s) => deck.xml.get(s.part)!.includes('<p:grpSp>'))!.number;

  it('every figure is one group (p:grpSp) with its alt text once, on the group; its box holds its shapes in their places; ids are unique', () => {
    const { groups, problems } = figureGroups(deck);
    expect(problems).toEqual([]);
    expect(groups.map((g) => g.figure.replace(/-\d+$/, ''))).toEqual(['timeline', 'map']);
    for (const group of groups) expect(group.descr.length, group.figure).toBeGreaterThan(40);
    const descrs = [...deck.xml.entries()].filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).reduce((n, [, xml]) => n + (xml.match(/ descr="/g) ?? []).length, 0);
    expect(descrs).toBe(groups.length);
  });

  it('the check has teeth: shapes taken out of their group, the alt text repeated on each shape, a shifted child space are all caught', () => {
    const number = figureSlide();
    const ungrouped = withSlideXml(number, (xml) => xml.replace(/<p:grpSp><p:nvGrpSpPr>.*?<\/p:grpSpPr>/s, '').replace('</p:grpSp>', '').replace(/name="((?:timeline|map)-\d+) \d+"/g, 'name="Figure $1"'));
    expect(figureGroups(ungrouped).problems.filter((p) => p.includes('outside any group')).length).toBeGreaterThan(5);
    const repeated = withSlideXml(number, (xml) => xml.replace(/(<p:cNvPr id="\d+" name="(?:timeline|map)-\d+ \d+")/g, '$1 descr="again"'));
    expect(figureGroups(repeated).problems.filter((p) => p.includes('repeats an alt text')).length).toBeGreaterThan(5);
    const shifted = withSlideXml(number, (xml) => xml.replace(/(<p:grpSp>.*?<a:chOff x=")(\d+)"/s, (_m, head: string, x: string) => `${head}${Number(x) + 12700}"`));
    expect(figureGroups(shifted).problems.some((p) => p.includes('child space'))).toBe(true);
    const twice = withSlideXml(number, (xml) => xml.replace(/<p:cNvPr id="(\d+)"(.*?)<p:cNvPr id="\d+"/s, '<p:cNvPr id="$1"$2<p:cNvPr id="$1"'));
    expect(figureGroups(twice).problems.some((p) => p.includes('ids used twice'))).toBe(true);
  });

  it('every bullet names its font, colour and size (LibreOffice would otherwise draw a small raised symbol of its own)', () => {
    const bullets = [...deck.xml.entries()].filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).flatMap(([name, xml]) => [...xml.matchAll(/<a:pPr\b[^>]*>(.*?)<\/a:pPr>/gs)].filter((m) => /<a:bu(Char|AutoNum)\b/.test(m[1]!)).map((m) => `${name}: ${m[1]}`));
    expect(bullets.length).toBeGreaterThan(10);
    expect(bullets.filter((b) => !/<a:buClr><a:srgbClr val="[0-9A-F]{6}"\/><\/a:buClr><a:buSzPct val="100000"\/><a:buFont typeface="Arial"\/><a:bu(Char|AutoNum)\b/.test(b))).toEqual([]);
  });
});

describe('slides.pptx: the slides', () => {
  it('every slide has a title: its first text box is non-empty', () => {
    expect(deck.slides.length).toBeGreaterThan(1);
    const untitled = deck.slides.filter((s) => (s.textBoxes[0]?.text.trim() ?? '') === '').map((s) => `slide ${s.number}`);
    expect(untitled).toEqual([]);
  });

  it('every slide\'s title is a title placeholder (the outline view, screen readers and the accessibility checker use it)', () => {
    const wrong = deck.slides.filter((s) => s.textBoxes.filter((b) => b.placeholder === 'title' || b.placeholder === 'ctrTitle').length !== 1).map((s) => `slide ${s.number}`);
    expect(wrong).toEqual([]);
  });

  it('every sentence of the article\'s paragraphs is in the slides\' text or their notes', () => {
    const text = deck.slides
      .flatMap((s) => [...s.textBoxes.map((b) => b.text), ...s.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))), s.notes])
      .join('\n');
    const { article } = seed.result;
    const lost: string[] = [];
    article.sections.forEach((section, s) =>
      section.paragraphs.flatMap(blockTexts).forEach((paragraph, p) => {
        for (const sentence of sentences(paragraph, article.lang)) {
          const found = findSentence(text, sentence);
          if (!found.loose || found.strict === false) lost.push(`sections[${s}].paragraphs[${p}]: "${sentence}"`);
        }
      }),
    );
    expect(lost).toEqual([]);
  });

  it('every font a run names is Arial, and so are the theme\'s fonts that runs without one inherit', () => {
    const named = deck.slides.flatMap((s) => [...s.textBoxes.flatMap((b) => b.paragraphs), ...s.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs)))].flatMap((p) => p.fonts.map((f) => `slide ${s.number}: ${f}`)));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((f) => !f.endsWith(': Arial'))).toEqual([]);
    const theme = [...deck.xml.entries()].filter(([name]) => /^ppt\/theme\/theme\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(theme.length).toBeGreaterThan(0);
    for (const xml of theme) {
      for (const kind of ['majorFont', 'minorFont']) expect(new RegExp(`<a:${kind}><a:latin typeface="([^"]*)"`).exec(xml)?.[1]).toBe('Arial');
    }
  });
});


/** Text boxes and cells holding more lines than their height has room for at their line spacing. */
function crowdedRegions(parts: PptxParts, pages: WordPage[]): string[] {
  const over: string[] = [];
  pages.forEach((page, i) => {
    const slide = parts.slides[i];
    if (!slide) return;
    for (const { region, lines: set } of regionLines(slide, page.words)) {
      if (!region.lineSpacing) continue;
      const rendered = set.length;
      const room = Math.floor((region.h - region.spacing + TOLERANCE) / region.lineSpacing);
      if (rendered > Math.max(room, 1)) over.push(`slide ${i + 1} ${region.label}: ${rendered} lines, room for ${room} (${region.h.toFixed(1)} pt at ${region.lineSpacing} pt)`);
    }
  });
  return over;
}

/** Text boxes and cells that two renderings break into different numbers of lines (or, `exact`, at different words). */
function lineDifferences(parts: PptxParts, ours: WordPage[], theirs: WordPage[], exact = false): string[] {
  const differ: string[] = [];
  theirs.forEach((page, i) => {
    const slide = parts.slides[i];
    const own = ours[i];
    if (!slide || !own) return;
    const a = regionLines(slide, own.words);
    const b = regionLines(slide, page.words);
    a.forEach(({ region, lines: ourLines }, k) => {
      const theirLines = b[k]!.lines;
      if (exact ? JSON.stringify(ourLines) !== JSON.stringify(theirLines) : ourLines.length !== theirLines.length) differ.push(`slide ${i + 1} ${region.label}: briefkit ${ourLines.length} lines ${JSON.stringify(ourLines)}, LibreOffice ${theirLines.length} lines ${JSON.stringify(theirLines)}`);
    });
  });
  return differ;
}

const wordCollisions = (pages: WordPage[]) => pages.flatMap((page) => collisions(page.words, 0.5).map(([a, b]) => `slide ${page.number}: ${describeWord(a)} × ${describeWord(b)}`));

describe('slides.pptx as LibreOffice renders it', () => {
  it.runIf(!noLibreOffice)(`LibreOffice renders one page per slide, at the slide size ${noLibreOffice ?? ''}`, async () => {
    const pages = await libreOfficeWords();
    expect(pages.length).toBe(deck.slides.length);
    for (const page of pages) {
      expect(Math.abs(page.width - deck.width)).toBeLessThan(1);
      expect(Math.abs(page.height - deck.height)).toBeLessThan(1);
    }
  });

  it.runIf(!noLibreOffice)(`every word LibreOffice draws lies inside a text box or table of its slide (±${TOLERANCE} pt) ${noLibreOffice ?? ''}`, async () => {
    expect(strayWords(deck, await libreOfficeWords())).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`no two words LibreOffice draws collide ${noLibreOffice ?? ''}`, async () => {
    expect(wordCollisions(await libreOfficeWords())).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`LibreOffice sets no more lines in a text box or table cell than its height allows at its line spacing ${noLibreOffice ?? ''}`, async () => {
    expect(crowdedRegions(deck, await libreOfficeWords())).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`LibreOffice breaks every text box and table cell into as many lines as briefkit's slides.pdf does ${noLibreOffice ?? ''}`, async () => {
    expect(lineDifferences(deck, await pdfWords(seed.path('slides.pdf')), await libreOfficeWords())).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`LibreOffice ends every line at the same word as briefkit's slides.pdf (the layout's line breaks hold in a viewer) ${noLibreOffice ?? ''}`, async () => {
    expect(lineDifferences(deck, await pdfWords(seed.path('slides.pdf')), await libreOfficeWords(), true)).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`the checks have teeth: a copy whose key-points text is set at 44 pt instead of 24 pt is caught overflowing ${noLibreOffice ?? ''}`, async () => {
    const dir = scratchDir('briefkit-lo-control-');
    const zip = await JSZip.loadAsync(readFileSync(seed.path('slides.pptx')));
    const part = deck.slides[1]!.part;
    zip.file(part, (await zip.file(part)!.async('string')).replace(/sz="2400"/g, 'sz="4400"'));
    const copy = join(dir, 'control.pptx');
    writeFileSync(copy, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const pages = await pdfWords(withRealFontMetrics(await convertWithLibreOffice(copy, dir)));
    expect(strayWords(deck, pages).filter((s) => s.startsWith('slide 2:')).length).toBeGreaterThan(0);
    expect(crowdedRegions(deck, pages).filter((s) => s.startsWith('slide 2 ')).length).toBeGreaterThan(0);
    expect(lineDifferences(deck, await pdfWords(seed.path('slides.pdf')), pages).filter((s) => s.startsWith('slide 2 ')).length).toBeGreaterThan(0);
    expect(strayWords(deck, pages).filter((s) => !s.startsWith('slide 2:'))).toEqual([]);
  });
});

describe('slides.pdf (briefkit\'s own rendering) against slides.pptx', () => {
  it.runIf(!noPoppler)(`every word of slides.pdf lies inside a text box or table of the same slide in slides.pptx ${noPoppler ?? ''}`, async () => {
    const pages = await pdfWords(seed.path('slides.pdf'));
    expect(pages.length).toBe(deck.slides.length);
    expect(strayWords(deck, pages)).toEqual([]);
  });
});

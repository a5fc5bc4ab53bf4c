// Issue 13: remembered layouts make a warm build cheaper and never different: the same bytes as a build that remembers nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { clearMemos, freezeMemoResults, Memo, memoCounts } from '../../src/layout/memo.js';
import { build } from '../../src/pipeline/build.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { layoutParagraph, type ParagraphSpec } from '../../src/layout/text.js';
import { SEED_DATA } from '../support/seed.js';
import { readArticle } from '../../src/pipeline/input.js';
import { typesetText } from '../../src/typography/article.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const EPOCH = 1_700_000_000;
const BELARUSIAN = 'test/fixtures/stress/belarusian.yaml';
const TABLES = 'test/fixtures/stress/tables.yaml';
const RAW_SEED = 'test/fixtures/seed-000.txt';

describe('Memo', () => {
  it('keeps at most its capacity, dropping the least recently used', () => {
    const memo = new Memo<string>(2);
    let made = 0;
    const get = (key: string) => memo.get(key, () => `${key}${++made}`);
    expect(get('a')).toBe('a1');
    expect(get('b')).toBe('b2');
    expect(get('a')).toBe('a1'); // a is now the most recently used
    expect(get('c')).toBe('c3'); // b goes
    expect(memo.size).toBe(2);
    expect(get('a')).toBe('a1');
    expect(get('b')).toBe('b4');
    expect([memo.hits, memo.misses]).toEqual([2, 4]);
    memo.clear();
    expect(get('a')).toBe('a5');
  });

  it('with a weight, keeps results weighing at most its bound in all, and never one heavier than that alone', () => {
    const memo = new Memo<string>(100, { weigh: (result) => result.length, maxWeight: 6 });
    let made = 0;
    const get = (key: string) => memo.get(key, () => `${key}${++made}`);
    get('aa'); // 'aa1', 3
    get('bb'); // 'bb2', 3: 6 in all
    expect([memo.size, memo.weight]).toEqual([2, 6]);
    get('c'); // 'c3', 2: aa1 goes
    expect([memo.size, memo.weight]).toEqual([2, 5]);
    expect(get('bb')).toBe('bb2');
    expect(get('aa')).toBe('aa4');
    expect(get('toolong')).toBe('toolong5'); // 8 > 6: given, not kept, and nothing else forgotten for it
    expect(memo.size).toBe(2);
    expect(get('toolong')).toBe('toolong6');
    memo.clear();
    expect(memo.weight).toBe(0);
  });
});

describe('remembered layouts in a warm process', () => {
  afterAll(() => freezeMemoResults(false));

  it('an unchanged article file is read once, a changed one anew, data or raw', () => {
    clearMemos();
    const folder = mkdtempSync(join(tmpdir(), 'briefkit-memo-'));
    try {
      const data = join(folder, 'a.yaml');
      const raw = join(folder, 'a.txt');
      writeFileSync(data, readFileSync(SEED_DATA));
      writeFileSync(raw, readFileSync(RAW_SEED));
      for (const file of [data, raw]) {
        const first = readArticle(file);
        const { hits, misses } = memoCounts();
        const again = readArticle(file);
        expect(again).toEqual(first);
        expect(memoCounts()).toEqual({ hits: hits + 1, misses });
        // Each reader gets its own copy: changing one leaves the next read as the file says.
        expect(again).not.toBe(first);
        again.value.title = 'Changed by its reader';
        expect(readArticle(file).value.title).toBe(first.value.title);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/Lukashenka|Lukashenko/, 'Łukašenka'));
        const changed = readArticle(file);
        expect(memoCounts().misses).toBe(misses + 1);
        expect(JSON.stringify(changed.value)).toContain('Łukašenka');
        // The same text under another name is read anew: its diagnostics name their file.
        const copy = join(folder, `copy-${basename(file)}`);
        writeFileSync(copy, readFileSync(file));
        readArticle(copy);
        expect(memoCounts().misses).toBe(misses + 2);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a text is typeset once per language and quotation depth', () => {
    clearMemos();
    const text = 'He said "no" - twice, on 5 May.';
    const english = typesetText(text, 'en');
    expect(typesetText(text, 'en')).toBe(english);
    expect(english.value).toContain('“no”');
    const belarusian = typesetText(text, 'be');
    expect(belarusian).not.toBe(english);
    expect(belarusian.value).toContain('«no»');
    const nested = typesetText(text, 'en', 1);
    expect(nested).not.toBe(english);
    expect(nested.value).toContain('‘no’');
  });

  it('a paragraph is laid out once per spec, width, fonts and language', () => {
    clearMemos();
    const fonts = new FontRegistry();
    const spec: ParagraphSpec = {
      runs: [{ text: 'The regime keeps its grip on the occupied territories.', style: { family: 'serif', weight: 'regular', italic: false, sizePt: 10, colour: '#000000' } }],
      align: 'justify', lineHeightPt: 13, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: true,
    };
    const first = layoutParagraph(spec, 120, fonts, 'en');
    expect(layoutParagraph({ ...spec }, 120, fonts, 'en')).toBe(first);
    // Another width, language or set of fonts is another layout.
    expect(layoutParagraph(spec, 121, fonts, 'en')).not.toBe(first);
    expect(layoutParagraph(spec, 120, fonts, 'be')).not.toBe(first);
    expect(layoutParagraph(spec, 120, new FontRegistry(), 'en')).not.toBe(first);
    expect(layoutParagraph(spec, 60, fonts, 'en').lines.length).toBeGreaterThan(first.lines.length);
  });

  it('builds the seed again, after other articles, to the same bytes, reusing its layouts; nothing changes a remembered result', async () => {
    clearMemos();
    // Frozen results: code that writes to a layout or a map it was given throws instead of changing the next build's.
    freezeMemoResults(true);
    const fresh = await build(SEED_DATA, { sourceDateEpoch: EPOCH });
    const afterFirst = memoCounts();
    const others = [await build(BELARUSIAN, { sourceDateEpoch: EPOCH }), await build(TABLES, { sourceDateEpoch: EPOCH })];
    // A raw article, imported (and remembered) frozen, builds again to the same bytes.
    const raw = await build(RAW_SEED, { sourceDateEpoch: EPOCH });
    const rawAgain = await build(RAW_SEED, { sourceDateEpoch: EPOCH });
    rawAgain.documents.forEach((document, i) => expect(document.bytes.equals(raw.documents[i]!.bytes), `raw ${document.name}`).toBe(true));
    const before = memoCounts();
    const again = await build(SEED_DATA, { sourceDateEpoch: EPOCH });
    const after = memoCounts();

    expect(again.documents.map((d) => d.name)).toEqual(fresh.documents.map((d) => d.name));
    again.documents.forEach((document, i) => expect(document.bytes.equals(fresh.documents[i]!.bytes), document.name).toBe(true));
    expect(afterFirst.misses).toBeGreaterThan(100);
    // The second build of the seed lays out (almost) nothing anew: its paragraphs and its map are remembered.
    expect(after.hits - before.hits).toBeGreaterThan(100);
    expect(after.misses - before.misses).toBeLessThan((after.hits - before.hits) / 20);

    // And the other articles are what they are without the seed's layouts in memory.
    clearMemos();
    const alone = [await build(BELARUSIAN, { sourceDateEpoch: EPOCH }), await build(TABLES, { sourceDateEpoch: EPOCH })];
    alone.forEach((result, k) => result.documents.forEach((document, i) => expect(document.bytes.equals(others[k]!.documents[i]!.bytes), `${k} ${document.name}`).toBe(true)));
  });
});

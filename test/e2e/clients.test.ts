// The e2e helpers in, proof that they can fail out: text comparison, word geometry and zip reading on hand-made inputs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { collisions, dehyphenate, findSentence, lines, normalise, sentences, squeeze, zipEntries, type Word } from '../support/clients.js';

const word = (text: string, xMin: number, yMin: number, xMax: number, yMax: number): Word => ({ text, xMin, yMin, xMax, yMax });

describe('text comparison', () => {
  it('unifies quotes, drops soft hyphens, folds ligatures and collapses whitespace', () => {
    expect(normalise('“acting  head”\u00A0of the ‘DPR’ re\u00ADstoration ﬁnal\n')).toBe('"acting head" of the \'DPR\' restoration final');
  });

  it('joins a word the layout broke at a line end, and (knowingly) a real compound broken after its hyphen', () => {
    expect(dehyphenate('the restora-\ntion of')).toBe('the restoration of');
    expect(dehyphenate('the so-\ncalled head')).toBe('the socalled head');
    expect(dehyphenate('so-called')).toBe('so-called');
  });

  it('finds a hyphen-free sentence strictly across a layout hyphen, and a hyphenated one loosely', () => {
    const page = 'he offered assistance in the restora-\ntion and development of this Russian-\noccupied territory. The so-\ncalled "acting head".';
    expect(findSentence(page, 'he offered assistance in the restoration and development')).toEqual({ loose: true, strict: true });
    expect(findSentence(page, 'of this Russian-occupied territory.')).toEqual({ loose: true, strict: undefined });
    expect(findSentence(page, 'The so-called “acting head”.')).toEqual({ loose: true, strict: undefined });
  });

  it('fails a sentence that is missing, and one whose words run together', () => {
    expect(findSentence('the regime fears sanctions', 'The regime welcomes sanctions.').loose).toBe(false);
    expect(findSentence('the regimefears sanctions', 'the regime fears sanctions')).toEqual({ loose: true, strict: false });
    expect(squeeze('Rostov-\non-Don')).toBe(squeeze('Rostov-on-Don'));
  });

  it('splits sentences by Unicode rules', () => {
    expect(sentences('On 18 April 2023, he met Pushilin. He offered help.')).toEqual(['On 18 April 2023, he met Pushilin.', 'He offered help.']);
  });
});

describe('word geometry', () => {
  it('reports words overlapping in both axes, not words that merely touch or share a line', () => {
    const a = word('one', 10, 10, 40, 22);
    const touching = word('two', 40.3, 10, 70, 22);
    const below = word('three', 10, 21.7, 40, 33);
    const onTop = word('four', 30, 15, 60, 27);
    expect(collisions([a, touching, below])).toEqual([]);
    expect(collisions([a, touching, below, onTop]).length).toBe(3);
  });

  it('keeps a bullet from a symbol font, with a different box, on its text line', () => {
    const set = [word('•', 42, 85.6, 50.5, 112), word('The', 68, 89.5, 109, 116.4), word('for', 68, 117.9, 96, 144.8)];
    expect(lines(set).map((l) => l.map((w) => w.text).join(' '))).toEqual(['• The', 'for']);
  });
});

describe('zip reading', () => {
  it('lists entries in file order with their compression method', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>', { compression: 'DEFLATE' });
    zip.file('stored.bin', 'raw', { compression: 'STORE' });
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-zip-'));
    const file = join(dir, 'test.zip');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    try {
      expect(zipEntries(file).map((e) => [e.name, e.method])).toEqual([['[Content_Types].xml', 8], ['stored.bin', 0]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Tests src/pipeline/write.ts: documents are written whole into their folder (created, replaced, no .tmp left), and bad folders are refused unchanged.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriefkitError } from '../../src/diagnostics.js';
import { writeDocuments } from '../../src/pipeline/write.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'briefkit-write-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const doc = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });
/** Every entry under a folder, recursively, as sorted relative paths. */
const tree = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('writeDocuments', () => {
  it('creates the folder, nested, and writes every document into it', () => {
    const out = join(root, 'dist', 'article');
    const written = writeDocuments(out, [doc('briefing.pdf', '%PDF-1'), doc('deck.pptx', 'PK'), doc('handout.pdf', '%PDF-2')]);
    expect(written).toEqual([join(out, 'briefing.pdf'), join(out, 'deck.pptx'), join(out, 'handout.pdf')]);
    expect(tree(out)).toEqual(['briefing.pdf', 'deck.pptx', 'handout.pdf']);
    expect(readFileSync(join(out, 'briefing.pdf'), 'utf8')).toBe('%PDF-1');
    expect(readFileSync(join(out, 'deck.pptx'), 'utf8')).toBe('PK');
    expect(readFileSync(join(out, 'handout.pdf'), 'utf8')).toBe('%PDF-2');
  });

  it('writes the bytes exactly, binary included', () => {
    const bytes = Buffer.from([0, 255, 10, 13, 0x80, 0x7f]);
    writeDocuments(root, [{ name: 'raw.bin', bytes }]);
    expect(readFileSync(join(root, 'raw.bin')).equals(bytes)).toBe(true);
  });

  it('replaces existing documents and leaves other files alone', () => {
    writeFileSync(join(root, 'briefing.pdf'), 'old briefing, longer than the new one');
    writeFileSync(join(root, 'notes.txt'), 'mine');
    writeDocuments(root, [doc('briefing.pdf', 'new'), doc('deck.pptx', 'deck')]);
    expect(readFileSync(join(root, 'briefing.pdf'), 'utf8')).toBe('new');
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine');
    expect(tree(root)).toEqual(['briefing.pdf', 'deck.pptx', 'notes.txt']);
  });

  it('leaves no temporary files behind', () => {
    writeDocuments(root, [doc('a.pdf', 'a'), doc('b.pdf', 'b')]);
    writeDocuments(root, [doc('a.pdf', 'a2'), doc('b.pdf', 'b2')]);
    const entries = readdirSync(root);
    expect(entries.filter((name) => name.endsWith('.tmp') || name.startsWith('.'))).toEqual([]);
    expect(entries.sort()).toEqual(['a.pdf', 'b.pdf']);
  });

  it('writes nothing for no documents, but still makes the folder', () => {
    const out = join(root, 'empty');
    expect(writeDocuments(out, [])).toEqual([]);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a folder where a document goes, and changes nothing', () => {
    writeFileSync(join(root, 'briefing.pdf'), 'old');
    mkdirSync(join(root, 'deck.pptx'));
    writeFileSync(join(root, 'deck.pptx', 'inside'), 'kept');
    const before = tree(root);
    const error = caught(() => writeDocuments(root, [doc('briefing.pdf', 'new'), doc('deck.pptx', 'deck')]));
    expect(error).toBeInstanceOf(BriefkitError);
    const [diagnostic, ...rest] = (error as BriefkitError).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ severity: 'error', rule: 'output', file: join(root, 'deck.pptx') });
    expect(diagnostic!.message).toMatch(/nothing was changed/);
    expect(readFileSync(join(root, 'briefing.pdf'), 'utf8')).toBe('old');
    expect(readFileSync(join(root, 'deck.pptx', 'inside'), 'utf8')).toBe('kept');
    expect(tree(root)).toEqual(before);
  });

  it('reports a folder that cannot be made (a file stands in its path) as an output error', () => {
    const plain = join(root, 'plain-file');
    writeFileSync(plain, 'not a folder');
    const out = join(plain, 'dist');
    const error = caught(() => writeDocuments(out, [doc('briefing.pdf', 'x')]));
    expect(error).toBeInstanceOf(BriefkitError);
    const [diagnostic, ...rest] = (error as BriefkitError).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ severity: 'error', rule: 'output', file: out });
    expect(diagnostic!.message).toMatch(/a file stands where a folder is needed/);
    expect(diagnostic!.message).toMatch(/nothing was changed/);
    expect(readFileSync(plain, 'utf8')).toBe('not a folder');
    expect(tree(root)).toEqual(['plain-file']);
  });
});

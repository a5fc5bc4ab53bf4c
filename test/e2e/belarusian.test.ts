// A Belarusian raw article builds straight from its text, with Belarusian hyphenation visible in the briefing PDF.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFile, PROJECT_ROOT } from '../../src/pipeline/build.js';
import { writeDocuments } from '../../src/pipeline/write.js';
import { missing } from '../support/tools.js';

const RAW = join(PROJECT_ROOT, 'test', 'fixtures', 'raw', 'be-article.txt');
const noPoppler = missing('pdftotext');

describe('a Belarusian article', () => {
  it.runIf(!noPoppler)(`is hyphenated by the Belarusian patterns in the briefing, and every hyphenated word is the article's ${noPoppler ?? ''}`, async () => {
    const result = await buildFile(RAW, { sourceDateEpoch: 1_700_000_000 });
    expect(result.article.lang).toBe('be');
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-be-'));
    try {
      writeDocuments(dir, result.documents);
      const lines = spawnSync('pdftotext', ['-raw', join(dir, 'briefing.pdf'), '-'], { encoding: 'utf8' }).stdout.split('\n');
      const source = readFileSync(RAW, 'utf8');
      const broken = lines.flatMap((line, i) => {
        const head = /(\p{L}+)-$/u.exec(line);
        const tail = /^(\p{L}+)/u.exec(lines[i + 1] ?? '');
        return head && tail && /\p{Script=Cyrillic}/u.test(head[1]!) ? [head[1]! + tail[1]!] : [];
      });
      expect(broken.length).toBeGreaterThanOrEqual(2);
      // A layout hyphen splits a word of the text; it never adds or loses a letter.
      for (const word of broken) expect(source.includes(word), word).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

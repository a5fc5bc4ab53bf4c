// checkArticlePictures: every picture of an article read before the layout; a missing one named with its line and column.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticlePictures } from '../../src/load/article-pictures.js';
import { loadArticleFile } from '../../src/load/load.js';
import { BriefkitError } from '../../src/diagnostics.js';
import { bandedPng } from '../support/images.js';
import { SEED_DATA } from '../support/seed.js';

/** The seed with a picture as the first paragraph of its first section. */
function seedWith(dir: string, picture: string): { file: string; line: number; column: number } {
  const seed = readFileSync(SEED_DATA, 'utf8');
  const at = seed.indexOf('    paragraphs:\n') + '    paragraphs:\n'.length;
  const text = seed.slice(0, at) + `      - image: ${picture}\n        alt: A banner\n` + seed.slice(at);
  writeFileSync(join(dir, 'a.yaml'), text);
  return { file: join(dir, 'a.yaml'), line: text.slice(0, at).split('\n').length, column: '      - image: '.length + 1 };
}

function errorOf(run: () => void): BriefkitError {
  try {
    run();
  } catch (error) {
    if (error instanceof BriefkitError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('checkArticlePictures', () => {
  it('reads every picture the article shows, relative to its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-article-pictures-'));
    writeFileSync(join(dir, 'banner.png'), bandedPng(60, 20));
    const { file } = seedWith(dir, 'banner.png');
    expect(() => checkArticlePictures(loadArticleFile(file).value, file)).not.toThrow();
  });

  it('names a missing picture by its field, file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-article-pictures-'));
    const { file, line, column } = seedWith(dir, 'photos/none.png');
    const [diagnostic] = errorOf(() => checkArticlePictures(loadArticleFile(file).value, file)).diagnostics;
    expect(diagnostic).toMatchObject({ severity: 'error', file, path: 'sections[0].paragraphs[0].image', line, column, rule: 'image' });
    expect(diagnostic!.message).toMatch(/none\.png: no such file/);
  });
});

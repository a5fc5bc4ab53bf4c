// What a caller hands in: a data file, a raw article file, raw text or an object, each turned into a validated Article.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { articleFrom, isPath } from '../../src/pipeline/input.js';
import { BriefkitError, type Diagnostic } from '../../src/diagnostics.js';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { refusal } from '../support/refusal.js';
import { SEED_DATA } from '../support/seed.js';

const RAW = join(PROJECT_ROOT, 'test', 'fixtures', 'raw', 'en-short-news.txt');


describe('isPath', () => {
  it('takes a one-line string naming a file or an article extension as a path, anything else as text', () => {
    expect(isPath(SEED_DATA)).toBe(true);
    expect(isPath('missing/article.yaml')).toBe(true);
    expect(isPath('notes.md')).toBe(true);
    expect(isPath('Title\n\nA paragraph.')).toBe(false);
    expect(isPath('A single line of text')).toBe(false);
  });
});

describe('articleFrom', () => {
  it('loads a data file and keeps its name for diagnostics', () => {
    const { value } = articleFrom(SEED_DATA);
    expect(value.file).toBe(SEED_DATA);
    expect(value.article.id).toBe('lukashenko-occupied-territories');
  });

  it('imports a raw file and raw text alike', () => {
    const fromFile = articleFrom(RAW).value.article;
    const fromText = articleFrom(readFileSync(RAW, 'utf8')).value.article;
    expect(fromText.title).toBe(fromFile.title);
    expect(fromText.sections).toEqual(fromFile.sections);
  });

  it('validates an object by the same schema as a file, with defaults filled in', () => {
    const data = parse(readFileSync(SEED_DATA, 'utf8'));
    delete data.quotes;
    const { article } = articleFrom(data).value;
    expect(article.quotes).toEqual([]);
    expect(article.sections).toHaveLength(data.sections.length);
  });

  it('names the field of a bad object, never throwing a TypeError', () => {
    const diagnostics = refusal(() => articleFrom({ title: 1 } as never));
    expect(diagnostics.map((d) => d.path)).toEqual(expect.arrayContaining(['id', 'lang', 'title', 'keyPoints', 'sections', 'sources']));
    expect(diagnostics.find((d) => d.path === 'title')).toMatchObject({ file: '(article object)', rule: 'schema', message: 'expected string, got number 1' });
    const nested = parse(readFileSync(SEED_DATA, 'utf8'));
    nested.events[1].actors = ['nobody'];
    expect(refusal(() => articleFrom(nested)).map((d) => d.path)).toEqual(['events[1].actors[0]']);
  });

  it('refuses what is neither a path, text nor an object', () => {
    for (const input of [null, [], 42]) expect(refusal(() => articleFrom(input as never))[0]).toMatchObject({ rule: 'input-type' });
  });

  it('names a missing file', () => {
    expect(refusal(() => articleFrom('no/such/article.yaml'))[0]).toMatchObject({ file: 'no/such/article.yaml', rule: 'input-missing' });
  });
});

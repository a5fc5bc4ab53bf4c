// The public API (src/index.ts) as a library user calls it: build from an object, load, import, validate, typed errors.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as briefkit from '../src/index.js';
import { SEED_DATA } from './support/seed.js';

describe('briefkit (library)', () => {
  it('exports the API the README documents', () => {
    expect(Object.keys(briefkit).sort()).toEqual(['BriefkitError', 'OUTPUT_IDS', 'SUPPORTED_LANGS', 'build', 'formatDiagnostic', 'importArticle', 'loadArticle', 'validate', 'writeDocuments']);
  });

  it('loads a data file and builds a chosen output from the loaded article', async () => {
    const { article, diagnostics } = briefkit.loadArticle(SEED_DATA);
    expect(diagnostics).toEqual([]);
    const result = await briefkit.build(article, { only: ['briefing'], sourceDateEpoch: 0 });
    expect(result.documents.map((d) => d.name)).toEqual(['briefing.pdf']);
  });

  it('imports raw text, reporting its guesses', () => {
    const { article, diagnostics } = briefkit.importArticle('Minsk talks resume\n\nBy Anna Example\n\nThe talks resumed on 18 April 2023 in Minsk. Both sides met.\n', { lang: 'en' });
    expect(article.title).toBe('Minsk talks resume');
    expect(article.author?.name).toBe('Anna Example');
    expect(diagnostics.length).toBeGreaterThan(0);
  });

  it('validates an object and reports each bad field as a diagnostic, not a TypeError', async () => {
    const data = parse(readFileSync(SEED_DATA, 'utf8'));
    expect(briefkit.validate(data).article.id).toBe(data.id);
    const failure = await briefkit.build({ title: 1 } as never).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(briefkit.BriefkitError);
    const error = failure as InstanceType<typeof briefkit.BriefkitError>;
    expect(error.diagnostics.map((d) => d.path)).toContain('title');
    expect(briefkit.formatDiagnostic(error.diagnostics.find((d) => d.path === 'title')!)).toBe('(article object): error: title: expected string, got number 1');
  });
});

// The pipeline end to end as a caller meets it: any input, any subset of outputs, a template's unknown directive refused at its place.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { build, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { BriefkitError } from '../../src/diagnostics.js';
import { SEED_DATA } from '../support/seed.js';
import { refusalOf } from '../support/refusal.js';

const EPOCH = 1_700_000_000;
const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';
const isZip = (bytes: Buffer) => bytes.readUInt32LE(0) === 0x04034b50;

describe('build', () => {
  it('makes the four documents from a file, in registry order', async () => {
    const result = await build(SEED_DATA, { sourceDateEpoch: EPOCH });
    expect(result.documents.map((d) => d.name)).toEqual(['briefing.pdf', 'slides.pptx', 'slides.pdf', 'handout.pdf']);
    expect(result.documents.map((d) => (d.name.endsWith('.pptx') ? isZip(d.bytes) : isPdf(d.bytes)))).toEqual([true, true, true, true]);
    expect(result.article.id).toBe('lukashenko-occupied-territories');
  });

  it('makes the same bytes from the article as an object as from its file', async () => {
    const fromFile = await build(SEED_DATA, { sourceDateEpoch: EPOCH, only: ['deck'] });
    const fromObject = await build(parse(readFileSync(SEED_DATA, 'utf8')), { sourceDateEpoch: EPOCH, only: ['deck'] });
    expect(fromObject.documents[0]!.bytes.equals(fromFile.documents[0]!.bytes)).toBe(true);
  });

  it('makes only what is asked for: the handout alone lays out the slides but writes no deck', async () => {
    const result = await build(SEED_DATA, { sourceDateEpoch: EPOCH, only: ['handout'] });
    expect(result.documents.map((d) => d.name)).toEqual(['handout.pdf']);
    const both = await build(SEED_DATA, { sourceDateEpoch: EPOCH, only: ['briefing.pdf', 'deck-pdf'] });
    expect(both.documents.map((d) => d.name)).toEqual(['briefing.pdf', 'slides.pdf']);
  });

  it('refuses a template with an unknown directive, naming the template file, line and column', async () => {
    const templates = mkdtempSync(join(tmpdir(), 'briefkit-templates-'));
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    const file = join(templates, 'slides.md.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('::timeline', '::nosuchfigure'));
    const diagnostics = await refusalOf(() => build(SEED_DATA, { sourceDateEpoch: EPOCH, templatesDir: templates }));
    const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text === '::nosuchfigure') + 1;
    expect(line).toBeGreaterThan(1);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file, line, column: 1, rule: 'template-directive' })]);
    expect(diagnostics[0]!.message).toContain('unknown directive ::nosuchfigure; the templates may use ::slide, ::timeline, ::map');
  });

  it('refuses an unknown output before reading the article', async () => {
    const diagnostics = await refusalOf(() => build('no/such/file.yaml', { only: ['poster'] }));
    expect(diagnostics[0]).toMatchObject({ path: '--only' });
  });
});

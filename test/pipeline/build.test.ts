// The pipeline end to end as a caller meets it: any input, any subset of outputs, a template's unknown directive refused at its place.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import JSZip from 'jszip';
import { loadArticleFile } from '../../src/load/load.js';
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

describe('build: typography', () => {
  const unzip = async (bytes: Buffer) => {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.keys(zip.files).filter((name) => name.endsWith('.xml')).map(async (name) => [name, await zip.files[name]!.async('string')] as const));
    return new Map(parts);
  };

  it('hands back the article as typeset, reports its unclosed quotation by field, and leaves the data as written', async () => {
    const written = readFileSync(SEED_DATA, 'utf8');
    const result = await build(SEED_DATA, { sourceDateEpoch: EPOCH, only: ['deck'] });
    expect(result.article.title).toBe('Lukashenko regime’s cooperation with the Russian-occupied territories of Ukraine');
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: SEED_DATA, path: 'sections[2].paragraphs[0]', rule: 'unbalanced-quotes' })]);
    expect(readFileSync(SEED_DATA, 'utf8')).toBe(written);
    expect(loadArticleFile(SEED_DATA).value.title).toBe("Lukashenko regime's cooperation with the Russian-occupied territories of Ukraine");
  });

  it('typesets the theme’s marking and labels for the article’s language, and writes metadata with plain spaces', async () => {
    const theme = mkdtempSync(join(tmpdir(), 'briefkit-theme-'));
    writeFileSync(join(theme, 'theme.yaml'), 'marking: "\'OFFICIAL\' - internal"\nlabels:\n  en:\n    keyPoints: "The analysts\' points"\n');
    const article = { ...parse(readFileSync(SEED_DATA, 'utf8')), keyPoints: ['They met on 18 April 2023, in Minsk.'] };
    const result = await build(article, { sourceDateEpoch: EPOCH, only: ['deck'], theme });
    const xml = await unzip(result.documents[0]!.bytes);
    const slides = [...xml].filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map(([, text]) => text).join('\n');
    expect(slides).toContain('‘OFFICIAL’ – internal');
    expect(slides).toContain('The analysts’ points');
    expect(slides).toContain('18\u00A0April');
    expect(xml.get('docProps/core.xml')).toContain('<dc:subject>They met on 18 April 2023, in Minsk.</dc:subject>');
  });
});

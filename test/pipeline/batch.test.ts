// Many articles at once, through the CLI (the worker pool runs the bundle): same bytes as one by one, failures kept apart.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { buildMany } from '../../src/pipeline/batch.js';
import { SEED_DATA } from '../support/seed.js';

const BIN = join(PROJECT_ROOT, 'bin', 'briefkit.js');
const RAW = join(PROJECT_ROOT, 'test', 'fixtures', 'raw');

/** A folder with five articles: the seed, the seed under another id, two raw articles and a broken file. */
function batchFolder(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-batch-'));
  const seed = readFileSync(SEED_DATA, 'utf8');
  writeFileSync(join(dir, 'a.yaml'), seed);
  writeFileSync(join(dir, 'b.yaml'), seed.replace(/^id: .*$/m, 'id: second-article'));
  copyFileSync(join(RAW, 'en-short-news.txt'), join(dir, 'c.txt'));
  copyFileSync(join(RAW, 'be-article.txt'), join(dir, 'd.txt'));
  writeFileSync(join(dir, 'e.yaml'), 'title: [broken\n');
  return { dir, files: ['a.yaml', 'b.yaml', 'c.txt', 'd.txt', 'e.yaml'] };
}

const run = (args: string[], cwd: string, shell?: string) =>
  shell
    ? spawnSync('sh', ['-c', shell], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } })
    : spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });

const tree = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

describe('briefkit build with many articles', () => {
  it('three at a time (this thread and two workers, each holding two jobs) writes byte for byte what one by one writes, prints in input order, and keeps a broken file apart', () => {
    const { dir, files } = batchFolder();
    const serial = run(['build', ...files, '--jobs', '1', '--out', 'serial'], dir);
    const pooled = run(['build', ...files, '--jobs', '3', '--out', 'pooled'], dir);
    for (const result of [serial, pooled]) {
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/e\.yaml:\d+:\d+: error: /);
      expect(result.stderr).toMatch(/^5 articles, 16 documents, 1 failed, [\d.]+ s: e\.yaml$/m);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(pooled.stdout.replaceAll('pooled', 'serial')).toBe(serial.stdout);
    expect(serial.stdout.split('\n')[0]).toMatch(/^serial\/lukashenko-occupied-territories\/briefing\.pdf /);
    const names = tree(join(dir, 'serial'));
    expect(names).toHaveLength(16);
    expect(tree(join(dir, 'pooled'))).toEqual(names);
    for (const name of names) expect(readFileSync(join(dir, 'pooled', name)).equals(readFileSync(join(dir, 'serial', name))), name).toBe(true);
  });

  it('refuses two articles with the same id, naming both, and writes neither (the others are written)', () => {
    const { dir } = batchFolder();
    writeFileSync(join(dir, 'twin.yaml'), readFileSync(join(dir, 'a.yaml')));
    const result = run(['build', 'a.yaml', 'b.yaml', 'twin.yaml', '--out', 'o'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('a.yaml: error: id: "lukashenko-occupied-territories" is also the id of twin.yaml');
    expect(result.stderr).toContain('twin.yaml: error: id: "lukashenko-occupied-territories" is also the id of a.yaml');
    expect(readdirSync(join(dir, 'o'))).toEqual(['second-article']);
  });

  it('takes a folder for its data files, and --quiet prints errors only', () => {
    const { dir } = batchFolder();
    const result = run(['build', '.', '--out', 'o', '--quiet'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^e\.yaml:\d+:\d+: error: /)]);
    expect(readdirSync(join(dir, 'o')).sort()).toEqual(['lukashenko-occupied-territories', 'second-article']);
  });

  it('ends quietly when the reader closes the pipe, and still writes every document', () => {
    const { dir } = batchFolder();
    const result = run([], dir, `"${process.execPath}" "${BIN}" build a.yaml b.yaml c.txt --out o 2>err.txt | head -1; cat err.txt`);
    expect(result.stdout.split('\n')[0]).toMatch(/^o\/lukashenko-occupied-territories\/briefing\.pdf /);
    expect(result.stdout).not.toMatch(/EPIPE|\n\s+at /);
    expect(tree(join(dir, 'o'))).toHaveLength(12);
  });

  it('refuses a --jobs that is not a whole number from 1', () => {
    const { dir } = batchFolder();
    for (const jobs of ['0', '-2', 'many']) expect(run(['build', 'a.yaml', `--jobs=${jobs}`], dir).stderr).toContain('--jobs: expected a whole number from 1');
  });
});

describe('buildMany (in this thread)', () => {
  it('refuses duplicate ids before handing over either article, naming the other file', async () => {
    const { dir } = batchFolder();
    const entries = await buildMany([join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'a.yaml')], { sourceDateEpoch: 0, only: ['briefing'] }, { jobs: 1, keepDocuments: false });
    expect(entries.map((e) => e.failed)).toEqual([true, false, true]);
    expect(entries[0]!.diagnostics.at(-1)).toMatchObject({ rule: 'duplicate-id', path: 'id' });
    expect(entries.every((e) => e.documents === undefined)).toBe(true);
  });

  it('returns entries in input order, failures as diagnostics, and reports each one done', async () => {
    const { dir } = batchFolder();
    const seen: string[] = [];
    const handed: number[] = [];
    const entries = await buildMany([join(dir, 'e.yaml'), join(dir, 'b.yaml')], { sourceDateEpoch: 0, only: ['briefing'] }, {
      jobs: 1, onProgress: (entry, done, total) => seen.push(`${done}/${total}`), onEntry: (entry, index) => handed.push(index),
    });
    expect(seen).toEqual(['1/2', '2/2']);
    expect(handed).toEqual([0, 1]);
    expect(entries.map((e) => [e.failed, e.id, e.documents?.map((d) => d.name)])).toEqual([[true, undefined, undefined], [false, 'second-article', ['briefing.pdf']]]);
    expect(entries[0]!.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'yaml-syntax' });
  });
});

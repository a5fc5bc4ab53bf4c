// The command line as a user meets it: help, version, one line per document, errors with places, exit codes, nothing half-written.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/pipeline/build.js';
import { SEED_DATA, seedStderr } from './support/seed.js';

const BIN = join(PROJECT_ROOT, 'bin', 'briefkit.js');
const run = (args: string[], env: Record<string, string> = {}, cwd = PROJECT_ROOT) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env } });
const seedText = readFileSync(SEED_DATA, 'utf8');
const OUTPUTS = ['briefing.pdf', 'handout.pdf', 'slides.pdf', 'slides.pptx'];

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'briefkit-cli-'));
}

describe('briefkit CLI', () => {
  beforeAll(() => {
    expect(existsSync(join(PROJECT_ROOT, 'lib', 'bundle', 'briefkit.mjs')), 'lib/ is compiled by `npm run build` and `npm test` (pretest)').toBe(true);
  });

  it('prints help and version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('briefkit build [files…]');
    const version = run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version);
  });

  it('builds an article into <out>/<id>/ and prints one line per document', () => {
    const out = workdir();
    const result = run(['build', SEED_DATA, '--out', out]);
    expect(result.stderr).toMatch(seedStderr(SEED_DATA));
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(4);
    expect(readdirSync(join(out, 'lukashenko-occupied-territories')).sort()).toEqual(OUTPUTS);
  });

  it('makes only the outputs --only names, and refuses an unknown one before writing anything', () => {
    const out = workdir();
    const result = run(['build', SEED_DATA, '--out', out, '--only', 'deck,handout']);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(out, 'lukashenko-occupied-territories')).sort()).toEqual(['handout.pdf', 'slides.pptx']);
    const bad = run(['build', SEED_DATA, '--out', join(out, 'bad'), '--only', 'briefing,poster']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('error: --only: unknown output "poster"; expected briefing, deck, deck-pdf, handout\n');
    expect(existsSync(join(out, 'bad'))).toBe(false);
  });

  it('is byte-identical across time zones and output folders with SOURCE_DATE_EPOCH', () => {
    const a = workdir();
    const b = workdir();
    expect(run(['build', SEED_DATA, '--out', a], { TZ: 'Asia/Tokyo' }).status).toBe(0);
    expect(run(['build', SEED_DATA, '--out', join(b, 'elsewhere')], { TZ: 'America/Los_Angeles' }).status).toBe(0);
    for (const name of OUTPUTS) {
      const first = readFileSync(join(a, 'lukashenko-occupied-territories', name));
      const second = readFileSync(join(b, 'elsewhere', 'lukashenko-occupied-territories', name));
      expect(first.equals(second), name).toBe(true);
    }
  });

  const badInputs: [string, string, RegExp][] = [
    ['a YAML syntax error', seedText.replace('title: Lukashenko', 'title: [Lukashenko'), /bad\.yaml:\d+:\d+: error: /],
    ['a missing title', seedText.replace(/^title: .*$/m, ''), /bad\.yaml:\d+:\d+: error: title: required field is missing/],
    ['a duplicate key', seedText.replace(/^lang: en$/m, 'lang: en\nlang: be'), /bad\.yaml:\d+:\d+: error: .*[Mm]ap keys must be unique/],
    ['an empty file', '', /bad\.yaml:1:1: error: the file is empty/],
    ['control characters and XML specials in a wrong place', seedText.replace(/^lang: en$/m, 'lang: "<&\u0007>"'), /bad\.yaml:\d+:\d+: error: lang: must be one of/],
  ];
  for (const [what, content, message] of badInputs) {
    it(`stops on ${what}: exit 1, the place named, no stack trace, nothing written`, () => {
      const dir = workdir();
      writeFileSync(join(dir, 'bad.yaml'), content);
      const result = run(['build', 'bad.yaml', '--out', 'out'], {}, dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }

  it('stops on a missing file and on a binary file', () => {
    const dir = workdir();
    const missing = run(['build', 'nope.yaml'], {}, dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^nope\.yaml: error: no such file/);
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]));
    const binary = run(['build', 'binary.yaml'], {}, dir);
    expect(binary.status).toBe(1);
    expect(binary.stderr).toMatch(/binary\.yaml: error: the file is not valid UTF-8 \(first bad byte at offset 0\)/);
  });

  it('leaves earlier good outputs byte-identical when a later build fails, and leaves no temporary file', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'article.yaml'), seedText);
    expect(run(['build', 'article.yaml', '--out', 'out'], {}, dir).status).toBe(0);
    const folder = join(dir, 'out', 'lukashenko-occupied-territories');
    const before = OUTPUTS.map((name) => readFileSync(join(folder, name)));
    writeFileSync(join(dir, 'article.yaml'), seedText.replace(/^title: .*$/m, 'title: ""'));
    const failed = run(['build', 'article.yaml', '--out', 'out'], {}, dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/article\.yaml:\d+:\d+: error: title: must not be empty/);
    OUTPUTS.forEach((name, i) => expect(readFileSync(join(folder, name)).equals(before[i]!), name).toBe(true));
    expect(readdirSync(folder).sort()).toEqual(OUTPUTS);
  });

  it('reports an output path blocked by a file (as root, where permissions do not stop writes)', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const result = run(['build', SEED_DATA, '--out', join(dir, 'blocker')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: cannot write the documents: .*nothing was changed/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'blocker'), 'utf8')).toBe('a file, not a folder');
  });

  it('refuses unknown options and commands with exit 1', () => {
    expect(run(['build', '--paper', 'a3']).stderr).toMatch(/--paper: expected a4 or letter, got "a3"/);
    expect(run(['build', '--paper', 'a3']).status).toBe(1);
    expect(run(['frobnicate']).status).toBe(1);
    expect(run(['build', '--bogus']).status).toBe(1);
  });
});

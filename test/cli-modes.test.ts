// Tests src/cli.ts's ways of printing: the progress line on a terminal only (with the time left), --quiet, --verbose,
// colour and NO_COLOR, and `briefkit watch` as a user runs it (a save rebuilds, a broken save keeps the last good files).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, progressLine, wantsColour, type CliIo } from '../src/cli.js';
import { PROJECT_ROOT } from '../src/pipeline/build.js';
import { SEED_DATA } from './support/seed.js';

const seedText = readFileSync(SEED_DATA, 'utf8');

/** Two seed articles (ids of their own) and a broken one, in a fresh folder. */
function articles(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-modes-'));
  const files = ['a', 'b'].map((name) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, seedText.replace(/^id: .*$/m, `id: article-${name}`));
    return file;
  });
  const broken = join(dir, 'c.yaml');
  writeFileSync(broken, seedText.replace(/^lang: en$/m, 'lang: xx'));
  return { dir, files: [...files, broken] };
}

async function runMain(args: string[], io: Partial<CliIo>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), ...io });
  return { code, out, err };
}

describe('what the build prints', () => {
  it('on a terminal: a progress line per article with the time left, cleared before each result; exit 1 when one failed', async () => {
    const { dir, files } = articles();
    const { code, err } = await runMain(['build', ...files, '--out', join(dir, 'o'), '--only', 'briefing'], { isTTY: true });
    expect(code).toBe(1);
    const lines = err.split('\r\u001b[K').filter((part) => part.startsWith('['));
    expect(lines.map((line) => line.replace(/ · about \d+ (s|min) left/, ' · about N left').split('\n')[0])).toEqual([
      '[1/3] built a.yaml · about N left', '[2/3] built b.yaml · about N left', '[3/3] failed c.yaml',
    ]);
    expect(err).toMatch(/c\.yaml:\d+:\d+: error: lang: /);
    expect(err.trimEnd().split('\n').pop()!.replaceAll('\r\u001b[K', '')).toMatch(/^3 articles, 2 documents, 1 failed, [\d.]+ s: .*c\.yaml$/);
  }, 240_000);

  it('piped: no progress line and no control characters, the same summary', async () => {
    const { dir, files } = articles();
    const { err } = await runMain(['build', ...files, '--out', join(dir, 'o'), '--only', 'briefing'], { isTTY: false });
    expect(err).not.toMatch(/\u001b|\r|\[\d+\/\d+\]/);
    expect(err).toMatch(/3 articles, 2 documents, 1 failed/);
  }, 240_000);

  it('--quiet: errors only, even on a terminal; --verbose: the steps of each article and their times', async () => {
    const { dir, files } = articles();
    const quiet = await runMain(['build', ...files, '--out', join(dir, 'q'), '--only', 'briefing', '--quiet'], { isTTY: true });
    expect(quiet.code).toBe(1);
    expect(quiet.out).toBe('');
    expect(quiet.err.trim().split('\n')).toEqual([expect.stringMatching(/c\.yaml:\d+:\d+: error: lang: /)]);
    const verbose = await runMain(['build', files[0]!, '--out', join(dir, 'v'), '--only', 'briefing', '--verbose'], { isTTY: false });
    expect(verbose.code).toBe(0);
    expect(verbose.err).toMatch(/^building 1 article into .*v\/, 1 at a time$/m);
    expect(verbose.err).toMatch(/a\.yaml: \d+ ms: load \d+, environment \d+, render \d+, parse \d+, layout \d+, export \d+$/m);
    const both = await runMain(['build', files[0]!, '--quiet', '--verbose'], {});
    expect(both.code).toBe(1);
    expect(both.err).toMatch(/--quiet and --verbose/);
  }, 240_000);

  it('colours "error" and "warning" only when asked, and NO_COLOR (non-empty) or TERM=dumb turns it off', async () => {
    const { dir, files } = articles();
    const coloured = await runMain(['build', files[0]!, files[2]!, '--out', join(dir, 'c'), '--only', 'briefing'], { colour: true });
    expect(coloured.err).toContain('\u001b[31merror\u001b[39m: lang: ');
    expect(coloured.err).toContain('\u001b[33mwarning\u001b[39m: sections[2]');
    const plain = await runMain(['build', files[0]!, files[2]!, '--out', join(dir, 'p'), '--only', 'briefing'], { colour: false });
    expect(plain.err).not.toContain('\u001b');
    expect(wantsColour({}, true)).toBe(true);
    expect(wantsColour({}, false)).toBe(false);
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColour({ TERM: 'dumb' }, true)).toBe(false);
  }, 240_000);

  it('estimates the time left from the mean time per article so far', () => {
    expect(progressLine({ file: 'd/x.yaml', failed: false }, 2, 10, 3000)).toBe('[2/10] built x.yaml · about 12 s left');
    expect(progressLine({ file: 'x.yaml', failed: false }, 1, 200, 1000)).toBe('[1/200] built x.yaml · about 3 min left');
    expect(progressLine({ file: 'x.yaml', failed: true }, 5, 5, 1000)).toBe('[5/5] failed x.yaml');
  });
});

describe('briefkit watch, run as a user runs it', () => {
  it('builds, rebuilds on a save, prints a broken save\'s error and keeps the last good files, ends on Ctrl-C with 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-watch-cli-'));
    const article = join(dir, 'a.yaml');
    cpSync(SEED_DATA, article);
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefkit.js'), 'watch', 'a.yaml', '--out', 'out', '--only', 'briefing'], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    let out = '';
    let err = '';
    const waiters: { test: () => boolean; resolve: () => void }[] = [];
    const check = () => waiters.splice(0).forEach((w) => (w.test() ? w.resolve() : waiters.push(w)));
    child.stdout.on('data', (chunk) => { out += chunk; check(); });
    child.stderr.on('data', (chunk) => { err += chunk; check(); });
    const until = (test: () => boolean, what: string) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited for ${what}; stdout: ${out}\nstderr: ${err}`)), 120_000);
      waiters.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
      check();
    });
    try {
      await until(() => /watching 1 article/.test(out), 'the first build');
      expect(out).toMatch(/^built a\.yaml → out\/lukashenko-occupied-territories\/ in \d+ ms$/m);
      const good = readFileSync(join(dir, 'out', 'lukashenko-occupied-territories', 'briefing.pdf'));
      writeFileSync(article, seedText.replace(/^title: .*$/m, 'title: Saved once'));
      await until(() => /\(a\.yaml saved\)/.test(out), 'the rebuild');
      const saved = readFileSync(join(dir, 'out', 'lukashenko-occupied-territories', 'briefing.pdf'));
      expect(saved.equals(good)).toBe(false);
      writeFileSync(article, seedText.replace(/^lang: en$/m, 'lang: xx'));
      await until(() => /not rebuilt/.test(err), 'the broken save');
      expect(err).toMatch(/a\.yaml:\d+:\d+: error: lang: /);
      expect(err).toMatch(/^a\.yaml: not rebuilt \(a\.yaml saved\); the last good documents stay$/m);
      expect(readFileSync(join(dir, 'out', 'lukashenko-occupied-territories', 'briefing.pdf')).equals(saved)).toBe(true);
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
  }, 300_000);
});

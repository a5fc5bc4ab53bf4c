// The start-up snapshot (scripts/snapshot.mjs, started by bin/briefkit.js): the same bytes as a build without it, for the
// seed it was taken after and for other articles, and the plain start when it is missing or does not fit.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/pipeline/build.js';
import { SEED_DATA, SEED_TEXT } from './support/seed.js';

const BUNDLE = join(PROJECT_ROOT, 'lib', 'bundle');
const STRESS = join(PROJECT_ROOT, 'test', 'fixtures', 'stress');

interface Run {
  /** What the launcher said it took (BRIEFKIT_SNAPSHOT=trace). */
  trace: string;
  /** Document bytes by article id and name. */
  documents: Record<string, Buffer>;
}

/** Builds `files` with bin/briefkit.js of `root`; `snapshot` '0' turns the snapshot off. */
function build(root: string, files: string[], snapshot: 'trace' | '0' = 'trace'): Run {
  const out = mkdtempSync(join(tmpdir(), 'briefkit-snapshot-out-'));
  const run = spawnSync(process.execPath, [join(root, 'bin', 'briefkit.js'), 'build', ...files, '--out', out, '--quiet', '--jobs', '1'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', SOURCE_DATE_EPOCH: '1700000000', BRIEFKIT_SNAPSHOT: snapshot },
  });
  expect(run.status, run.stderr).toBe(0);
  return { trace: traceOf(run.stderr), documents: documentsIn(out) };
}

/** What the launcher of `root` says it takes, for a command that builds nothing. */
function takes(root: string): string {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'briefkit.js'), '--version'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', BRIEFKIT_SNAPSHOT: 'trace' } });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
  return traceOf(run.stderr);
}

const traceOf = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('briefkit: ')).join('\n');

function documentsIn(out: string): Record<string, Buffer> {
  const documents: Record<string, Buffer> = {};
  for (const id of readdirSync(out)) for (const name of readdirSync(join(out, id))) documents[`${id}/${name}`] = readFileSync(join(out, id, name));
  rmSync(out, { recursive: true, force: true });
  return documents;
}

/** A copy of the package (bin/ and lib/bundle/ copied, the rest linked) whose snapshot claims to be made for it. */
function copyPackage(): { root: string; meta: Record<string, unknown> & { files: [string, number, number][] } } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'briefkit-snapshot-pkg-')));
  cpSync(join(PROJECT_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(BUNDLE, join(root, 'lib', 'bundle'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'templates'), join(root, 'templates'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  const meta = JSON.parse(readFileSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.json'), 'utf8'));
  meta.bundleDir = join(root, 'lib', 'bundle');
  writeFileSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.json'), JSON.stringify(meta));
  return { root, meta };
}

const writeMeta = (root: string, meta: object) => writeFileSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.json'), JSON.stringify(meta));

describe('the start-up snapshot', () => {
  it('was made by the compile, for this package', () => {
    expect(existsSync(join(BUNDLE, 'briefkit.snapshot.blob'))).toBe(true);
    const meta = JSON.parse(readFileSync(join(BUNDLE, 'briefkit.snapshot.json'), 'utf8'));
    expect(meta.bundleDir).toBe(realpathSync(BUNDLE));
    // What the seed build read, whose change makes the snapshot stale: the templates and the fonts at least.
    expect(meta.files.map(([file]: [string]) => file)).toEqual(expect.arrayContaining([join(realpathSync(PROJECT_ROOT), 'templates', 'briefing.md.hbs'), expect.stringMatching(/\.ttf$/)]));
  });

  it('builds the same bytes as a start without it: the seed, and articles it was not taken after', () => {
    const imported = join(mkdtempSync(join(tmpdir(), 'briefkit-snapshot-import-')), 'seed-000.yaml');
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefkit.js'), 'import', SEED_TEXT, '-o', imported], { encoding: 'utf8', env: { ...process.env, BRIEFKIT_SNAPSHOT: '0' } });
    expect(run.status, run.stderr).toBe(0);
    // One at a time: each article as the first one a process builds, then two in one process.
    for (const files of [[SEED_DATA], [imported], [join(STRESS, 'belarusian.yaml')], [join(STRESS, 'tables.yaml'), imported]]) {
      const plain = build(PROJECT_ROOT, files, '0');
      const snapshot = build(PROJECT_ROOT, files);
      expect(snapshot.trace).toBe('briefkit: starting from the snapshot');
      expect(Object.keys(snapshot.documents).length).toBe(4 * files.length);
      expect(snapshot.documents).toEqual(plain.documents);
    }
  });

  it('is not used for a batch on worker threads (they start from the bundle), and the batch is the same', () => {
    const files = [join(STRESS, 'belarusian.yaml'), join(STRESS, 'tables.yaml')];
    const out = mkdtempSync(join(tmpdir(), 'briefkit-snapshot-batch-'));
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefkit.js'), 'build', ...files, '--out', out, '--quiet', '--jobs', '2'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', SOURCE_DATE_EPOCH: '1700000000', BRIEFKIT_SNAPSHOT: 'trace' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(traceOf(run.stderr)).toBe('briefkit: no snapshot: a batch builds on worker threads, which do not start from it');
    expect(documentsIn(out)).toEqual(build(PROJECT_ROOT, files, '0').documents);
    // One at a time (--jobs 1) they are built in the process itself, which then starts from the snapshot.
    expect(build(PROJECT_ROOT, files).trace).toBe('briefkit: starting from the snapshot');
  });

  it('is not used when missing, stale or made for another node, and the build is the same', () => {
    const expected = build(PROJECT_ROOT, [SEED_DATA], '0').documents;
    const { root, meta } = copyPackage();
    // The premise: the copy's snapshot is taken, once it names the copy's folder.
    expect(takes(root)).toBe('briefkit: starting from the snapshot');

    writeMeta(root, { ...meta, bundleDir: BUNDLE.replace(/bundle$/, 'elsewhere') });
    expect(takes(root)).toMatch(/^briefkit: no snapshot: made for .*elsewhere$/);

    writeMeta(root, { ...meta, node: 'v0.0.0' });
    expect(takes(root)).toMatch(/^briefkit: no snapshot: made by node v0\.0\.0/);

    writeMeta(root, { ...meta, buildId: '11111111-2222-4333-8444-555555555555' });
    expect(takes(root)).toBe('briefkit: no snapshot: made for another build of the bundle');

    // A template (or a font) changed since the snapshot was taken: its compiled copy in the snapshot would be stale.
    const template = meta.files.find(([file]) => file.endsWith('briefing.md.hbs'))!;
    writeMeta(root, { ...meta, files: meta.files.map((entry) => (entry === template ? [entry[0], entry[1] - 1000, entry[2]] : entry)) });
    const stale = build(root, [SEED_DATA]);
    expect(stale.trace).toBe(`briefkit: no snapshot: ${template[0]} changed since`);
    expect(stale.documents).toEqual(expected);

    writeMeta(root, meta);
    rmSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.blob'));
    expect(takes(root)).toBe('briefkit: no snapshot: the snapshot file is missing, or not the one made');

    rmSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.json'));
    const missing = build(root, [SEED_DATA]);
    expect(missing.trace).toBe('briefkit: no snapshot: none made (lib/bundle/briefkit.snapshot.json)');
    expect(missing.documents).toEqual(expected);
    rmSync(root, { recursive: true, force: true });
  });

  describe('bin/briefkit, the shell launcher npm puts on the PATH', () => {
    const SH = join(PROJECT_ROOT, 'bin', 'briefkit');
    const shell = (root: string, args: string[], env: Record<string, string> = {}) =>
      spawnSync(join(root, 'bin', 'briefkit'), args, { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', SOURCE_DATE_EPOCH: '1700000000', BRIEFKIT_SNAPSHOT: 'trace', ...env } });
    /** What the shell launcher (or bin/briefkit.js after it) says it takes for `args`, which fail after the choice (a bad --paper) unless they build nothing. */
    const shellTakes = (args: string[], env: Record<string, string> = {}, root = PROJECT_ROOT) => traceOf(shell(root, [...args], env).stderr);
    const FROM_SHELL = 'briefkit: starting from the snapshot (bin/briefkit)';

    it('starts node from the snapshot itself when it fits, and builds the same bytes', () => {
      expect(existsSync(SH)).toBe(true);
      expect(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).bin).toEqual({ briefkit: 'bin/briefkit' });
      expect(shellTakes(['--version'])).toBe(FROM_SHELL);
      const out = mkdtempSync(join(tmpdir(), 'briefkit-snapshot-sh-'));
      const run = shell(PROJECT_ROOT, ['build', SEED_DATA, '--out', out, '--quiet']);
      expect(run.status, run.stderr).toBe(0);
      expect(traceOf(run.stderr)).toBe(FROM_SHELL);
      expect(documentsIn(out)).toEqual(build(PROJECT_ROOT, [SEED_DATA], '0').documents);
    });

    it('decides a batch as bin/briefkit.js does: several articles (files, a folder, after --) on workers are left to it', () => {
      const folder = mkdtempSync(join(tmpdir(), 'briefkit-snapshot-sh-folder-'));
      writeFileSync(join(folder, 'a.yaml'), readFileSync(SEED_DATA));
      writeFileSync(join(folder, 'b.md'), '# B\n\nText.\n');
      writeFileSync(join(folder, 'notes.pdf'), '');
      const one = join(mkdtempSync(join(tmpdir(), 'briefkit-snapshot-sh-one-')), 'only.yaml');
      writeFileSync(one, readFileSync(SEED_DATA));
      const batch = 'briefkit: no snapshot: a batch builds on worker threads, which do not start from it';
      const bad = ['--paper', 'bogus'];
      const cases: [string[], string][] = [
        [['build', SEED_DATA, ...bad], FROM_SHELL],
        [['build', '--out', 'somewhere', SEED_DATA, ...bad], FROM_SHELL],
        [['build', '-o', join(STRESS, 'tables.yaml'), SEED_DATA, ...bad], FROM_SHELL], // -o takes the next word
        [['build', SEED_DATA, join(STRESS, 'tables.yaml'), ...bad], batch],
        [['build', SEED_DATA, join(STRESS, 'tables.yaml'), '--jobs', '1', ...bad], FROM_SHELL],
        [['build', SEED_DATA, join(STRESS, 'tables.yaml'), '-j', '2', ...bad], batch],
        [['build', SEED_DATA, join(STRESS, 'tables.yaml'), '--jobs=1', ...bad], FROM_SHELL],
        [['build', folder, ...bad], batch],
        [['build', join(one, '..'), ...bad], FROM_SHELL],
        [['build', ...bad, '--', SEED_DATA, '--strange-name.yaml'], batch],
        [['import', SEED_DATA, SEED_DATA, '--help'], FROM_SHELL],
      ];
      for (const [args, expected] of cases) {
        expect(shellTakes(args), args.join(' ')).toBe(expected);
        // bin/briefkit.js, asked the same, takes the same (or starts from the snapshot where the shell did).
        const js = traceOf(spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefkit.js'), ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', BRIEFKIT_SNAPSHOT: 'trace' } }).stderr);
        expect(js, args.join(' ')).toBe(expected === FROM_SHELL ? 'briefkit: starting from the snapshot' : expected);
      }
    });

    it('leaves the choice to bin/briefkit.js when turned off, given NODE_OPTIONS, copied, or a file it read changed', () => {
      expect(shellTakes(['--version'], { BRIEFKIT_SNAPSHOT: '0' })).toBe('');
      expect(shellTakes(['--version'], { NODE_OPTIONS: '--no-warnings' })).toBe('briefkit: no snapshot: node was started with options');
      const { root } = copyPackage();
      // The copy's stamp names the blob of the package it was copied from: not the copy's own.
      expect(shellTakes(['--version'], {}, root)).toBe('briefkit: starting from the snapshot');
      const stampFile = join(root, 'lib', 'bundle', 'briefkit.snapshot.stamp');
      const files = readFileSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.files'), 'utf8').split('\0');
      writeFileSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.files'), [files[0], join(root, 'lib', 'bundle', 'briefkit.snapshot.blob'), ...files.slice(2)].join('\0'));
      const stamp = spawnSync('xargs', ['-0', 'stat', '-L', '--printf', '%s:%.9Y:%i '], { input: readFileSync(join(root, 'lib', 'bundle', 'briefkit.snapshot.files')), encoding: 'utf8' }).stdout;
      writeFileSync(stampFile, stamp);
      expect(shellTakes(['--version'], {}, root)).toBe(FROM_SHELL);
      // One file's stamp differs (as after an edit of a template): the shell does not trust the snapshot.
      writeFileSync(stampFile, stamp.replace(/^(\d+):/, (_, size: string) => `${Number(size) + 1}:`));
      expect(shellTakes(['--version'], {}, root)).toBe('briefkit: starting from the snapshot');
      rmSync(stampFile);
      expect(shellTakes(['--version'], {}, root)).toBe('briefkit: starting from the snapshot');
      rmSync(root, { recursive: true, force: true });
    });
  });
});

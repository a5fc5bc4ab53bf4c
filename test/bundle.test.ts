// The bundle as start-up reads it (scripts/bundle.mjs): the script, its code cache accepted by V8, and a stale cache ignored.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { PROJECT_ROOT } from '../src/pipeline/build.js';
import { SEED_DATA } from './support/seed.js';

const BUNDLE = join(PROJECT_ROOT, 'lib', 'bundle');

/** The seed built by a copy of the package whose lib/bundle/ is `bundle`: the documents' bytes by name. */
function buildWith(bundle: string): Record<string, Buffer> {
  const root = mkdtempSync(join(tmpdir(), 'briefkit-bundle-'));
  cpSync(join(PROJECT_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(bundle, join(root, 'lib', 'bundle'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'templates'), join(root, 'templates'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  const out = join(root, 'out');
  const run = spawnSync(process.execPath, [join(root, 'bin', 'briefkit.js'), 'build', SEED_DATA, '--out', out, '--quiet'], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  expect(run.status, run.stderr).toBe(0);
  const folder = join(out, 'lukashenko-occupied-territories');
  return Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
}

describe('the bundle and its code cache', () => {
  it('holds a code cache that V8 accepts for the script it was made from', () => {
    const source = readFileSync(join(BUNDLE, 'briefkit.cjs'), 'utf8');
    const buildId = source.slice(source.lastIndexOf('briefkit-build ') + 15).trim();
    const cache = readFileSync(join(BUNDLE, 'briefkit.code-cache'));
    expect(cache.subarray(0, buildId.length).toString('latin1')).toBe(buildId);
    const script = new Script(source, { filename: join(BUNDLE, 'briefkit.cjs'), cachedData: cache.subarray(buildId.length) });
    expect(script.cachedDataRejected).toBe(false);
    // A cache of more than the top level: the functions one seed build compiled are in it.
    expect(cache.length).toBeGreaterThan(source.length / 2);
  });

  it('builds the same bytes with the cache and without one', () => {
    const withCache = buildWith(BUNDLE);
    const none = mkdtempSync(join(tmpdir(), 'briefkit-nocache-'));
    cpSync(join(BUNDLE, 'briefkit.cjs'), join(none, 'briefkit.cjs'));
    cpSync(join(BUNDLE, 'briefkit.mjs'), join(none, 'briefkit.mjs'));
    expect(buildWith(none)).toEqual(withCache);
    expect(Object.keys(withCache).sort()).toEqual(['briefing.pdf', 'handout.pdf', 'slides.pdf', 'slides.pptx']);
  });

  it('ignores the cache of another build of the same length, which V8 alone would run', () => {
    // A rebuilt script of the same length (one string changed, a new id) beside the old cache.
    const rebuilt = mkdtempSync(join(tmpdir(), 'briefkit-stale-'));
    cpSync(BUNDLE, rebuilt, { recursive: true });
    const source = readFileSync(join(rebuilt, 'briefkit.cjs'), 'utf8');
    const oldId = source.slice(source.lastIndexOf('briefkit-build ') + 15).trim();
    const newId = '11111111-2222-4333-8444-555555555555';
    expect(source).toContain('briefkit (pdfkit)');
    writeFileSync(join(rebuilt, 'briefkit.cjs'), source.replace('briefkit (pdfkit)', 'briefkit (PDFKIT)').replace(oldId, newId));
    const producer = (documents: Record<string, Buffer>) => /Producer>([^<]*)</.exec(documents['briefing.pdf']!.toString('latin1'))?.[1];
    expect(producer(buildWith(rebuilt))).toBe('briefkit (PDFKIT)');
    // The premise: the same cache under the new id is taken by V8 and runs the old code (what the id check prevents).
    const cache = readFileSync(join(rebuilt, 'briefkit.code-cache'));
    writeFileSync(join(rebuilt, 'briefkit.code-cache'), Buffer.concat([Buffer.from(newId, 'latin1'), cache.subarray(oldId.length)]));
    expect(producer(buildWith(rebuilt))).toBe('briefkit (pdfkit)');
  });
});

// The package as a user installs it: `npm pack`, installed in an empty folder, gives a working CLI, JavaScript API and types.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../src/pipeline/build.js';
import { SEED_DATA } from './support/seed.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const sh = (command: string, args: string[], options: SpawnSyncOptions) => {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', ...options.env } });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
};

describe('the packed package, installed in an empty folder', () => {
  let consumer: string;
  let tarball: string;
  let installLog: string;

  beforeAll(() => {
    const packs = mkdtempSync(join(tmpdir(), 'briefkit-pack-'));
    // lib/ is compiled by pretest; packing without prepack keeps other tests' bundle from being rewritten under them.
    const packed = sh(NPM, ['pack', '--ignore-scripts', '--pack-destination', packs, '--silent'], { cwd: PROJECT_ROOT });
    expect(packed.status, packed.stderr).toBe(0);
    tarball = join(packs, readdirSync(packs).find((name) => name.endsWith('.tgz'))!);
    consumer = mkdtempSync(join(tmpdir(), 'briefkit-consumer-'));
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    const installed = sh(NPM, ['install', tarball, '@types/node@20'], { cwd: consumer });
    installLog = installed.stdout + installed.stderr;
    expect(installed.status, installLog).toBe(0);
    // The article as data, the way a caller's program has it (no YAML parser of ours involved).
    writeFileSync(join(consumer, 'seed.json'), JSON.stringify(parse(readFileSync(SEED_DATA, 'utf8'))));
    writeFileSync(join(consumer, 'seed.yaml'), readFileSync(SEED_DATA));
  });

  it('ships the bundle, the types, the templates and the bin, and no tests or sources', () => {
    const listed = sh('tar', ['tzf', tarball], {}).stdout.split('\n');
    expect(listed).toEqual(expect.arrayContaining(['package/bin/briefkit.js', 'package/lib/bundle/briefkit.mjs', 'package/lib/bundle/briefkit.cjs', 'package/lib/bundle/briefkit.code-cache', 'package/lib/bundle/world-index.json', 'package/lib/bundle/world-arcs.bin', 'package/lib/bundle/pdfjs/pdf.min.mjs', 'package/lib/index.d.ts', 'package/templates/theme.yaml', 'package/templates/slides.md.hbs']));
    expect(listed.filter((name) => /^package\/(src|test|data)\//.test(name))).toEqual([]);
    // The start-up snapshot is made for the folder it was compiled in, which an installed package is not.
    expect(listed.filter((name) => name.includes('snapshot'))).toEqual([]);
  });

  it('installs without warnings of ours (no peer-dependency or install-script warnings)', () => {
    expect(installLog).not.toMatch(/npm warn/i);
  });

  it('npx briefkit build makes the four documents', () => {
    const result = sh('npx', ['briefkit', 'build', 'seed.yaml', '--out', 'o'], { cwd: consumer });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(consumer, 'o', 'lukashenko-occupied-territories')).sort()).toEqual(['briefing.pdf', 'handout.pdf', 'slides.pdf', 'slides.pptx']);
  });

  it('import { build } from JavaScript gives four non-empty documents, and a bad object names its field', () => {
    writeFileSync(join(consumer, 'use.mjs'), [
      "import { readFileSync } from 'node:fs';",
      "import { build, BriefkitError } from 'briefkit';",
      "const result = await build(JSON.parse(readFileSync('seed.json', 'utf8')), { sourceDateEpoch: 1700000000 });",
      "console.log(JSON.stringify(result.documents.map((d) => [d.name, d.bytes.length])));",
      'try { await build({ title: 1 }); } catch (error) { console.log(JSON.stringify({ typed: error instanceof BriefkitError, fields: error.diagnostics.map((d) => d.path) })); }',
    ].join('\n'));
    const result = sh(process.execPath, ['use.mjs'], { cwd: consumer });
    expect(result.status, result.stderr).toBe(0);
    const [documents, failure] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(documents.map((d: [string, number]) => d[0])).toEqual(['briefing.pdf', 'slides.pptx', 'slides.pdf', 'handout.pdf']);
    for (const [, size] of documents) expect(size).toBeGreaterThan(10_000);
    expect(failure.typed).toBe(true);
    expect(failure.fields).toEqual(expect.arrayContaining(['title', 'id', 'lang']));
  });

  it('its types check a TypeScript caller under tsc --strict (without skipLibCheck), and refuse a wrong call', () => {
    const caller = [
      "import { build, importArticle, loadArticle, OUTPUT_IDS, type Article, type BuildResult, type OutputId } from 'briefkit';",
      "const loaded: { article: Article } = loadArticle('seed.yaml');",
      'const only: OutputId[] = [OUTPUT_IDS[0]];',
      "const result: BuildResult = await build(loaded.article, { only, paper: 'letter' });",
      'const names: string[] = result.documents.map((d) => d.name);',
      "const title: string = importArticle('Title\\n\\nA paragraph.', { lang: 'en' }).article.title;",
      'console.log(names, title);',
    ];
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false }, files: ['use.ts'] }));
    const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(join(consumer, 'use.ts'), caller.join('\n'));
    const good = sh(process.execPath, [tsc, '-p', '.'], { cwd: consumer });
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    // The checker is not blind: a number is not an article source, and "pdf" is not an output.
    writeFileSync(join(consumer, 'use.ts'), [...caller, 'await build(42);', "const wrong: OutputId = 'pdf';"].join('\n'));
    const bad = sh(process.execPath, [tsc, '-p', '.'], { cwd: consumer });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/use\.ts\(8,\d+\): error TS2345/);
    expect(bad.stdout).toMatch(/use\.ts\(9,\d+\): error TS2322/);
  });
});

// Compiled library and CLI (lib/entry.js) in; lib/bundle/ out: briefkit.cjs (one script), briefkit.mjs (its ES module face,
// loading the script with V8's code cache), briefkit.code-cache (the cache, made by building the seed once), the map's world-index.json + world-arcs.bin, and pdfjs/;
// then briefkit.snapshot.blob + .json, a V8 start-up snapshot taken after a seed build, which bin/briefkit.js starts from (scripts/snapshot.mjs).
// pdfkit is bundled too: it would read data files relative to its folder only for the 14 standard fonts, which briefkit never uses.
// The picture libraries stay outside, loaded only when a picture needs them: sharp and resvg are native (prebuilt
// binaries from npm), svg-to-pdfkit and fast-xml-parser are read only for an SVG.
import { build } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { pathToFileURL } from 'node:url';
import { makeSnapshot } from './snapshot.mjs';

const minify = process.env.BRIEFKIT_BUNDLE_MINIFY !== '0';
const result = await build({
  entryPoints: ['lib/entry.js'],
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['sharp', '@resvg/resvg-js', 'svg-to-pdfkit', 'fast-xml-parser'],
  minify,
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  // The script is run by the loader below, which gives it the module's URL (where templates/ and the fonts are found from).
  define: { 'import.meta.url': '__briefkitModuleUrl' },
});
// The cache is only used with the very script it was made from: V8 itself checks little more than the length.
const buildId = randomUUID();
// A script run with a code cache loses its dynamic-import hook (Node 20): pptxgenjs's import() of node:fs and node:https
// become require(), the only ones the bundle has; any other is refused here rather than failing at run time.
const body = result.outputFiles[0].text.replace(/\bimport\("(node:[a-z]+)"\)/g, 'Promise.resolve({ default: require("$1") })');
const dynamicImport = /[^\w$.`]import\((?!\))/.exec(body);
if (dynamicImport) throw new Error(`bundle: a dynamic import() the code cache cannot run: ${body.slice(dynamicImport.index, dynamicImport.index + 80)}`);
// The default templates compiled now (src/render/templates.ts looks them up by a key of their source): their render
// functions are then part of the script, and of its code cache, instead of made by new Function at every start.
const { collectTemplateSpecs } = await import('../lib/render/templates.js');
const { loadTemplates, forgetTemplates } = await import('../lib/render/render.js');
const { DIRECTIVE_NAMES } = await import('../lib/parse/parse.js');
const specs = collectTemplateSpecs(() => {
  forgetTemplates();
  loadTemplates(join(process.cwd(), 'templates'), DIRECTIVE_NAMES);
});
const precompiled = `var __briefkitPrecompiledTemplates = {${Object.entries(specs).map(([key, spec]) => `${JSON.stringify(key)}: ${spec}`).join(',\n')}};\n`;
const script = `(function (exports, require, module, __filename, __dirname, __briefkitModuleUrl) {${precompiled}${body}\n})\n//# briefkit-build ${buildId}\n`;
mkdirSync('lib/bundle', { recursive: true });
writeFileSync('lib/bundle/briefkit.cjs', script);
rmSync('lib/bundle/briefkit.code-cache', { force: true });
rmSync('lib/bundle/briefkit.snapshot.blob', { force: true });
rmSync('lib/bundle/briefkit.snapshot.json', { force: true });
// The names the library exports, read off the script itself.
const scriptFile = join(process.cwd(), 'lib/bundle/briefkit.cjs');
const probe = { exports: {} };
new Script(script, { filename: scriptFile }).runInThisContext()(probe.exports, createRequire(scriptFile), probe, scriptFile, dirname(scriptFile), pathToFileURL(join(dirname(scriptFile), 'briefkit.mjs')).href);
const exports = Object.keys(probe.exports).sort();

const loader = `// The bundle's ES module face: runs briefkit.cjs with V8's code cache (compiled functions saved when the package was built).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';

const scriptFile = fileURLToPath(new URL('./briefkit.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('./briefkit.code-cache', import.meta.url));
const source = readFileSync(scriptFile, 'utf8');
const buildId = source.slice(source.lastIndexOf('briefkit-build ') + 15).trim();
let cachedData;
try {
  const cache = readFileSync(cacheFile);
  if (cache.subarray(0, buildId.length).toString('latin1') === buildId) cachedData = cache.subarray(buildId.length);
} catch {}
const script = new Script(source, { filename: scriptFile, ...(cachedData ? { cachedData } : {}) });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(scriptFile), module, scriptFile, fileURLToPath(new URL('.', import.meta.url)), import.meta.url);
const out = process.env.BRIEFKIT_WRITE_CODE_CACHE;
if (out) process.once('exit', () => writeFileSync(out, Buffer.concat([Buffer.from(buildId, 'latin1'), script.createCachedData()])));
${exports.map((name) => `export const ${name} = module.exports.${name};`).join('\n')}
`;
writeFileSync('lib/bundle/briefkit.mjs', loader);

// The map's world indexed by bounding box, its arcs in binary: a map decodes only the countries it shows.
const { writeWorldIndex } = await import('../lib/layout/figures/world.js');
writeWorldIndex('lib/bundle');

// The preview page (briefkit watch --serve) draws the PDFs with PDF.js, served from beside the bundle.
mkdirSync('lib/bundle/pdfjs', { recursive: true });
for (const file of ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs']) cpSync(join('node_modules/pdfjs-dist/legacy', file), join('lib/bundle/pdfjs', basename(file)));
cpSync('node_modules/pdfjs-dist/LICENSE', 'lib/bundle/pdfjs/LICENSE');

// The cache holds what one seed build compiled: start-up then compiles almost nothing.
const out = mkdtempSync(join(tmpdir(), 'briefkit-cache-'));
const cacheOut = join(out, 'cache');
const run = spawnSync(process.execPath, ['bin/briefkit.js', 'build', 'data/lukashenko-occupied-territories.yaml', '--out', out, '--quiet', '--jobs', '1'], {
  env: { ...process.env, BRIEFKIT_WRITE_CODE_CACHE: cacheOut, SOURCE_DATE_EPOCH: '0', BRIEFKIT_SNAPSHOT: '0' },
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(`bundle: the seed build that makes the code cache failed (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}
writeFileSync('lib/bundle/briefkit.code-cache', readFileSync(cacheOut));
rmSync(out, { recursive: true, force: true });

// The start-up snapshot (BRIEFKIT_SNAPSHOT=0: none). Without one the CLI starts as before, so a node that cannot make it only warns.
if (process.env.BRIEFKIT_SNAPSHOT !== '0') {
  const failed = makeSnapshot(join(process.cwd(), 'lib/bundle'), join(process.cwd(), 'data/lukashenko-occupied-territories.yaml'));
  if (failed) console.warn(`bundle: no start-up snapshot (the CLI starts without one): ${failed}`);
}

// lib/bundle/briefkit.cjs in; lib/bundle/briefkit.snapshot.blob + briefkit.snapshot.json out: a V8 start-up snapshot of
// the bundle taken after one seed build (fonts parsed, the map decoded, hyphenation patterns, templates compiled, the
// functions compiled), and what bin/briefkit.js checks before starting node with it.
// A snapshot cannot hold some native objects; the entry works round those it meets:
// - Intl objects and TextDecoders (ICU): ones made before the snapshot are stand-ins that make the real one on first
//   use, and forget it when the snapshot is taken; after it, the real constructors are back.
// - RegExps compiled to machine code: the seed build runs with the regexp interpreter (flags restored before the snapshot).
// - user CommonJS run by Node's loader (hyphen's patterns): a deserialized process refuses to start; the entry loads
//   those packages itself until the snapshot is taken, then hands over to Node's require.
// - node:http, node:https, node:worker_threads, node:util: loaded on first use, after the snapshot (a function taken from
//   one before it is a stand-in that loads it when called; the step fails if one of the first three was loaded anyway).
// Made by scripts/bundle.mjs; a failure here leaves no snapshot (the CLI then starts as without one).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Makes the snapshot of `bundleDir`'s briefkit.cjs, building `seed`; returns why not when it could not. */
const SHELL_STAMP_FILES = ['briefkit.snapshot.files', 'briefkit.snapshot.stamp'];

/**
 * For the shell launcher (bin/briefkit), which cannot afford a node to check the snapshot: the files it must find
 * unchanged (node, the blob, the bundle, what the snapshot read), NUL-separated, and what GNU stat says of them (size,
 * modification time to the nanosecond, inode). Without GNU stat, none is written and bin/briefkit leaves the choice to
 * bin/briefkit.js.
 */
function writeShellStamp(bundleDir, files) {
  const stamp = spawnSync('stat', ['-L', '--printf', '%s:%.9Y:%i ', ...files], { encoding: 'utf8' });
  if (stamp.status !== 0) return;
  writeFileSync(join(bundleDir, SHELL_STAMP_FILES[0]), files.join('\0'));
  writeFileSync(join(bundleDir, SHELL_STAMP_FILES[1]), stamp.stdout);
}

export function makeSnapshot(folder, seed) {
  const bundleDir = realpathSync(folder);
  const scriptFile = join(bundleDir, 'briefkit.cjs');
  const script = readFileSync(scriptFile, 'utf8');
  const buildId = script.slice(script.lastIndexOf('briefkit-build ') + 15).trim();
  const blob = join(bundleDir, 'briefkit.snapshot.blob');
  const meta = join(bundleDir, 'briefkit.snapshot.json');
  rmSync(blob, { force: true });
  rmSync(meta, { force: true });
  for (const name of SHELL_STAMP_FILES) rmSync(join(bundleDir, name), { force: true });
  const work = mkdtempSync(join(tmpdir(), 'briefkit-snapshot-'));
  try {
    const entry = join(work, 'entry.cjs');
    const filesOut = join(work, 'files.json');
    writeFileSync(entry, entrySource({ script, scriptFile, bundleDir, moduleUrl: pathToFileURL(join(bundleDir, 'briefkit.mjs')).href, seed, work, out: join(work, 'out'), filesOut }));
    const run = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', `${blob}.tmp`, '--build-snapshot', entry], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (run.status !== 0) return `node --build-snapshot failed (exit ${run.status ?? run.signal}): ${(run.stderr || run.stdout).trim().split('\n').slice(0, 8).join('\n')}`;
    // What the snapshot holds read from disk (templates, fonts, patterns, the map): the launcher checks they are unchanged.
    const files = JSON.parse(readFileSync(filesOut, 'utf8'));
    renameSync(`${blob}.tmp`, blob);
    writeFileSync(meta, `${JSON.stringify({ buildId, node: process.version, execPath: process.execPath, platform: process.platform, arch: process.arch, bundleDir, blobSize: statSync(blob).size, files }, null, 1)}\n`);
    writeShellStamp(bundleDir, [process.execPath, blob, scriptFile, ...files.map(([file]) => file)]);
    return undefined;
  } finally {
    rmSync(`${blob}.tmp`, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

function entrySource({ script, scriptFile, bundleDir, moduleUrl, seed, work, out, filesOut }) {
  const s = JSON.stringify;
  return `'use strict';
const v8 = require('node:v8');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const realModule = require('node:module');
v8.setFlagsFromString('--regexp-interpret-all');
let building = true;

const shims = [];
const stale = [];
for (const [home, name] of [...['Collator', 'DateTimeFormat', 'DisplayNames', 'DurationFormat', 'ListFormat', 'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter'].map((name) => [Intl, name]), [globalThis, 'TextDecoder']]) {
  const Real = home[name];
  if (typeof Real !== 'function') continue;
  shims.push([home, name, Real]);
  home[name] = new Proxy(Real, {
    construct(target, args) {
      const box = { real: Reflect.construct(Real, args), args };
      stale.push(box);
      const real = () => (box.real ??= Reflect.construct(Real, box.args));
      return new Proxy(Object.create(Real.prototype), {
        get(_, key) { const r = real(); const value = Reflect.get(r, key, r); return typeof value === 'function' ? value.bind(r) : value; },
        has(_, key) { return key in real(); },
      });
    },
  });
}

const LATER = new Set(['http', 'https', 'worker_threads', 'util']);
// A module read before the snapshot (fflate takes worker_threads' Worker at its top level) gets stand-ins of its
// functions, which load the module when called.
const later = (id) => {
  let loaded;
  const get = () => (loaded ??= require(id));
  const standIn = (key) => new Proxy(function () {}, { apply: (_, self, args) => Reflect.apply(get()[key], self, args), construct: (_, args, target) => Reflect.construct(get()[key], args) });
  return new Proxy({}, { get: (_, key) => (building && typeof key === 'string' ? standIn(key) : get()[key]), has: (_, key) => key in get(), ownKeys: () => Reflect.ownKeys(get()), getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(get(), key) });
};
const builtin = (id) => (LATER.has(id.replace(/^node:/, '')) ? later(id) : id === 'module' || id === 'node:module' ? moduleShim : require(id));

const loadedHere = new Map();
function createRequire(from) {
  let real;
  const nodeRequire = () => (real ??= realModule.createRequire(from));
  const here = (id) => {
    if (realModule.isBuiltin(id)) return builtin(id);
    if (!building) return nodeRequire()(id);
    const file = nodeRequire().resolve(id);
    let module = loadedHere.get(file);
    if (module) return module.exports;
    if (!/\\.(c?js|json)$/.test(file)) throw new Error('snapshot: cannot load ' + file + ' before the snapshot');
    module = { exports: {}, id: file, filename: file, loaded: false };
    loadedHere.set(file, module);
    const source = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.json')) module.exports = JSON.parse(source);
    else vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file }).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    module.loaded = true;
    return module.exports;
  };
  here.resolve = (id, options) => nodeRequire().resolve(id, options);
  return here;
}
const moduleShim = { __proto__: realModule, createRequire };

// The files the seed build reads (what the snapshot holds of them), but for the seed itself and the output.
const read = new Set();
const watched = ['readFileSync', 'openSync', 'readdirSync', 'existsSync', 'statSync'];
const unwatched = Object.fromEntries(watched.map((name) => [name, fs[name]]));
for (const name of watched) fs[name] = function (file, ...rest) { if (typeof file === 'string' || file instanceof URL) read.add(path.resolve(file instanceof URL ? require('node:url').fileURLToPath(file) : file)); return unwatched[name].call(this, file, ...rest); };

const fn = ${script.trimEnd()}
;
const briefkit = { exports: {} };
fn(briefkit.exports, builtin, briefkit, ${s(scriptFile)}, ${s(bundleDir)}, ${s(moduleUrl)});
const quiet = { out() {}, err(text) { process.stderr.write(text); }, isTTY: false, colour: false };

(async () => {
  process.env.SOURCE_DATE_EPOCH = '0';
  const code = await briefkit.exports.main(['build', ${s(seed)}, '--out', ${s(out)}, '--quiet', '--jobs', '1'], quiet);
  delete process.env.SOURCE_DATE_EPOCH;
  if (code !== 0) throw new Error('the seed build failed (exit ' + code + ')');
  // The write's signal handlers outlive it by a few milliseconds.
  await new Promise((resolve) => setTimeout(resolve, 200));
  Object.assign(fs, unwatched);
  // Loaded before the snapshot, these leave a deserialized process broken (a worker's process.cwd(), http's start-up).
  const early = ['http', 'https', 'worker_threads'].filter((name) => process.moduleLoadList.includes('NativeModule ' + name));
  if (early.length > 0) throw new Error('loaded before the snapshot: ' + early.join(', '));
  const files = [...read].filter((file) => file !== ${s(seed)} && !file.startsWith(${s(work)}) && unwatched.existsSync(file)).sort().map((file) => { const stat = unwatched.statSync(file); return [file, stat.mtimeMs, stat.size]; });
  fs.writeFileSync(${s(filesOut)}, JSON.stringify(files));
  fs.rmSync(${s(out)}, { recursive: true, force: true });
  // The snapshot keeps what any build needs (code, fonts, patterns, the map's data), not the seed's own layouts.
  briefkit.exports.forgetRememberedLayouts();
  v8.startupSnapshot.addSerializeCallback(() => {
    building = false;
    for (const box of stale) box.real = undefined;
    stale.length = 0;
    v8.setFlagsFromString('--no-regexp-interpret-all');
    v8.setFlagsFromString('--regexp-tier-up');
  });
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    for (const [home, name, Real] of shims) home[name] = Real;
    briefkit.exports.main(process.argv.slice(1)).then((code) => { process.exitCode = code; });
  });
})();
`;
}

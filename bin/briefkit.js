#!/usr/bin/env node
// Entry point: runs the compiled CLI (lib/ is built by `npm install` through the prepare script).
// When `npm run compile` made a start-up snapshot of the bundle (scripts/snapshot.mjs) and it fits — this node, this
// folder, the bundle, and the templates, fonts and patterns it holds unchanged — node is started again from it (a
// snapshot can only be given on node's command line): the CLI then starts with its fonts parsed, its map decoded, its
// templates compiled. Otherwise, or with BRIEFKIT_SNAPSHOT=0, the bundle is loaded here as it always was.
// BRIEFKIT_SNAPSHOT=trace prints which of the two it took, and why.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const setting = process.env.BRIEFKIT_SNAPSHOT;
const bundle = fileURLToPath(new URL('../lib/bundle/', import.meta.url));
const refused = setting === '0' ? 'turned off (BRIEFKIT_SNAPSHOT=0)' : onWorkers(args) ? 'a batch builds on worker threads, which do not start from it' : unfit();
if (setting === 'trace') process.stderr.write(`briefkit: ${refused === undefined ? 'starting from the snapshot' : `no snapshot: ${refused}`}\n`);
if (refused === undefined && (await fromSnapshot())) {
  // The child ran the CLI.
} else {
  const { main } = await import('../lib/bundle/briefkit.mjs');
  process.exitCode = await main(args);
}

/**
 * Whether the command builds several articles at once (`build a.yaml b.txt`, a folder, or data/ without arguments):
 * this thread builds a share of them beside worker threads, which start from the bundle, not from the snapshot. Started
 * from the snapshot, such a batch was no faster (100 articles, --jobs 2: 7.1–8.2 s against 7.4–7.8 s) and 40–90 MB
 * bigger.
 */
function onWorkers(commandArgs) {
  if (commandArgs[0] !== 'build') return false;
  const valued = new Set(['--out', '-o', '--paper', '--aspect', '--handout', '--only', '--theme', '--templates', '--jobs', '-j', '--max-input-mb', '--lang']);
  const inputs = [];
  let jobs;
  for (let i = 1; i < commandArgs.length; i++) {
    const arg = commandArgs[i];
    if (arg === '--') {
      inputs.push(...commandArgs.slice(i + 1));
      break;
    }
    if (arg === '--jobs' || arg === '-j') jobs = commandArgs[i + 1];
    else if (arg.startsWith('--jobs=')) jobs = arg.slice(7);
    if (arg.startsWith('-')) {
      if (valued.has(arg)) i++;
      continue;
    }
    inputs.push(arg);
  }
  if (jobs !== undefined && Number(jobs) === 1) return false;
  const articlesIn = (folder) => {
    try {
      return readdirSync(folder).filter((name) => /\.(ya?ml|json|txt|text|md|markdown)$/i.test(name)).length;
    } catch {
      return 0;
    }
  };
  const count = (inputs.length === 0 ? ['data'] : inputs).reduce((sum, input) => sum + (statSync(input, { throwIfNoEntry: false })?.isDirectory() ? articlesIn(input) : 1), 0);
  return count > 1;
}

/** Why the snapshot cannot be used, or undefined when it can. */
function unfit() {
  // Options given to this node (--inspect, a V8 flag) would be lost, or make V8 refuse the snapshot.
  if (process.execArgv.length > 0 || process.env.NODE_OPTIONS) return 'node was started with options';
  let meta;
  try {
    meta = JSON.parse(readFileSync(`${bundle}briefkit.snapshot.json`, 'utf8'));
  } catch {
    return 'none made (lib/bundle/briefkit.snapshot.json)';
  }
  if (meta.node !== process.version || meta.execPath !== process.execPath || meta.platform !== process.platform || meta.arch !== process.arch) return `made by node ${meta.node} at ${meta.execPath}`;
  if (`${meta.bundleDir}/` !== bundle) return `made for ${meta.bundleDir}`;
  try {
    if (statSync(`${bundle}briefkit.snapshot.blob`, { throwIfNoEntry: false })?.size !== meta.blobSize) return 'the snapshot file is missing, or not the one made';
    if (buildId(`${bundle}briefkit.cjs`) !== meta.buildId) return 'made for another build of the bundle';
    for (const [file, mtimeMs, size] of meta.files) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs !== mtimeMs || stat.size !== size) return `${file} changed since`;
    }
  } catch (error) {
    return error.message;
  }
  return undefined;
}

/** The id scripts/bundle.mjs writes at the end of the script. */
function buildId(file) {
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const tail = Buffer.alloc(Math.min(size, 128));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const text = tail.toString('latin1');
    return text.slice(text.lastIndexOf('briefkit-build ') + 15).trim();
  } finally {
    closeSync(fd);
  }
}

/** The CLI run by a node started from the snapshot: same arguments, terminal, environment and exit. */
async function fromSnapshot() {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--snapshot-blob', `${bundle}briefkit.snapshot.blob`, '--', ...args], { stdio: 'inherit' });
  // A signal sent to this process (not only a Ctrl-C, which reaches both) is passed on; the child decides the exit.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  const [code, signal] = await new Promise((resolve) => {
    child.once('error', () => resolve([undefined, undefined]));
    child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  for (const s of signals) process.removeListener(s, forward);
  // Node could not be started again: the CLI runs here.
  if (code === undefined && !signal) return false;
  if (signal) process.kill(process.pid, signal);
  else process.exitCode = code ?? 1;
  return true;
}

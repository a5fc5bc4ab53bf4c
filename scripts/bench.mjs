// Benchmark (npm run bench): whole briefkit processes, timed against yardsticks and, with --baseline DIR, against another
// checkout, always in paired runs (alternating, medians); prints a table; exits 1 only when a build that must work fails.
//
//   node scripts/bench.mjs [--runs N] [--baseline DIR] [--skip-batch]
//
// DIR is another built checkout of briefkit (its bin/briefkit.js and lib/bundle/); each of its cases runs right after
// the same case of this one. Times are wall seconds and CPU seconds (user + sys, all threads); memory is the peak
// resident set (GNU time). The hostile cases (a 1 MB raw text, 2,000 events) are killed after KILL_S seconds and
// reported so: that is a result, not a failure of the bench; a crash (exit 2 or a signal of its own) is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';

const { values: args } = parseArgs({ options: { runs: { type: 'string' }, baseline: { type: 'string' }, 'skip-batch': { type: 'boolean' } } });
const RUNS = Number(args.runs ?? process.env.BENCH_RUNS ?? 5);
const KILL_S = Number(process.env.BENCH_KILL_S ?? 60);
const CORES = availableParallelism();
const HERE = resolve('.');
const BASE = args.baseline ? resolve(args.baseline) : undefined;
const SEED = join(HERE, 'data', 'lukashenko-occupied-territories.yaml');
const SEED_TEXT = join(HERE, 'test', 'fixtures', 'seed-000.txt');
const work = mkdtempSync(join(tmpdir(), 'briefkit-bench-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' };
let failedBuilds = 0;

if (spawnSync('/usr/bin/time', ['-f', '%M', 'true']).error) {
  console.error('bench: /usr/bin/time (GNU time) is needed for peak memory; apt-get install time');
  process.exit(1);
}

/** One process under GNU time (and `timeout`, so that a hostile case ends): wall, cpu, peak MiB, exit status. */
function measure(command, commandArgs, { killAfterS = 600, cwd = HERE } = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '\n%U %S %M', 'timeout', '-k', '5', String(killAfterS), command, ...commandArgs], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, sys, kib] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  // timeout ends the build with SIGTERM (then SIGKILL 5 s later) and exits 124 (137), keeping the child's usage for GNU time.
  const killed = run.status === 124 || run.status === 137;
  return { wallS, cpuS: user + sys, peakMiB: kib / 1024, status: killed ? 'killed' : run.status, stdout: run.stdout, stderr: run.stderr };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

/** `runs` rounds of every variant in turn (the order rotating each round), then each variant's medians. */
function paired(variants, runs) {
  const results = variants.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + round) % variants.length;
      results[i].push(variants[i]());
    }
  }
  return results;
}

const summary = (runs) => ({
  wallS: median(runs.map((r) => r.wallS)), cpuS: median(runs.map((r) => r.cpuS)), peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
  status: runs.find((r) => r.status !== 0)?.status ?? 0, stderr: runs.find((r) => r.status !== 0)?.stderr ?? '',
});

// The command as npm puts it on the PATH (bin/briefkit, a shell launcher), or bin/briefkit.js where a checkout has none.
const briefkit = (root, ...rest) => () =>
  existsSync(join(root, 'bin', 'briefkit')) ? measure(join(root, 'bin', 'briefkit'), ['build', ...rest]) : measure(process.execPath, [join(root, 'bin', 'briefkit.js'), 'build', ...rest]);
const roots = BASE ? [['now', HERE], ['baseline', BASE]] : [['now', HERE]];
const rows = [];
const row = (what, cells, note = '') => rows.push({ what, cells, note });

// Inputs: the seed; 100 copies (ids of their own); a 20× article; 2,000 events; a 1 MB raw text.
const seed = parse(readFileSync(SEED, 'utf8'));
const batchDir = join(work, 'batch');
mkdirSync(batchDir);
for (let i = 0; i < 100; i++) writeFileSync(join(batchDir, `a${String(i).padStart(3, '0')}.yaml`), stringify({ ...seed, id: `bench-${i}` }));
// 100 articles of the seed's size whose every paragraph differs from the others' (remembered layouts do not help them;
// the places, and so the map, are the same: an office's briefings are about one region).
const distinctDir = join(work, 'distinct');
mkdirSync(distinctDir);
for (let i = 0; i < 100; i++) writeFileSync(join(distinctDir, `d${String(i).padStart(3, '0')}.yaml`), stringify(editedSeed(i)));

/** The seed with every paragraph and heading changed by the number n (and its sections in another order). */
function editedSeed(n) {
  const sections = seed.sections.map((section, k) => ({
    ...section,
    heading: `${section.heading} (${n})`,
    paragraphs: section.paragraphs.map((p, j) => (typeof p === 'string' ? `${p} Note ${n}.${k}.${j} of the series.` : p)),
  }));
  const turn = n % sections.length;
  return { ...seed, id: `distinct-${n}`, title: `${seed.title} (${n})`, sections: [...sections.slice(turn), ...sections.slice(0, turn)] };
}
const long = join(work, 'long.yaml');
writeFileSync(long, stringify({ ...seed, id: 'bench-long', sections: Array.from({ length: 20 }, (_, k) => seed.sections.map((s) => ({ ...s, heading: `${s.heading} (${k + 1})` }))).flat() }));
const events = join(work, 'events.yaml');
writeFileSync(events, stringify({
  ...seed, id: 'bench-events',
  events: Array.from({ length: 2000 }, (_, k) => new Date(Date.UTC(2000, 0, 1) + k * 86400000).toISOString().slice(0, 10)).map((date, k) => ({ date, wording: date, label: `Event number ${k + 1} of the long chronology` })),
}));
const rawText = join(work, 'raw-1mb.txt');
const text = readFileSync(SEED_TEXT, 'utf8');
writeFileSync(rawText, text.repeat(Math.ceil((1 << 20) / Buffer.byteLength(text))));

const out = (name) => join(work, `out-${name}`);

// 1. Cold seed build, beside node -e 0 and the bare require of the four big libraries.
const bareRequire = "const r = require('node:module').createRequire(process.cwd() + '/'); for (const m of ['pdfkit', 'pptxgenjs', 'handlebars', 'fontkit']) r(m);";
const coldVariants = [() => measure(process.execPath, ['-e', '0']), () => measure(process.execPath, ['-e', bareRequire]), ...roots.map(([name, root]) => briefkit(root, SEED, '--out', out(name), '--quiet', '--jobs', '1'))];
const [nodeRuns, requireRuns, ...coldRuns] = paired(coldVariants, RUNS);
const nodeS = summary(nodeRuns);
const requireS = summary(requireRuns);
row('node -e 0', [nodeS]);
row('bare require (pdfkit, pptxgenjs, handlebars, fontkit)', [requireS]);
const cold = coldRuns.map((runs) => {
  const s = summary(runs);
  const byRound = (base) => median(runs.map((r, i) => r.wallS / base[i].wallS));
  return { ...s, note: `${byRound(nodeRuns).toFixed(1)}× node -e 0, ${byRound(requireRuns).toFixed(1)}× bare require` };
});
row('cold build of the seed, 4 outputs', cold, cold.map((c) => c.note).join(' | '));

// 2. Warm: the library in one process, the seed built again and again (CPU of the process per build).
const warmScript = (root) => `
import { build } from ${JSON.stringify(join(root, 'lib', 'bundle', 'briefkit.mjs'))};
const cpu = [], wall = [];
for (let i = 0; i < 13; i++) {
  const c = process.cpuUsage(), t = process.hrtime.bigint();
  await build(${JSON.stringify(SEED)}, { sourceDateEpoch: 1700000000 });
  const d = process.cpuUsage(c);
  if (i >= 3) { cpu.push((d.user + d.system) / 1e6); wall.push(Number(process.hrtime.bigint() - t) / 1e9); }
}
const m = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(JSON.stringify({ cpuS: m(cpu), wallS: m(wall) }));`;
const warmRuns = paired(roots.map(([name, root]) => () => {
  const file = join(work, `warm-${name}.mjs`);
  writeFileSync(file, warmScript(root));
  const r = measure(process.execPath, [file]);
  return r.status === 0 ? { ...r, ...JSON.parse(r.stdout.trim().split('\n').pop()) } : r;
}), Math.max(1, Math.ceil(RUNS / 2)));
row('warm seed build (library, one process; per build)', warmRuns.map(summary), 'median of 10 builds after 3, per process');

// 2b. Warm after an edit: each build has one paragraph changed (as a watch rebuild after a save does).
const editedFile = join(work, 'edited.json');
writeFileSync(editedFile, JSON.stringify(Array.from({ length: 13 }, (_, n) => {
  const article = structuredClone(seed);
  const section = article.sections[n % article.sections.length];
  const index = section.paragraphs.findIndex((p) => typeof p === 'string');
  section.paragraphs[index] = `${section.paragraphs[index]} An edit, number ${n}.`;
  return article;
})));
const editScript = (root) => `
import { build } from ${JSON.stringify(join(root, 'lib', 'bundle', 'briefkit.mjs'))};
import { readFileSync } from 'node:fs';
const articles = JSON.parse(readFileSync(${JSON.stringify(editedFile)}, 'utf8'));
const cpu = [], wall = [];
for (let i = 0; i < articles.length; i++) {
  const c = process.cpuUsage(), t = process.hrtime.bigint();
  await build(articles[i], { sourceDateEpoch: 1700000000 });
  const d = process.cpuUsage(c);
  if (i >= 3) { cpu.push((d.user + d.system) / 1e6); wall.push(Number(process.hrtime.bigint() - t) / 1e9); }
}
const m = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(JSON.stringify({ cpuS: m(cpu), wallS: m(wall) }));`;
const editRuns = paired(roots.map(([name, root]) => () => {
  const file = join(work, `edit-${name}.mjs`);
  writeFileSync(file, editScript(root));
  const r = measure(process.execPath, [file]);
  return r.status === 0 ? { ...r, ...JSON.parse(r.stdout.trim().split('\n').pop()) } : r;
}), Math.max(1, Math.ceil(RUNS / 2)));
row('warm seed build after an edit (one paragraph changed each build)', editRuns.map(summary), 'median of 10 builds after 3, per process');

// 2c. A watch rebuild as the preview sees it: from the save of the data file to the preview's server telling its page
// (a server-sent event, sent once the documents are written; PDF.js then draws them in the browser).
async function watchLatency(root) {
  const dir = mkdtempSync(join(work, 'watch-'));
  const file = join(dir, 'article.yaml');
  writeFileSync(file, stringify(seed));
  const launcher = existsSync(join(root, 'bin', 'briefkit')) ? [join(root, 'bin', 'briefkit')] : [process.execPath, join(root, 'bin', 'briefkit.js')];
  const child = spawn(launcher[0], [...launcher.slice(1), 'watch', file, '--serve', '--out', join(dir, 'out')], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let printed = '';
      child.stdout.on('data', (chunk) => {
        printed += chunk;
        const found = /preview: (\S+)/.exec(printed);
        if (found) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`watch exited (${code}) before its preview started`)));
      setTimeout(() => reject(new Error('no preview after 60 s')), 60_000).unref();
    });
    let told;
    const events = await new Promise((resolve) => httpGet(new URL('events', url), resolve));
    events.setEncoding('utf8');
    let pending = '';
    events.on('data', (chunk) => {
      pending += chunk;
      for (let end = pending.indexOf('\n\n'); end >= 0; end = pending.indexOf('\n\n')) {
        if (/^data: \d+/m.test(pending.slice(0, end))) told?.();
        pending = pending.slice(end + 2);
      }
    });
    const nextEvent = () => new Promise((resolve, reject) => {
      told = resolve;
      setTimeout(() => reject(new Error('no rebuild event after 30 s')), 30_000).unref();
    });
    await nextEvent(); // the version on connecting
    const latenciesS = [];
    for (let n = 0; n < 13; n++) {
      const article = structuredClone(seed);
      const section = article.sections[n % article.sections.length];
      const index = section.paragraphs.findIndex((p) => typeof p === 'string');
      section.paragraphs[index] = `${section.paragraphs[index]} A saved edit, number ${n}.`;
      const event = nextEvent();
      const started = process.hrtime.bigint();
      writeFileSync(file, stringify(article));
      await event;
      if (n >= 3) latenciesS.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    events.destroy();
    return { wallS: median(latenciesS), cpuS: NaN, peakMiB: NaN, status: 0 };
  } catch (error) {
    return { wallS: NaN, cpuS: NaN, peakMiB: NaN, status: 2, stderr: String(error) };
  } finally {
    child.kill('SIGINT');
  }
}
const watchRuns = [];
for (let round = 0; round < Math.max(1, Math.ceil(RUNS / 2)); round++) for (const [k, [, root]] of roots.entries()) (watchRuns[k] ??= []).push(await watchLatency(root));
row('watch: save → preview told to redraw (one paragraph changed each save)', watchRuns.map((runs) => ({ ...summary(runs), cpuS: NaN, peakMiB: NaN })), 'median of 10 saves after 3, wall only; includes the 40 ms debounce');

// 3. 100 articles on every core.
if (!args['skip-batch']) {
  const batchRuns = paired(roots.map(([name, root]) => briefkit(root, batchDir, '--out', out(`batch-${name}`), '--quiet', '--jobs', String(CORES))), Math.max(1, Math.ceil(RUNS / 3)));
  const batch = batchRuns.map(summary);
  row(`100 seed articles, --jobs ${CORES}`, batch, batch.map((b) => `cpu/wall ${(b.cpuS / b.wallS).toFixed(2)}`).join(' | '));
  const distinctRuns = paired(roots.map(([name, root]) => briefkit(root, distinctDir, '--out', out(`distinct-${name}`), '--quiet', '--jobs', String(CORES))), Math.max(1, Math.ceil(RUNS / 3)));
  const distinct = distinctRuns.map(summary);
  row(`100 distinct seed-sized articles, --jobs ${CORES}`, distinct, distinct.map((b) => `cpu/wall ${(b.cpuS / b.wallS).toFixed(2)}`).join(' | '));
}

// 4. Long and hostile articles (each killed after KILL_S s).
const single = (file, name) => roots.map(([rootName, root]) => () => measure(process.execPath, [join(root, 'bin', 'briefkit.js'), 'build', file, '--out', out(`${name}-${rootName}`), '--quiet'], { killAfterS: KILL_S }));
const longS = paired(single(long, 'long'), Math.max(1, Math.ceil(RUNS / 3))).map(summary);
row('20× article (80 sections)', longS, longS.map((l, i) => `${(l.wallS / cold[i].wallS).toFixed(1)}× the seed's wall, ${(l.cpuS / cold[i].cpuS).toFixed(1)}× its cpu`).join(' | '));
const hostile = [];
for (const [file, name, what] of [[events, 'events', '2,000-event YAML article'], [rawText, 'raw', '1 MB raw .txt article']]) {
  const results = paired(single(file, name), 1).map(summary);
  hostile.push(...results);
  row(what, results, results.map((r) => (r.status === 'killed' ? `killed after ${KILL_S} s` : r.status === 1 ? 'refused (exit 1)' : r.status === 0 ? 'built' : `crashed (exit ${r.status})`)).join(' | '));
}

// 5. Yardsticks, when installed.
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
if (has('pandoc') && has('weasyprint')) {
  const md = join(work, 'seed.md');
  writeFileSync(md, `# ${seed.title}\n\n${seed.sections.map((s) => `## ${s.heading}\n\n${s.paragraphs.filter((p) => typeof p === 'string').join('\n\n')}`).join('\n\n')}\n`);
  const pair = () => {
    const a = measure('pandoc', [md, '-o', join(work, 'seed.pptx')]);
    const b = measure('sh', ['-c', `pandoc ${md} -s -o ${join(work, 'seed.html')} && weasyprint ${join(work, 'seed.html')} ${join(work, 'seed.pdf')}`]);
    return { wallS: a.wallS + b.wallS, cpuS: a.cpuS + b.cpuS, peakMiB: Math.max(a.peakMiB, b.peakMiB), status: a.status || b.status };
  };
  row('pandoc pptx + weasyprint pdf (2 outputs)', [summary(paired([pair], RUNS)[0])]);
} else row('pandoc pptx + weasyprint pdf', [], 'skipped: pandoc or weasyprint not installed');
let typst;
try { typst = import.meta.resolve('@myriaddreamin/typst-ts-node-compiler'); } catch { typst = undefined; }
if (typst) {
  const typ = join(work, 'seed.typ');
  writeFileSync(typ, `#set document(title: ${JSON.stringify(seed.title)})\n#set page(paper: "a4")\n= ${seed.title}\n\n${seed.sections.map((s) => `== ${s.heading}\n\n${s.paragraphs.filter((p) => typeof p === 'string').join('\n\n').replace(/[#$*_<>@`\\[\]]/g, (c) => `\\${c}`)}`).join('\n\n')}\n`);
  const script = join(work, 'typst.mjs');
  writeFileSync(script, `import { NodeCompiler } from ${JSON.stringify(typst)};\nimport { writeFileSync } from 'node:fs';\nconst c = NodeCompiler.create();\nwriteFileSync(${JSON.stringify(join(work, 'typst.pdf'))}, c.pdf({ mainFilePath: ${JSON.stringify(typ)} }));`);
  row('Typst (npm compiler), 1 PDF', [summary(paired([() => measure(process.execPath, [script])], RUNS)[0])]);
} else row('Typst (npm compiler)', [], 'skipped: @myriaddreamin/typst-ts-node-compiler not installed');

// The table.
const cell = (c) => (c.status !== 0 && c.status !== 1
  ? `${c.status === 'killed' ? 'killed' : `exit ${c.status}`}${Number.isNaN(c.peakMiB) ? '' : `, ${c.peakMiB.toFixed(0)} MiB`}`
  : [`${c.wallS.toFixed(3)} s wall`, ...(Number.isNaN(c.cpuS) ? [] : [`${c.cpuS.toFixed(3)} s cpu`]), ...(Number.isNaN(c.peakMiB) ? [] : [`${c.peakMiB.toFixed(0)} MiB`])].join(', '));
console.log(`briefkit bench — ${RUNS} paired rounds, medians; ${CORES} cores${BASE ? `; baseline ${BASE}` : ''}\n`);
console.log(`| what | ${roots.map(([name]) => name).join(' | ')} | note |`);
console.log(`|---|${roots.map(() => '---|').join('')}---|`);
for (const r of rows) console.log(`| ${r.what} | ${roots.map((_, i) => (r.cells.length === 1 && i > 0 ? '' : r.cells[i] ? cell(r.cells[i]) : '—')).join(' | ')} | ${r.note} |`);
console.log('\ntargets: cold seed ≤ 0.25 s, ≤ 120 MiB; warm ≤ 0.050 s cpu; watch save → preview ≤ 0.150 s; 100 articles ≤ 3 s, cpu/wall ≥ 1.7, ≤ 400 MiB; 20× ≤ 10× seed, ≤ 300 MiB');

// Builds that must work: the seed (cold and warm), the batch, the long article; a hostile case may be refused or killed.
for (const r of rows.filter((r) => /cold build|warm|watch|100 (seed|distinct)|20×/.test(r.what))) {
  for (const c of r.cells) if (c.status !== 0) { failedBuilds++; console.error(`failed: ${r.what}: exit ${c.status}\n${c.stderr.slice(0, 2000)}`); }
}
for (const c of hostile) if (c.status !== 0 && c.status !== 1 && c.status !== 'killed') { failedBuilds++; console.error(`crashed: exit ${c.status}\n${c.stderr.slice(0, 2000)}`); }
rmSync(work, { recursive: true, force: true });
process.exit(failedBuilds > 0 ? 1 : 0);

// Benchmark: median wall time and peak memory of cold `briefkit build` runs of the seed (node runs the bin itself).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const seed = 'data/lukashenko-occupied-territories.yaml';
const out = mkdtempSync(join(tmpdir(), 'briefkit-bench-'));
const times = [];
const memories = [];
for (let i = 0; i < runs; i++) {
  // GNU time reports the peak resident set size of the child; fall back to wall time alone without it.
  const start = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'bin/briefkit.js', 'build', seed, '--out', out], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.error) {
    console.error(`cannot run /usr/bin/time (${child.error.message}); install the "time" package`);
    process.exit(1);
  }
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  times.push(elapsed);
  memories.push(Number(child.stderr.trim().split('\n').pop()) / 1024);
}
rmSync(out, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`briefkit build (seed, all outputs), ${runs} cold runs`);
console.log(`  median wall time  ${median(times).toFixed(3)} s   (min ${Math.min(...times).toFixed(3)}, max ${Math.max(...times).toFixed(3)})`);
console.log(`  peak memory       ${Math.max(...memories).toFixed(1)} MiB (median ${median(memories).toFixed(1)})`);
console.log(`  targets           0.400 s, 150 MiB`);

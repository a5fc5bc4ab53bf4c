// Many article files + options in, each one's documents or errors out, in input order: built on a pool of warm workers.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { BriefkitError, type Diagnostic } from '../diagnostics.js';
import { build, type BuildOptions, type BuiltDocument } from './build.js';
import { readArticle } from './input.js';

export interface BatchEntry {
  file: string;
  /** The article's id (its output folder), when it built. */
  id?: string;
  documents?: BuiltDocument[];
  /** Warnings of a build, or the errors that stopped it. */
  diagnostics: Diagnostic[];
  failed: boolean;
  /** Milliseconds of each step of its build (when it built). */
  timingsMs?: Record<string, number>;
}

export interface BatchOptions {
  /** Articles built at once: this thread and `jobs - 1` workers; 1 builds in this thread alone. */
  jobs: number;
  /**
   * Called for each article in the files' order, as soon as it and every article before it are done (so a caller can
   * write and print as the batch goes, and the documents need not be held until the end).
   */
  onEntry?: (entry: BatchEntry, index: number) => void;
  /** Called as each article finishes, in the order they finish (for a progress line). */
  onProgress?: (entry: BatchEntry, done: number, total: number) => void;
  /** Keep each entry's documents in the returned list (default true); a caller that writes them in onEntry says false. */
  keepDocuments?: boolean;
}

/** One article, never throwing for a user's mistake: its errors come back as diagnostics. */
export async function buildOne(file: string, options: BuildOptions): Promise<BatchEntry> {
  try {
    const result = await build(file, options);
    return { file, id: result.article.id, documents: result.documents, diagnostics: result.diagnostics, failed: false, timingsMs: result.timingsMs };
  } catch (error) {
    if (error instanceof BriefkitError) return { file, diagnostics: error.diagnostics, failed: true };
    throw error;
  }
}

/**
 * Builds every file, `jobs` at a time, and hands the entries over in the files' order (the same documents as one by
 * one). Two articles with the same id would write the same folder: both fail, naming each other. Their ids are read
 * (loaded, not built) while the workers build, so that no entry is handed over before every id is known.
 */
export async function buildMany(files: string[], options: BuildOptions, batch: BatchOptions): Promise<BatchEntry[]> {
  const entries = new Array<BatchEntry | undefined>(files.length);
  const handed: BatchEntry[] = [];
  let duplicates: Map<string, string[]> | undefined;
  let done = 0;
  let nextToHand = 0;
  const handOver = () => {
    if (!duplicates) return;
    while (nextToHand < files.length && entries[nextToHand]) {
      const entry = refuseDuplicate(entries[nextToHand]!, duplicates);
      batch.onEntry?.(entry, nextToHand);
      handed.push(batch.keepDocuments === false ? { ...entry, documents: undefined } : entry);
      entries[nextToHand] = undefined; // its documents are the caller's now
      nextToHand++;
    }
  };
  const finish = (index: number, entry: BatchEntry) => {
    entries[index] = entry;
    batch.onProgress?.(entry, ++done, files.length);
    handOver();
  };
  // Workers run this module compiled (lib/ or the bundle); run from its TypeScript source (the tests), it builds here.
  const jobs = import.meta.url.endsWith('.ts') ? 1 : Math.max(1, Math.min(batch.jobs, files.length));
  if (jobs === 1) {
    duplicates = duplicateIds(files, options.maxInputBytes);
    for (const [index, file] of files.entries()) finish(index, await buildOne(file, options));
  } else {
    const building = onWorkers(files, options, jobs, finish);
    // Let the workers start before this thread reads the ids.
    await new Promise((resolve) => setImmediate(resolve));
    duplicates = duplicateIds(files, options.maxInputBytes);
    handOver();
    await building;
  }
  return handed;
}

/** id → the files that have it, for the ids more than one file has (a file that does not load has no id). */
function duplicateIds(files: string[], maxInputBytes?: number): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    let id: string;
    try {
      id = readArticle(file, maxInputBytes).value.id;
    } catch (error) {
      if (error instanceof BriefkitError) continue;
      throw error;
    }
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  return new Map([...byId].filter(([, same]) => same.length > 1));
}

function refuseDuplicate(entry: BatchEntry, duplicates: Map<string, string[]>): BatchEntry {
  const same = entry.id !== undefined && !entry.failed ? duplicates.get(entry.id) : undefined;
  if (!same) return entry;
  const others = same.filter((_, index) => index !== same.indexOf(entry.file));
  return {
    file: entry.file, id: entry.id, failed: true,
    diagnostics: [...entry.diagnostics, {
      severity: 'error', file: entry.file, path: 'id', rule: 'duplicate-id',
      message: `"${entry.id}" is also the id of ${others.join(', ')}: both would write ${entry.id}/, so neither was written`,
      hint: 'give each article its own id',
    }],
  };
}

interface Job {
  index: number;
  file: string;
  options: BuildOptions;
}

/** What a worker sends back: the entry of the job with that index. */
interface Done {
  index: number;
  entry: BatchEntry;
}

/** Jobs a worker holds at once: the next one is there when it finishes one, without waiting for this thread. */
const JOBS_PER_WORKER = 2;

/**
 * `jobs` builds at a time: this thread is one of them (it is warm already, from the start-up snapshot when there is
 * one, and an isolate fewer is a few hundred MB less), the others are workers.
 */
async function onWorkers(files: string[], options: BuildOptions, jobs: number, finish: (index: number, entry: BatchEntry) => void): Promise<void> {
  const queue: Job[] = files.map((file, index) => ({ index, file, options }));
  // The worker runs this same module (the bundle, once built), which starts serving when it sees the flag.
  const script = new URL(import.meta.url);
  const onAWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { briefkitWorker: true } });
    let held = 0;
    const handOut = () => {
      while (held < JOBS_PER_WORKER && queue.length > 0) {
        worker.postMessage(queue.shift()!);
        held++;
      }
      if (held === 0) void worker.terminate().then(() => resolve());
    };
    worker.on('message', ({ index, entry }: Done) => {
      held--;
      // Buffers arrive as plain Uint8Arrays.
      const documents = entry.documents?.map((d) => ({ name: d.name, bytes: Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength) }));
      finish(index, { ...entry, ...(documents ? { documents } : {}) });
      handOut();
    });
    worker.on('error', reject);
    handOut();
  });
  const here = async () => {
    // Let the workers take their first jobs before this thread starts on one.
    await new Promise((resolve) => setImmediate(resolve));
    for (let job = queue.shift(); job; job = queue.shift()) {
      finish(job.index, await buildOne(job.file, job.options));
      // Workers' results are taken (and their next jobs given) between two builds here.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([here(), ...Array.from({ length: jobs - 1 }, onAWorker)]);
}

if (!isMainThread && (workerData as { briefkitWorker?: boolean } | undefined)?.briefkitWorker && parentPort) {
  const port = parentPort;
  // One build at a time, in the order the jobs came. Documents are copied to the main thread (structured clone): a
  // few hundred KB each, cheaper than a build.
  const waiting: Job[] = [];
  let building = false;
  const next = async () => {
    if (building) return;
    building = true;
    for (let job = waiting.shift(); job; job = waiting.shift()) port.postMessage({ index: job.index, entry: await buildOne(job.file, job.options) } satisfies Done);
    building = false;
  };
  port.on('message', (job: Job) => {
    waiting.push(job);
    void next();
  });
}

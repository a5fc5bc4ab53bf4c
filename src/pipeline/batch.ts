// Many article files + options in, each one's documents or errors out, in input order: built on a pool of warm workers.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { BriefkitError, type Diagnostic } from '../diagnostics.js';
import { build, type BuildOptions, type BuiltDocument } from './build.js';

export interface BatchEntry {
  file: string;
  /** The article's id (its output folder), when it built. */
  id?: string;
  documents?: BuiltDocument[];
  /** Warnings of a build, or the errors that stopped it. */
  diagnostics: Diagnostic[];
  failed: boolean;
}

export interface BatchOptions {
  /** Workers to build on; 1 builds in this thread. */
  jobs: number;
  /** Called as each article finishes (in the order they finish). */
  onDone?: (entry: BatchEntry, done: number, total: number) => void;
}

/** One article, never throwing for a user's mistake: its errors come back as diagnostics. */
export async function buildOne(file: string, options: BuildOptions): Promise<BatchEntry> {
  try {
    const result = await build(file, options);
    return { file, id: result.article.id, documents: result.documents, diagnostics: result.diagnostics, failed: false };
  } catch (error) {
    if (error instanceof BriefkitError) return { file, diagnostics: error.diagnostics, failed: true };
    throw error;
  }
}

/**
 * Builds every file, `jobs` at a time, and returns the entries in the files' order (the same documents as one by one).
 * Two articles with the same id would write the same folder: both fail, naming each other, and neither is returned
 * with documents.
 */
export async function buildMany(files: string[], options: BuildOptions, batch: BatchOptions): Promise<BatchEntry[]> {
  const entries = new Array<BatchEntry>(files.length);
  let done = 0;
  const finish = (index: number, entry: BatchEntry) => {
    entries[index] = entry;
    batch.onDone?.(entry, ++done, files.length);
  };
  const jobs = Math.max(1, Math.min(batch.jobs, files.length));
  if (jobs === 1) {
    for (const [index, file] of files.entries()) finish(index, await buildOne(file, options));
  } else {
    await onWorkers(files, options, jobs, finish);
  }
  return refuseDuplicateIds(entries);
}

function refuseDuplicateIds(entries: BatchEntry[]): BatchEntry[] {
  const byId = new Map<string, BatchEntry[]>();
  for (const entry of entries) if (entry.id !== undefined && !entry.failed) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  return entries.map((entry) => {
    const same = entry.id !== undefined && !entry.failed ? byId.get(entry.id)! : [];
    if (same.length < 2) return entry;
    const others = same.filter((other) => other !== entry).map((other) => other.file);
    return {
      file: entry.file, id: entry.id, failed: true,
      diagnostics: [...entry.diagnostics, {
        severity: 'error', file: entry.file, path: 'id', rule: 'duplicate-id',
        message: `"${entry.id}" is also the id of ${others.join(', ')}: both would write ${entry.id}/, so neither was written`,
        hint: 'give each article its own id',
      }],
    };
  });
}

interface Job {
  index: number;
  file: string;
  options: BuildOptions;
}

async function onWorkers(files: string[], options: BuildOptions, jobs: number, finish: (index: number, entry: BatchEntry) => void): Promise<void> {
  const queue: Job[] = files.map((file, index) => ({ index, file, options }));
  // The worker runs this same module (the bundle, once built), which starts serving when it sees the flag.
  const script = new URL(import.meta.url);
  await Promise.all(Array.from({ length: jobs }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { briefkitWorker: true } });
    let current: Job | undefined;
    const next = () => {
      current = queue.shift();
      if (current) worker.postMessage(current);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', (entry: BatchEntry) => {
      // Buffers arrive as plain Uint8Arrays.
      const documents = entry.documents?.map((d) => ({ name: d.name, bytes: Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength) }));
      finish(current!.index, { ...entry, ...(documents ? { documents } : {}) });
      next();
    });
    worker.on('error', reject);
    next();
  })));
}

if (!isMainThread && (workerData as { briefkitWorker?: boolean } | undefined)?.briefkitWorker && parentPort) {
  const port = parentPort;
  // Documents are copied to the main thread (structured clone): a few hundred KB each, cheaper than a build.
  port.on('message', (job: Job) => void buildOne(job.file, job.options).then((entry) => port.postMessage(entry)));
}

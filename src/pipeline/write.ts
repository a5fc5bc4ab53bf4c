// Built documents + an output folder in, files on disk out: written to temporary names, then renamed into place.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefkitError } from '../diagnostics.js';
import type { BuiltDocument } from './build.js';
import { FolderError, makeFolder } from './make-folder.js';

/** Writes every document of one article, or none: on failure the earlier files stay as they were and no temporary file remains. */
export function writeDocuments(outDir: string, documents: BuiltDocument[]): string[] {
  const temporary: string[] = [];
  // Something that is not a file where a document goes would fail a rename half-way: refuse before anything changes.
  for (const document of documents) {
    const target = join(outDir, document.name);
    if (existsSync(target) && !statSync(target).isFile()) {
      throw new BriefkitError([{ severity: 'error', file: target, rule: 'output', message: 'is a folder (or not a file) where a document goes; nothing was changed' }]);
    }
  }
  const cleanUp = () => {
    for (const tmp of temporary) rmSync(tmp, { force: true });
    temporary.forEach((tmp) => inFlight.delete(tmp));
  };
  guardSignals();
  try {
    return writeAll(outDir, documents, temporary, cleanUp);
  } finally {
    temporary.forEach((tmp) => inFlight.delete(tmp));
    releaseSignals();
  }
}

/** Temporary files being written now, removed if SIGINT or SIGTERM ends the process. */
const inFlight = new Set<string>();
let guarded = false;
let release: NodeJS.Timeout | undefined;
/** How long the handler outlives the write: a signal raised during it reaches JavaScript a few milliseconds later. */
const SIGNAL_GRACE_MS = 50;
const onSignal = (signal: NodeJS.Signals) => {
  for (const tmp of inFlight) rmSync(tmp, { force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
function guardSignals(): void {
  if (release) clearTimeout(release);
  release = undefined;
  if (guarded) return;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  guarded = true;
}
/**
 * The write is synchronous, so a signal that came during it is handed to JavaScript only afterwards: the handler stays
 * a little longer to receive it (and exit, the documents complete), instead of losing the Ctrl-C.
 */
function releaseSignals(): void {
  release = setTimeout(() => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    guarded = false;
    release = undefined;
  }, SIGNAL_GRACE_MS);
  release.unref();
}

function writeAll(outDir: string, documents: BuiltDocument[], temporary: string[], cleanUp: () => void): string[] {
  try {
    makeFolder(outDir);
  } catch (error) {
    if (!(error instanceof FolderError)) throw error;
    throw new BriefkitError([{ severity: 'error', file: outDir, rule: 'output', message: `cannot write the documents: ${error.reason}; nothing was changed`, hint: `${error.folder} refused it; choose another output folder with --out` }]);
  }
  try {
    for (const document of documents) {
      // A name no one can guess, created exclusively ('wx': never an existing file, never through a planted link),
      // readable by us alone until it is complete.
      const tmp = join(outDir, `.${document.name}.${randomBytes(8).toString('hex')}.tmp`);
      writeFileSync(tmp, document.bytes, { flag: 'wx', mode: 0o600 });
      temporary.push(tmp);
      inFlight.add(tmp);
      chmodSync(tmp, 0o644 & ~process.umask());
    }
  } catch (error) {
    cleanUp();
    const err = error as NodeJS.ErrnoException;
    const reason = err.code === 'ENOSPC' ? 'the disk is full' : err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' ? 'the folder is not writable' : err.code === 'ENOTDIR' ? 'a file stands where a folder is needed' : (err.message ?? String(error));
    throw new BriefkitError([{ severity: 'error', file: outDir, rule: 'output', message: `cannot write the documents: ${reason}; nothing was changed` }]);
  }
  const written: string[] = [];
  try {
    documents.forEach((document, index) => {
      const target = join(outDir, document.name);
      renameSync(temporary[index]!, target);
      written.push(target);
    });
  } catch (error) {
    cleanUp();
    throw new BriefkitError([{ severity: 'error', file: outDir, rule: 'output', message: `cannot put the documents in place (${(error as NodeJS.ErrnoException).code ?? 'error'}); ${written.length} of ${documents.length} were replaced` }]);
  }
  return written;
}

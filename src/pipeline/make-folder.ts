// A folder path in, that folder made (with its missing parents) or an error saying which folder refused and why.
// Node's mkdirSync({ recursive: true }) spins forever under /proc, and says "ENOENT … mkdir" where a file system takes
// no new folders: this walks up to the nearest folder that exists and makes the rest one by one.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class FolderError extends Error {
  constructor(readonly folder: string, readonly reason: string) {
    super(`${folder}: ${reason}`);
  }
}

/** Makes `path` and its missing parents; throws FolderError naming the folder that could not be made or written. */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    const kind = kindOf(current);
    if (kind === 'folder') break;
    if (kind === 'other') throw new FolderError(current, 'a file stands where a folder is needed');
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && kindOf(folder) === 'folder') continue;
      throw new FolderError(dirname(folder), reasonFor(code));
    }
  }
}

function kindOf(path: string): 'folder' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

function reasonFor(code: string | undefined): string {
  switch (code) {
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'the folder is not writable';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    default:
      // ENOENT although the parent exists: a file system that takes no new folders (/proc, some read-only mounts).
      return `no folder can be made in it (${code ?? 'unknown error'}: a read-only or special file system)`;
  }
}

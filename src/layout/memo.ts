// A pure function's inputs (as a key) in, its remembered result out: bounded caches that let a warm process (watch, a
// batch worker, the library) skip work it has done before — a paragraph laid out at a width, a map of the same places.
//
// A remembered result is shared by every caller that asks again, so it must never be changed after it is made; the
// tests turn on freezing (deep Object.freeze of every stored result) to prove that nothing downstream writes to one.

const memos: Memo<unknown>[] = [];
let freezing = false;

export class Memo<T> {
  private readonly entries = new Map<string, T>();
  hits = 0;
  misses = 0;

  /** At most `capacity` results are kept; the least recently used goes first. */
  constructor(private readonly capacity: number) {
    memos.push(this as Memo<unknown>);
  }

  get(key: string, make: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Map keeps insertion order: taking the entry out and back in makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const made = make();
    if (freezing) deepFreeze(made);
    this.entries.set(key, made);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

/** Forgets every remembered result (tests that count work done call this first). */
export function clearMemos(): void {
  for (const memo of memos) memo.clear();
}

/** Tests: freeze every result stored from now on, so that code that changes a shared result throws. */
export function freezeMemoResults(on: boolean): void {
  freezing = on;
}

function deepFreeze(value: unknown): void {
  // Bytes (a font subset) cannot be frozen: a typed array with elements refuses Object.freeze.
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

/** Hits and misses of every memo, summed (for `--verbose` and the tests). */
export function memoCounts(): { hits: number; misses: number } {
  return memos.reduce((sum, memo) => ({ hits: sum.hits + memo.hits, misses: sum.misses + memo.misses }), { hits: 0, misses: 0 });
}

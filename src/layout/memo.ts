// A pure function's inputs (as a key) in, its remembered result out: bounded caches that let a warm process (watch, a
// batch worker, the library) skip work it has done before — a paragraph laid out at a width, a map of the same places.
//
// A remembered result is shared by every caller that asks again, so it must never be changed after it is made; the
// tests turn on freezing (deep Object.freeze of every stored result) to prove that nothing downstream writes to one.

const memos: Memo<unknown>[] = [];
let freezing = false;

export class Memo<T> {
  private readonly entries = new Map<string, T>();
  private weightHeld = 0;
  hits = 0;
  misses = 0;

  /**
   * At most `capacity` results are kept, and with `weigh`, results weighing at most `maxWeight` in all (a result
   * heavier than that alone is returned, not kept); the least recently used goes first.
   */
  constructor(
    private readonly capacity: number,
    private readonly bound: { weigh: (result: T) => number; maxWeight: number } | undefined = undefined,
  ) {
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
    const weight = this.bound ? this.bound.weigh(made) : 0;
    if (this.bound && weight > this.bound.maxWeight) return made;
    if (freezing) deepFreeze(made);
    this.entries.set(key, made);
    this.weightHeld += weight;
    while (this.entries.size > this.capacity || (this.bound && this.weightHeld > this.bound.maxWeight)) this.forgetOldest();
    return made;
  }

  private forgetOldest(): void {
    const [key, result] = this.entries.entries().next().value as [string, T];
    this.entries.delete(key);
    if (this.bound) this.weightHeld -= this.bound.weigh(result);
  }

  /** The summed weight of the results kept (0 without `weigh`). */
  get weight(): number {
    return this.weightHeld;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.weightHeld = 0;
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

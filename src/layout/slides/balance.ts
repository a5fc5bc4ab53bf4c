// A number of items and of parts in, balanced part sizes out (7 in 2 → 4 + 3, 13 in 3 → 5 + 4 + 4): larger parts first.

/** The fewest parts of at most `mostPerPart` items that hold `count` items. */
export function fewestParts(count: number, mostPerPart: number): number {
  return Math.max(1, Math.ceil(count / mostPerPart));
}

/** `count` items shared out over `parts` parts whose sizes differ by at most one, the larger ones first. */
export function balancedSizes(count: number, parts: number): number[] {
  if (!Number.isInteger(count) || !Number.isInteger(parts) || count < 0 || parts < 1) throw new Error(`internal: cannot share ${count} items over ${parts} parts`);
  const base = Math.floor(count / parts);
  const larger = count % parts;
  return Array.from({ length: parts }, (_, index) => base + (index < larger ? 1 : 0));
}

/** The items cut into consecutive parts of the sizes given. */
export function cutInto<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

/**
 * The most balanced cut of `count` items into the fewest consecutive parts of at most `mostPerPart` items for which
 * `fits(start, end)` holds (items start…end-1 on one slide), as part sizes. No part after the first holds a single
 * item (no continuation slide with one bullet) unless no cut avoids it, and then as few as can be. Balanced: the least
 * sum of squared sizes, the larger parts first when that ties. When single items must stand alone, the tallest ones do
 * (`share`: an item's part of a slide's height, 0…1), since a tall item could share its slide with few others anyway.
 * Undefined when some item does not fit even alone.
 */
export function balancedPartition(count: number, mostPerPart: number, fits: (start: number, end: number) => boolean, share: (index: number) => number = () => 0): number[] | undefined {
  if (count === 0) return [];
  let best: { cost: number; sizes: number[] } | undefined;
  for (let parts = fewestParts(count, mostPerPart); parts <= count; parts++) {
    const cut = cheapestCut(count, parts, mostPerPart, fits, share);
    if (!cut) continue;
    if (cut.cost < LONE_CONTINUATION) return cut.sizes;
    if (!best || cut.cost < best.cost) best = cut;
  }
  return best?.sizes;
}

/** What a continuation part of one item costs: more than any balance of sizes, so that one is made only when it must be. */
const LONE_CONTINUATION = 1e6;

function cheapestCut(count: number, parts: number, most: number, fits: (start: number, end: number) => boolean, share: (index: number) => number): { cost: number; sizes: number[] } | undefined {
  // A lone item's own height takes off less than one unit for all the lone parts together: it only decides between cuts
  // of the same lone parts and the same balance.
  const partCost = (start: number, size: number) => size * size + (size === 1 && start > 0 ? LONE_CONTINUATION - Math.min(1, Math.max(0, share(start))) / (count + 1) : 0);
  // cost[p][i]: the least cost that cuts items i…count-1 into p parts (Infinity: impossible).
  const cost = Array.from({ length: parts + 1 }, () => new Array<number>(count + 1).fill(Infinity));
  cost[0]![count] = 0;
  for (let p = 1; p <= parts; p++) {
    for (let i = count - 1; i >= 0; i--) {
      for (let size = 1; size <= most && i + size <= count; size++) {
        const rest = cost[p - 1]![i + size]!;
        if (rest === Infinity || !fits(i, i + size)) continue;
        cost[p]![i] = Math.min(cost[p]![i]!, rest + partCost(i, size));
      }
    }
  }
  if (cost[parts]![0] === Infinity) return undefined;
  const sizes: number[] = [];
  let at = 0;
  for (let p = parts; p >= 1; p--) {
    for (let size = Math.min(most, count - at); size >= 1; size--) {
      const rest = cost[p - 1]![at + size]!;
      if (rest !== Infinity && fits(at, at + size) && rest + partCost(at, size) === cost[p]![at]) {
        sizes.push(size);
        at += size;
        break;
      }
    }
  }
  return { cost: cost[parts]![0]!, sizes };
}

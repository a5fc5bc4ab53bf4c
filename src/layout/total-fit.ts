// A paragraph's break candidates + measures in, the line breaks of least total demerits out (Knuth–Plass, total fit).

/** A place a line may end: after a segment (its trailing spaces hang), at a hyphenation point, or where it must. */
export interface BreakCandidate {
  offset: number;
  kind: 'space' | 'hyphen' | 'forced';
  /** Extra demerits for ending a line here (hyphenating a capitalised name, say). */
  penalty: number;
}

export interface TotalFitInput {
  candidates: BreakCandidate[];
  textLength: number;
  availablePt: number;
  /** Width of [start, end) as set with natural spaces, trailing spaces excluded; a hyphen added when `hyphenated`. */
  lineWidth: (start: number, end: number, hyphenated: boolean) => number;
  /** Stretchable (U+0020) spaces inside [start, end), trailing spaces excluded. */
  spacesIn: (start: number, end: number) => number;
  /** One word of the line: how long the last line's only word is, in characters. */
  wordsIn: (start: number, end: number) => { count: number; chars: number };
  /** How far each word space may grow and shrink, points (e.g. to 0.4 em and down to 0.2 em). */
  stretchPerSpacePt: number;
  shrinkPerSpacePt: number;
}

export interface TotalFitBreak {
  start: number;
  end: number;
  hyphenated: boolean;
  forced: boolean;
}

const LINE_PENALTY = 10;
const HYPHEN_PENALTY = 100;
/** Two hyphenated lines in a row cost this; a third is allowed only where nothing else sets the paragraph. */
const CONSECUTIVE_HYPHEN_DEMERITS = 10_000;
const THIRD_HYPHEN_DEMERITS = 10_000_000;
/** A last line holding one short word ("it.", "war.") — tighter lines above it pull a word down instead. */
const SHORT_LAST_LINE_DEMERITS = 2_000_000;
const SHORT_WORD_CHARS = 6;
/** The last full line hyphenated: its word's tail alone would begin the paragraph's last line. */
const FINAL_HYPHEN_DEMERITS = 50_000;
/** Lines looser than the stretch allows still set (a long word may force one), at a price that grows with their looseness. */
const MAX_BADNESS = 1e8;
/** Fitness classes (tight, decent, loose, very loose): adjacent lines two classes apart look uneven. */
const FITNESS_DEMERITS = 3_000;

interface Node {
  demerits: number;
  previous: number;
  previousState: number;
  fitness: number;
}

/**
 * The breaks of least total demerits, or undefined when the paragraph cannot be set without an overfull line (a word
 * wider than the line: the caller breaks greedily then, cutting the word). States are (candidate, hyphens in a row).
 */
export function totalFitBreaks(input: TotalFitInput): TotalFitBreak[] | undefined {
  const points: BreakCandidate[] = [{ offset: 0, kind: 'forced', penalty: 0 }, ...input.candidates.filter((c) => c.offset > 0 && c.offset < input.textLength)];
  points.push({ offset: input.textLength, kind: 'forced', penalty: 0 });
  const states = 3;
  const best: (Node | undefined)[][] = points.map(() => new Array<Node | undefined>(states).fill(undefined));
  best[0]![0] = { demerits: 0, previous: -1, previousState: -1, fitness: 1 };

  for (let j = 1; j < points.length; j++) {
    const end = points[j]!;
    const hyphenated = end.kind === 'hyphen';
    const last = end.kind === 'forced';
    for (let i = j - 1; i >= 0; i--) {
      const start = points[i]!;
      const width = input.lineWidth(start.offset, end.offset, hyphenated);
      const spaces = input.spacesIn(start.offset, end.offset);
      // A last line (or one ending at a required break) is not justified: it must fit at its natural width.
      const shrinkable = last ? 0 : spaces * input.shrinkPerSpacePt;
      if (width - shrinkable > input.availablePt + 1e-6) {
        // Overfull: an earlier start only makes the line longer. A single segment that cannot fit means no total fit.
        if (i === j - 1) return undefined;
        break;
      }
      const slack = input.availablePt - width;
      let ratio: number;
      if (last && slack >= 0) ratio = 0;
      else if (slack >= 0) ratio = spaces > 0 ? slack / (spaces * input.stretchPerSpacePt) : slack > 1e-6 ? Infinity : 0;
      else ratio = slack / shrinkable;
      const badness = Math.min(MAX_BADNESS, 100 * Math.abs(ratio) ** 3);
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
      let lineDemerits = (LINE_PENALTY + badness) ** 2 + (hyphenated ? HYPHEN_PENALTY ** 2 : 0) + end.penalty;
      if (last && i > 0) {
        const words = input.wordsIn(start.offset, end.offset);
        if (words.count === 1 && words.chars < SHORT_WORD_CHARS) lineDemerits += SHORT_LAST_LINE_DEMERITS;
      }
      for (let state = 0; state < states; state++) {
        const from = best[i]![state];
        if (!from) continue;
        const inRow = hyphenated ? state + 1 : 0;
        const extra = (last && state > 0 ? FINAL_HYPHEN_DEMERITS : 0) + (inRow === 2 ? CONSECUTIVE_HYPHEN_DEMERITS : 0) + (inRow > 2 ? THIRD_HYPHEN_DEMERITS : 0) + (Math.abs(fitness - from.fitness) > 1 && i > 0 ? FITNESS_DEMERITS : 0);
        const total = from.demerits + lineDemerits + extra;
        const target = Math.min(inRow, states - 1);
        const current = best[j]![target];
        if (!current || total < current.demerits) best[j]![target] = { demerits: total, previous: i, previousState: state, fitness };
      }
      if (start.kind === 'forced' && i > 0) break; // a line never runs over a required break
    }
  }

  const finals = best[points.length - 1]!;
  let state = finals.reduce((bestState, node, index) => (node && (!finals[bestState] || node.demerits < finals[bestState]!.demerits) ? index : bestState), 0);
  if (!finals[state]) return undefined;
  const breaks: TotalFitBreak[] = [];
  let j = points.length - 1;
  while (j > 0) {
    const node = best[j]![state]!;
    const end = points[j]!;
    breaks.unshift({ start: points[node.previous]!.offset, end: end.offset, hyphenated: end.kind === 'hyphen', forced: end.kind === 'forced' });
    state = node.previousState;
    j = node.previous;
  }
  return breaks;
}

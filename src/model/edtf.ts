// An EDTF date string in, its earliest and latest instants (ms, UTC) out, or null when it does not parse.
import edtf from 'edtf';

export interface EdtfRange {
  /** Earliest instant, or null for an open start ("../2022-02-24"). */
  min: number | null;
  /** Latest instant, or null for an open end ("2022-02-24/.."). */
  max: number | null;
  approximate: boolean;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Parsed once per string: a build asks for the same few dates many times (sorting, scales, alt texts). */
const ranges = new Map<string, EdtfRange | null>();

export function parseEdtf(value: string): EdtfRange | null {
  let range = ranges.get(value);
  if (range === undefined) {
    range = parseUncached(value);
    if (ranges.size < 10_000) ranges.set(value, range);
  }
  return range === null ? null : { ...range };
}

/** Every year-month-day in the value is a day of the calendar ("2023-02-29~" is not: the edtf package rolls it to 1 March). */
function realDays(value: string): boolean {
  for (const [, year, month, day] of value.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return false;
  }
  return true;
}

function parseUncached(value: string): EdtfRange | null {
  if (!realDays(value)) return null;
  let parsed: { min: number; max: number; approximate?: { value: number } };
  try {
    parsed = (edtf as unknown as (s: string) => typeof parsed)(value);
  } catch {
    return null;
  }
  const min = finite(parsed.min);
  const max = finite(parsed.max);
  if (min === null && max === null) return null;
  return { min, max, approximate: Boolean(parsed.approximate?.value) };
}

/** The instant a date sorts by: its start, or, when the start is open ("../2022-02-24"), the instant just before its end date begins. */
export function edtfSortKey(value: string): number {
  const range = parseEdtf(value);
  if (!range) return Number.NaN;
  if (range.min !== null) return range.min;
  // parseEdtf never gives both ends open; without an interval's end date (e.g. "[..2022-02-24]"), the start of the last day stands in for it.
  const endStart = endDateStart(value) ?? (range.max ?? Number.NaN) + 1 - DAY_MS;
  return endStart - 1;
}

const DAY_MS = 86_400_000;

/** The first instant of an interval's end date ("../2022-02-24" → 24 Feb 2022 00:00 UTC), when the value is an interval. */
const endStarts = new Map<string, number | null>();
function endDateStart(value: string): number | null {
  let start = endStarts.get(value);
  if (start === undefined) {
    start = endDateStartUncached(value);
    if (endStarts.size < 10_000) endStarts.set(value, start);
  }
  return start;
}

function endDateStartUncached(value: string): number | null {
  try {
    const upper = (edtf as unknown as (s: string) => { upper?: { min?: number } })(value).upper;
    return typeof upper?.min === 'number' && Number.isFinite(upper.min) ? upper.min : null;
  } catch {
    return null;
  }
}

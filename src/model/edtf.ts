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

export function parseEdtf(value: string): EdtfRange | null {
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

/** The instant a date sorts by: its start, or its end when the start is open. */
export function edtfSortKey(value: string): number {
  const range = parseEdtf(value);
  if (!range) return Number.NaN;
  return range.min ?? range.max ?? Number.NaN;
}

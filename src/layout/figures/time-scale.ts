// Dated events (EDTF) in, positions along an axis out: a time scale whose long gaps are compressed, with year ticks.
import { parseEdtf, type EdtfRange } from '../../model/edtf.js';

export interface ScaledEvent<T> {
  event: T;
  range: EdtfRange;
  /** The instant the marker stands for. */
  instant: number;
  /** 0–1 along the axis. */
  position: number;
  /** The span of a fuzzy date along the axis (0–1), when it has both ends. */
  span?: [number, number];
  openStart: boolean;
  openEnd: boolean;
}

export interface TimeScale<T> {
  events: ScaledEvent<T>[];
  /** Year boundaries inside the axis: the year that starts there and its position (0–1). */
  ticks: { year: number; position: number }[];
  /** Positions (0–1) where a long stretch of time was shortened. */
  breaks: number[];
  firstYear: number;
  lastYear: number;
}

const DAY = 86_400_000;

export function timeScale<T extends { date: string }>(events: T[]): TimeScale<T> {
  const dated = events
    .map((event) => ({ event, range: parseEdtf(event.date) }))
    .filter((e): e is { event: T; range: EdtfRange } => e.range !== null)
    .map(({ event, range }) => {
      const openStart = range.min === null;
      const openEnd = range.max === null;
      const instant = openStart ? range.max! - DAY : openEnd ? range.min! : range.max! - range.min! > DAY ? (range.min! + range.max!) / 2 : range.min!;
      return { event, range, instant, openStart, openEnd };
    })
    .sort((a, b) => a.instant - b.instant);
  if (dated.length === 0) return { events: [], ticks: [], breaks: [], firstYear: 0, lastYear: 0 };

  // Gaps longer than three times the median gap are shortened to that, and every gap gets a minimum share.
  const gaps = dated.slice(1).map((e, i) => e.instant - dated[i]!.instant);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const cap = Math.max(median * 3, 30 * DAY);
  const total = gaps.reduce((a, b) => a + Math.min(b, cap), 0) || 1;
  const minimum = gaps.length > 0 ? 0.35 / gaps.length : 0;
  const shares = gaps.map((gap) => Math.min(gap, cap) / total);
  const adjusted = shares.map((share) => Math.max(share, minimum));
  const sum = adjusted.reduce((a, b) => a + b, 0) || 1;
  const positions = [0];
  adjusted.forEach((share) => positions.push(positions[positions.length - 1]! + share / sum));
  if (dated.length === 1) positions[0] = 0.5;

  const at = (instant: number): number | undefined => {
    for (let i = 0; i < dated.length - 1; i++) {
      const a = dated[i]!;
      const b = dated[i + 1]!;
      if (instant >= a.instant && instant <= b.instant) {
        const fraction = b.instant === a.instant ? 0 : (instant - a.instant) / (b.instant - a.instant);
        return positions[i]! + fraction * (positions[i + 1]! - positions[i]!);
      }
    }
    return undefined;
  };

  const scaled: ScaledEvent<T>[] = dated.map((e, i) => {
    const lo = e.range.min !== null ? at(e.range.min) : undefined;
    const hi = e.range.max !== null ? at(e.range.max) : undefined;
    return { ...e, position: positions[i]!, ...(lo !== undefined && hi !== undefined && hi - lo > 0.004 ? { span: [lo, hi] as [number, number] } : {}) };
  });
  const firstYear = new Date(dated[0]!.instant).getUTCFullYear();
  const lastYear = new Date(dated[dated.length - 1]!.instant).getUTCFullYear();
  const ticks: { year: number; position: number }[] = [];
  for (let year = firstYear + 1; year <= lastYear; year++) {
    const position = at(Date.UTC(year, 0, 1));
    if (position !== undefined) ticks.push({ year, position });
  }
  const breaks = gaps.flatMap((gap, i) => (gap > cap ? [(positions[i]! + positions[i + 1]!) / 2] : []));
  return { events: scaled, ticks, breaks, firstYear, lastYear };
}

// Tests src/layout/figures/time-scale.ts: EDTF events placed on a 0–1 axis (marker instants, long gaps capped, a minimum share per gap), fuzzy spans, year ticks and breaks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { timeScale } from '../../../src/layout/figures/time-scale.js';

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const positions = (dates: string[]) => timeScale(dates.map((date) => ({ date }))).events.map((e) => e.position);

describe('no events, one event', () => {
  it('gives an empty scale for no events, or none with a date it can read', () => {
    const empty = { events: [], ticks: [], breaks: [], firstYear: 0, lastYear: 0 };
    expect(timeScale([])).toEqual(empty);
    expect(timeScale([{ date: 'nonsense' }, { date: '2023-02-30' }])).toEqual(empty);
  });

  it('puts a single event in the middle, without ticks, breaks or span', () => {
    const scale = timeScale([{ date: '2023-04-18' }]);
    expect(scale.events).toHaveLength(1);
    expect(scale.events[0]!.position).toBe(0.5);
    expect(scale.events[0]!.span).toBeUndefined();
    expect(scale.ticks).toEqual([]);
    expect(scale.breaks).toEqual([]);
    expect([scale.firstYear, scale.lastYear]).toEqual([2023, 2023]);
  });

  it('leaves out events whose date does not parse and keeps the others', () => {
    const scale = timeScale([{ date: '2023-01-01', n: 1 }, { date: 'soon', n: 2 }, { date: '2023-01-11', n: 3 }]);
    expect(scale.events.map((e) => e.event.n)).toEqual([1, 3]);
    expect(scale.events.map((e) => e.position)).toEqual([0, 1]);
  });
});

describe('the instant a marker stands for', () => {
  it('a day: its start; a month or year: its middle', () => {
    const scale = timeScale([{ date: '2023-04-18' }, { date: '2023-03' }, { date: '2024' }]);
    const instant = (date: string) => scale.events.find((e) => e.event.date === date)!.instant;
    expect(instant('2023-04-18')).toBe(utc(2023, 4, 18));
    // March: 1 March 00:00 to 31 March 23:59:59.999, so the middle is half a millisecond before 16 March 12:00.
    expect(instant('2023-03')).toBe((utc(2023, 3, 1) + utc(2023, 4, 1) - 1) / 2);
    expect(instant('2024')).toBe((utc(2024, 1, 1) + utc(2025, 1, 1) - 1) / 2);
  });

  it('an open start ("../2022-02-24"): just before its end day begins; an open end: its start', () => {
    const scale = timeScale([{ date: '../2022-02-24' }, { date: '2022-02-24/..' }, { date: '2022-03-10' }]);
    const [openStart, openEnd] = scale.events;
    expect(openStart!.event.date).toBe('../2022-02-24');
    expect(openStart!.instant).toBe(utc(2022, 2, 24) - 1);
    expect([openStart!.openStart, openStart!.openEnd]).toEqual([true, false]);
    expect(openEnd!.instant).toBe(utc(2022, 2, 24));
    expect([openEnd!.openStart, openEnd!.openEnd]).toEqual([false, true]);
    // Neither has both ends, so neither gets a span.
    expect(openStart!.span).toBeUndefined();
    expect(openEnd!.span).toBeUndefined();
  });

  it('sorts the events by instant, whatever their order in the input, and keeps each event object', () => {
    const input = [{ date: '2023-06-01' }, { date: '2023-01-01' }, { date: '2023-03' }];
    const scale = timeScale(input);
    expect(scale.events.map((e) => e.event)).toEqual([input[1], input[2], input[0]]);
    expect(scale.events[0]!.event).toBe(input[1]);
  });
});

describe('positions', () => {
  it('are proportional to time when no gap is long or short', () => {
    // 1 January → 16 March 12:00 (middle of March) → 1 June: 74.5 and 76.5 of 151 days.
    const [a, b, c] = positions(['2023-01-01', '2023-03', '2023-06-01']);
    expect(a).toBe(0);
    expect(b).toBeCloseTo(74.5 / 151, 6);
    expect(c).toBeCloseTo(1, 12);
  });

  it('shorten a gap longer than three times the median to that (at least 30 days) and mark a break in it', () => {
    // Gaps of 10, 10 and 1441 days: the median is 10 days, so the cap is 30 days and the shares are 10:10:30.
    const scale = timeScale(['2020-01-01', '2020-01-11', '2020-01-21', '2024-01-01'].map((date) => ({ date })));
    expect(scale.events.map((e) => e.position)).toEqual([0, 0.2, 0.4, 1]);
    expect(scale.breaks).toEqual([0.7]);
  });

  it('give every gap at least 0.35 / (number of gaps) before normalising', () => {
    // Gaps of 1 and 29 days: shares 1/30 and 29/30; the first is raised to 0.175 (0.35 / 2), then both are scaled to sum to 1.
    const [a, b, c] = positions(['2020-01-01', '2020-01-02', '2020-01-31']);
    expect(a).toBe(0);
    expect(b).toBeCloseTo(0.175 / (0.175 + 29 / 30), 9);
    expect(c).toBeCloseTo(1, 12);
    // Without the minimum share the second event would sit at 1/30 of the axis, on top of the first.
    expect(b).toBeGreaterThan(0.15);
  });

  it('spread two events on the same day to the two ends of the axis', () => {
    expect(positions(['2023-04-18', '2023-04-18'])).toEqual([0, 1]);
  });

  it('run from 0 to 1 in the order of the instants, with ticks, breaks and spans inside the axis (property)', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(utc(1990, 1, 1) + n * DAY).toISOString().slice(0, 10));
    const date = fc.oneof(day, day.map((d) => d.slice(0, 7)), day.map((d) => `../${d}`), day.map((d) => `${d}/..`), day.map((d) => d.slice(0, 4)));
    fc.assert(
      fc.property(fc.array(date, { minLength: 2, maxLength: 25 }), (dates) => {
        const scale = timeScale(dates.map((d) => ({ date: d })));
        const ps = scale.events.map((e) => e.position);
        expect(scale.events).toHaveLength(dates.length);
        expect(ps[0]).toBe(0);
        expect(ps[ps.length - 1]).toBeCloseTo(1, 9);
        for (let i = 1; i < ps.length; i++) {
          expect(ps[i]!).toBeGreaterThan(ps[i - 1]!);
          expect(scale.events[i]!.instant).toBeGreaterThanOrEqual(scale.events[i - 1]!.instant);
        }
        for (const b of scale.breaks) {
          expect(b).toBeGreaterThan(0);
          expect(b).toBeLessThan(1);
        }
        for (const t of scale.ticks) {
          expect(t.position).toBeGreaterThanOrEqual(0);
          expect(t.position).toBeLessThanOrEqual(1 + 1e-9);
          expect(t.year).toBeGreaterThan(scale.firstYear);
          expect(t.year).toBeLessThanOrEqual(scale.lastYear);
        }
        for (const e of scale.events) if (e.span) expect(e.span[0]).toBeLessThan(e.span[1]);
      }),
    );
  });
});

describe('ticks', () => {
  it('mark each 1 January between the first and last event, where it falls on the axis', () => {
    const scale = timeScale(['2020-01-01', '2020-01-11', '2020-01-21', '2024-01-01'].map((date) => ({ date })));
    expect([scale.firstYear, scale.lastYear]).toEqual([2020, 2024]);
    // The last gap, 21 Jan 2020 → 1 Jan 2024 (1441 days), runs from 0.4 to 1; 1 January 2021 is 346 days into it.
    expect(scale.ticks.map((t) => t.year)).toEqual([2021, 2022, 2023, 2024]);
    const expected = [346, 711, 1076, 1441].map((days) => 0.4 + 0.6 * (days / 1441));
    scale.ticks.forEach((t, i) => expect(t.position).toBeCloseTo(expected[i]!, 9));
  });

  it('are none within one year', () => {
    expect(timeScale([{ date: '2023-01-05' }, { date: '2023-12-20' }]).ticks).toEqual([]);
  });
});

describe('spans', () => {
  it('run from the start to the end of a fuzzy date inside the axis', () => {
    const scale = timeScale([{ date: '2023-01-01' }, { date: '2023-03~' }, { date: '2023-06-01' }]);
    const march = scale.events[1]!;
    // Positions are proportional to time here (151 days): March runs from day 59 to day 90.
    expect(march.span![0]).toBeCloseTo(59 / 151, 6);
    expect(march.span![1]).toBeCloseTo(90 / 151, 6);
    expect(march.position).toBeGreaterThan(march.span![0]);
    expect(march.position).toBeLessThan(march.span![1]);
  });

  it('are left out where a date reaches past either end of the axis', () => {
    const scale = timeScale([{ date: '2023-03' }, { date: '2023-04-10' }, { date: '2023-05' }]);
    expect(scale.events[0]!.span).toBeUndefined();
    expect(scale.events[2]!.span).toBeUndefined();
  });

  it('are left out where they would be under 0.4 % of the axis', () => {
    // A day on an axis of 10 years (about 0.03 %) gets no span; the same day on an axis of 100 days (1 %) does.
    const long = timeScale([{ date: '2013-01-01' }, { date: '2018-01-01' }, { date: '2023-01-01' }]);
    expect(long.events[1]!.span).toBeUndefined();
    const short = timeScale([{ date: '2023-01-01' }, { date: '2023-02-20' }, { date: '2023-04-11' }]);
    expect(short.events[1]!.span![1] - short.events[1]!.span![0]).toBeCloseTo(1 / 100, 6);
  });
});

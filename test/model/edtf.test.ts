// Tests src/model/edtf.ts: EDTF strings in, earliest/latest instants (UTC ms) and a sort key out.
import { describe, expect, it } from 'vitest';
import { edtfSortKey, parseEdtf } from '../../src/model/edtf.js';

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const endOfDay = (y: number, m: number, d: number) => utc(y, m, d) + DAY - 1;

describe('parseEdtf', () => {
  it('reads a day as the whole of that day', () => {
    expect(parseEdtf('2023-04-18')).toEqual({ min: utc(2023, 4, 18), max: endOfDay(2023, 4, 18), approximate: false });
  });

  it('reads an approximate month as the whole month, marked approximate', () => {
    expect(parseEdtf('2023-03~')).toEqual({ min: utc(2023, 3, 1), max: endOfDay(2023, 3, 31), approximate: true });
  });

  it('reads a February month to its last day (leap year too)', () => {
    expect(parseEdtf('2023-02')?.max).toBe(endOfDay(2023, 2, 28));
    expect(parseEdtf('2024-02')?.max).toBe(endOfDay(2024, 2, 29));
  });

  it('reads a year as 1 January to 31 December', () => {
    expect(parseEdtf('2023')).toEqual({ min: utc(2023, 1, 1), max: endOfDay(2023, 12, 31), approximate: false });
  });

  it('reads an open start: no minimum, the end of the end date as maximum', () => {
    expect(parseEdtf('../2022-02-24')).toEqual({ min: null, max: endOfDay(2022, 2, 24), approximate: false });
  });

  it('reads an open end: the start of the date as minimum, no maximum', () => {
    expect(parseEdtf('2022-02-24/..')).toEqual({ min: utc(2022, 2, 24), max: null, approximate: false });
  });

  it('reads a closed interval from the start of the first to the end of the last date', () => {
    expect(parseEdtf('2022-02-24/2022-03-01')).toEqual({ min: utc(2022, 2, 24), max: endOfDay(2022, 3, 1), approximate: false });
  });

  it.each(['bogus', '', '2023-13-01', '2023-02-30', '24.02.2022', '2023/04/18', '../..', 'early March 2023'])('returns null for %j', (value) => {
    expect(parseEdtf(value)).toBeNull();
  });
});

describe('edtfSortKey', () => {
  it('is the start of a closed date', () => {
    expect(edtfSortKey('2023-04-18')).toBe(utc(2023, 4, 18));
    expect(edtfSortKey('2023-03~')).toBe(utc(2023, 3, 1));
    expect(edtfSortKey('2022-02-24/..')).toBe(utc(2022, 2, 24));
  });

  it('is NaN for a value that does not parse', () => {
    expect(edtfSortKey('bogus')).toBeNaN();
  });

  it('puts an open start just before its end date', () => {
    const open = edtfSortKey('../2022-02-24');
    expect(open).toBeLessThan(edtfSortKey('2022-02-24'));
    // ...but after anything that ends earlier, e.g. the day before.
    expect(open).toBeGreaterThan(edtfSortKey('2022-02-23'));
  });

  it('puts an open start with month precision before that month', () => {
    expect(edtfSortKey('../2022-02')).toBeLessThan(edtfSortKey('2022-02'));
    expect(edtfSortKey('../2022-02')).toBeLessThan(edtfSortKey('2022-02-01'));
    expect(edtfSortKey('../2022-02')).toBeGreaterThan(edtfSortKey('2022-01-31'));
  });

  it('sorts the seed\'s events into the order of the article', () => {
    const dates = ['../2024-07-01', '2023-04-18', '2022-02-24', '2023-03~', '../2022-02-24'];
    const sorted = [...dates].sort((a, b) => edtfSortKey(a) - edtfSortKey(b));
    expect(sorted).toEqual(['../2022-02-24', '2022-02-24', '2023-03~', '2023-04-18', '../2024-07-01']);
  });
});

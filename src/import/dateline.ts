// A line of a page's header in ("December 27, Pozirk.", "27 снежня 2023, Pozirk.", "Monday, 18 December 2023, 14:05 — , Publisher"),
// the publication day and the publisher it names out, when the line is a dateline and nothing else.
import { findDates, monthOf } from './dates.js';

export interface Dateline {
  /** The ISO day, when the line names a year. */
  iso?: string;
  /** Month and day of a dateline without a year ("December 27"). */
  monthDay?: { month: number; day: number };
  /** The site or agency after the date ("Pozirk", "Baltic Ledger"). */
  publisher?: string;
}

const WEEKDAY = /(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|панядзелак|аўторак|серада|чацвер|пятніца|субота|нядзеля|понеділок|вівторок|середа|четвер|пʼятниця|п'ятниця|п’ятниця|неділя)(?![\p{L}])/giu;
const CLOCK = /(?<![\d])\d{1,2}:\d{2}(?:\s*(?:am|pm|gmt|utc|cet|cest|msk|eet|eest|мск))?(?![\d])/giu;
/** "December 27", "27 December", "27 снежня": a day without a year. */
const MONTH_DAY = /(?<![\p{L}\d])(?:(\d{1,2})\s+(\p{L}+\.?)|(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?)(?![\p{L}\d])/u;
/** A publisher: one to five words, the first with a capital or a digit ("Полесский вестник"), or a domain ("pozirk.online"). */
const PUBLISHER = /^(?:[\p{Lu}\d][\p{L}\d’'&.-]*(?:\s+[\p{L}\d][\p{L}\d’'&.-]*){0,4}|[\p{L}\d-]+\.[a-z]{2,10})$/u;

export function parseDateline(line: string): Dateline | undefined {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 90) return undefined;
  const dates = findDates(text);
  let rest: string;
  const found: Dateline = {};
  if (dates.length === 1) {
    const date = dates[0]!;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.edtf)) return undefined;
    found.iso = date.edtf;
    rest = text.slice(0, date.index) + ' ¦ ' + text.slice(date.index + date.raw.length);
  } else if (dates.length === 0) {
    const m = MONTH_DAY.exec(text);
    if (!m) return undefined;
    const month = monthOf(m[2] ?? m[3]!);
    const day = Number(m[1] ?? m[4]);
    if (!month || day < 1 || day > 31) return undefined;
    found.monthDay = { month, day };
    rest = text.slice(0, m.index) + ' ¦ ' + text.slice(m.index + m[0].length);
  } else return undefined;
  rest = rest.replace(WEEKDAY, ' ').replace(CLOCK, ' ');
  // What stands after the date: separators, then perhaps the publisher and a full stop.
  const [before, after = ''] = rest.split('¦');
  if (!/^[\s,.|·•—–-]*$/u.test(before!)) return undefined;
  const tail = after.replace(/^[\s,.|·•—–-]+/u, '').replace(/[\s.]+$/u, '').trim();
  if (tail === '') return found.iso ? found : undefined;
  if (tail.length > 40 || !PUBLISHER.test(tail) || /\d{3,}/u.test(tail)) return undefined;
  return { ...found, publisher: tail };
}

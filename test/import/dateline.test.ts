// Tests src/import/dateline.ts: a page's dateline in, its day and publisher out — and prose left alone.
import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../src/import/dateline.js';

describe('parseDateline', () => {
  it('reads the day and the publisher of a dateline in four languages', () => {
    expect(parseDateline('December 27, 2023, Baltic Ledger.')).toEqual({ iso: '2023-12-27', publisher: 'Baltic Ledger' });
    expect(parseDateline('27 снежня 2023, Pozirk.')).toEqual({ iso: '2023-12-27', publisher: 'Pozirk' });
    expect(parseDateline('3 липня 2023, Вісник Полісся.')).toEqual({ iso: '2023-07-03', publisher: 'Вісник Полісся' });
    expect(parseDateline('Понедельник, 18 декабря 2023, 14:05 — , Полесский вестник')).toEqual({ iso: '2023-12-18', publisher: 'Полесский вестник' });
    expect(parseDateline('Monday, 18 December 2023, 14:05 — , Baltic Ledger')).toEqual({ iso: '2023-12-18', publisher: 'Baltic Ledger' });
    expect(parseDateline('18 December 2023 | pozirk.online')).toEqual({ iso: '2023-12-18', publisher: 'pozirk.online' });
  });

  it('reads a dateline without a year as month and day, with no ISO day', () => {
    expect(parseDateline('December 27, Pozirk.')).toEqual({ monthDay: { month: 12, day: 27 }, publisher: 'Pozirk' });
    expect(parseDateline('27 снежня, Pozirk.')).toEqual({ monthDay: { month: 12, day: 27 }, publisher: 'Pozirk' });
    expect(parseDateline('27 грудня, Вісник.')).toEqual({ monthDay: { month: 12, day: 27 }, publisher: 'Вісник' });
  });

  it('reads a bare date line as a day without a publisher', () => {
    expect(parseDateline('Tuesday, 18 April 2023, 10:32')).toEqual({ iso: '2023-04-18' });
  });

  it('is no dateline: prose, a stamp with a keyword, a month, two dates, a month-day without a publisher', () => {
    for (const line of [
      'On 18 April 2023 Lukashenko met Pushilin.',
      'Лукашэнка 27 снежня 2023 сустрэўся з Пушыліным.',
      'Updated: 18 April 2023',
      'March 2023, Vitebsk',
      '18 April 2023 and 1 July 2024',
      'December 27',
      'December 27, when the talks in Minsk began and ended without a result.',
      'may 5, the day after',
    ]) expect(parseDateline(line), line).toBeUndefined();
  });
});

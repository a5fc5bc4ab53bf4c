// Tests src/import/byline.ts (parseByline): a line under a title read as the author's name and roles, dates and reading times set aside, prose and subtitles refused.
import { describe, expect, it } from 'vitest';
import { parseByline, parseSignedByline } from '../../src/import/byline.js';

describe('names', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by Jane Doe', 'Jane Doe'],
    ['Written by Mary McAdam', 'Mary McAdam'],
    ['Author: Jane Doe', 'Jane Doe'],
    ['Text: Jan Bielski', 'Jan Bielski'],
    ['Аўтар: Ганна Сурмач', 'Ганна Сурмач'],
    ['Автор: Иван Петров', 'Иван Петров'],
    ['Автори: Олена Коваленко', 'Олена Коваленко'],
  ])('after a prefix: %j → %j', (line, name) => {
    expect(parseByline(line)).toEqual({ name, roles: [], skipped: [] });
  });

  it.each([
    ['Jean-Luc Picard'],
    ["Conan O'Brien"],
    ['J. R. Tolkien'],
    ['Ludwig van Beethoven'],
    ['Анна-Мария Иванова'],
    ['Павел Латушка'],
  ])('reads the name %j whole (hyphens, apostrophes, initials, particles)', (line) => {
    expect(parseByline(line)?.name).toBe(line);
  });

  it('reads two names joined by "and" (or і, та, и, &) as one author field', () => {
    expect(parseByline('Jane Doe and John Smith, Reuters')).toEqual({ name: 'Jane Doe and John Smith', roles: ['Reuters'], skipped: [] });
    expect(parseByline('Jane Doe & John Smith, Reuters')?.name).toBe('Jane Doe & John Smith');
    expect(parseByline('Ганна Сурмач і Янка Купала, Радыё Свабода')).toEqual({ name: 'Ганна Сурмач і Янка Купала', roles: ['Радыё Свабода'], skipped: [] });
    expect(parseByline('By Jane Doe and John Smith')?.name).toBe('Jane Doe and John Smith');
  });

  it('collapses runs of spaces and trims the line', () => {
    expect(parseByline('  Jane   Doe ,  Reuters ')).toEqual({ name: 'Jane Doe', roles: ['Reuters'], skipped: [] });
  });
});

describe('roles', () => {
  it('splits the rest of the line into roles at commas, bars, middle dots, semicolons and spaced dashes', () => {
    expect(parseByline('Pavel Latushka, deputy Head of the United Transitional Cabinet of Belarus, ambassador')).toEqual({
      name: 'Pavel Latushka',
      roles: ['deputy Head of the United Transitional Cabinet of Belarus', 'ambassador'],
      skipped: [],
    });
    expect(parseByline('Jane Doe | Reuters · Minsk; correspondent')?.roles).toEqual(['Reuters', 'Minsk', 'correspondent']);
    expect(parseByline('Jane Doe — Reuters')?.roles).toEqual(['Reuters']);
    expect(parseByline('Jane Doe - Reuters')?.roles).toEqual(['Reuters']);
    expect(parseByline('Павел Латушка, амбасадар')).toEqual({ name: 'Павел Латушка', roles: ['амбасадар'], skipped: [] });
  });

  it('keeps a hyphenated role whole (only a dash between spaces separates)', () => {
    expect(parseByline('Jane Doe, Minsk-based correspondent')?.roles).toEqual(['Minsk-based correspondent']);
  });

  it('sets aside dates, clock times and reading times', () => {
    expect(parseByline('By Jane Doe | 5 min read')).toEqual({ name: 'Jane Doe', roles: [], skipped: ['5 min read'] });
    expect(parseByline('Jane Doe, Reuters, 3 minutes read')).toEqual({ name: 'Jane Doe', roles: ['Reuters'], skipped: ['3 minutes read'] });
    expect(parseByline('Jane Doe, 18 April 2023')).toEqual({ name: 'Jane Doe', roles: [], skipped: ['18 April 2023'] });
    expect(parseByline('Jane Doe | 18.04.2023')?.skipped).toEqual(['18.04.2023']);
    expect(parseByline('Автор: Иван Петров, 12:30')).toEqual({ name: 'Иван Петров', roles: [], skipped: ['12:30'] });
    expect(parseByline('Аўтар: Ганна Сурмач · 21 чэрвеня 2023')).toEqual({ name: 'Ганна Сурмач', roles: [], skipped: ['21 чэрвеня 2023'] });
  });

  it('keeps a role that merely mentions a year', () => {
    expect(parseByline('Jane Doe, correspondent in Minsk since 2019')?.roles).toEqual(['correspondent in Minsk since 2019']);
  });
});

describe('what is not a byline', () => {
  it.each([
    ['a sentence about a person', 'Jane Doe said the consulate opened'],
    ['a line ending in a full stop', 'Jane Doe.'],
    ['a line ending in a colon', 'Jane Doe, Reuters:'],
    ['lower case', 'jane doe'],
    ['capitals only', 'BY JANE DOE'],
    ['a single word', 'Jane'],
    ['a single word after "By"', 'By Jane'],
    ['a publication', 'Reuters'],
    ['a name with a colon after it', 'Jane Doe: Reuters'],
    ['a title-case line of four words (a subtitle)', 'The Long Road Home'],
    ['an empty line', ''],
  ])('refuses %s: %j', (_label, line) => {
    expect(parseByline(line)).toBeUndefined();
  });

  it('refuses a bare name followed by a role that reads like a sentence (over 14 words), but takes it after "By"', () => {
    const role = 'who has covered Belarus for many years and written extensively about the regime and its allies abroad';
    expect(role.split(' ').length).toBeGreaterThan(14);
    expect(parseByline(`Jane Doe, ${role}`)).toBeUndefined();
    expect(parseByline(`By Jane Doe, ${role}`)).toEqual({ name: 'Jane Doe', roles: [role], skipped: [] });
  });

  it('refuses a line over 300 characters', () => {
    const roles = Array.from({ length: 40 }, (_, i) => `role ${i}`).join(', ');
    expect(`By Jane Doe, ${roles}`.length).toBeGreaterThan(300);
    expect(parseByline(`By Jane Doe, ${roles}`)).toBeUndefined();
    expect(parseByline(`By Jane Doe, ${roles.slice(0, 200)}`)?.name).toBe('Jane Doe');
  });

  it('takes a four-word title-case line when a role follows it, or after "By"', () => {
    expect(parseByline('Anna Maria Lopez Garcia, El País')).toEqual({ name: 'Anna Maria Lopez Garcia', roles: ['El País'], skipped: [] });
    expect(parseByline('By Anna Maria Lopez Garcia')?.name).toBe('Anna Maria Lopez Garcia');
  });
});

describe('parseSignedByline (a byline at the end of a page)', () => {
  it('reads "By …", "**By …**", "Аўтар: …", "Автор: …"', () => {
    expect(parseSignedByline('By Jane Doe')?.name).toBe('Jane Doe');
    expect(parseSignedByline('**By Mark Ellis**')?.name).toBe('Mark Ellis');
    expect(parseSignedByline('Аўтар: Алесь Мароз')?.name).toBe('Алесь Мароз');
    expect(parseSignedByline('**Автор: Анна Ковальская**')?.name).toBe('Анна Ковальская');
    expect(parseSignedByline('Автор: Олена Коваль')?.name).toBe('Олена Коваль');
  });

  it('takes no bare name: at the end of a page, a name alone may be the last line of the text', () => {
    for (const line of ['Jane Doe', 'Алесь Мароз', '**Mark Ellis**', 'By the end of the year the plant had closed.']) expect(parseSignedByline(line), line).toBeUndefined();
  });
});

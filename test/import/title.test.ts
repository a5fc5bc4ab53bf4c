// Tests src/import/title.ts: the top blocks of a page in, the title and the furniture around it out, in four languages.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/import/blocks.js';
import { chooseTitle, splitSiteName } from '../../src/import/title.js';

const blocks = (...texts: string[]): Block[] => texts.map((text, i) => ({ kind: 'text', text, line: i * 2 + 1 }));
const BODY = 'The regime does not advertise these ties, fearing new sanctions. Trade ran through Russian companies for years.';
const pick = (b: Block[], lang = 'en') => {
  const choice = chooseTitle(b, lang);
  return choice && { title: (b[choice.index] as { text: string }).text, furniture: choice.furniture.map((f) => `${(b[f.index] as { text: string }).text} (${f.reason})`) };
};

describe('chooseTitle', () => {
  it('takes the longest title-like line of the header over a site name and a rubric above it (en, be, uk, ru)', () => {
    expect(pick(blocks('The Baltic Ledger', 'Politics', 'Minsk courts the occupation authorities in Donetsk', BODY))).toEqual({
      title: 'Minsk courts the occupation authorities in Donetsk',
      furniture: ['The Baltic Ledger (site name or section above the title)', 'Politics (section label)'],
    });
    expect(pick(blocks('Улада', 'Мінск і акупаваныя рэгіёны: новыя дамовы', BODY), 'be')).toEqual({ title: 'Мінск і акупаваныя рэгіёны: новыя дамовы', furniture: ['Улада (rubric above the title)'] });
    expect(pick(blocks('Вісник Полісся', 'Як Мінськ торгує з окупованим Кримом', BODY), 'uk')).toEqual({ title: 'Як Мінськ торгує з окупованим Кримом', furniture: ['Вісник Полісся (site name or section above the title)'] });
    expect(pick(blocks('Политика', 'Минск открывает консульство в Ростове', BODY), 'ru')).toEqual({ title: 'Минск открывает консульство в Ростове', furniture: ['Политика (section label)'] });
  });

  it('keeps the first line when it is the longest, and leaves a subtitle and a byline under it alone', () => {
    expect(pick(blocks('Belarus opens a consulate for the occupied regions', 'What Minsk gains', 'By Jane Doe', BODY))).toEqual({ title: 'Belarus opens a consulate for the occupied regions', furniture: [] });
  });

  it('takes no byline, no sentence, nothing after the first paragraph', () => {
    expect(pick(blocks('Pavel Latushka, deputy Head of the United Transitional Cabinet of Belarus, ambassador', 'Short title here', BODY))?.title).toBe('Short title here');
    expect(pick(blocks('Minsk', 'The talks began on Monday.', 'Belarus and the occupied territories of Ukraine'))).toBeUndefined();
    expect(pick(blocks(BODY, 'Belarus and the occupied territories of Ukraine'))).toBeUndefined();
  });

  it('gives up when no header line has three words (the caller falls back to the first line)', () => {
    expect(pick(blocks('Title', BODY))).toBeUndefined();
  });
});

describe('splitSiteName', () => {
  it('takes a site name after a bar off a title line', () => {
    expect(splitSiteName('Minsk courts the occupation authorities | Baltic Ledger')).toEqual({ title: 'Minsk courts the occupation authorities', site: 'Baltic Ledger' });
    expect(splitSiteName('Мінск і акупаваныя рэгіёны · Pozirk')).toEqual({ title: 'Мінск і акупаваныя рэгіёны', site: 'Pozirk' });
  });

  it('leaves a title alone that only has a dash, or a long part after the bar', () => {
    expect(splitSiteName('“Nobody asked us” — the villages on the border count the cost')).toEqual({ title: '“Nobody asked us” — the villages on the border count the cost' });
    expect(splitSiteName('Trade | what the figures for the first quarter of the year say')).toEqual({ title: 'Trade | what the figures for the first quarter of the year say' });
  });
});

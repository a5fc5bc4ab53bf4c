// A text in, its language out: English by the Latin script, and Belarusian, Ukrainian or Russian by the letters only one of them uses.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/import/language.js';

describe('detectLanguage', () => {
  it('tells the four languages apart on a sentence', () => {
    expect(detectLanguage('The regime does not advertise its cooperation with the occupied territories.')).toBe('en');
    expect(detectLanguage('Рэжым Лукашэнкі не заўсёды хоча афішаваць свае кантакты з акупацыйнымі адміністрацыямі.')).toBe('be');
    expect(detectLanguage('Режим Лукашенка поступово розширює зв\'язки з окупаційними адміністраціями.')).toBe('uk');
    expect(detectLanguage('Власти Беларуси заметно активизировали контакты с оккупационными администрациями.')).toBe('ru');
  });

  it('knows Belarusian without ў (by і with ы and э), Ukrainian without ї/є (by і with и), Russian by ы/э/ъ/ё without і', () => {
    expect(detectLanguage('Гэта вельмі цікавы дзень.')).toBe('be');
    expect(detectLanguage('Це дуже цікавий день і ніч.')).toBe('uk');
    expect(detectLanguage('Это очень интересный день.')).toBe('ru');
    expect(detectLanguage('Съезд объявил решение.')).toBe('ru');
  });

  it('takes the script most letters are in: an English text quoting a Russian name stays English', () => {
    expect(detectLanguage('The Vitebsk committee (Витебский облисполком) signed an agreement with the authorities of occupied Crimea.')).toBe('en');
    expect(detectLanguage('Мінск і Kyiv: сувязі, якія рэжым хавае ад усіх.')).toBe('be');
  });

  it('defaults to Russian for Cyrillic with no telling letter, and to English for no letters at all', () => {
    expect(detectLanguage('Минск')).toBe('ru');
    expect(detectLanguage('2023 — 2024')).toBe('en');
  });
});

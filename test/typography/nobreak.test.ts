// No-break rules by language: short Cyrillic words, numbers and units, days and months, initials, dashes; the line breaker keeps what they bind; the fonts have the character.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bindWords, NO_BREAK_SPACE } from '../../src/typography/nobreak.js';
import type { Lang } from '../../src/typography/punctuation.js';
import { typesetText } from '../../src/typography/article.js';
import { layoutParagraph, type ParagraphSpec } from '../../src/layout/text.js';
import { FONT_FAMILIES, FontRegistry } from '../../src/layout/fonts.js';

/** "з·акупаванымі": no-break spaces shown as a middle dot, to read the expectations. */
const shown = (text: string) => text.replaceAll(NO_BREAK_SPACE, '·');
const bound = (text: string, lang: Lang) => shown(bindWords(text, lang));

describe('short words bind to the next word', () => {
  it('Belarusian: one-letter words (з, у, ў, і, а, я) and the usual two-letter ones', () => {
    expect(bound('Як рэжым Лукашэнкі супрацоўнічае з акупаванымі тэрыторыямі', 'be')).toBe('Як·рэжым Лукашэнкі супрацоўнічае з·акупаванымі тэрыторыямі');
    expect(bound('сустрэўся ў Мінску і ў Віцебску, а на захопленых', 'be')).toBe('сустрэўся ў·Мінску і·ў·Віцебску, а·на·захопленых');
    expect(bound('па-за межамі, не пазней за 1 ліпеня, ці ад іх', 'be')).toBe('па-за межамі, не·пазней за·1·ліпеня, ці·ад·іх');
  });

  it('Russian: one-letter words (с, в, к, о, и, а, у, я) and two-letter prepositions and conjunctions', () => {
    expect(bound('контакты с оккупированными регионами', 'ru')).toBe('контакты с·оккупированными регионами');
    expect(bound('и в Минске, к власти, о сотрудничестве, по линии от границы из Крыма', 'ru')).toBe('и·в·Минске, к·власти, о·сотрудничестве, по·линии от·границы из·Крыма');
    expect(bound('из-за границы', 'ru')).toBe('из-за границы');
  });

  it('Ukrainian: one-letter words (з, у, в, і, й, о, а) and the two-letter ones (та, що, чи, на, до)', () => {
    expect(bound('співпраця з окупаційними адміністраціями у Києві', 'uk')).toBe('співпраця з·окупаційними адміністраціями у·Києві');
    expect(bound('Лукашенко та окуповані території: що відомо й чи надовго', 'uk')).toBe('Лукашенко та·окуповані території: що·відомо й·чи·надовго');
  });

  it('binds before an opening quotation mark, and never a word that ends a sentence or stands inside a word', () => {
    expect(bound('ён прапанаваў дапамогу ў «аднаўленні»', 'be')).toBe('ён прапанаваў дапамогу ў·«аднаўленні»');
    expect(bound('Кто сказал я? Никто, кроме нас', 'ru')).toBe('Кто сказал я? Никто, кроме нас');
    expect(bound('сам-в-себе', 'ru')).toBe('сам-в-себе');
  });

  it('binds Cyrillic one-letter words in an article of any language, and leaves English short words free', () => {
    expect(bound('the slogan «Мы с тобой» and a car', 'en')).toBe('the slogan «Мы с·тобой» and a car');
  });
});

describe('numbers, dates, initials and dashes', () => {
  it('a number binds to its unit, its amount word and the year word', () => {
    expect(bound('5 km, 10 %, 100 млн рублей, 3 тыс. человек, 2,5 млрд', 'ru')).toBe('5·km, 10·%, 100·млн рублей, 3·тыс. человек, 2,5·млрд');
    expect(bound('у 2023 г. і 2024 годзе, 12 % насельніцтва', 'be')).toBe('у·2023·г. і·2024·годзе, 12·% насельніцтва');
    expect(bound('3 липня 2023 р., 2022 року', 'uk')).toBe('3·липня 2023·р., 2022·року');
    expect(bound('Population fell by 12 % and 15 per cent; 2 million people; 10 000 soldiers; № 5', 'en')).toBe('Population fell by 12·% and 15·per cent; 2·million people; 10·000 soldiers; №·5');
  });

  it('a day binds to its month, in each language, and an English month to its day', () => {
    expect(bound('on 18 April 2023, 24 February', 'en')).toBe('on 18·April 2023, 24·February');
    expect(bound('on April 18, 2023 and in May 2023', 'en')).toBe('on April·18, 2023 and in May 2023');
    expect(bound('не позднее 1 июля 2024 г.', 'ru')).toBe('не·позднее 1·июля 2024·г.');
    expect(bound('да 24 лютага 2022 года, 18 красавіка', 'be')).toBe('да·24·лютага 2022·года, 18·красавіка');
    expect(bound('до 24 лютого 2022 року', 'uk')).toBe('до·24·лютого 2022·року');
  });

  it('initials bind to each other and to the surname, before or after it', () => {
    expect(bound('A. Lukashenko met D. Pushilin', 'en')).toBe('A.·Lukashenko met D.·Pushilin');
    expect(bound('А. Г. Лукашенко и А.Г. Лукашенко', 'ru')).toBe('А.·Г.·Лукашенко и·А.Г.·Лукашенко');
    expect(bound('выступил Лукашенко А. Г. в Минске', 'ru')).toBe('выступил Лукашенко·А.·Г. в·Минске');
  });

  it('a spaced dash binds to the word before it', () => {
    expect(bound('«Ми будемо реагувати», — заявив речник', 'uk')).toBe('«Ми будемо реагувати»,·— заявив речник');
    expect(bound('the villages – and the cost', 'en')).toBe('the villages·– and the cost');
    expect(bound('in 1990–1994', 'en')).toBe('in 1990–1994');
  });
});

describe('what the rules promise', () => {
  it('replace only spaces, by U+00A0, and are idempotent, for any text', () => {
    const unit = fc.constantFrom('з', 'в', 'с', 'на', 'і', 'A.', 'Г.', 'Лукашенко', 'km', 'млн', 'г.', 'April', 'июля', '18', '2023', '—', '–', '-', '«', ' ', ' ', '\u00A0', ',', '.');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }).map((parts) => parts.join('')), fc.constantFrom<Lang>('en', 'be', 'uk', 'ru'), (text, lang) => {
        const once = bindWords(text, lang);
        expect(bindWords(once, lang)).toBe(once);
        expect(once.replaceAll(NO_BREAK_SPACE, ' ')).toBe(text.replaceAll(NO_BREAK_SPACE, ' '));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('use a character every embedded face has, with every typographic mark the punctuation emits (so the text check replaces nothing)', () => {
    const fonts = new FontRegistry();
    const emitted = [NO_BREAK_SPACE, '“', '”', '‘', '’', '«', '»', '„', '–', '—'];
    for (const family of FONT_FAMILIES) for (const weight of ['regular', 'bold'] as const) for (const italic of [false, true]) {
      const face = fonts.face({ family, weight, italic });
      expect(emitted.filter((ch) => !face.hasGlyph(ch.codePointAt(0)!)), face.id).toEqual([]);
    }
  });
});

describe('the line breaker (UAX #14) keeps what the rules bind', () => {
  const fonts = new FontRegistry();
  const spec = (text: string): ParagraphSpec => ({
    runs: [{ text, style: { family: 'serif', weight: 'regular', italic: false, sizePt: 10, colour: '#000000' } }],
    align: 'justify', lineHeightPt: 13, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: true,
  });
  const lineTexts = (text: string, widthPt: number, lang: Lang) => layoutParagraph(spec(text), widthPt, fonts, lang).lines.map((line) => line.fragments.map((f) => f.text).join('').trim());
  const ONE_LETTER_AT_END = /(?:^|[\s\u00A0])\p{Script=Cyrillic}$/u;
  const PARAGRAPH: [string, Lang] = [
    'Сувязі пачаліся яшчэ да 24 лютага 2022 года, калі расійскія войскі пачалі поўнамаштабнае ўварванне ва Украіну. ' +
      '18 красавіка 2023 г. Лукашэнка сустрэўся ў Мінску з так званым "выконваючым абавязкі кіраўніка ДНР" Дзянісам Пушыліным. ' +
      'Падчас сустрэчы ён прапанаваў дапамогу ў "аднаўленні" акупаванай тэрыторыі, а таксама з развіццём сувязяў і ў іншых галінах.',
    'be',
  ];

  it('never breaks at a no-break space: a bound word moves to the next line with its neighbour', () => {
    const widthPt = layoutParagraph(spec('Як рэжым Лукашэнкі з'), 1000, fonts, 'be').lines[0]!.width + 2;
    expect(lineTexts('Як рэжым Лукашэнкі з акупаванымі', widthPt, 'be')[0]).toBe('Як рэжым Лукашэнкі з');
    expect(lineTexts(bindWords('Як рэжым Лукашэнкі з акупаванымі', 'be'), widthPt, 'be').map(shown)).toEqual(['Як·рэжым Лукашэнкі', 'з·акупаванымі']);
  });

  it('leaves no line of a typeset Cyrillic paragraph ending in a one-letter word, at any width (and the check sees them without it)', () => {
    const [written, lang] = PARAGRAPH;
    const typeset = typesetText(written, lang).value;
    const widths = Array.from({ length: 41 }, (_, i) => 120 + i * 5);
    const endings = (text: string) => widths.flatMap((w) => lineTexts(text, w, lang).slice(0, -1).filter((line) => ONE_LETTER_AT_END.test(line)).map((line) => `${w} pt: …${line.slice(-20)}`));
    expect(endings(written).length, 'the written paragraph has one-letter line ends at some widths').toBeGreaterThan(0);
    expect(endings(typeset)).toEqual([]);
  });
});

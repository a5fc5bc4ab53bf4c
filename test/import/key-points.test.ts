// Tests src/import/key-points.ts: paragraphs in, draft key points out — the sentences that carry the text, at most one a
// paragraph, never a caption, a quotation, an agency dateline or a sentence the overview slide shows — in four languages.
import { describe, expect, it } from 'vitest';
import { chooseKeyPoints, withoutDateline, type PointParagraph } from '../../src/import/key-points.js';
import { firstSentence } from '../../src/render/sentences.js';

const paragraphs = (section: number, ...texts: string[]): PointParagraph[] => texts.map((text, index) => ({ text, line: section * 100 + index * 2 + 1, section, index }));
const texts = (points: { text: string }[]) => points.map((p) => p.text);

const EN = [
  ...paragraphs(0,
    'Belarus is deepening its ties with the occupied regions of Ukraine. The Vitebsk region signed a trade agreement with the occupation authorities of Crimea in March 2023.',
    'The weather in Minsk was mild that spring. The trade agreement with Crimea covers tractors, buses and the exchange of delegations.',
    'Critics were quick to respond. A Belarusian delegation visited Crimea in May 2023 to discuss the trade agreement.',
  ),
  ...paragraphs(1,
    'The consulate in Rostov-on-Don will serve the occupied regions of Ukraine from July 2024. It will register the trade contracts of Belarusian companies.',
    'Lunch was served. Sanctions lawyers warn that the trade with the occupied regions exposes Belarusian companies to sanctions.',
  ),
];

describe('chooseKeyPoints', () => {
  it('takes the sentences that share the text\'s words, one a paragraph at most, in text order', () => {
    const points = chooseKeyPoints(EN, 'en');
    const byParagraph = new Map<number, number>();
    for (const p of points) byParagraph.set(p.line, (byParagraph.get(p.line) ?? 0) + 1);
    expect([...byParagraph.values()].every((n) => n === 1)).toBe(true);
    expect(texts(points)).toContain('The Vitebsk region signed a trade agreement with the occupation authorities of Crimea in March 2023.');
    expect(points.map((p) => p.line)).toEqual([...points.map((p) => p.line)].sort((a, b) => a - b));
    expect(texts(points)).not.toContain('The weather in Minsk was mild that spring.');
    expect(texts(points)).not.toContain('Lunch was served.');
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
  });

  it('never repeats a bullet of the overview slide (the first sentences of the first section)', () => {
    const overview = EN.filter((p) => p.section === 0).map((p) => firstSentence(p.text, 'en'));
    for (const point of chooseKeyPoints(EN, 'en')) expect(overview).not.toContain(point.text);
  });

  it('takes no caption, no quotation, no sentence that leans on the one before', () => {
    const page = [
      ...paragraphs(0, 'Minsk and Crimea trade. The Vitebsk region signed a trade agreement with Crimea in March 2023 after long talks.', 'Tractors of the Minsk plant at the port of Kerch in Crimea, March 2023.'),
      ...paragraphs(1, 'Talks went on. “The trade agreement with Crimea is only the beginning of the talks,” said Sergey Aksyonov.', 'Trade grew. It grew with the trade agreement signed with Crimea in March 2023 after talks.', 'Some agreed. “The trade agreement signed with Crimea in March 2023 opened the door for the Vitebsk region.”'),
    ];
    page[1]!.caption = true;
    const points = texts(chooseKeyPoints(page, 'en', ['The trade agreement with Crimea is only the beginning of the talks']));
    expect(points).toEqual(['The Vitebsk region signed a trade agreement with Crimea in March 2023 after long talks.']);
  });

  it('works in Belarusian, Ukrainian and Russian, inflected forms counting as the same word', () => {
    const cases: [string, string[], string][] = [
      ['be', ['Мінск пашырае сувязі. Віцебская вобласць падпісала гандлёвае пагадненне з акупацыйнымі ўладамі Крыма ў сакавіку 2023 года.', 'Надвор’е было цёплым. Гандлёвае пагадненне з Крымам прадугледжвае пастаўкі трактароў і аўтобусаў.', 'Нехта спяваў. Дэлегацыя з Крыма наведала Віцебск, каб абмеркаваць гандлёвае пагадненне.'], 'Гандлёвае пагадненне з Крымам прадугледжвае пастаўкі трактароў і аўтобусаў.'],
      ['uk', ['Мінськ розширює зв’язки. Вітебська область уклала торговельну угоду з окупаційною владою Криму в березні 2023 року.', 'Погода була теплою. Торговельна угода з Кримом передбачає постачання тракторів і автобусів.', 'Хтось співав. Делегація з Криму відвідала Вітебськ, щоб обговорити торговельну угоду.'], 'Торговельна угода з Кримом передбачає постачання тракторів і автобусів.'],
      ['ru', ['Минск расширяет связи. Витебская область подписала торговое соглашение с оккупационными властями Крыма в марте 2023 года.', 'Погода была тёплой. Торговое соглашение с Крымом предусматривает поставки тракторов и автобусов.', 'Кто-то пел. Делегация из Крыма посетила Витебск, чтобы обсудить торговое соглашение.'], 'Торговое соглашение с Крымом предусматривает поставки тракторов и автобусов.'],
    ];
    for (const [lang, text, expected] of cases) {
      const points = texts(chooseKeyPoints(paragraphs(0, ...text), lang));
      expect(points, lang).toContain(expected);
      expect(points.some((p) => /^(Надвор’е|Погода)/u.test(p)), lang).toBe(false);
    }
  });

  it('when only first sentences can stand, takes the best two of them and says they repeat the overview', () => {
    const points = chooseKeyPoints(paragraphs(0, 'VILNIUS, April 18 (Baltic Wire) - Belarus will open a consulate in Rostov-on-Don for the occupied regions.', 'The consulate in Rostov-on-Don will serve four occupied regions of Ukraine.', 'Kyiv condemned the consulate in Rostov-on-Don as a violation of international law.'), 'en');
    expect(points.length).toBe(2);
    expect(points.every((p) => p.repeatsOverview)).toBe(true);
    expect(points.some((p) => p.text.startsWith('VILNIUS'))).toBe(false);
  });
});

describe('withoutDateline', () => {
  it('takes an agency dateline off the front of a sentence, and nothing else', () => {
    expect(withoutDateline('VILNIUS, April 18 (Baltic Wire) - Belarus will open a consulate.')).toBe('Belarus will open a consulate.');
    expect(withoutDateline('МІНСК, 18 красавіка — Беларусь адкрые консульства.')).toBe('Беларусь адкрые консульства.');
    expect(withoutDateline('NATO, the alliance - which Belarus opposes - met.')).toBe('NATO, the alliance - which Belarus opposes - met.');
  });
});

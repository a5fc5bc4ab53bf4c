// People from the text: a name with a role beside it in four languages, merged across its mentions, cases and
// spellings; a name without a role only noted; places, bodies and countries never people.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articlePeople, nominative, surnameKey } from '../../src/import/people.js';
import { importArticle } from '../../src/import/import.js';

const actors = (text: string, lang: 'en' | 'be' | 'uk' | 'ru' = 'en') => articlePeople([{ text, line: 1 }], lang).actors;
const named = (text: string, lang: 'en' | 'be' | 'uk' | 'ru' = 'en') => actors(text, lang).map((a) => [a.name, a.role]);

describe('articlePeople: roles', () => {
  it('takes the apposition after the name', () => {
    expect(named('Belarus hosted Denis Pushilin, the Russian-installed head of the occupied part of Donetsk region, in Minsk.')).toEqual([['Denis Pushilin', 'Russian-installed head of the occupied part of Donetsk region']]);
  });

  it('takes the apposition before the name, and not the next person’s role for the first one', () => {
    expect(named('The head of the occupation administration of Crimea, Sergey Aksyonov, and the chairman of the Vitebsk regional executive committee, Alexander Subbotin, agreed.')).toEqual([
      ['Sergey Aksyonov', 'head of the occupation administration of Crimea'],
      ['Alexander Subbotin', 'chairman of the Vitebsk regional executive committee'],
    ]);
  });

  it('takes the words before the name, with their modifiers, or the quoted role', () => {
    expect(named('Lithuanian Foreign Minister Linas Linkevičius said so.')).toEqual([['Linas Linkevičius', 'Lithuanian Foreign Minister']]);
    expect(named('Belarusian leader Alexander Lukashenko met Denis Pushilin.')).toEqual([['Alexander Lukashenko', 'Belarusian leader']]);
    expect(named('He met the so-called "acting head of the DPR" Denis Pushilin as a person of rank.')).toEqual([['Denis Pushilin', 'acting head of the DPR']]);
    expect(named('Minsk Mayor Vladimir Kukharev hosted him.')).toEqual([['Vladimir Kukharev', 'Minsk Mayor']]);
  });

  it('finds roles in ru, uk, be, with the name in its nominative', () => {
    expect(named('Об этом заявил министр иностранных дел Литвы Линас Линкявичюс.', 'ru')).toEqual([['Линас Линкявичюс', 'министр иностранных дел Литвы']]);
    expect(named('Голова окупаційної адміністрації Криму Сергій Аксьонов підписав угоду.', 'uk')).toEqual([['Сергій Аксьонов', 'Голова окупаційної адміністрації Криму']]);
    expect(named('Лукашэнка сустрэўся з так званым «выконваючым абавязкі кіраўніка ДНР» Дзянісам Пушыліным.', 'be')).toEqual([['Дзяніс Пушылін', 'выконваючым абавязкі кіраўніка ДНР']]);
  });

  it('drafts "head of the regime" from "the X regime" in each language', () => {
    expect(named('The Lukashenko regime does not advertise it.')).toEqual([['Lukashenko', 'head of the regime']]);
    expect(named('Рэжым Лукашэнкі не хоча гэтага.', 'be')).toEqual([['Лукашэнка', 'кіраўнік рэжыму']]);
    expect(named('Режим Лукашенка розширює зв’язки.', 'uk')).toEqual([['Лукашенко', 'очільник режиму']]);
    expect(named('Режим Лукашенко расширяет связи.', 'ru')).toEqual([['Лукашенко', 'глава режима']]);
    expect(named('The Kremlin regime and the Soviet regime.')).toEqual([]);
  });
});

describe('articlePeople: merging and refusing', () => {
  it('merges a surname, its spellings and a full name into one actor with the full name', () => {
    const { actors: found, notes } = articlePeople([
      { text: 'The Lukashenka regime went on.', line: 2 },
      { text: 'Belarusian leader Aliaksandr Lukashenko spoke. Lukashenko’s answer came later.', line: 4 },
    ], 'en');
    expect(found).toEqual([{ id: 'lukashenko', name: 'Aliaksandr Lukashenko', role: 'head of the regime' }]);
    expect(notes[0]!.message).toMatch(/also written .*"Lukashenka"/);
  });

  it('merges spellings the text gives side by side, and across scripts', () => {
    expect(surnameKey('Cichanoŭskaja')).toBe(surnameKey('Tsikhanouskaya'));
    expect(surnameKey('Лукашэнка')).toBe(surnameKey('Lukashenko'));
    expect(surnameKey('Aksyonov')).toBe(surnameKey('Аксёнов'));
    expect(surnameKey('Pushilin')).not.toBe(surnameKey('Putin'));
    const found = actors('Sviatlana Cichanoŭskaja (Tsikhanouskaya), the opposition leader, spoke. Tsikhanouskaya then left.');
    expect(found).toEqual([{ id: 'cichanouskaja', name: 'Sviatlana Cichanoŭskaja', role: 'opposition leader' }]);
  });

  it('puts a Slavic name in the nominative', () => {
    expect(nominative('Пушыліным', 'be', 'last')).toBe('Пушылін');
    expect(nominative('Дзянісам', 'be', 'first')).toBe('Дзяніс');
    expect(nominative('Сяргеем', 'be', 'first')).toBe('Сяргей');
    expect(nominative('Лукашэнкі', 'be', 'last')).toBe('Лукашэнка');
    expect(nominative('Лукашенка', 'uk', 'last')).toBe('Лукашенко');
    expect(nominative('Лукашенко', 'ru', 'last')).toBe('Лукашенко');
  });

  it('notes a name without a role and leaves it out of the actors', () => {
    const { actors: found, notes } = articlePeople([{ text: 'Reporting by Anna Kowalska.', line: 7 }], 'en');
    expect(found).toEqual([]);
    expect(notes).toEqual([{ line: 7, message: 'person: "Anna Kowalska" is named without a role: not in the actors table (add it by hand if it belongs there)' }]);
  });

  it('takes no place, body, country or sentence opener for a person', () => {
    expect(articlePeople([{ text: 'The Vitebsk Regional Executive Committee, the chairman of which spoke. United Transitional Cabinet of Belarus met. Later Rostov-on-Don, the regional capital, replied. Улады Беларусі, кіраўнік якіх маўчыць. The director of the Minsk Tractor Works, the chief engineer, spoke. The Minsk Tractor Brigade, the pride of the plant, won. Minsk Concert Hall, the director of which spoke.', line: 1 }], 'en')).toEqual({ actors: [], notes: [], mentions: expect.any(Function) });
  });

  it('names the actors of a sentence for its event', () => {
    const { mentions } = articlePeople([{ text: 'The Lukashenko regime went on. Belarusian leader Alexander Lukashenko met the "acting head of the DPR" Denis Pushilin.', line: 1 }], 'en');
    expect(mentions('On 18 April 2023, Lukashenko held a meeting with Pushilin.')).toEqual(['lukashenko', 'pushilin']);
    expect(mentions('Trade went through Russian companies.')).toEqual([]);
  });
});

describe('the raw fixtures against the people a reader marks (with a role in the text)', () => {
  const ids = (file: string) => importArticle(readFileSync(file, 'utf8'), file).value.article.actors.map((a) => a.name);
  it('the seed: Lukashenko, Pushilin, Aksyonov, Subbotin; its events name them', () => {
    const article = importArticle(readFileSync('test/fixtures/seed-000.txt', 'utf8'), 'seed-000.txt').value.article;
    expect(article.actors.map((a) => a.name)).toEqual(['Lukashenko', 'Denis Pushilin', 'Sergey Aksyonov', 'Alexander Subbotin']);
    expect(article.events.find((e) => e.date === '2023-04-18')).toMatchObject({ actors: ['lukashenko', 'pushilin'], places: ['dpr'] });
  });
  it('be: Lukashenka (the regime, in the title), Pushylin (кіраўніка ДНР); uk: Lukashenko (the regime); ru: none has a role', () => {
    expect(ids('test/fixtures/raw/be-article.txt')).toEqual(['Лукашэнка', 'Дзяніс Пушылін']);
    expect(ids('test/fixtures/raw/uk-article.txt')).toEqual(['Лукашенко']);
    expect(ids('test/fixtures/raw/ru-article.txt')).toEqual([]);
  });
  it('en: the news names Lukashenko and Pushilin with roles; its end byline’s people have none', () => {
    expect(ids('test/fixtures/raw/en-short-news.txt')).toEqual(['Alexander Lukashenko', 'Denis Pushilin']);
    expect(ids('test/fixtures/raw/en-long-analysis.txt')).toEqual([]);
  });
});

describe('articlePeople on any text', () => {
  it('never throws; every actor has a name, a role and a unique id, and its name stands in the text', () => {
    const words = fc.constantFrom('Denis', 'Pushilin', 'Дзянісам', 'Пушыліным', ',', 'the', 'head', 'of', 'Crimea', 'Minsk', 'Mayor', 'regime', 'Рэжым', 'Лукашэнкі', '«', '»', '(', ')', 'and', 'A.', '.', 'Committee');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words).map((w) => w.join(' '))), fc.constantFrom('en', 'be', 'uk', 'ru'), (text, lang) => {
        const { actors: found } = articlePeople([{ text, line: 1 }], lang as 'en');
        expect(new Set(found.map((a) => a.id)).size).toBe(found.length);
        for (const actor of found) {
          expect(actor.id).toMatch(/^[a-z0-9-]+$/);
          expect(actor.role.trim().length).toBeGreaterThan(0);
          expect(actor.name.split(' ').every((w) => text.includes(w.slice(0, 4)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

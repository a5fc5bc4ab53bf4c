// Tests src/import/quotes.ts: paragraphs in, the quotations with their speakers out — in every quotation style and the
// four languages, over two paragraphs or left unclosed — and no quote from a label in quotation marks or speech without a speaker.
import { describe, expect, it } from 'vitest';
import { findQuotes, quotedSpans } from '../../src/import/quotes.js';

const quotes = (lang: string, ...texts: string[]) => findQuotes(texts.map((text, i) => ({ text, line: i + 1 })), lang).map(({ text, speaker, context }) => ({ text, speaker, ...(context ? { context } : {}) }));

describe('findQuotes', () => {
  it('reads “…,” said X and X said “…” in English, with the role beside the name as context', () => {
    expect(quotes('en', '“We are ready to supply everything the region needs,” said Denis Pushilin after the talks in Minsk.')).toEqual([{ text: 'We are ready to supply everything the region needs', speaker: 'Denis Pushilin' }]);
    expect(quotes('en', '‘We came to look at what we can build together,’ the head of the delegation, Ivan Kruk, told local television.')).toEqual([{ text: 'We came to look at what we can build together', speaker: 'Ivan Kruk', context: 'head of the delegation' }]);
    expect(quotes('en', 'According to the foreign ministry spokesman Anatol Hlaz, "the contacts are purely humanitarian and economic."')).toEqual([{ text: 'the contacts are purely humanitarian and economic.', speaker: 'Anatol Hlaz', context: 'foreign ministry spokesman' }]);
    expect(quotes('en', '"Opening a consulate is a recognition of the annexation," Sviatlana Tsikhanouskaya said in a statement.')).toEqual([{ text: 'Opening a consulate is a recognition of the annexation', speaker: 'Sviatlana Tsikhanouskaya' }]);
  });

  it('reads «…», — заявіла Ціханоўская (be), сообщил министр … (ru), сказав … (uk)', () => {
    expect(quotes('be', '«Гэта прызнанне анексіі, а не гандаль», — заявіла Ціханоўская. Паводле яе слоў, прадпрыемствы рызыкуюць.')).toEqual([{ text: 'Гэта прызнанне анексіі, а не гандаль', speaker: 'Ціханоўская' }]);
    expect(quotes('be', 'Лукашэнка сказаў: «Мы будзем працаваць з усімі рэгіёнамі».')).toEqual([{ text: 'Мы будзем працаваць з усімі рэгіёнамі', speaker: 'Лукашэнка' }]);
    expect(quotes('ru', '„Консульство будет защищать права граждан“, — сообщил министр иностранных дел Сергей Алейник.')).toEqual([{ text: 'Консульство будет защищать права граждан', speaker: 'Сергей Алейник', context: 'министр иностранных дел' }]);
    expect(quotes('ru', '«Мы договорились о поставках техники», — сообщил министр.')).toEqual([{ text: 'Мы договорились о поставках техники', speaker: 'министр' }]);
    expect(quotes('uk', '«Білоруські підприємства завжди бажані на кримській землі», — сказав Сергій Аксьонов після зустрічі.')).toEqual([{ text: 'Білоруські підприємства завжди бажані на кримській землі', speaker: 'Сергій Аксьонов' }]);
  });

  it('gives a surname its full name from elsewhere in the text, and an inflected name its written form', () => {
    expect(quotes('en', 'The head of the occupation administration of Crimea, Sergey Aksyonov, met the delegation.', 'Aksyonov then stressed that “the enterprises are always welcome on the Crimean land.”')).toEqual([
      { text: 'the enterprises are always welcome on the Crimean land.', speaker: 'Sergey Aksyonov', context: 'head of the occupation administration of Crimea' },
    ]);
    const found = findQuotes([{ text: 'За словами експертки Олени Коваль, «ці угоди мають більше політичне значення».', line: 1 }], 'uk', ['Олена Коваль']);
    expect(found.map((q) => q.speaker)).toEqual(['Олена Коваль']);
  });

  it('takes an unclosed quotation to the end of its paragraph, and one over two paragraphs to where it closes', () => {
    expect(quotes('en', 'Sergey Aksyonov met them. Aksyonov then stressed that "Belarusian enterprises are always welcome on the Crimean land. ')).toEqual([
      { text: 'Belarusian enterprises are always welcome on the Crimean land.', speaker: 'Sergey Aksyonov' },
    ]);
    expect(quotes('ru', 'Министр Алейник заявил: «Мы откроем консульство в Ростове.', '«Оно начнёт работу летом», — добавил он.')).toEqual([
      { text: 'Мы откроем консульство в Ростове. Оно начнёт работу летом', speaker: 'Алейник' },
    ]);
  });

  it('takes a quotation over two paragraphs once, not its second part again', () => {
    expect(quotes('be', '«Мы не просім дазволу ні ў кога. Санкцыі — гэта іх праблема.', '«Беларусь будзе гандляваць з усімі рэгіёнамі», — заявіў Лукашэнка падчас нарады.')).toEqual([
      { text: 'Мы не просім дазволу ні ў кога. Санкцыі — гэта іх праблема. Беларусь будзе гандляваць з усімі рэгіёнамі', speaker: 'Лукашэнка' },
    ]);
  });

  it('takes no label in quotation marks and no speech without a speaker', () => {
    expect(quotes('en', 'Lukashenko met the so-called "acting head of the DPR" Denis Pushilin in Minsk.')).toEqual([]);
    expect(quotes('en', 'In addition to cooperation with the "LPR" and "DPR", Minsk courts Crimea.')).toEqual([]);
    expect(quotes('be', 'Так званая «ДНР» не прызнаная ніводнай краінай, сказаў ён.')).toEqual([]);
    expect(quotes('ru', 'Эксперты называют это «гуманитарными» проектами.')).toEqual([]);
    expect(quotes('en', '“Now there is nobody to sell to.” The village is empty.')).toEqual([]);
    expect(quotes('uk', '«Ми будемо реагувати на кожен такий крок», — заявив він.')).toEqual([]);
  });
});

describe('quotedSpans', () => {
  it('pairs the marks of each style, nested ones inside, apostrophes left alone', () => {
    expect(quotedSpans('«Ён сказаў „не“», — адзначыў ён.').map((s) => s.inner)).toEqual(['Ён сказаў „не“']);
    expect(quotedSpans('Ukraine’s view: ‘It’s a violation,’ he said.').map((s) => s.inner)).toEqual(['It’s a violation,']);
    expect(quotedSpans('He said "no" and then "yes".').map((s) => s.inner)).toEqual(['no', 'yes']);
    expect(quotedSpans('"Left open').map((s) => s.closed)).toEqual([false]);
  });
});

// Tests src/import/blocks.ts: raw text (plainBlocks) and Markdown (markdownBlocks) into paragraphs, headings, lists and quotes with line numbers, furniture dropped with its reason; isHeadingLine, looksLikeMarkdown, LIST_ITEM, SENTENCE_END.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCreditLine, isHeadingLine, LIST_ITEM, looksLikeMarkdown, markdownBlocks, plainBlocks, SENTENCE_END, type Block } from '../../src/import/blocks.js';

const BODY = 'The consulate of Belarus in Rostov-on-Don opened in 2023, and nobody in Kyiv was asked about it at all.';
const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'list' ? b.items.join(' | ') : b.kind === 'image' ? `![${b.alt}](${b.src})${b.caption ? ` ${b.caption}` : ''}` : b.kind === 'caption' ? `[picture] ${[b.caption, b.credit].filter(Boolean).join(' / ')}` : b.text));

describe('plainBlocks: paragraphs', () => {
  it('makes one text block per paragraph, numbered by its first line', () => {
    const { blocks } = plainBlocks(`${BODY}\n\nIt serves the occupied territories.\n`);
    expect(blocks).toEqual([
      { kind: 'text', text: BODY, line: 1 },
      { kind: 'text', text: 'It serves the occupied territories.', line: 3 },
    ]);
  });

  it('keeps each line of web copy (no blank lines between paragraphs) as its own paragraph', () => {
    const { blocks, notes } = plainBlocks('Line one ends here.\nLine two starts here.\n');
    expect(texts(blocks)).toEqual(['Line one ends here.', 'Line two starts here.']);
    expect(notes).toEqual([]);
  });

  it('joins a line that goes on in lower case after a line that does not end a sentence', () => {
    const { blocks } = plainBlocks('The meeting took place\nin Minsk on Tuesday.\nA new sentence here.\n');
    expect(texts(blocks)).toEqual(['The meeting took place in Minsk on Tuesday.', 'A new sentence here.']);
    expect(blocks[0]!.line).toBe(1);
  });

  it('joins hard-wrapped text between blank lines into paragraphs, and says so', () => {
    const wrapped = 'The consulate of Belarus in Rostov-on-Don opened\nin 2023, and nobody in Kyiv was asked about it\nat all. It serves the occupied territories.\n\nA second paragraph starts here and it goes\non for a while.\n';
    const { blocks, notes } = plainBlocks(wrapped);
    expect(blocks).toEqual([
      { kind: 'text', text: `${BODY} It serves the occupied territories.`, line: 1 },
      { kind: 'text', text: 'A second paragraph starts here and it goes on for a while.', line: 5 },
    ]);
    // Three lines go on in lower case after a line that ends no sentence: (1→2), (2→3), (5→6).
    expect(notes).toEqual([{ message: 'the text is hard-wrapped (3 lines continue a sentence): lines between blank lines were joined into paragraphs' }]);
  });

  it('collapses runs of spaces and tabs and trims each line', () => {
    expect(texts(plainBlocks('  Two\t\tspaces   here.  \n').blocks)).toEqual(['Two spaces here.']);
  });

  it('treats lines of zero-width characters as blank', () => {
    expect(plainBlocks('First paragraph.\n\u200B\u2060\nSecond paragraph.\n').blocks.map((b) => b.line)).toEqual([1, 3]);
  });

  it('returns no links and no front matter for plain text', () => {
    const parsed = plainBlocks(`${BODY}\n`);
    expect(parsed.links).toEqual([]);
    expect(parsed.front).toEqual({});
  });
});

describe('plainBlocks: page furniture', () => {
  const page = [
    'Home › News › Politics', // 1
    'The consulate nobody asked for', // 2
    '18 April 2023', // 3
    'Share  Tweet  Email', // 4
    '', // 5
    BODY, // 6
    '', // 7
    '24 February 2022', // 8
    'Read more', // 9
  ].join('\n');

  it('drops navigation, sharing bars and furniture, with line, cleaned text and reason', () => {
    const { dropped } = plainBlocks(page);
    expect(dropped).toEqual([
      { line: 1, text: 'Home › News › Politics', reason: 'navigation' },
      { line: 3, text: '18 April 2023', reason: 'date line' },
      { line: 4, text: 'Share Tweet Email', reason: 'sharing' },
      { line: 9, text: 'Read more', reason: 'page furniture' },
    ]);
  });

  it('drops a date line above the first paragraph as a stamp, and keeps one below it (a chronology may start so)', () => {
    const { blocks, stamps } = plainBlocks(page);
    expect(stamps).toEqual([{ line: 3, iso: '2023-04-18' }]);
    expect(texts(blocks)).toEqual(['The consulate nobody asked for', BODY, '24 February 2022']);
    expect(blocks.find((b) => b.kind === 'text' && b.text === '24 February 2022')!.line).toBe(8);
  });

  it('drops a cookie notice and the buttons next to it, but not the same button text far from one', () => {
    // "Reject all" is two lines from the notice: still next to it (within three non-blank lines).
    const text = ['We use cookies to improve this site.', 'Accept all', 'Reject all', '', BODY, '', 'Second paragraph of the article, also long enough to be prose here.', '', 'More text of the article follows here, at length.', '', 'Accept all'].join('\n');
    const { dropped, blocks } = plainBlocks(text);
    expect(dropped).toEqual([
      { line: 1, text: 'We use cookies to improve this site.', reason: 'cookie notice' },
      { line: 2, text: 'Accept all', reason: 'cookie banner button' },
      { line: 3, text: 'Reject all', reason: 'cookie banner button' },
    ]);
    expect(blocks.map((b) => b.line)).toEqual([5, 7, 9, 11]);
    expect(plainBlocks(`${BODY}\n\nAccept all\n`).dropped).toEqual([]);
  });

  it('drops the second and later copies of a repeated caption, and marks the first as a caption', () => {
    const text = ['A photo of the consulate building', BODY, 'A photo of the consulate building', 'A photo of the consulate building'].join('\n\n');
    const { blocks, dropped } = plainBlocks(text);
    expect(dropped).toEqual([
      { line: 5, text: 'A photo of the consulate building', reason: 'repeated caption' },
      { line: 7, text: 'A photo of the consulate building', reason: 'repeated caption' },
    ]);
    expect(blocks[0]).toEqual({ kind: 'text', text: 'A photo of the consulate building', line: 1, caption: true });
    expect(blocks).toHaveLength(2);
  });

  it('keeps a repeated word or two (a heading such as "Background") and a repeated sentence', () => {
    const text = ['Background', BODY, 'Background', 'It was signed.', 'It was signed.'].join('\n\n');
    expect(plainBlocks(text).dropped).toEqual([]);
  });
});

describe('plainBlocks: headings, lists and quotations', () => {
  it('reads "# Heading" lines as headings with their depth, unless they end like a sentence', () => {
    const { blocks } = plainBlocks('# Heading one\n### Third level ###\n## Not a heading.\n');
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Heading one', depth: 1, line: 1 },
      { kind: 'heading', text: 'Third level', depth: 3, line: 2 },
      { kind: 'text', text: '## Not a heading.', line: 3 },
    ]);
  });

  it('groups bullet items with the same marker, and continues an item on a lower-case line', () => {
    const { blocks } = plainBlocks('- first item\n- second item\nwhich goes on\n* other marker\n');
    expect(blocks).toEqual([
      { kind: 'list', items: ['first item', 'second item which goes on'], ordered: false, line: 1, marker: '-', firstLine: '- first item' },
      { kind: 'list', items: ['other marker'], ordered: false, line: 4, marker: '*', firstLine: '* other marker' },
    ]);
  });

  it('reads numbered items as ordered lists, "1." and "1)" being different lists', () => {
    const { blocks } = plainBlocks('1. one\n2. two\n3) three\n');
    expect(blocks.map((b) => b.kind === 'list' && [b.items, b.ordered, b.marker])).toEqual([
      [['one', 'two'], true, '1.'],
      [['three'], true, '1)'],
    ]);
  });

  it('counts en and em dashes as bullets only in a run of two or more', () => {
    const { blocks } = plainBlocks('– first\n– second\n\n– alone\n');
    expect(blocks[0]).toMatchObject({ kind: 'list', items: ['first', 'second'], marker: '–' });
    expect(blocks[1]).toEqual({ kind: 'text', text: '– alone', line: 4 });
  });

  it('joins ">" lines into one quotation and takes "— Name" as its speaker', () => {
    const { blocks } = plainBlocks('> We will cooperate.\n> With everyone.\n> — Alexander Lukashenko\n');
    expect(blocks).toEqual([{ kind: 'quote', text: 'We will cooperate. With everyone. — Alexander Lukashenko', line: 1, speaker: 'Alexander Lukashenko', body: 'We will cooperate. With everyone.' }]);
  });

  it('takes a "— Name" line right under a quotation as its speaker, but not under a paragraph', () => {
    expect(plainBlocks('> A quote\n\n— Ivan Petrov\n').blocks).toEqual([{ kind: 'quote', text: 'A quote — Ivan Petrov', line: 1, speaker: 'Ivan Petrov', body: 'A quote' }]);
    expect(texts(plainBlocks('“Nobody asked us,” she said.\n— Olga Ivanova\n').blocks)).toEqual(['“Nobody asked us,” she said.', '— Olga Ivanova']);
  });

  it('leaves a quotation without a speaker without speaker and body', () => {
    expect(plainBlocks('> Just words.\n').blocks).toEqual([{ kind: 'quote', text: 'Just words.', line: 1 }]);
  });
});

describe('plainBlocks (property)', () => {
  it('loses no word: every word of the input is in a block or a dropped line', () => {
    const line = fc.oneof(
      fc.constant(''),
      fc.constantFrom('Share', 'Read more', '18 April 2023', '- item', '1. item', '> quoted', '# Title', '— Name Surname', 'We use cookies on this site.', 'Accept all'),
      fc.array(fc.constantFrom('the', 'consulate', 'Minsk', 'opened', 'in', '2023', 'and', 'Kyiv.', 'It', 'was', 'signed.'), { minLength: 1, maxLength: 20 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const text = lines.join('\n');
        const { blocks, dropped } = plainBlocks(text);
        const kept = [...blocks.flatMap((b) => (b.kind === 'list' ? [b.firstLine ?? '', ...b.items] : b.kind === 'image' ? [b.caption ?? ''] : b.kind === 'caption' ? [b.caption ?? '', b.credit ?? ''] : [b.text])), ...dropped.map((d) => d.text)].join(' ');
        for (const word of text.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w))) expect(kept, `"${word}" lost from ${JSON.stringify(text)}`).toContain(word.replace(/^[#>*\-–—\d.)]+/u, ''));
        for (const b of blocks) {
          expect(b.line).toBeGreaterThanOrEqual(1);
          expect(b.line).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownBlocks', () => {
  it('reads headings, paragraphs, lists (nested ones flattened in order), quotations and code', () => {
    const source = ['# The consulate', '', BODY, '', '- one', '  - nested', '- two', '', '1. first', '', '> We will cooperate.', '>', '> — Alexander Lukashenko', '', '```', 'code  here', '```'].join('\n');
    const { blocks } = markdownBlocks(source);
    expect(blocks).toEqual([
      { kind: 'heading', text: 'The consulate', depth: 1, line: 1 },
      { kind: 'text', text: BODY, line: 3 },
      { kind: 'list', ordered: false, line: 5, items: ['one', 'nested', 'two'], marker: '-' },
      { kind: 'list', ordered: true, line: 9, items: ['first'], marker: '1.' },
      { kind: 'quote', line: 11, text: 'We will cooperate. — Alexander Lukashenko', speaker: 'Alexander Lukashenko', body: 'We will cooperate.' },
      { kind: 'text', text: 'code here', line: 15 },
    ]);
  });

  it('keeps the text of emphasis and links, and drops images', () => {
    const { blocks } = markdownBlocks('Some **bold** and *italic* and `code` and [a link](https://example.org) here. ![alt](x.png)\n');
    expect(texts(blocks)).toEqual(['Some bold and italic and code and a link here.']);
  });

  it('keeps http(s) links as sources with their text and line, and not other links', () => {
    const { links } = markdownBlocks(`Intro.\n\nSee [the report](https://example.org/report) and [ftp](ftp://example.org/x) and [plain](http://example.com).\n`);
    expect(links).toEqual([
      { title: 'the report', url: 'https://example.org/report', line: 3 },
      { title: 'plain', url: 'http://example.com', line: 3 },
    ]);
  });

  it('drops a furniture paragraph together with its links', () => {
    const { dropped, links, blocks } = markdownBlocks(`Read more: [another story](https://example.org/other)\n\n${BODY}\n`);
    expect(dropped).toEqual([{ line: 1, text: 'Read more: another story', reason: 'link to another article' }]);
    expect(links).toEqual([]);
    expect(texts(blocks)).toEqual([BODY]);
  });

  it('drops HTML that is only markup, and keeps the text of HTML with words', () => {
    const { dropped, blocks } = markdownBlocks('<div class="ad"></div>\n\n<p>Real words here.</p>\n');
    expect(dropped).toEqual([{ line: 1, text: '<div class="ad"></div>', reason: 'HTML markup' }]);
    expect(texts(blocks)).toEqual(['Real words here.']);
  });

  it('takes a date paragraph above the body as a stamp, and keeps one below', () => {
    const { stamps, dropped, blocks } = markdownBlocks(`18 April 2023\n\n${BODY}\n\n24 February 2022\n`);
    expect(stamps).toEqual([{ line: 1, iso: '2023-04-18' }]);
    expect(dropped.map((d) => d.reason)).toEqual(['date line']);
    expect(texts(blocks)).toEqual([BODY, '24 February 2022']);
  });

  describe('front matter', () => {
    it('reads title, author, date and lang, and keeps the line numbers of the rest', () => {
      const { front, notes, blocks } = markdownBlocks('---\ntitle: The consulate\nauthor: Jane Doe\ndate: 2023-04-18\nlang: en\nother: 1\n---\n# The consulate\n');
      expect(front).toEqual({ title: 'The consulate', author: 'Jane Doe', date: '2023-04-18', lang: 'en' });
      expect(notes).toEqual([{ line: 1, message: 'front matter read (title, author, date, lang)' }]);
      expect(blocks).toEqual([{ kind: 'heading', text: 'The consulate', depth: 1, line: 8 }]);
    });

    it('uses only text fields, and says when none was used', () => {
      const { front, notes } = markdownBlocks('---\ntitle: [a, list]\nauthor: 42\n---\nText.\n');
      expect(front).toEqual({ title: undefined, author: undefined, date: undefined, lang: undefined });
      expect(notes).toEqual([{ line: 1, message: 'front matter read (no fields used)' }]);
    });

    it('ignores front matter that is not valid YAML, with a note', () => {
      const { front, notes, blocks } = markdownBlocks('---\ntitle: [unclosed\n---\nText.\n');
      expect(front).toEqual({});
      expect(notes).toEqual([{ line: 1, message: 'front matter is not valid YAML: ignored' }]);
      expect(blocks).toEqual([{ kind: 'text', text: 'Text.', line: 4 }]);
    });
  });
});

describe('isHeadingLine', () => {
  it.each([
    'Cooperation kept out of sight',
    'Official relations with occupied Crimea',
    '2023 in review',
    '«Ціхая» дыпламатыя',
    'Кансульства ў Растове-на-Доне',
  ])('takes %j as a heading', (line) => {
    expect(isHeadingLine(line)).toBe(true);
  });

  it.each([
    ['a sentence', 'The consulate opened.'],
    ['a question', 'Who asked Kyiv?'],
    ['a final colon or comma', 'As follows:'],
    ['a full stop inside closing quotes', '“They forgot us.”'],
    ['a sentence ending inside', 'It ended. Then it began'],
    ['lower case first', 'cooperation kept out of sight'],
    ['a URL', 'See https://example.org'],
    ['a list item', '- Cooperation kept out of sight'],
    ['a numbered item', '1. Cooperation kept out of sight'],
    ['a quotation line', '> Cooperation kept out of sight'],
    ['no letters', '2023'],
    ['more than 12 words', 'One two three four five six seven eight nine ten eleven twelve thirteen'],
    ['more than 90 characters', `A${'a'.repeat(90)}`],
  ])('refuses %s', (_label, line) => {
    expect(isHeadingLine(line)).toBe(false);
  });
});

describe('looksLikeMarkdown', () => {
  it('is true for two "#" headings, or one with a link or strong emphasis', () => {
    expect(looksLikeMarkdown('# One\n\ntext\n\n## Two\n')).toBe(true);
    expect(looksLikeMarkdown('# One\n\nSee [this](https://example.org).\n')).toBe(true);
    expect(looksLikeMarkdown('# One\n\nThis is **important**.\n')).toBe(true);
  });

  it('is false for web copy: one heading alone, headings ending like sentences, links without a heading', () => {
    expect(looksLikeMarkdown('# One\n\ntext\n')).toBe(false);
    expect(looksLikeMarkdown('# One.\n## Two.\n')).toBe(false);
    expect(looksLikeMarkdown('See [this](https://example.org) and **that**.\n')).toBe(false);
    expect(looksLikeMarkdown('#hashtag\n#another\n')).toBe(false);
    expect(looksLikeMarkdown(`${BODY}\n`)).toBe(false);
  });
});

describe('LIST_ITEM and SENTENCE_END', () => {
  it('LIST_ITEM takes a bullet or a number of up to three digits, then a space and text', () => {
    expect(LIST_ITEM.exec('• item')?.slice(1)).toEqual(['•', undefined, undefined, 'item']);
    expect(LIST_ITEM.exec('12) item')?.slice(1)).toEqual([undefined, '12', ')', 'item']);
    expect(LIST_ITEM.test('1234. item')).toBe(false);
    expect(LIST_ITEM.test('-item')).toBe(false);
    expect(LIST_ITEM.test('– item')).toBe(false);
    expect(LIST_ITEM.test('2023. A year of change')).toBe(false);
  });

  it('SENTENCE_END takes final punctuation, closing quotes and brackets', () => {
    for (const line of ['Done.', 'Really?', 'Wow!', 'And so…', 'As follows:', 'One;', '«Так»', '“Yes”', '(aside)', 'x]']) expect(SENTENCE_END.test(line), line).toBe(true);
    for (const line of ['no end', 'a comma,', 'a dash —']) expect(SENTENCE_END.test(line), line).toBe(false);
  });
});

describe('plainBlocks: captions of pictures the text does not carry', () => {
  it('keeps a "Photo:" line and the credit under it as one picture\'s caption and credit, drops the copy between them, and makes neither a paragraph', () => {
    const { blocks, dropped } = plainBlocks(`${BODY}\n\nPhoto: Officials at the signing ceremony in Vitebsk\nPhoto: Officials at the signing ceremony in Vitebsk\nФото: БелТА\n\n${BODY}\n\nIllustration: a map of the route\n\n${BODY}`);
    expect(blocks.filter((b) => b.kind === 'caption')).toEqual([
      { kind: 'caption', caption: 'Photo: Officials at the signing ceremony in Vitebsk', credit: 'Фото: БелТА', line: 3 },
      { kind: 'caption', caption: 'Illustration: a map of the route', line: 9 },
    ]);
    expect(dropped).toEqual([{ line: 4, text: 'Photo: Officials at the signing ceremony in Vitebsk', reason: 'repeated caption' }]);
    expect(blocks.filter((b) => b.kind === 'text').map((b) => (b as { text: string }).text)).toEqual([BODY, BODY, BODY]);
  });

  it('tells a credit (who made it) from a caption (what it shows)', () => {
    for (const credit of ['Photo: Reuters', 'Фото: БелТА', 'Photo by Jane Doe', 'Credit: Reuters', 'Фота Алеся Мароза', 'Image: AP / Scanpix']) expect(isCreditLine(credit), credit).toBe(true);
    for (const caption of ['Photo: Tractors at the assembly line', 'Ілюстрація: карта поставок', 'Picture: the delegation in Melitopol', 'Иллюстрация: карта консульского округа']) expect(isCreditLine(caption), caption).toBe(false);
  });
});

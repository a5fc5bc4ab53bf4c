// Tests src/render/markdown-escape.ts: any text in, Markdown that src/parse reads back as exactly that text (normalised whitespace) out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { inlineText, type Block, type Inline } from '../../src/parse/doc.js';

/** What the round trip may change: line breaks and runs of spaces/tabs become one space; Markdown drops leading and trailing spaces/tabs. */
const collapse = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[ \t]+/g, ' ');
const normalise = (text: string) => collapse(text).replace(/^[ \t]+|[ \t]+$/g, '');

type Context = { markdown: (escaped: string) => string; read: (blocks: Block[]) => Inline[] | undefined; expected: (text: string) => string };

const firstItem = (blocks: Block[]) => {
  const list = blocks[0];
  const first = list?.type === 'list' && blocks.length === 1 ? list.items[0]?.[0] : undefined;
  return first?.type === 'paragraph' ? first.children : undefined;
};
const soleParagraph = (blocks: Block[]) => (blocks.length === 1 && blocks[0]!.type === 'paragraph' ? blocks[0]!.children : undefined);

/** Where the templates put {{x}}: alone on a line, after a list marker, in a heading, in a table cell, inside a directive container, mid-line. */
const CONTEXTS: Record<string, Context> = {
  paragraph: { markdown: (e) => `${e}\n`, read: soleParagraph, expected: normalise },
  'list item': { markdown: (e) => `- ${e}\n`, read: firstItem, expected: normalise },
  'ordered list item': { markdown: (e) => `1. ${e}\n`, read: firstItem, expected: normalise },
  heading: {
    markdown: (e) => `## ${e}\n`,
    read: (b) => (b.length === 1 && b[0]!.type === 'heading' ? b[0]!.children : undefined),
    expected: normalise,
  },
  'table cell': {
    markdown: (e) => `| A | B |\n| --- | --- |\n| ${e} | z |\n`,
    read: (b) => (b.length === 1 && b[0]!.type === 'table' && b[0]!.rows[0]?.length === 2 && inlineText(b[0]!.rows[0][1]!) === 'z' ? b[0]!.rows[0][0] : undefined),
    expected: normalise,
  },
  'notes container': {
    markdown: (e) => `:::notes\n${e}\n:::\n`,
    read: (b) => (b.length === 1 && b[0]!.type === 'container' && b[0]!.name === 'notes' ? soleParagraph(b[0]!.children) : undefined),
    expected: normalise,
  },
  'mid-line': { markdown: (e) => `before ${e} after\n`, read: soleParagraph, expected: (t) => `before ${collapse(t)} after` },
};

function roundTrip(text: string, context: Context): string | undefined {
  const { value, diagnostics } = parseMarkdown(context.markdown(escapeMarkdown(text)));
  expect(diagnostics).toEqual([]);
  const inlines = context.read(value.children);
  return inlines === undefined ? undefined : inlineText(inlines);
}

const TRICKY = [
  '*not emphasis*',
  '_not emphasis_',
  '**not strong**',
  '# not a heading',
  '## not a heading either',
  '[x](javascript:alert(1))',
  '![img](https://example.org/x.png)',
  '<script>alert(1)</script>',
  '<https://example.org>',
  '{{> x}}',
  '{{constructor}}',
  '{{{raw}}}',
  'a | b | c',
  '|',
  ':name',
  ':name[label]{key="v"}',
  '::slide{layout="title"}',
  ':::notes',
  '1. not a list',
  '1) not a list',
  '- not a list',
  '+ not a list',
  '> not a quote',
  '---',
  '***',
  '===',
  'back\\slash \\* \\\\ trailing\\',
  '&amp; &lt; &#42; &copy;',
  'line one\nline two\r\n\r\nline three',
  '`code` ``more``',
  '~~strike~~',
  'www.example.org and https://example.org',
  'mail@example.org',
  '[^1] footnote?',
  '    four spaces',
  '\tleading tab *x*',
  'trailing spaces  ',
  'Лукашэнка «сустрэўся» з Пушыліным — 18 красавіка',
  'non-breaking\u00a0space and “quotes”',
  'emoji 😀 and 🇧🇾',
  "it's \"quoted\"",
  '$5 % 10 ^ 2 @ ~ ?',
];

describe('escapeMarkdown', () => {
  it('escapes the characters that are Markdown syntax anywhere', () => {
    expect(escapeMarkdown('*a* _b_ [c] <d> #e `f` |g| ~h~ {i} \\ ^ $ @')).toBe('\\*a\\* \\_b\\_ \\[c\\] \\<d\\> \\#e \\`f\\` \\|g\\| \\~h\\~ \\{i\\} \\\\ \\^ \\$ \\@');
  });

  it('leaves prose punctuation alone where it is not syntax', () => {
    const prose = 'Hello, world. "Quote" (it\'s) 50% - ok; yes? a=b! them: economic 3:1';
    expect(escapeMarkdown(prose)).toBe(prose);
  });

  it('escapes line-start markers, directives, autolinks and entities where they would act', () => {
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('12) twelve')).toBe('12\\) twelve');
    expect(escapeMarkdown('- dash')).toBe('\\- dash');
    expect(escapeMarkdown('+ plus')).toBe('\\+ plus');
    expect(escapeMarkdown('=== rule')).toBe('\\=== rule');
    expect(escapeMarkdown(':::notes')).toBe('\\:\\:\\:notes');
    expect(escapeMarkdown('see :abbr here')).toBe('see \\:abbr here');
    expect(escapeMarkdown('https://x.org and www.y.org')).toBe('https\\://x.org and www\\.y.org');
    expect(escapeMarkdown('&amp; &#65; & b')).toBe('\\&amp; &\\#65; & b');
  });

  it('leaves letters, digits, non-ASCII punctuation and non-breaking spaces alone', () => {
    const text = 'Abc 123 Брыфінг «цытата» “quote” — 1\u00a0July';
    expect(escapeMarkdown(text)).toBe(text);
  });

  it('turns line breaks (and the whitespace around them) into one space', () => {
    expect(escapeMarkdown('a \n  b\r\n\r\nc\rd')).toBe('a b c d');
  });

  it('turns runs of spaces and tabs into one space', () => {
    expect(escapeMarkdown('    a\t\tb  c')).toBe(' a b c');
  });

  it('never outputs a line break, so a value cannot start a block or close a container', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
        expect(escapeMarkdown(text)).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 300 },
    );
  });

});

describe('round trip through parseMarkdown', () => {
  for (const [name, context] of Object.entries(CONTEXTS)) {
    it.each(TRICKY)(`reads back %j as literal text (${name})`, (text) => {
      expect(roundTrip(text, context)).toBe(context.expected(text));
    });
  }

  it('reads a value with Markdown syntax back with no formatting nodes at all', () => {
    const { value } = parseMarkdown(`${escapeMarkdown('**b** _i_ [l](javascript:alert(1)) ![i](x.png) <b>h</b> `c` :name[x]')}\n`);
    const paragraph = value.children[0];
    expect(paragraph?.type).toBe('paragraph');
    expect((paragraph as Extract<Block, { type: 'paragraph' }>).children.every((node) => node.type === 'text')).toBe(true);
  });

  it('keeps a value of digits alone as text when the template goes on with ". " or ") " (a source titled "1984")', () => {
    for (const [value, after] of [['1984', '. Secker & Warburg'], ['7', ') seven'], ['123456789', '. x']] as const) {
      const { value: doc } = parseMarkdown(`1. ${escapeMarkdown(value)}${after}\n`);
      expect(firstItem(doc.children), value).toBeDefined();
      expect(inlineText(firstItem(doc.children)!)).toBe(`${value}${after}`);
    }
    expect(escapeMarkdown('1984')).toBe('&#49;984');
    expect(escapeMarkdown('1984 was a year')).toBe('1984 was a year');
  });

  it('lets a bare URL become a GFM autolink whose text is the URL itself (no other link can be made)', () => {
    // remark-gfm finds autolink literals in the decoded text, so escaping cannot stop them; the text reads back unchanged.
    const { value } = parseMarkdown(`${escapeMarkdown('see [l](https://x.org) and www.example.org')}\n`);
    const paragraph = value.children[0] as Extract<Block, { type: 'paragraph' }>;
    expect(inlineText(paragraph.children)).toBe('see [l](https://x.org) and www.example.org');
    const links = paragraph.children.filter((node) => node.type === 'link');
    expect(links).toEqual([
      { type: 'link', url: 'https://x.org', children: [{ type: 'text', value: 'https://x.org' }] },
      { type: 'link', url: 'http://www.example.org', children: [{ type: 'text', value: 'www.example.org' }] },
    ]);
  });

  // Markdown-significant characters, densely, plus whitespace and line breaks.
  const markdownChar = fc.constantFrom(...'*_#[]()<>!`~|:\\&;-+.=>"\'{}^$%@?/,'.split(''), ' ', '  ', '\t', '\n', '\r\n', '1', 'a', 'Я', '\u00a0', '😀');
  const strings = {
    'Markdown-significant characters': fc.string({ unit: markdownChar, minLength: 1, maxLength: 40 }),
    'printable ASCII': fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }),
    // Any code point except the C0/C1 controls other than tab and line breaks, which src/check/text.ts removes before a
    // template sees the text (NUL among them, which CommonMark replaces with U+FFFD by design; see the report).
    'any code points': fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s)),
    'indented values': fc.tuple(fc.constantFrom('    ', '\t', ' \t ', '\n    '), fc.string({ unit: markdownChar, maxLength: 20 })).map(([lead, rest]) => lead + rest),
  };

  for (const [kind, arbitrary] of Object.entries(strings)) {
    for (const [name, context] of Object.entries(CONTEXTS)) {
      it(`reads back random strings of ${kind} (${name}, property)`, () => {
        fc.assert(
          fc.property(
            arbitrary.filter((s) => s.trim() !== ''),
            (text) => {
              expect(roundTrip(text, context)).toBe(context.expected(text));
            },
          ),
          { numRuns: 300 },
        );
      });
    }
  }
});

// Tests src/parse/parse.ts: Markdown with directives in, the typed Doc tree (blocks, inlines, positions) out.
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type FigureSource } from '../../src/parse/parse.js';
import { BriefkitError } from '../../src/diagnostics.js';
import { inlineText, type Block, type Inline } from '../../src/parse/doc.js';

const parse = (markdown: string) => parseMarkdown(markdown).value.children;

/** The single block of a one-block document. */
function only(markdown: string): Block {
  const blocks = parse(markdown);
  expect(blocks, JSON.stringify(blocks)).toHaveLength(1);
  return blocks[0]!;
}

function as<T extends Block['type']>(block: Block | undefined, type: T): Extract<Block, { type: T }> {
  expect(block?.type).toBe(type);
  return block as Extract<Block, { type: T }>;
}

const text = (value: string): Inline => ({ type: 'text', value });

describe('headings and paragraphs', () => {
  it('parses headings with their depth and text', () => {
    const blocks = parse('# One\n\n## Two\n\n###### Six\n');
    expect(blocks.map((b) => (b.type === 'heading' ? [b.depth, inlineText(b.children)] : b.type))).toEqual([
      [1, 'One'],
      [2, 'Two'],
      [6, 'Six'],
    ]);
  });

  it('parses a setext heading too', () => {
    const heading = as(only('Title\n=====\n'), 'heading');
    expect(heading.depth).toBe(1);
    expect(heading.children).toEqual([text('Title')]);
  });

  it('splits paragraphs at blank lines and joins soft line breaks with a space', () => {
    const blocks = parse('First line\nsame paragraph.\n\nSecond   paragraph.\n');
    expect(blocks).toHaveLength(2);
    expect(inlineText(as(blocks[0], 'paragraph').children)).toBe('First line same paragraph.');
    expect(inlineText(as(blocks[1], 'paragraph').children)).toBe('Second   paragraph.');
  });

  it('keeps a hard line break as a break node', () => {
    const paragraph = as(only('one  \ntwo\n'), 'paragraph');
    expect(paragraph.children).toEqual([text('one'), { type: 'break' }, text('two')]);
    expect(inlineText(paragraph.children)).toBe('one\ntwo');
  });

  it('returns an empty document for empty input', () => {
    expect(parseMarkdown('')).toEqual({ value: { type: 'root', children: [] }, diagnostics: [] });
  });
});

describe('inlines', () => {
  it('parses emphasis, strong and links with their children', () => {
    const paragraph = as(only('Plain *em* and **strong** and _em2_ and [a **b**](https://example.org/x "t").\n'), 'paragraph');
    expect(paragraph.children).toEqual([
      text('Plain '),
      { type: 'emphasis', children: [text('em')] },
      text(' and '),
      { type: 'strong', children: [text('strong')] },
      text(' and '),
      { type: 'emphasis', children: [text('em2')] },
      text(' and '),
      { type: 'link', url: 'https://example.org/x', children: [text('a '), { type: 'strong', children: [text('b')] }] },
      text('.'),
    ]);
    expect(inlineText(paragraph.children)).toBe('Plain em and strong and em2 and a b.');
  });

  it('nests strong inside emphasis', () => {
    const paragraph = as(only('*a **b** c*\n'), 'paragraph');
    expect(paragraph.children).toEqual([{ type: 'emphasis', children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')] }]);
  });

  it('keeps inline code and inline HTML as plain text', () => {
    const paragraph = as(only('a `x*y` b <span>c</span>\n'), 'paragraph');
    expect(inlineText(paragraph.children)).toBe('a x*y b <span>c</span>');
    expect(paragraph.children.every((node) => node.type === 'text')).toBe(true);
  });

  it('reads backslash escapes as the literal characters', () => {
    expect(inlineText(as(only('\\*not em\\* \\[x\\]\\(y\\) \\:name\n'), 'paragraph').children)).toBe('*not em* [x](y) :name');
  });

  it('turns GFM autolink literals into links', () => {
    const paragraph = as(only('see https://example.org now\n'), 'paragraph');
    const link = paragraph.children.find((node) => node.type === 'link');
    expect(link).toEqual({ type: 'link', url: 'https://example.org', children: [text('https://example.org')] });
  });

  it('keeps the name of an unescaped text directive instead of dropping it', () => {
    const paragraph = as(only('time :abbr here\n'), 'paragraph');
    expect(inlineText(paragraph.children)).toBe('time :abbr here');
  });
});

describe('lists', () => {
  it('parses an unordered list, one block list per item', () => {
    const list = as(only('- one\n- two\n- three\n'), 'list');
    expect(list.ordered).toBe(false);
    expect(list.items.map((item) => item.map((b) => inlineText(as(b, 'paragraph').children)))).toEqual([['one'], ['two'], ['three']]);
  });

  it('parses an ordered list', () => {
    const list = as(only('1. first\n2. second\n3. third\n'), 'list');
    expect(list.ordered).toBe(true);
    expect(list.items).toHaveLength(3);
    expect(inlineText(as(list.items[2]![0], 'paragraph').children)).toBe('third');
  });

  it('keeps several blocks and a nested list inside an item', () => {
    const list = as(only('- one\n\n  more of one\n\n  1. inner\n- two\n'), 'list');
    expect(list.items).toHaveLength(2);
    const first = list.items[0]!;
    expect(first.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'list']);
    const inner = as(first[2], 'list');
    expect(inner.ordered).toBe(true);
    expect(inlineText(as(inner.items[0]![0], 'paragraph').children)).toBe('inner');
  });

  it('keeps inlines inside list items', () => {
    const list = as(only('- **bold** item\n'), 'list');
    expect(as(list.items[0]![0], 'paragraph').children).toEqual([{ type: 'strong', children: [text('bold')] }, text(' item')]);
  });
});

describe('GFM tables', () => {
  it('parses the header and the rows, cell by cell', () => {
    const table = as(only('| Date | Event |\n| --- | --- |\n| 24 February 2022 | Invasion |\n| 18 April 2023 | **Meeting** |\n'), 'table');
    expect(table.header.map(inlineText)).toEqual(['Date', 'Event']);
    expect(table.rows.map((row) => row.map(inlineText))).toEqual([
      ['24 February 2022', 'Invasion'],
      ['18 April 2023', 'Meeting'],
    ]);
    expect(table.rows[1]![1]).toEqual([{ type: 'strong', children: [text('Meeting')] }]);
  });

  it('reads an escaped pipe as part of the cell', () => {
    const table = as(only('| A | B |\n| --- | --- |\n| x \\| y | z |\n'), 'table');
    expect(table.rows[0]!.map(inlineText)).toEqual(['x | y', 'z']);
  });

  it('gives a table with only a header no rows', () => {
    const table = as(only('| A | B | C |\n| :-- | :-: | --: |\n'), 'table');
    expect(table.header.map(inlineText)).toEqual(['A', 'B', 'C']);
    expect(table.rows).toEqual([]);
  });
});

describe('directives', () => {
  it('parses :::notes as a container with its child blocks', () => {
    const container = as(only(':::notes\nFirst note.\n\n- a point\n:::\n'), 'container');
    expect(container.name).toBe('notes');
    expect(container.children.map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(inlineText(as(container.children[0], 'paragraph').children)).toBe('First note.');
  });

  it('parses :::quote with attributes and keeps the text', () => {
    const container = as(only(':::quote{speaker="Sergey Aksyonov"}\n“Always welcome.”\n\n— Sergey Aksyonov\n:::\n'), 'container');
    expect(container.name).toBe('quote');
    expect(container.children.map((b) => inlineText(as(b, 'paragraph').children))).toEqual(['“Always welcome.”', '— Sergey Aksyonov']);
  });

  it('nests containers (a longer fence outside)', () => {
    const outer = as(only('::::cover\n# Title\n\n:::notes\ninner\n:::\n::::\n'), 'container');
    expect(outer.name).toBe('cover');
    expect(outer.children.map((b) => b.type)).toEqual(['heading', 'container']);
    expect(as(outer.children[1], 'container').name).toBe('notes');
  });

  it('parses the leaf directive ::slide{layout="title"} as a typed slide node', () => {
    const slide = as(only('::slide{layout="title"}\n'), 'slide');
    expect(slide).toEqual({ type: 'slide', layout: 'title', position: { line: 1, column: 1 } });
    expect(as(only('::slide\n'), 'slide').layout).toBe('content');
  });

  it('makes a figure node from the figure source, handing it the attributes (#id and .class expanded)', () => {
    const calls: [string, Record<string, string>][] = [];
    const source: FigureSource = (name, attributes) => (calls.push([name, attributes]), { data: { places: [], countries: [], credit: 'c' }, alt: 'A map' });
    const blocks = parseMarkdown('::map{#m .wide zoom="5" layout=quote}\n', 'x.md', source).value.children;
    expect(calls).toEqual([['map', { id: 'm', class: 'wide', zoom: '5', layout: 'quote' }]]);
    expect(blocks).toEqual([{ type: 'figure', name: 'map', data: { places: [], countries: [], credit: 'c' }, alt: 'A map', position: { line: 1, column: 1 } }]);
  });

  it('leaves out a figure that has nothing to draw (the source gives null)', () => {
    expect(parseMarkdown('Before.\n\n::timeline\n\nAfter.\n', 'x.md', () => null).value.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('refuses an unknown directive, container or slide layout with its file, line and column', () => {
    const failure = (markdown: string) => {
      try {
        parseMarkdown(markdown, 'slides.md');
      } catch (error) {
        expect(error).toBeInstanceOf(BriefkitError);
        return (error as BriefkitError).diagnostics;
      }
      throw new Error(`no error for ${JSON.stringify(markdown)}`);
    };
    expect(failure('Text.\n\n::nosuchfigure\n')).toEqual([expect.objectContaining({ severity: 'error', file: 'slides.md', line: 3, column: 1, rule: 'template-directive' })]);
    expect(failure('Text.\n\n::nosuchfigure\n')[0]!.message).toMatch(/unknown directive ::nosuchfigure; the templates may use ::slide, ::timeline, ::map/);
    expect(failure('\n:::sidebar\nx\n:::\n')[0]).toMatchObject({ line: 2, column: 1, message: expect.stringContaining(':::sidebar') });
    expect(failure('::slide{layout="wide"}\n')[0]!.message).toContain('layout "wide"');
  });

  it('turns a markdown blockquote into a quote container', () => {
    const container = as(only('> quoted text\n'), 'container');
    expect(container.name).toBe('quote');
    expect(inlineText(as(container.children[0], 'paragraph').children)).toBe('quoted text');
  });
});

describe('separators and slides', () => {
  it('turns a thematic break into a separator', () => {
    expect(parse('one\n\n---\n\ntwo\n').map((b) => b.type)).toEqual(['paragraph', 'separator', 'paragraph']);
    expect(parse('***\n').map((b) => b.type)).toEqual(['separator']);
  });

  it('reads "text\\n---" as a setext heading, not a separator (the templates leave a blank line)', () => {
    expect(parse('text\n---\n').map((b) => b.type)).toEqual(['heading']);
  });

  it('parses a small deck in order', () => {
    const deck = '::slide{layout="title"}\n\n# Title\n\n:::notes\nSay hello.\n:::\n\n---\n\n# Next\n\n- point\n';
    expect(parse(deck).map((b) => (b.type === 'container' ? `${b.type}:${b.name}` : b.type === 'slide' ? `slide:${b.layout}` : b.type))).toEqual([
      'slide:title',
      'heading',
      'container:notes',
      'separator',
      'heading',
      'list',
    ]);
  });
});

describe('positions and diagnostics', () => {
  it('gives each top-level block its start line and column', () => {
    const markdown = '# Heading\n\nParagraph.\n\n- item\n\n| A |\n| - |\n| a |\n\n---\n\n:::notes\nn\n:::\n\n::slide{layout="quote"}\n';
    const positions = parse(markdown).map((b) => [b.type, b.position?.line, b.position?.column]);
    expect(positions).toEqual([
      ['heading', 1, 1],
      ['paragraph', 3, 1],
      ['list', 5, 1],
      ['table', 7, 1],
      ['separator', 11, 1],
      ['container', 13, 1],
      ['slide', 17, 1],
    ]);
  });

  it('gives nested blocks their own positions', () => {
    const container = as(only(':::notes\n\nline three\n:::\n'), 'container');
    expect(container.children[0]!.position).toEqual({ line: 3, column: 1 });
    const list = as(only('- a\n- b\n'), 'list');
    expect(list.items[1]![0]!.position).toEqual({ line: 2, column: 3 });
  });

  it('reads a link reference definition as no block of its own: the links that use it get its address', () => {
    const result = parseMarkdown('Para with [a link][ref].\n\n[ref]: https://example.org\n', 'slides.md');
    expect(result.value.children.map((b) => b.type)).toEqual(['paragraph']);
    expect(result.diagnostics).toEqual([]);
    expect(as(result.value.children[0], 'paragraph').children).toEqual([text('Para with '), { type: 'link', url: 'https://example.org', children: [text('a link')] }, text('.')]);
  });

  it('has no diagnostics for the constructs the templates use', () => {
    const result = parseMarkdown(':::cover\n# T\n:::\n\n## H\n\n- a\n\n1. b\n\n| x |\n| - |\n| y |\n\n---\n\n::slide{layout="title"}\n');
    expect(result.diagnostics).toEqual([]);
  });
});

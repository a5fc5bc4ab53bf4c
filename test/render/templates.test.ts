// Tests src/render/templates.ts: template sources in, an isolated strict Handlebars out ({{x}} literal text, {{{x}}} Markdown, refusals at compile time).
import { describe, expect, it } from 'vitest';
import { compileTemplates, type TemplateSet } from '../../src/render/templates.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { inlineText, type Block } from '../../src/parse/doc.js';
import { BriefkitError, type Diagnostic } from '../../src/diagnostics.js';

type Sources = Record<string, string>;
type Helpers = Parameters<typeof compileTemplates>[2];

const files = (sources: Sources, folder = '') => Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, { source, file: `${folder}${name}.md.hbs` }]));

function compile(templates: Sources, partials: Sources = {}, helpers: Helpers = {}): TemplateSet {
  return compileTemplates(files(templates), files(partials, 'partials/'), helpers);
}

/** Compiles a one-template set named "main" (file main.md.hbs) and renders it. */
function render(source: string, view: object, partials: Sources = {}, helpers: Helpers = {}): string {
  return compile({ main: source }, partials, helpers).render('main', view);
}

function diagnosticsOf(fn: () => unknown): Diagnostic[] {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a BriefkitError').toBeInstanceOf(BriefkitError);
  const diagnostics = (thrown as BriefkitError).diagnostics;
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]!.severity).toBe('error');
  expect(diagnostics[0]!.rule).toBe('template');
  return diagnostics;
}

const paragraphs = (markdown: string): string[] => {
  const out: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph') out.push(inlineText(block.children));
      if (block.type === 'container') walk(block.children);
      if (block.type === 'list') block.items.forEach(walk);
    }
  };
  walk(parseMarkdown(markdown).value.children);
  return out;
};

const HOSTILE = [
  '*a* _b_ **c**',
  '# heading',
  '[x](javascript:alert(1))',
  '<script>alert(1)</script>',
  '{{> x}}',
  '{{constructor}}',
  '{{{x}}}',
  ':name',
  '1. one',
  'back\\slash',
  '&amp;',
  'a | b',
  'two\nlines',
];

describe('{{x}} inserts literal text', () => {
  it.each(HOSTILE)('%j reads back unchanged, as a paragraph, a list item and a note', (value) => {
    const markdown = render('{{x}}\n\n- {{x}}\n\n:::notes\n{{x}}\n:::\n', { x: value });
    const expected = value.replace(/\s*\n\s*/g, ' ');
    expect(paragraphs(markdown)).toEqual([expected, expected, expected]);
  });

  it.each(HOSTILE)('%j in a table cell stays in its cell', (value) => {
    const markdown = render('| A | B |\n| --- | --- |\n| {{x}} | {{y}} |\n', { x: value, y: 'second' });
    const table = parseMarkdown(markdown).value.children[0];
    expect(table?.type).toBe('table');
    const row = (table as Extract<Block, { type: 'table' }>).rows[0]!;
    expect(row.map(inlineText)).toEqual([value.replace(/\s*\n\s*/g, ' '), 'second']);
  });

  it('does not evaluate Handlebars syntax in a value', () => {
    expect(render('{{x}}', { x: '{{y}}', y: 'EVALUATED' }, { x: 'PARTIAL' })).not.toMatch(/EVALUATED|PARTIAL/);
  });

  it('escapes a helper result too', () => {
    const out = render('{{shout x}}|{{{shout x}}}', { x: '*hi*' }, {}, { shout: (value) => String(value).toUpperCase() });
    expect(out).toBe('\\*HI\\*|*HI*');
  });

  it('renders numbers and booleans, and null as nothing', () => {
    expect(render('[{{n}}][{{b}}][{{z}}]', { n: 4.5, b: false, z: null })).toBe('[4\\.5][false][]');
  });

  it('refuses to insert a list or a mapping as text, naming the template', () => {
    const [list] = diagnosticsOf(() => render('{{x}}', { x: ['a'] }));
    expect(list!.file).toBe('main.md.hbs');
    expect(list!.message).toContain('list');
    const [mapping] = diagnosticsOf(() => render('{{x}}', { x: { a: 1 } }));
    expect(mapping!.message).toContain('mapping');
  });
});

describe('{{{x}}} inserts Markdown', () => {
  it('turns **b** into strong text', () => {
    const doc = parseMarkdown(render('{{{x}}}\n', { x: 'a **b**' })).value;
    expect(doc.children).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'a ' }, { type: 'strong', children: [{ type: 'text', value: 'b' }] }], position: { line: 1, column: 1 } },
    ]);
  });

  it('turns a Markdown link into a link, where {{x}} keeps it as text', () => {
    const [raw, escaped] = parseMarkdown(render('{{{x}}}\n\n{{x}}\n', { x: '[site](https://example.org)' })).value.children as Extract<Block, { type: 'paragraph' }>[];
    expect(raw!.children).toEqual([{ type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'site' }] }]);
    // The escaped one stays text; only its bare URL may become a GFM autolink literal (see markdown-escape.test.ts).
    expect(escaped!.children.filter((node) => node.type === 'link')).toEqual([{ type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'https://example.org' }] }]);
    expect(inlineText(escaped!.children)).toBe('[site](https://example.org)');
  });
});

describe('the usual Handlebars constructs', () => {
  it('handles each, this, @index, ../ and if/else', () => {
    const view = { label: 'L', items: ['a*', 'b'], flag: false };
    // A value of digits alone is written with its first digit as a character reference ("&#48;" reads back as "0"),
    // so that a template going on with ". " cannot turn it into a list marker.
    expect(render('{{#each items}}{{@index}}:{{this}}/{{../label}};{{/each}}{{#if flag}}yes{{else}}no{{/if}}', view)).toBe('&#48;:a\\*/L;&#49;:b/L;no');
  });

  it('includes partials by name, with the current context', () => {
    expect(render('A {{> p}} C', { x: '_b_' }, { p: 'B={{x}}' })).toBe('A B=\\_b\\_ C');
  });

  it('refuses to render a template that does not exist', () => {
    const set = compile({ main: 'x' });
    let thrown: unknown;
    try {
      set.render('other', {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BriefkitError);
    expect((thrown as BriefkitError).diagnostics[0]!.rule).toBe('template-missing');
  });

  it('names the file and line of a syntax error', () => {
    const [d] = diagnosticsOf(() => compile({ main: 'ok\n{{#if x}}\nno close\n' }));
    expect(d!.file).toBe('main.md.hbs');
    expect(d!.message).toMatch(/parse error/i);
    expect(d!.line).toBeGreaterThanOrEqual(2);
  });
});

describe('strict mode', () => {
  it('refuses an unknown field, naming the template file, the field and its place', () => {
    const [d] = diagnosticsOf(() => render('# {{title}}\n\nby {{athor}}\n', { title: 'T', author: 'A' }));
    expect(d!.file).toBe('main.md.hbs');
    expect(d!.message).toContain('"athor"');
    expect(d!.line).toBe(3);
    expect(d!.column).toBe(6);
  });

  it('refuses an unknown field inside #each', () => {
    const [d] = diagnosticsOf(() => render('{{#each items}}\n- {{nmae}}\n{{/each}}\n', { items: [{ name: 'a' }] }));
    expect(d!.message).toContain('"nmae"');
    expect(d!.line).toBe(2);
  });

  it('refuses an unknown nested field', () => {
    const [d] = diagnosticsOf(() => render('{{author.nmae}}', { author: { name: 'A' } }));
    expect(d!.message).toContain('"nmae"');
  });

  it('refuses an unknown field in a triple-stash and in a block', () => {
    expect(diagnosticsOf(() => render('{{{nope}}}', {}))[0]!.message).toContain('"nope"');
    expect(diagnosticsOf(() => render('{{#nope}}x{{/nope}}', {}))[0]!.message).toContain('"nope"');
  });

  it('names the partial file when the unknown field is in a partial', () => {
    const [d] = diagnosticsOf(() => render('{{> cover}}', { title: 'T' }, { cover: ':::cover\n# {{titel}}\n:::' }));
    expect(d!.message).toContain('"titel"');
    expect(d!.file).toBe('partials/cover.md.hbs');
    expect(d!.line).toBe(2);
    const [inner] = diagnosticsOf(() => render('{{> outer}}', {}, { outer: 'O {{> inner}}', inner: 'I {{nope}}' }));
    expect(inner!.file).toBe('partials/inner.md.hbs');
  });

  it('accepts a field that is present but null', () => {
    expect(render('[{{subtitle}}]', { subtitle: null })).toBe('[]');
  });
});

describe('knownHelpersOnly', () => {
  it('refuses an unregistered helper when compiling, naming file and line', () => {
    const [d] = diagnosticsOf(() => compile({ main: 'x\n\n{{shout title}}\n' }));
    expect(d!.file).toBe('main.md.hbs');
    expect(d!.message).toContain('shout');
    expect(d!.line).toBe(3);
  });

  it('refuses an unregistered block helper and one in a subexpression when compiling', () => {
    expect(diagnosticsOf(() => compile({ main: '{{#shout title}}x{{/shout}}' }))[0]!.message).toContain('shout');
    expect(diagnosticsOf(() => compile({ main: '{{#if (shout title)}}x{{/if}}' }))[0]!.message).toContain('shout');
  });

  it('refuses an unregistered helper in a partial, naming the partial file', () => {
    const [d] = diagnosticsOf(() => compile({ main: '{{> p}}' }, { p: '{{shout x}}' }));
    expect(d!.file).toBe('partials/p.md.hbs');
  });

  it('accepts the helpers it is given, and the built-in ones', () => {
    expect(() => compile({ main: '{{shout x}} {{#each xs}}{{this}}{{/each}} {{#with y}}{{z}}{{/with}} {{lookup y "z"}}' }, {}, { shout: (v) => v })).not.toThrow();
  });
});

describe('partials', () => {
  it('refuses a dynamic partial when compiling', () => {
    const [d] = diagnosticsOf(() => compile({ main: "before\n{{> (lookup . 'x')}}\n" }, { p: 'P' }));
    expect(d!.message).toContain('dynamic partial');
    expect(d!.file).toBe('main.md.hbs');
    expect(d!.line).toBe(2);
  });

  it('refuses a dynamic partial block and a dynamic partial inside a partial', () => {
    expect(diagnosticsOf(() => compile({ main: "{{#> (lookup . 'x')}}fallback{{/undefined}}" }))[0]!.message).toContain('dynamic partial');
    expect(diagnosticsOf(() => compile({ main: '{{> p}}' }, { p: "{{> (lookup . 'x')}}" }))[0]!.file).toBe('partials/p.md.hbs');
  });

  it.each(['{{> p}}', '{{>p}}', '{{~> p}}', '{{> p ~}}', '{{#> p}}fallback{{/p}}', '{{> "p"}}', '{{> p this}}'])('refuses a partial that includes itself: %s', (inclusion) => {
    const [d] = diagnosticsOf(() => compile({ main: '{{> p}}' }, { p: `line one\n${inclusion}\n` }));
    expect(d!.file).toBe('partials/p.md.hbs');
    expect(d!.message).toContain('"p" includes itself');
    expect(d!.line).toBe(2);
  });

  it('refuses partials that include each other', () => {
    const [d] = diagnosticsOf(() => compile({ main: '{{> a}}' }, { a: 'A {{> b}}', b: 'B {{> c}}', c: 'C {{> a}}' }));
    expect(d!.message).toContain('includes itself');
    expect(d!.message).toMatch(/a → b → c → a|b → c → a → b|c → a → b → c/);
  });

  it('accepts a partial that only mentions itself in a comment, and partials that share another', () => {
    const set = compile({ main: '{{> a}}{{> b}}' }, { a: 'A{{!-- {{> a}} --}}{{> shared}}', b: 'B{{> shared}}', shared: 'S' });
    expect(set.render('main', {})).toBe('ASBS');
  });
});

describe('prototype access', () => {
  /** Either an error or output without any trace of the prototype chain. */
  function harmless(source: string, view: object = { title: 'T' }): void {
    let out: string | undefined;
    try {
      out = render(source, view);
    } catch (error) {
      expect(error).toBeInstanceOf(BriefkitError);
      return;
    }
    expect(out).not.toMatch(/function|native code|Object|=>|\[object/);
    expect(out).toBe(source.startsWith('[') ? '[]' : '');
  }

  it.each([
    '[{{constructor}}]',
    '[{{{constructor}}}]',
    '[{{__proto__}}]',
    '[{{{__proto__}}}]',
    '[{{constructor.name}}]',
    '[{{constructor.constructor}}]',
    '[{{title.constructor}}]',
    '[{{__proto__.constructor}}]',
    '[{{toString}}]',
    '[{{hasOwnProperty}}]',
    "[{{lookup this 'constructor'}}]",
    "[{{lookup (lookup this 'constructor') 'name'}}]",
    '[{{#with constructor}}{{name}}{{/with}}]',
    '[{{#each constructor}}{{this}}{{/each}}]',
  ])('%s yields nothing dangerous', (source) => {
    harmless(source);
  });

  it('does not let a template change Object.prototype', () => {
    harmless("[{{#with __proto__}}{{lookup this 'x'}}{{/with}}]");
    expect((Object.prototype as Record<string, unknown>).x).toBeUndefined();
  });
});

// Issue 13: markdown-it (src/parse/parse.ts) reads every Markdown the templates make into the Doc remark made before.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../src/parse/parse.js';
import { parseMarkdownWithRemark } from '../support/remark-doc.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { DIRECTIVE_NAMES } from '../../src/parse/parse.js';
import { readArticle } from '../../src/pipeline/input.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import { TEMPLATES_DIR } from '../../src/pipeline/build.js';
import type { Article } from '../../src/model/article.js';

const RAW = 'test/fixtures/raw';
const articleFiles = [
  'data/lukashenko-occupied-territories.yaml',
  ...readdirSync('test/fixtures/stress').map((name) => join('test/fixtures/stress', name)),
  ...readdirSync(RAW).filter((name) => /\.(txt|md)$/.test(name)).map((name) => join(RAW, name)),
  ...readdirSync(join(RAW, 'sites')).filter((name) => /\.(txt|md)$/.test(name)).map((name) => join(RAW, 'sites', name)),
];
const templates = loadTemplates(TEMPLATES_DIR, DIRECTIVE_NAMES);

/** Markdown beyond the templates' own: what a theme's templates might write. */
const HAND_WRITTEN = [
  '# T\n\nText with *em*, **strong**, ***both***, `code`, <b>html</b>, a [link](https://example.org "t") and https://example.org/x?y=1.\n',
  'Line one  \nline two\\\nline three\nline four\n',
  '- a\n- b\n\n  more of b\n\n  1. inner\n  2. inner two\n- c\n',
  '1) one\n2) two\n\n---\n\n***\n',
  '> quoted\n> more\n>\n> - in a list\n',
  '| A | B |\n| :- | -: |\n| x \\| y | **z** |\n| 1 | 2 |\n',
  ':::notes\nNote.\n\n- point\n:::\n\n::::cover\n# Title\n\n:::notes\ninner\n:::\n::::\n',
  '::slide{layout="title"}\n\n# Title\n\n::map{#m .wide zoom="5" layout=quote}\n\n::timeline\n',
  '```\ncode block\n```\n\n    indented code\n\n<div>\nhtml block\n</div>\n',
  'Escapes: \\*not em\\* \\[x\\]\\(y\\) \\:name, e-mail a.b@example.org and www.example.org.\n',
  'Setext\n======\n\nAnother\n-------\n\nA & B < C > D "q" \'s\' — «ё» „ў“\n',
];

describe('markdown-it gives the Doc remark gave', () => {
  it.each(articleFiles)('for the briefing and slides of %s', (file) => {
    const article = readArticle(file).value as Article;
    const labels = labelsFor(article.lang);
    const markdown = renderMarkdown(article, templates, 0, ['briefing', 'slides'], labels).value;
    const figures = figureSource(article, labels, file);
    for (const [name, text] of Object.entries(markdown)) {
      expect(text.length, name).toBeGreaterThan(100);
      expect(parseMarkdown(text, `${name}.md`, figures).value, `${file} ${name}.md`).toEqual(parseMarkdownWithRemark(text, `${name}.md`, figures).value);
    }
  });

  it.each(HAND_WRITTEN.map((text, i) => [i, text] as const))('for hand-written Markdown %i', (_, text) => {
    const figures = () => ({ data: { places: [] }, alt: 'A figure' });
    expect(parseMarkdown(text, 'x.md', figures).value).toEqual(parseMarkdownWithRemark(text, 'x.md', figures).value);
  });

  it('and the comparison tells two different Docs apart', () => {
    expect(parseMarkdown('# One\n').value).not.toEqual(parseMarkdownWithRemark('# Two\n').value);
  });
});

it('reads the seed fixture the suite uses', () => {
  expect(readFileSync('data/lukashenko-occupied-territories.yaml', 'utf8').length).toBeGreaterThan(1000);
});

it('keeps a link address as written: no percent-encoding of <, >, spaces or Cyrillic', () => {
  for (const url of ['https://example.org/report?a=1&b=<2>', 'https://uk.wikipedia.org/wiki/Київ', 'https://example.org/a%20b']) {
    const text = `[source](${url.includes('<') ? `<${url.replace(/</g, '\\<').replace(/>/g, '\\>')}>` : url})\n`;
    expect(parseMarkdown(text).value, url).toEqual(parseMarkdownWithRemark(text).value);
    expect(JSON.stringify(parseMarkdown(text).value)).toContain(JSON.stringify(url).slice(1, -1));
  }
});

// Tests src/import/to-yaml.ts (articleYaml): imported data in, YAML out that reads back to the same data (and through the loader), with a header and a check-me comment above each guessed field.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { articleYaml } from '../../src/import/to-yaml.js';
import { parseArticle } from '../../src/load/load.js';
import type { ArticleInput } from '../../src/model/article.js';

const data: ArticleInput = {
  id: 'the-consulate',
  lang: 'en',
  title: 'The consulate',
  date: '2023-04-18',
  author: { name: 'Jane Doe', roles: ['Reuters'] },
  keyPoints: ['The consulate opened in 2023.'],
  sections: [{ heading: 'Background', paragraphs: ['The consulate of Belarus in Rostov-on-Don opened in 2023.'] }],
  events: [{ date: '2023-04-18', wording: '18 April 2023', label: 'The consulate opened' }],
  sources: [{ title: 'The consulate', url: 'https://example.org/a' }],
};

/** The comment lines (without "#") right above a top-level key, or [] when there are none. */
function commentAbove(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const at = lines.indexOf(`${key}:`) >= 0 ? lines.indexOf(`${key}:`) : lines.findIndex((l) => l.startsWith(`${key}: `));
  expect(at, `no top-level key ${key}`).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (let i = at - 1; i >= 0 && lines[i]!.startsWith('#'); i--) out.unshift(lines[i]!.slice(1).trim());
  return out;
}

describe('articleYaml', () => {
  it('reads back to the same data, and through the loader to a valid article', () => {
    const yaml = articleYaml(data, 'raw/consulate.txt');
    expect(parse(yaml)).toEqual(data);
    const article = parseArticle(yaml, 'the-consulate.yaml').value;
    expect(article.title).toBe('The consulate');
    expect(article.events[0]!.date).toBe('2023-04-18');
  });

  it('starts with a header naming the source file and what to do next', () => {
    const lines = articleYaml(data, 'raw/consulate.txt').split('\n');
    expect(lines[0]).toBe('# Imported by briefkit from raw/consulate.txt.');
    expect(lines[1]).toBe('# Check every guess marked below, then build with: npx briefkit build <this file>');
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('id: the-consulate');
  });

  it('puts a comment above each guessed field, and none above the others', () => {
    const yaml = articleYaml(data, 'x.txt');
    expect(commentAbove(yaml, 'keyPoints')[0]).toMatch(/^DRAFT key points/);
    expect(commentAbove(yaml, 'sections')[0]).toMatch(/^Paragraphs are verbatim/);
    expect(commentAbove(yaml, 'events')[0]).toMatch(/check each date/);
    expect(commentAbove(yaml, 'author')[0]).toMatch(/byline/);
    expect(commentAbove(yaml, 'date')[0]).toMatch(/^Publication date/);
    expect(commentAbove(yaml, 'sources')[0]).toMatch(/^The article itself/);
    for (const key of ['lang', 'title']) expect(commentAbove(yaml, key), key).toEqual([]);
    // One comment per field: nothing is said twice.
    expect(yaml.match(/^# DRAFT key points/gm)).toHaveLength(1);
  });

  it('comments only the fields the data has', () => {
    const yaml = articleYaml({ ...data, actors: [{ id: 'a', name: 'A', role: 'r' }], places: undefined, quotes: undefined }, 'x.txt');
    expect(commentAbove(yaml, 'actors')[0]).toMatch(/^People named with a role/);
    expect(yaml).not.toMatch(/# Places:/);
    expect(yaml).not.toMatch(/# Quotations/);
  });

  it('writes a plain text\'s picture captions as commented-out pictures at their place, which load once uncommented and given a file', () => {
    const two: ArticleInput = { ...data, sections: [{ heading: 'Background', paragraphs: ['First paragraph.', 'Second paragraph.'] }] };
    const text = articleYaml(two, 'article.txt', [
      { section: 0, before: 1, line: 7, caption: 'Photo: Officials at the signing', credit: 'Фото: БелТА' },
      { section: 0, before: 2, line: 12, caption: 'Illustration: a map: of the route' },
    ]);
    // The file reads as the same data: the pictures are comments.
    expect(parse(text)).toEqual(two);
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes('A picture stood here (line 7 of article.txt)'));
    expect(first).toBeGreaterThan(lines.indexOf('      - First paragraph.'));
    expect(first).toBeLessThan(lines.indexOf('      - Second paragraph.'));
    expect(text).toContain('      #   caption: "Photo: Officials at the signing"\n      #   credit: "Фото: БелТА"\n      - Second paragraph.');
    expect(lines.findIndex((l) => l.includes('(line 12 of article.txt)'))).toBeGreaterThan(lines.indexOf('      - Second paragraph.'));
    // Uncommented, with a file and alt text: a picture of the section.
    const filled = text.replace(/^(\s*)# (- image|  alt|  caption|  credit)/gm, '$1$2').replace(/DESCRIBE THE PICTURE/g, 'Officials');
    const sections = (parse(filled) as ArticleInput).sections;
    expect(sections[0]!.paragraphs).toEqual(['First paragraph.', { image: 'photos/picture.jpg', alt: 'Officials', caption: 'Photo: Officials at the signing', credit: 'Фото: БелТА' }, 'Second paragraph.', { image: 'photos/picture.jpg', alt: 'Officials', caption: 'Illustration: a map: of the route' }]);
  });

  it('keeps long paragraphs on one line (no folding)', () => {
    const paragraph = `${'word '.repeat(100)}end.`;
    const yaml = articleYaml({ ...data, sections: [{ paragraphs: [paragraph] }] }, 'x.txt');
    expect(yaml.split('\n').some((line) => line.trim() === `- ${paragraph}`)).toBe(true);
  });

  it('quotes what YAML 1.2 (the loader\'s version) would otherwise read as something else', () => {
    const tricky = ['yes', 'no', 'null', '~', '2023-04-18', '1.5', 'k: v', '- dash', '# hash', '"quoted"', "it's", '[list]', '{map}', '&anchor', '*alias', '@at', '`tick`', 'line\nbreak', ' leading space', 'trailing space ', '%percent'];
    const yaml = articleYaml({ ...data, keyPoints: tricky }, 'x.txt');
    expect(parse(yaml).keyPoints).toEqual(tricky);
  });

  it('keeps a line break in the source file name inside the comment', () => {
    const yaml = articleYaml(data, 'raw/x.txt\nid: injected');
    expect(parse(yaml)).toEqual(data);
    expect(yaml.split('\n').slice(0, 3).every((line) => line.startsWith('#'))).toBe(true);
  });

  it('reads back to the same data for any trimmed text, as the importer makes it (property)', () => {
    // Trimmed, as imported values are (every line is trimmed). (yaml's own stringify does not round-trip an untrimmed value such as " \n":
    // it writes a `|+` block scalar whose only line is blank, which reads back as "\n".)
    const text = fc
      .string({ unit: fc.constantFrom('a', 'Ж', ' ', ':', '#', '-', '"', "'", '\n', '\t', '{', ']', '&', '*', '!', '|', '>', '%', '@', '`', '0', '.', '\u00A0', 'ў'), minLength: 1, maxLength: 30 })
      .filter((t) => t.length > 0 && t.trim() === t);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), text, text, (points, title, paragraph) => {
        const input = { ...data, title, keyPoints: points, sections: [{ heading: title, paragraphs: [paragraph, { list: points }, { quote: paragraph }] }] };
        expect(parse(articleYaml(input, 'x.txt'))).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });
});

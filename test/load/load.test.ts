// Tests src/load/load.ts: article files (YAML/JSON) in, a validated Article or BriefkitError diagnostics (file:line:col, path, rule) out.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Alias } from 'yaml';
import { decodeUtf8, loadArticleFile, parseArticle, parseValidated } from '../../src/load/load.js';
import { BriefkitError, type Diagnostic } from '../../src/diagnostics.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED_FILE = join(ROOT, 'data', 'lukashenko-occupied-territories.yaml');
const SEED = readFileSync(SEED_FILE, 'utf8');
const FILE = 'article.yaml';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefkit-load-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file into the temp dir and returns its path. */
function temp(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The seed text with `from` replaced by `to`; fails loudly if `from` is not in the seed (so a stale edit cannot pass silently). */
function edit(from: string | RegExp, to: string, source = SEED): string {
  const changed = source.replace(from, to);
  expect(changed, `edit of ${String(from)} did nothing`).not.toBe(source);
  return changed;
}

/** 1-based line and column of the nth occurrence (0-based) of needle in text. */
function locate(text: string, needle: string, occurrence = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Runs fn, requires a BriefkitError, returns its diagnostics. */
function diagnosticsOf(fn: () => unknown): Diagnostic[] {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a BriefkitError to be thrown').toBeInstanceOf(BriefkitError);
  const diagnostics = (thrown as BriefkitError).diagnostics;
  expect(diagnostics.length).toBeGreaterThan(0);
  for (const d of diagnostics) expect(d.severity).toBe('error');
  return diagnostics;
}

/** The only diagnostic of a failing parse of `source`. */
function onlyError(source: string, file = FILE): Diagnostic {
  const diagnostics = diagnosticsOf(() => parseArticle(source, file));
  expect(diagnostics, JSON.stringify(diagnostics)).toHaveLength(1);
  return diagnostics[0]!;
}

describe('the seed article', () => {
  it('loads from data/ with every part present', () => {
    const { value: article, diagnostics } = loadArticleFile(SEED_FILE);
    expect(diagnostics).toEqual([]);
    expect(article.id).toBe('lukashenko-occupied-territories');
    expect(article.lang).toBe('en');
    expect(article.title).toBe("Lukashenko regime's cooperation with the Russian-occupied territories of Ukraine");
    expect(article.author!.name).toBe('Pavel Latushka');
    expect(article.author!.roles).toEqual([
      'deputy Head of the United Transitional Cabinet of Belarus',
      'Head of the National Anti-Crisis Management',
      'ambassador',
    ]);
    expect(article.keyPoints).toHaveLength(5);
    expect(article.sections.map((s) => s.heading)).toEqual([
      'Cooperation kept out of sight',
      'Contacts at the official political level',
      'Official relations with occupied Crimea',
      'A consulate in Rostov-on-Don',
    ]);
    expect(article.sections.map((s) => s.paragraphs.length)).toEqual([2, 2, 1, 1]);
    expect(article.sections[1]!.paragraphs[1]).toContain('so-called "acting head of the DPR" Denis Pushilin');
    expect(article.events.map((e) => e.date)).toEqual(['../2022-02-24', '2022-02-24', '2023-03~', '2023-04-18', '../2024-07-01']);
    expect(article.events[2]!.actors).toEqual(['aksyonov', 'subbotin']);
    expect(article.actors.map((a) => a.id)).toEqual(['lukashenko', 'pushilin', 'aksyonov', 'subbotin', 'latushka']);
    expect(article.places).toHaveLength(6);
    expect(article.places[0]).toEqual({ id: 'minsk', name: 'Minsk', lat: 53.9006, lon: 27.559, kind: 'capital', country: 'Belarus' });
    expect(article.quotes).toHaveLength(1);
    expect(article.sources.length).toBeGreaterThanOrEqual(1);
  });

  it('gives the same article from parseArticle on its text', () => {
    expect(parseArticle(SEED, SEED_FILE).value).toEqual(loadArticleFile(SEED_FILE).value);
  });

  it('reads YAML 1.2: yes/no stay strings and ISO dates stay strings', () => {
    const article = parseArticle(edit(/^title: .*$/m, 'title: no\nsubtitle: yes\ndate: 2026-11-25'), FILE).value;
    expect(article.title).toBe('no');
    expect(article.subtitle).toBe('yes');
    expect(article.date).toBe('2026-11-25');
  });

  it('fills the defaults of optional lists', () => {
    const minimal = [
      'id: minimal',
      'lang: be',
      'title: Загаловак',
      'author: { name: Аўтар }',
      'keyPoints: [адно]',
      'sections:',
      '  - heading: Раздзел',
      '    paragraphs: [Абзац.]',
      'sources: [{ title: Крыніца }]',
    ].join('\n');
    const article = parseArticle(minimal, FILE).value;
    expect(article.author!.roles).toEqual([]);
    expect(article.quotes).toEqual([]);
    expect(article.events).toEqual([]);
    expect(article.actors).toEqual([]);
    expect(article.places).toEqual([]);
    expect(article.sections[0]!.bullets).toBeUndefined();
  });

  it('accepts a few YAML aliases (only excessive expansion is refused)', () => {
    const source = edit(/^title: (.*)$/m, 'title: &t $1').replace(/^  - title: .*$/m, '  - title: *t');
    const article = parseArticle(source, FILE).value;
    expect(article.sources[0]!.title).toBe(article.title);
  });
});

describe('YAML errors', () => {
  it('reports a syntax error with the line and column of the offending text', () => {
    const source = edit('lang: en\n', 'lang: en: x\n');
    const d = onlyError(source);
    expect(d.rule).toBe('yaml-syntax');
    expect(d.file).toBe(FILE);
    expect({ line: d.line, column: d.column }).toEqual(locate(source, 'en: x'));
    expect(d.line).toBe(4);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toContain('\n');
  });

  it('reports an unclosed flow sequence as a syntax error, not as a schema error', () => {
    const d = diagnosticsOf(() => parseArticle(edit('actors: [aksyonov, subbotin]', 'actors: [aksyonov, subbotin'), FILE));
    expect(d.every((x) => x.rule === 'yaml-syntax')).toBe(true);
    expect(d[0]!.line).toBeGreaterThanOrEqual(67);
  });

  it('refuses a duplicate key at the top level, at the line of the second key', () => {
    const source = edit('lang: en\n', 'lang: en\nlang: be\n');
    const d = onlyError(source);
    expect(d.rule).toBe('duplicate-key');
    expect({ line: d.line, column: d.column }).toEqual(locate(source, 'lang: be'));
    expect(d.line).toBe(5);
  });

  it('refuses a duplicate key inside a nested mapping', () => {
    const source = edit('    wording: 18 April 2023\n', '    wording: 18 April 2023\n    wording: mid-April 2023\n');
    const d = onlyError(source);
    expect(d.rule).toBe('duplicate-key');
    expect(d.line).toBe(locate(source, 'wording: mid-April').line);
  });

  /** A schema that accepts anything and counts how often it is handed data: the walk over an expanded bomb is the work to avoid. */
  const countingSchema = () => {
    const seen = { calls: 0 };
    const schema = z.custom<unknown>(() => {
      seen.calls++;
      return true;
    });
    return { seen, schema };
  };

  /** How many aliases yaml expands (one Alias#toJSON call with a context each) while fn runs; fn may throw. */
  function expansionsDuring(fn: () => unknown): number {
    const spy = vi.spyOn(Alias.prototype, 'toJSON');
    try {
      fn();
    } catch {
      // The refusal itself is checked by the callers.
    }
    const expansions = spy.mock.calls.filter((args) => args[1] !== undefined).length;
    spy.mockRestore();
    return expansions;
  }

  const billionLaughs = (): string => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1]!;
      levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    return `${levels.join('\n')}\n`;
  };
  const nestedBomb = (): string =>
    [
      'x0: &x0 [a, a, a, a, a, a, a, a, a, a]',
      ...Array.from({ length: 7 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(', ')}]`),
    ].join('\n');

  it('stops a billion-laughs alias bomb with a yaml-aliases error, after a capped number of expansions', () => {
    const bomb = billionLaughs();
    const d = onlyError(bomb);
    expect(d.rule).toBe('yaml-aliases');
    expect(d.message).toMatch(/alias/i);
    expect(d.message).toContain('at most 100 alias expansions');
    // The bomb holds 9 aliases on each of 9 levels (81); expanded in full it is 9^10 strings. The cap stops yaml long
    // before it has resolved every alias.
    const expansions = expansionsDuring(() => parseArticle(bomb, FILE));
    expect(expansions).toBeGreaterThan(0);
    expect(expansions).toBeLessThan(81);
  });

  it('never hands the expanded bomb to the schema', () => {
    const { seen, schema } = countingSchema();
    const d = diagnosticsOf(() => parseValidated(billionLaughs(), FILE, schema, 'anything'));
    expect(d.map((x) => x.rule)).toEqual(['yaml-aliases']);
    expect(seen.calls).toBe(0);
    // The control: the same shape kept small (three levels, 9 × 9 = 81 strings) is within the cap and does reach the schema.
    const small = billionLaughs().split('\n').slice(0, 3).join('\n');
    expect(parseValidated(small, FILE, schema, 'anything')).toMatchObject({ c: expect.any(Array) });
    expect(seen.calls).toBe(1);
  });

  it('stops an alias bomb nested inside an otherwise valid article', () => {
    const source = `${SEED}\n${nestedBomb()}\n`;
    const d = onlyError(source);
    expect(d.rule).toBe('yaml-aliases');
    expect(d.message).toContain('at most 100 alias expansions');
    // 10 aliases on each of 7 levels (70): refused before all of them are resolved, and the schema never runs.
    const expansions = expansionsDuring(() => parseArticle(source, FILE));
    expect(expansions).toBeGreaterThan(0);
    expect(expansions).toBeLessThan(70);
    const { seen, schema } = countingSchema();
    expect(diagnosticsOf(() => parseValidated(source, FILE, schema, 'anything')).map((x) => x.rule)).toEqual(['yaml-aliases']);
    expect(seen.calls).toBe(0);
  });
});

describe('prototype keys', () => {
  const polluted = () => (Object.prototype as Record<string, unknown>).polluted;

  it.each([
    ['__proto__ at the top level', 'lang: en\n', 'lang: en\n__proto__: { polluted: yes }\n', '__proto__'],
    ['constructor.prototype at the top level', 'lang: en\n', 'lang: en\nconstructor: { prototype: { polluted: yes } }\n', 'constructor'],
    ['__proto__ inside author', '  name: Pavel Latushka\n', '  name: Pavel Latushka\n  __proto__: { polluted: yes }\n', '__proto__'],
  ])('%s is an unknown field and pollutes nothing', (_label, from, to, key) => {
    const source = edit(from, to);
    const d = onlyError(source);
    expect(polluted()).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(d.rule).toBe('schema');
    expect(d.message).toBe(`unknown field "${key}"`);
    expect(d.line).toBe(locate(source, `${key}:`).line);
  });

  it('JSON with a "__proto__" key pollutes nothing either', () => {
    const json = JSON.stringify(parseArticle(SEED, FILE).value).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const d = onlyError(json, 'article.json');
    expect(polluted()).toBeUndefined();
    expect(d.message).toBe('unknown field "__proto__"');
  });
});

describe('schema errors', () => {
  it('names a missing required field by its path and points at the parent mapping', () => {
    const source = edit(/^title: .*\n/m, '');
    const d = onlyError(source);
    expect(d.rule).toBe('schema');
    expect(d.path).toBe('title');
    expect(d.message).toMatch(/missing/);
    // The parent is the top-level mapping, which starts at "id:" (after the two comment lines).
    expect({ line: d.line, column: d.column }).toEqual({ line: 3, column: 1 });
  });

  it('points a missing nested field at its own parent mapping', () => {
    const source = edit('  name: Pavel Latushka\n', '');
    const d = onlyError(source);
    expect(d.path).toBe('author.name');
    expect(d.message).toMatch(/missing/);
    expect({ line: d.line, column: d.column }).toEqual(locate(source, 'roles:'));
  });

  it('names a value of the wrong type by its path and the line of the value', () => {
    const source = edit(/(  - heading: Contacts at the official political level\n[\s\S]*?)    paragraphs:\n(?: {6}- .*\n)+/, '$1    paragraphs: 42\n');
    const d = onlyError(source);
    expect(d.rule).toBe('schema');
    expect(d.path).toBe('sections[1].paragraphs');
    expect({ line: d.line, column: d.column }).toEqual(locate(source, '42'));
    expect(d.line).toBe(35);
    // The value is present, so the message must not claim it is missing.
    expect(d.message).toBe('expected array, got number 42');
  });

  it('describes a mapping given where text is expected', () => {
    const source = edit(/^title: .*$/m, 'title: { en: x }');
    const d = onlyError(source);
    expect(d.path).toBe('title');
    expect(d.message).toBe('expected string, got a mapping');
    expect({ line: d.line, column: d.column }).toEqual(locate(source, '{ en: x }'));
  });

  it('refuses an unknown field at the top level, at the key', () => {
    const source = edit('lang: en\n', 'lang: en\ncolour: red\n');
    const d = onlyError(source);
    expect(d.rule).toBe('schema');
    expect(d.path).toBe('(top level)');
    expect(d.message).toBe('unknown field "colour"');
    expect({ line: d.line, column: d.column }).toEqual(locate(source, 'colour'));
  });

  it('refuses an unknown field in a nested object (strict objects everywhere)', () => {
    const source = edit('  - heading: A consulate in Rostov-on-Don\n', '  - heading: A consulate in Rostov-on-Don\n    summary: extra\n');
    const d = onlyError(source);
    expect(d.path).toBe('sections[3]');
    expect(d.message).toBe('unknown field "summary"');
    expect({ line: d.line, column: d.column }).toEqual(locate(source, 'summary'));
  });

  it('refuses an empty paragraph (text is trimmed)', () => {
    const source = edit(/(    paragraphs:\n)      - "In addition, the illegitimate.*\n/, '$1      - "   "\n');
    const d = onlyError(source);
    expect(d.path).toBe('sections[3].paragraphs[0]');
    expect(d.message).toBe('must not be empty');
    expect(d.line).toBe(locate(source, '"   "').line);
  });

  it('refuses a language outside en/be/uk/ru, listing the choices', () => {
    const d = onlyError(edit('lang: en\n', 'lang: de\n'));
    expect(d.path).toBe('lang');
    expect(d.message).toBe('must be one of "en", "be", "uk", "ru"');
    expect(d.line).toBe(4);
    expect(d.column).toBe(7);
  });

  it('reports every problem at once, each at its own place', () => {
    const source = edit(/^title: .*\n/m, '').replace('lang: en\n', 'lang: en\ncolour: red\n');
    const d = diagnosticsOf(() => parseArticle(source, FILE));
    expect(d.map((x) => x.path).sort()).toEqual(['(top level)', 'title']);
    expect(d.find((x) => x.path === '(top level)')!.line).toBe(locate(source, 'colour').line);
  });

  it('refuses a list at the top level', () => {
    const d = diagnosticsOf(() => parseArticle('- a\n- b\n', FILE));
    expect(d).toHaveLength(1);
    expect(d[0]!.path).toBe('(top level)');
    expect(d[0]!.message).toBe('expected object, got a list');
  });

  it('formats the error message as file:line:col: error: path: message', () => {
    let error: unknown;
    try {
      parseArticle(edit('lang: en\n', 'lang: en\ncolour: red\n'), 'data/x.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as Error).message).toBe('data/x.yaml:5:1: error: (top level): unknown field "colour"');
  });
});

describe('events', () => {
  it('refuses a date that is not EDTF, at the date value', () => {
    const source = edit('date: 2023-04-18', 'date: 2023-13-45');
    const d = onlyError(source);
    expect(d.rule).toBe('schema');
    expect(d.path).toBe('events[3].date');
    expect(d.message).toContain('"2023-13-45" is not an EDTF date');
    expect({ line: d.line, column: d.column }).toEqual(locate(source, '2023-13-45'));
  });

  it.each(['sometime in 2023', '2023-02-30', '24.02.2022', ''])('refuses the date %j', (bad) => {
    const d = onlyError(edit('date: 2023-04-18', `date: "${bad}"`));
    expect(d.path).toBe('events[3].date');
    expect(d.message).toContain(`"${bad}"`);
  });

  it('refuses an event that names an unknown actor, at that actor id', () => {
    const source = edit('actors: [aksyonov, subbotin]', 'actors: [aksyonov, nobody]');
    const d = onlyError(source);
    expect(d.path).toBe('events[2].actors[1]');
    expect(d.message).toBe('unknown actor "nobody"');
    expect({ line: d.line, column: d.column }).toEqual(locate(source, 'nobody'));
  });

  it('refuses an event that names an unknown place', () => {
    const source = edit('places: [donetsk]', 'places: [atlantis]');
    const d = onlyError(source);
    expect(d.path).toBe('events[3].places[0]');
    expect(d.message).toBe('unknown place "atlantis"');
    expect(d.line).toBe(locate(source, 'atlantis').line);
  });
});

describe('sources', () => {
  const withUrl = (url: string) => edit('    publisher: Pavel Latushka (web page)\n', `    publisher: Pavel Latushka (web page)\n    url: "${url}"\n`);

  it('accepts an http(s) URL with punctuation', () => {
    expect(parseArticle(withUrl('https://example.org/a_(b)?q=1&r=2#x'), FILE).value.sources[0]!.url).toBe('https://example.org/a_(b)?q=1&r=2#x');
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/x', 'example.org', 'https://example.org/a b'])('refuses the URL %j, at the value', (url) => {
    const source = withUrl(url);
    const d = onlyError(source);
    expect(d.path).toBe('sources[0].url');
    expect(d.line).toBe(locate(source, `url: "${url}"`).line);
  });
});

describe('empty and odd inputs', () => {
  it.each([
    ['an empty file', ''],
    ['only whitespace', '  \n\n'],
    ['only comments', '# nothing here\n# at all\n'],
    ['an explicit null', 'null\n'],
  ])('refuses %s as empty-input', (_label, source) => {
    const d = onlyError(source);
    expect(d.rule).toBe('empty-input');
    expect(d.file).toBe(FILE);
    expect(d.message).toContain('empty');
  });

  it('loads a file with a BOM and CRLF line ends exactly like the plain one', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED.replace(/\n/g, '\r\n'), 'utf8')]);
    const path = temp('bom-crlf.yaml', bytes);
    const article = loadArticleFile(path).value;
    expect(article).toEqual(loadArticleFile(SEED_FILE).value);
    // No stray \r survives in a value.
    expect(JSON.stringify(article)).not.toContain('\\r');
  });

  it('keeps line numbers right in a CRLF file', () => {
    const source = edit('lang: en\n', 'lang: en\nlang: be\n').replace(/\n/g, '\r\n');
    const d = onlyError(source);
    expect(d.rule).toBe('duplicate-key');
    expect({ line: d.line, column: d.column }).toEqual({ line: 5, column: 1 });
  });

  it('loads JSON, and JSON errors carry line and path too', () => {
    const article = loadArticleFile(SEED_FILE).value;
    expect(loadArticleFile(temp('seed.json', JSON.stringify(article, null, 2))).value).toEqual(article);

    const broken = JSON.parse(JSON.stringify(article)) as { sections: { paragraphs: unknown }[] };
    broken.sections[1]!.paragraphs = 42;
    const text = JSON.stringify(broken, null, 2);
    const d = diagnosticsOf(() => loadArticleFile(temp('broken.json', text)));
    expect(d).toHaveLength(1);
    expect(d[0]!.file).toMatch(/broken\.json$/);
    expect(d[0]!.path).toBe('sections[1].paragraphs');
    expect({ line: d[0]!.line, column: d[0]!.column }).toEqual(locate(text, '42'));
  });

  it('accepts .yml and an upper-case extension', () => {
    expect(loadArticleFile(temp('seed.yml', SEED)).value.id).toBe('lukashenko-occupied-territories');
    expect(loadArticleFile(temp('SEED.YAML', SEED)).value.id).toBe('lukashenko-occupied-territories');
  });
});

describe('files', () => {
  it('reports a missing file as input-missing, naming it', () => {
    const path = join(dir, 'does-not-exist.yaml');
    const d = diagnosticsOf(() => loadArticleFile(path));
    expect(d).toHaveLength(1);
    expect(d[0]!.rule).toBe('input-missing');
    expect(d[0]!.file).toBe(path);
    expect(d[0]!.message).toBe('no such file');
  });

  it('reports a folder as input-missing', () => {
    const path = join(dir, 'a-folder.yaml');
    mkdirSync(path, { recursive: true });
    const d = diagnosticsOf(() => loadArticleFile(path));
    expect(d[0]!.rule).toBe('input-missing');
    expect(d[0]!.message).toContain('folder');
  });

  it.each([
    ['seed.txt', '".txt"'],
    ['seed.md', '".md"'],
    ['seed', '"no extension"'],
  ])('refuses the unknown extension of %s before reading it', (name, shown) => {
    const path = temp(name, SEED);
    const d = diagnosticsOf(() => loadArticleFile(path));
    expect(d).toHaveLength(1);
    expect(d[0]!.rule).toBe('input-type');
    expect(d[0]!.file).toBe(path);
    expect(d[0]!.message).toContain(shown);
  });
});

describe('UTF-8', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const offsetIn = (bytes: Uint8Array): number => {
    const d = diagnosticsOf(() => decodeUtf8(bytes, 'x.yaml'));
    expect(d).toHaveLength(1);
    expect(d[0]!.rule).toBe('utf8');
    expect(d[0]!.file).toBe('x.yaml');
    const match = /offset (\d+)/.exec(d[0]!.message);
    expect(match, d[0]!.message).not.toBeNull();
    return Number(match![1]);
  };

  it('decodes valid text and drops a BOM', () => {
    expect(decodeUtf8(utf8('title: Брыфінг €😀'), 'x')).toBe('title: Брыфінг €😀');
    expect(decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('a: 1')]), 'x')).toBe('a: 1');
  });

  it.each([
    ['a bad byte first', [0xff], 0],
    ['0xFF after ASCII', [...utf8('abc'), 0xff, ...utf8('x')], 3],
    ['0xFF after a 3-byte character', [...utf8('abc€def'), 0xff, ...utf8('gh')], 9],
    ['0xFF after one 2-byte character', [...utf8('é'), 0xff], 2],
    ['0xFF after 1000 Cyrillic letters', [...utf8('ж'.repeat(1000)), 0xff, ...utf8('ж'.repeat(10))], 2000],
    ['a lone continuation byte', [...utf8('ab'), 0x80, ...utf8('cd')], 2],
    ['an overlong encoding of "/"', [...utf8('ab'), 0xc0, 0xaf, ...utf8('xyz')], 2],
    ['an encoded surrogate', [...utf8('ab'), 0xed, 0xa0, 0x80, ...utf8('x')], 2],
    ['a character cut short in the middle', [...utf8('abc'), 0xe2, 0x82, ...utf8('xyz')], 3],
    ['a character cut short at the end of the file', [...utf8('abcdefghij'), 0xe2, 0x82], 10],
    ['a 4-byte character cut short at the end', [...utf8('😀😀'), 0xf0, 0x9f, 0x98], 8],
  ])('names the offset of %s', (_label, bytes, offset) => {
    expect(offsetIn(Uint8Array.from(bytes))).toBe(offset);
  });

  it('names the byte offset of the first bad byte after any valid text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(0xff, 0xfe, 0x80, 0xbf, 0xc0, 0xc1, 0xf5), fc.string({ maxLength: 10 }), (before, bad, after) => {
        const prefix = utf8(before);
        const bytes = Buffer.concat([prefix, Buffer.from([bad]), utf8(after)]);
        expect(offsetIn(bytes)).toBe(prefix.length);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a file with invalid UTF-8 from loadArticleFile, naming the file', () => {
    const bytes = Buffer.concat([utf8(SEED.slice(0, 100)), Buffer.from([0xc3, 0x28]), utf8(SEED.slice(100))]);
    const path = temp('latin1.yaml', bytes);
    const d = diagnosticsOf(() => loadArticleFile(path));
    expect(d).toHaveLength(1);
    expect(d[0]!.rule).toBe('utf8');
    expect(d[0]!.file).toBe(path);
    expect(d[0]!.message).toContain(`offset ${utf8(SEED.slice(0, 100)).length}`);
  });
});

describe('parseValidated with another schema', () => {
  const Schema = z.strictObject({ size: z.number().int().positive(), name: z.string() });

  it('returns the validated data', () => {
    expect(parseValidated('size: 3\nname: x\n', 'theme.yaml', Schema, 'a theme')).toEqual({ size: 3, name: 'x' });
  });

  it('names the schema\'s errors by path and line', () => {
    const source = 'name: x\nsize: big\n';
    const d = diagnosticsOf(() => parseValidated(source, 'theme.yaml', Schema, 'a theme'));
    expect(d).toEqual([{ severity: 'error', file: 'theme.yaml', line: 2, column: 7, path: 'size', rule: 'schema', message: 'expected number, got string "big"' }]);
  });

  it('uses the caller\'s description for an empty file', () => {
    const d = diagnosticsOf(() => parseValidated('', 'theme.yaml', Schema, 'a theme (size, name)'));
    expect(d[0]!.message).toBe('the file is empty: expected a theme (size, name)');
  });
});

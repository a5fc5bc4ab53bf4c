// An article file (YAML or JSON) in, a validated Article out; every error names file:line:col and the field path.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import { tooDeep } from './nesting.js';
import type { z } from 'zod';
import { ArticleSchema, type Article } from '../model/article.js';
import { BriefkitError, formatPath, type Diagnostic, type Result } from '../diagnostics.js';
import { Memo } from '../layout/memo.js';

const MAX_ALIASES = 100;
/** Data nests at most this deep (an article needs 6: sections, paragraphs, a list, its items); checked before parsing. */
export const MAX_DATA_NESTING = 20;
/** The YAML tags a value may carry: those of plain data (text, numbers, true/false, null, lists, mappings). */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** Inputs larger than this are refused before they are read (raise it with --max-input-mb). */
export const DEFAULT_MAX_INPUT_BYTES = 2 * 1024 * 1024;

export function loadArticleFile(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): Result<Article> {
  const extension = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(extension)) {
    throw new BriefkitError([{ severity: 'error', file, rule: 'input-type', message: `unsupported input "${extension || 'no extension'}": expected .yaml, .yml or .json (or a raw article: .txt, .md)` }]);
  }
  const text = decodeUtf8(readInput(file, maxBytes), file);
  // A copy: the caller may change what it was given (a library user tweaking an article before building it).
  return structuredClone(parsedArticles.get(`${file}\u0000${text}`, () => parseArticle(text, file)));
}

/** Data files parsed before, by name and text: a warm process reads an unchanged file again without parsing it again. */
const parsedArticles = new Memo<Result<Article>>(16);

/**
 * The bytes of an input file, or an error naming it: missing, a folder, a device or pipe (only regular files are read,
 * a link is followed to what it names), larger than `maxBytes`, unreadable.
 */
export function readInput(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): Buffer {
  const fail = (message: string, rule = 'input-missing'): never => {
    throw new BriefkitError([{ severity: 'error', file, rule, message }]);
  };
  let size = 0;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) fail('is a folder, not a file');
    if (!stat.isFile()) fail('is not a regular file (a device, a pipe or a socket): briefkit reads only files', 'input-type');
    size = stat.size;
  } catch (error) {
    if (error instanceof BriefkitError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'unknown error'})`);
  }
  if (size > maxBytes) {
    fail(`is ${megabytes(size)}, more than the ${megabytes(maxBytes)} an article may be (raise the limit with --max-input-mb)`, 'input-size');
  }
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code ?? 'unknown error'})`);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Strict UTF-8 decoding: invalid bytes are an error naming their offset; a BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    throw new BriefkitError([{ severity: 'error', file, rule: 'utf8', message: `the file is not valid UTF-8 (first bad byte at offset 0): it is UTF-16 ${utf16}`, hint: 'save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)' }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new BriefkitError([{ severity: 'error', file, rule: 'utf8', message: `the file is not valid UTF-8 (first bad byte at offset ${offset})` }]);
  }
}

/**
 * UTF-16, by its byte order mark or, without one, by its zero bytes: text in UTF-16 has a zero in every other byte for
 * Latin letters, digits and punctuation, which UTF-8 text never has.
 */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian (with a byte order mark FF FE)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian (with a byte order mark FE FF)';
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'little-endian without a byte order mark (every other byte is zero)';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'big-endian without a byte order mark (every other byte is zero)';
  return undefined;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // A fresh decoder per probe: a streaming decoder would carry the bytes of an unfinished character into the next probe.
  const decodes = (length: number, stream: boolean): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  // The longest prefix that is valid or ends inside a character that could still complete, found by bisection on prefix length.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (decodes(mid, true)) low = mid;
    else high = mid - 1;
  }
  // That prefix may end inside a character (at most 3 bytes of it): the bad sequence starts where the last complete character ends.
  for (let length = low; length >= Math.max(0, low - 3); length--) if (decodes(length, false)) return length;
  return low;
}

/** An article given as data (a caller's object) validated by the same schema as a file; errors name the field's path. */
export function validateArticle(data: unknown, name: string): Article {
  const parsed = ArticleSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new BriefkitError(parsed.error.issues.map((issue) => ({
    severity: 'error' as const, file: name, path: formatPath(issue.path.filter((key): key is string | number => typeof key !== 'symbol')) || '(top level)', rule: 'schema', message: describeIssue(issue),
  })));
}

export function parseArticle(source: string, file: string): Result<Article> {
  return { value: parseValidated(source, file, ArticleSchema, 'an article (id, lang, title, author, …)'), diagnostics: [] };
}

/** YAML or JSON text in, data validated by the schema out; errors carry file:line:col and the data path. */
export function parseValidated<S extends z.ZodType>(source: string, file: string, schema: S, what: string, prepare: (data: unknown) => unknown = (data) => data): z.output<S> {
  const deep = tooDeep(source, MAX_DATA_NESTING);
  if (deep) {
    throw new BriefkitError([{ severity: 'error', file, line: deep.line, column: deep.column, rule: 'nesting', message: `lists or mappings nested ${deep.depth} deep here; data may nest at most ${MAX_DATA_NESTING} (an article needs 6)`, hint: 'look for brackets or indentation that run away from the fields of the schema' }]);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const syntaxErrors: Diagnostic[] = document.errors.map((error) => ({
    severity: 'error',
    file,
    ...at(error.pos[0]),
    rule: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
    message: firstLine(error.message),
  }));
  if (syntaxErrors.length > 0) throw new BriefkitError(syntaxErrors);
  const tagErrors: Diagnostic[] = [];
  visit(document, {
    Node(_key, node) {
      if (node.tag && !PLAIN_TAGS.has(node.tag) && node.range) {
        const written = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        tagErrors.push({ severity: 'error', file, ...at(node.range[0]), rule: 'yaml-tag', message: `the YAML tag ${written} is not allowed: an article holds only text, numbers, true/false, lists and mappings`, hint: `remove ${written} and write the value as plain text` });
      }
    },
  });
  if (tagErrors.length > 0) throw new BriefkitError(tagErrors);

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new BriefkitError([{ severity: 'error', file, line: 1, column: 1, rule: 'yaml-aliases', message: `${firstLine((error as Error).message)} (at most ${MAX_ALIASES} alias expansions)` }]);
  }
  if (data === null || data === undefined) {
    throw new BriefkitError([{ severity: 'error', file, line: 1, column: 1, rule: 'empty-input', message: `the file is empty: expected ${what}` }]);
  }

  // reportInput: an issue then carries the value it is about, which tells a missing field from a wrong one.
  const parsed = schema.safeParse(prepare(data), { reportInput: true });
  if (!parsed.success) {
    throw new BriefkitError(parsed.error.issues.map((issue) => schemaDiagnostic(issue, document, file, at)));
  }
  return parsed.data;
}

function schemaDiagnostic(issue: z.core.$ZodIssue, document: Document, file: string, at: (offset: number) => { line: number; column: number }): Diagnostic {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const node = nearestNode(document, path, issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys[0] : undefined);
  const position = node?.range ? at(node.range[0]) : { line: 1, column: 1 };
  return { severity: 'error', file, ...position, path: formatPath(path) || '(top level)', rule: 'schema', message: describeIssue(issue) };
}

/** The YAML node at the path, or at its nearest existing ancestor (a missing field points at its parent). */
function nearestNode(document: Document, path: (string | number)[], extraKey?: string): { range?: [number, number, number] | null } | undefined {
  const full = extraKey === undefined ? path : [...path, extraKey];
  for (let length = full.length; length >= 0; length--) {
    const prefix = full.slice(0, length);
    if (extraKey !== undefined && length === full.length) {
      const parent = prefix.length > 1 ? document.getIn(prefix.slice(0, -1), true) : document.contents;
      const pair = isNode(parent) && 'items' in parent ? (parent.items as { key: unknown }[]).find((item) => isNode(item.key) && (item.key as { value?: unknown }).value === extraKey) : undefined;
      if (pair && isNode(pair.key)) return pair.key;
      continue;
    }
    const node = prefix.length === 0 ? document.contents : document.getIn(prefix, true);
    if (isNode(node)) return node;
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `required field is missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // JSON.stringify writes NaN and ±Infinity (YAML's .nan and .inf) as "null", which would misname them.
  if (typeof value === 'number') return `number ${String(value)}`;
  // A long text is shown by its start and its length, never whole (a whole file may stand where a mapping goes).
  if (typeof value === 'string' && value.length > QUOTED_CHARS) return `string ${JSON.stringify(value.slice(0, QUOTED_CHARS))}… (${value.length} characters)`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
const QUOTED_CHARS = 60;

const firstLine = (message: string): string => message.split('\n')[0] ?? message;

/**
 * Where a field of a YAML or JSON data file is written (line and column of its value), for an error found after
 * loading, e.g. a picture file that is missing; undefined when the file cannot be read again or has no such field.
 */
export function fieldPosition(file: string, path: (string | number)[]): { line: number; column: number } | undefined {
  if (!/\.(ya?ml|json)$/i.test(file)) return undefined;
  try {
    const lineCounter = new LineCounter();
    const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false, version: '1.2' });
    const node = nearestNode(document, path);
    if (!node?.range) return undefined;
    const pos = lineCounter.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  } catch {
    return undefined;
  }
}

// What a caller hands in (a file path, raw article text, or an article object) in, a validated Article out.
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeUtf8, loadArticleFile, readInput, validateArticle } from '../load/load.js';
import { importArticle } from '../import/import.js';
import { BriefkitError, type Result } from '../diagnostics.js';
import { Memo } from '../layout/memo.js';
import type { Article, ArticleInput } from '../model/article.js';

/** Raw articles (text as copied from a web page, or Markdown) are imported in memory; data files are loaded. */
export const RAW_EXTENSIONS = ['.txt', '.text', '.md', '.markdown'];
export const DATA_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A path to an article file (data or raw), raw article text, or an article as data (validated like a file). */
export type ArticleSource = string | ArticleInput;

export interface LoadedArticle {
  article: Article;
  /** The file it came from, for diagnostics; absent for text and objects. */
  file?: string;
}

export function readArticle(file: string, maxBytes?: number): Result<Article> {
  if (!RAW_EXTENSIONS.includes(extname(file).toLowerCase())) return loadArticleFile(file, maxBytes);
  const text = decodeUtf8(readInput(file, maxBytes), file);
  // A copy, as for data files.
  return structuredClone(importedArticles.get(`${file}\u0000${text}`, () => {
    const imported = importArticle(text, file);
    return { value: imported.value.article, diagnostics: imported.diagnostics };
  }));
}

/** Raw articles imported before, by name and text (as data files are parsed once, src/load/load.ts). */
const importedArticles = new Memo<Result<Article>>(16);

/** A string on one line that names an existing file or ends in an article extension is a path; any other string is raw text. */
export function isPath(input: string): boolean {
  if (/[\r\n]/.test(input)) return false;
  const extension = extname(input).toLowerCase();
  return existsSync(input) || RAW_EXTENSIONS.includes(extension) || DATA_EXTENSIONS.includes(extension);
}

export function articleFrom(input: ArticleSource, maxBytes?: number): Result<LoadedArticle> {
  if (typeof input === 'string') {
    if (isPath(input)) {
      const read = readArticle(input, maxBytes);
      return { value: { article: read.value, file: input }, diagnostics: read.diagnostics };
    }
    const imported = importArticle(input, '(article text)');
    return { value: { article: imported.value.article }, diagnostics: imported.diagnostics };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new BriefkitError([{ severity: 'error', rule: 'input-type', message: `expected a file path, article text or an article object, got ${input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input}` }]);
  }
  return { value: { article: validateArticle(input, '(article object)') }, diagnostics: [] };
}

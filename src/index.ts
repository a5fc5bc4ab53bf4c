// The public API of briefkit: an article (file path, raw text or object) in, its documents as bytes out.
export { build, type BuildOptions, type BuildResult, type BuiltDocument } from './pipeline/build.js';
export { OUTPUT_IDS, type OutputId } from './pipeline/output-ids.js';
export { writeDocuments } from './pipeline/write.js';
export type { ArticleSource } from './pipeline/input.js';
export { BriefkitError, formatDiagnostic, type Diagnostic, type Severity } from './diagnostics.js';
export type { Article, ArticleInput } from './model/article.js';
export { SUPPORTED_LANGS } from './model/article.js';

import { readArticle, articleFrom, type ArticleSource } from './pipeline/input.js';
import { importArticle as importRaw } from './import/import.js';
import type { Article } from './model/article.js';
import type { Diagnostic } from './diagnostics.js';

/** An article data file (.yaml, .yml, .json) or raw article (.txt, .md), validated; throws BriefkitError naming file, line, column and field. */
export function loadArticle(file: string): { article: Article; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = readArticle(file);
  return { article: value, diagnostics };
}

/**
 * Raw article text (as copied from a web page, or Markdown) turned into article data: junk dropped, title, byline,
 * sections, quotes, dates found; every guess reported in `diagnostics`. `name` is used in diagnostics.
 */
export function importArticle(text: string, options: { name?: string; lang?: Article['lang'] } = {}): { article: Article; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = importRaw(text, options.name ?? '(article text)', options.lang ? { lang: options.lang } : {});
  return { article: value.article, diagnostics };
}

/** Any article source checked by the schema, without building: an object's errors name the field. */
export function validate(input: ArticleSource): { article: Article; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = articleFrom(input);
  return { article: value.article, diagnostics };
}

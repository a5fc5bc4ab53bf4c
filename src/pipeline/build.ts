// An article (file, text or object) + options in, every requested document (bytes, not yet written) out: the pipeline's steps in order.
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { loadTheme as loadThemeFolder, missingStyleWarnings } from '../load/theme.js';
import { loadImage } from '../load/image.js';
import { loadTemplates, renderMarkdown } from '../render/render.js';
import { DIRECTIVE_NAMES, parseMarkdown } from '../parse/parse.js';
import { fontRegistryFor } from '../layout/fonts.js';
import { labelsFor, type Labels } from '../render/labels.js';
import type { Theme } from '../model/theme.js';
import type { Article } from '../model/article.js';
import type { Doc } from '../parse/doc.js';
import type { Frame } from '../layout/frame.js';
import { BriefkitError, type Diagnostic, type Result } from '../diagnostics.js';
import { checkArticleLimits } from '../check/limits.js';
import { checkArticlePictures } from '../load/article-pictures.js';
import { checkArticleText } from '../check/text.js';
import { deckFontWarnings } from '../export/pptx-embed.js';
import { typesetArticle, typesetText } from '../typography/article.js';
import { articleFrom, type ArticleSource, type LoadedArticle } from './input.js';
import { LAYOUTS, figureSource, layoutsFor, selectOutputs, templatesFor, type BuildEnvironment, type LayoutName, type OutputEntry, type TemplateName } from './outputs.js';
import type { OutputId } from './output-ids.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'templates');

export interface BuildOptions {
  paper?: 'a4' | 'letter';
  aspect?: '16:9' | '4:3';
  /** Handout: three slides a page with note lines (default), or two with their speaker notes. */
  handout?: 'lines' | 'notes';
  /** Epoch seconds for every date written into the files (SOURCE_DATE_EPOCH); defaults to now. */
  sourceDateEpoch?: number;
  /** The default templates folder (templates/ of the install): theme.yaml, the templates and partials. */
  templatesDir?: string;
  /**
   * An office's theme folder: its theme.yaml holds what differs from the default theme (colours, sizes, `marking`,
   * `labels`), its templates/ overrides any template or partial by file name.
   */
  theme?: string;
  /** A folder of templates overriding the defaults by file name (instead of the theme folder's templates/). */
  templates?: string;
  /** Input files larger than this are refused before they are read (default 2 MB). */
  maxInputBytes?: number;
  /** The outputs to make (default: all): briefing, deck, deck-pdf, handout — or their file names (briefing.pdf, …). */
  only?: readonly (OutputId | string)[];
}

export interface BuiltDocument {
  /** File name inside dist/<id>/. */
  name: string;
  bytes: Buffer;
}

export interface BuildResult {
  /**
   * The article as the documents show it: checked (controls removed, missing glyphs replaced) and typeset
   * (typographic quotes and dashes, no-break spaces). The data file itself is never changed; `loadArticle` gives the
   * article as written.
   */
  article: Article;
  documents: BuiltDocument[];
  diagnostics: Diagnostic[];
  /** Milliseconds each step took (load, environment, render, parse, layout, export), for `--verbose`. */
  timingsMs: Record<BuildStep, number>;
}

export type BuildStep = 'load' | 'environment' | 'render' | 'parse' | 'layout' | 'export';

export function loadTheme(templatesDir: string, themeDir?: string): Theme {
  return loadThemeFolder(templatesDir, themeDir);
}

/** The folder whose files override the default templates: --templates, else the theme folder's templates/. */
function templateOverrides(options: BuildOptions): string | undefined {
  if (options.templates !== undefined) {
    if (!existsSync(options.templates) || !statSync(options.templates).isDirectory()) throw new BriefkitError([{ severity: 'error', file: options.templates, rule: 'templates', message: 'no such templates folder' }]);
    return options.templates;
  }
  return options.theme === undefined ? undefined : join(options.theme, 'templates');
}

/** The pipeline: load → check → render → parse → layout (every layout) → export (every output). */
export async function build(input: ArticleSource, options: BuildOptions = {}): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const take = <T>(step: Result<T>): T => {
    diagnostics.push(...step.diagnostics);
    return step.value;
  };
  const outputs = selectOutputs(options.only);
  const layouts = layoutsFor(outputs);
  const templates = templatesFor(layouts);

  const timingsMs = {} as Record<BuildStep, number>;
  let stepStarted = process.hrtime.bigint();
  const timed = <T>(step: BuildStep, value: T): T => {
    const now = process.hrtime.bigint();
    timingsMs[step] = Number(now - stepStarted) / 1e6;
    stepStarted = now;
    return value;
  };

  const loaded = timed('load', take(articleFrom(input, options.maxInputBytes)));
  checkArticleLimits(loaded.article, loaded.file);
  checkArticlePictures(loaded.article, loaded.file);
  const env = timed('environment', take(environmentStep(loaded, options)));
  if (outputs.some((output) => output.id === 'deck')) diagnostics.push(...deckFontWarnings(env.theme.slides.fonts, env.fonts, join(options.theme ?? options.templatesDir ?? TEMPLATES_DIR, 'theme.yaml')));
  const markdown = timed('render', take(renderStep(env, options, templates)));
  const docs = timed('parse', take(parseStep(env, markdown)));
  const frames = timed('layout', take(layoutStep(env, docs, layouts)));
  const documents = timed('export', await exportStep(env, frames, outputs));
  return { article: env.article, documents, diagnostics, timingsMs };
}

/**
 * Options resolved against the theme; the article's text checked against the fonts (controls stripped, missing glyphs
 * replaced), then typeset for its language, so that render, the figures and the metadata all get the typeset text.
 */
function environmentStep(loaded: LoadedArticle, options: BuildOptions): Result<BuildEnvironment> {
  const themeDir = options.theme ?? options.templatesDir ?? TEMPLATES_DIR;
  const themeFile = join(themeDir, 'theme.yaml');
  const written = loadTheme(options.templatesDir ?? TEMPLATES_DIR, options.theme);
  const fonts = fontRegistryFor(written.faces);
  const roles = [written.briefing.fonts.body, written.briefing.fonts.heading, written.slides.fonts.body, written.slides.fonts.heading];
  const checked = checkArticleText(loaded.article, fonts, loaded.file, roles);
  const typeset = typesetArticle(checked.value, loaded.file);
  const article = typeset.value;
  const diagnostics = [...missingStyleWarnings(written, themeFile), ...checked.diagnostics, ...typeset.diagnostics];
  // The theme's own words (marking, labels) are shown beside the article's: typeset them for its language too.
  const typesetThemeText = (text: string, path: string): string => {
    const result = typesetText(text, article.lang);
    diagnostics.push(...result.diagnostics.map((d) => ({ ...d, file: themeFile, path })));
    return result.value;
  };
  const theme = written.marking === undefined ? written : { ...written, marking: typesetThemeText(written.marking, 'marking') };
  const labels = Object.fromEntries(
    Object.entries(labelsFor(article.lang, theme.labels)).map(([name, text]) => [name, typesetThemeText(text, `labels.${article.lang}.${name}`)]),
  ) as unknown as Labels;
  const logo = theme.logo === undefined ? undefined : loadImage(resolve(themeDir, theme.logo), 'logo', themeFile);
  const epochMs = (options.sourceDateEpoch ?? Math.floor(Date.now() / 1000)) * 1000;
  return {
    value: {
      article, labels, theme, fonts, ...(logo ? { logo } : {}), ...(loaded.file ? { file: loaded.file } : {}),
      paper: options.paper ?? theme.briefing.paper,
      aspect: options.aspect ?? theme.slides.aspect,
      handout: options.handout ?? 'lines',
      // Metadata is not laid out: its no-break spaces are plain ones, so that searches for the words find them.
      meta: {
        title: plainSpaces(article.title), author: plainSpaces(article.author?.name ?? ''), subject: plainSpaces(article.keyPoints.join(' ')),
        keywords: [...(theme.marking ? [theme.marking] : []), ...article.actors.map((a) => a.name), ...article.places.map((p) => p.name)].map(plainSpaces), lang: article.lang, date: new Date(epochMs),
      },
    },
    diagnostics,
  };
}

const plainSpaces = (text: string) => text.replace(/\u00A0/g, ' ');

function renderStep(env: BuildEnvironment, options: BuildOptions, names: TemplateName[]): Result<Partial<Record<TemplateName, string>>> {
  const templates = loadTemplates(options.templatesDir ?? TEMPLATES_DIR, DIRECTIVE_NAMES, templateOverrides(options));
  return renderMarkdown(env.article, templates, env.meta.date.getTime(), names, env.labels);
}

function parseStep(env: BuildEnvironment, markdown: Partial<Record<TemplateName, string>>): Result<Partial<Record<TemplateName, Doc>>> {
  const diagnostics: Diagnostic[] = [];
  const figures = figureSource(env.article, env.labels, env.file);
  const docs: Partial<Record<TemplateName, Doc>> = {};
  for (const [name, text] of Object.entries(markdown) as [TemplateName, string][]) {
    const parsed = parseMarkdown(text, `${name}.md`, figures);
    diagnostics.push(...parsed.diagnostics);
    docs[name] = parsed.value;
  }
  return { value: docs, diagnostics };
}

function layoutStep(env: BuildEnvironment, docs: Partial<Record<TemplateName, Doc>>, names: LayoutName[]): Result<Partial<Record<LayoutName, Frame[]>>> {
  const diagnostics: Diagnostic[] = [];
  const frames: Partial<Record<LayoutName, Frame[]>> = {};
  for (const name of names) {
    const entry = LAYOUTS[name];
    const laid = 'template' in entry ? entry.run(docs[entry.template]!, env) : entry.run(frames[entry.after]!, env);
    diagnostics.push(...laid.diagnostics);
    frames[name] = laid.value;
  }
  return { value: frames, diagnostics };
}

async function exportStep(env: BuildEnvironment, frames: Partial<Record<LayoutName, Frame[]>>, outputs: OutputEntry[]): Promise<BuiltDocument[]> {
  const documents: BuiltDocument[] = [];
  for (const output of outputs) documents.push({ name: output.file, bytes: await output.export(frames[output.layout]!, env) });
  return documents;
}

/** A file's documents (kept for callers of the earlier API and the tests). */
export function buildFile(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  return build(file, options);
}

export type { OutputId };

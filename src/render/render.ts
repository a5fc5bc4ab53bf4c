// Article + templates folder in, Markdown with directives out (briefing and slides), via the isolated Handlebars.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { Article } from '../model/article.js';
import { compileTemplates, type DirectiveNames, type TemplateSet } from './templates.js';
import { buildView } from './view.js';
import { formatLongDate, type Labels, type Lang } from './labels.js';
import { SUPPORTED_LANGS } from '../model/article.js';
import type { Result } from '../diagnostics.js';

/** Markdown by template name. */
export type RenderedMarkdown = Record<string, string>;

const cache = new Map<string, TemplateSet>();

/** Drops the compiled templates, so that the next build reads the files again (watch, after a template is saved). */
export function forgetTemplates(): void {
  cache.clear();
}

/**
 * Templates are read from `templatesDir` (briefing.md.hbs, slides.md.hbs and partials/*.md.hbs), each one overridden
 * by the file of the same name in `overridesDir` when there is one (a theme's templates/ folder); nothing else is read.
 */
export function loadTemplates(templatesDir: string, directives?: DirectiveNames, overridesDir?: string): TemplateSet {
  const key = `${templatesDir}\u0000${overridesDir ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const read = (relative: string) => {
    const own = overridesDir === undefined ? undefined : join(overridesDir, relative);
    const file = own !== undefined && existsSync(own) ? own : join(templatesDir, relative);
    return { source: readFileSync(file, 'utf8'), file };
  };
  const partialNames = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md.hbs')) : []);
  const names = [...new Set([...partialNames(join(templatesDir, 'partials')), ...(overridesDir === undefined ? [] : partialNames(join(overridesDir, 'partials')))])].sort();
  const partials = Object.fromEntries(names.map((name) => [basename(name, '.md.hbs'), read(join('partials', name))]));
  const set = compileTemplates(
    { briefing: read('briefing.md.hbs'), slides: read('slides.md.hbs') },
    partials,
    {
      /** {{longDate iso lang}}: a date in the language's long form, "18 April 2023", "18 красавіка 2023 г.". */
      longDate: (value: unknown, lang: unknown) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`longDate expects an ISO date (yyyy-mm-dd), got ${JSON.stringify(value)}`);
        return formatLongDate(value, (SUPPORTED_LANGS as readonly string[]).includes(String(lang)) ? (lang as Lang) : 'en');
      },
      /** {{printedUrl url}}: an address as a reader types it from paper: no scheme, no "www.", at most 60 characters (else the domain). */
      printedUrl: (value: unknown) => printedUrl(String(value)),
    },
    directives,
  );
  cache.set(key, set);
  return set;
}

/** Fills the named templates (by default the briefing's and the slides') with the article's view. */
export function renderMarkdown(article: Article, templates: TemplateSet, buildEpochMs: number, names: readonly string[] = ['briefing', 'slides'], labels?: Labels): Result<RenderedMarkdown> {
  const view = buildView(article, buildEpochMs, labels);
  return { value: Object.fromEntries(names.map((name) => [name, templates.render(name, view)])), diagnostics: [] };
}

export function printedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, '');
    const full = `${host}${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`.replace(/\/$/, '');
    return full.length <= 60 ? full : host;
  } catch {
    return url;
  }
}

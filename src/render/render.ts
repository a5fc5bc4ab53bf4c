// Article + templates folder in, Markdown with directives out (briefing and slides), via the isolated Handlebars.
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { Article } from '../model/article.js';
import { compileTemplates, type DirectiveNames, type TemplateSet } from './templates.js';
import { buildView } from './view.js';
import { formatLongDate, type Lang } from './labels.js';
import { SUPPORTED_LANGS } from '../model/article.js';
import type { Result } from '../diagnostics.js';

/** Markdown by template name. */
export type RenderedMarkdown = Record<string, string>;

const cache = new Map<string, TemplateSet>();

/** Templates are read from `templatesDir` only: briefing.md.hbs, slides.md.hbs and partials/*.md.hbs. */
export function loadTemplates(templatesDir: string, directives?: DirectiveNames): TemplateSet {
  const cached = cache.get(templatesDir);
  if (cached) return cached;
  const read = (file: string) => ({ source: readFileSync(file, 'utf8'), file });
  const partialsDir = join(templatesDir, 'partials');
  const partials = Object.fromEntries(
    readdirSync(partialsDir)
      .filter((name) => name.endsWith('.md.hbs'))
      .sort()
      .map((name) => [basename(name, '.md.hbs'), read(join(partialsDir, name))]),
  );
  const set = compileTemplates(
    { briefing: read(join(templatesDir, 'briefing.md.hbs')), slides: read(join(templatesDir, 'slides.md.hbs')) },
    partials,
    {
      /** {{longDate iso lang}}: a date in the language's long form, "18 April 2023", "18 красавіка 2023 г.". */
      longDate: (value: unknown, lang: unknown) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`longDate expects an ISO date (yyyy-mm-dd), got ${JSON.stringify(value)}`);
        return formatLongDate(value, (SUPPORTED_LANGS as readonly string[]).includes(String(lang)) ? (lang as Lang) : 'en');
      },
    },
    directives,
  );
  cache.set(templatesDir, set);
  return set;
}

/** Fills the named templates (by default the briefing's and the slides') with the article's view. */
export function renderMarkdown(article: Article, templates: TemplateSet, buildEpochMs: number, names: readonly string[] = ['briefing', 'slides']): Result<RenderedMarkdown> {
  const view = buildView(article, buildEpochMs);
  return { value: Object.fromEntries(names.map((name) => [name, templates.render(name, view)])), diagnostics: [] };
}

// An article file in, every output document (bytes, not yet written) out: the one ordered list of pipeline steps.
import { fileURLToPath } from 'node:url';
import { extname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { decodeUtf8, loadArticleFile, parseValidated, readInput } from '../load/load.js';
import { importArticle } from '../import/import.js';
import { loadTemplates, renderMarkdown } from '../render/render.js';
import { parseMarkdown } from '../parse/parse.js';
import { layoutBriefing } from '../layout/briefing.js';
import { FontRegistry } from '../layout/fonts.js';
import { labelsFor, type Labels } from '../render/labels.js';
import type { FigureData } from '../layout/figures/map.js';
import { edtfSortKey } from '../model/edtf.js';
import { exportPdf } from '../export/pdf.js';
import { exportPptx } from '../export/pptx.js';
import { layoutSlides } from '../layout/slides.js';
import { layoutHandout } from '../layout/handout.js';
import { ThemeSchema, type Theme } from '../model/theme.js';
import type { Article } from '../model/article.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkArticleText } from '../check/text.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'templates');

export interface BuildOptions {
  paper?: 'a4' | 'letter';
  aspect?: '16:9' | '4:3';
  /** Handout: three slides a page with note lines (default), or two with their speaker notes. */
  handout?: 'lines' | 'notes';
  /** Epoch seconds for every date written into the files (SOURCE_DATE_EPOCH); defaults to now. */
  sourceDateEpoch?: number;
  templatesDir?: string;
}

export interface BuiltDocument {
  /** File name inside dist/<id>/. */
  name: string;
  bytes: Buffer;
}

export interface BuildResult {
  article: Article;
  documents: BuiltDocument[];
  diagnostics: Diagnostic[];
}

let sharedFonts: FontRegistry | undefined;
const fontsOnce = () => (sharedFonts ??= new FontRegistry());

export function loadTheme(templatesDir: string): Theme {
  const file = join(templatesDir, 'theme.yaml');
  return parseValidated(readFileSync(file, 'utf8'), file, ThemeSchema, 'a theme');
}

/** Raw articles (text as copied from a web page, or Markdown) are imported in memory; data files are loaded. */
export const RAW_EXTENSIONS = ['.txt', '.text', '.md', '.markdown'];

export function readArticle(file: string): { value: Article; diagnostics: Diagnostic[] } {
  if (!RAW_EXTENSIONS.includes(extname(file).toLowerCase())) return loadArticleFile(file);
  const imported = importArticle(decodeUtf8(readInput(file), file), file);
  return { value: imported.value.article, diagnostics: imported.diagnostics };
}

/** What the timeline and the map are drawn from, with their alt texts. */
export function figureData(article: Article, labels: Labels): FigureData {
  const events = [...article.events].sort((a, b) => edtfSortKey(a.date) - edtfSortKey(b.date));
  return {
    events,
    timelineAlt: `${labels.timeline} (${events.length}): ${events.map((e) => `${e.wording} — ${e.label}`).join('; ')}`,
    places: article.places,
    countries: [...new Set(article.places.flatMap((p) => (p.country ? [p.country] : [])))],
    mapAlt: `${labels.places} (${article.places.length}): ${article.places.map((p) => `${p.name} (${p.kind.replace(/-/g, ' ')}${p.country ? `, ${p.country}` : ''})`).join('; ')}`,
    credit: labels.mapCredit,
  };
}

export async function buildFile(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { value: article, diagnostics } = readArticle(file);
  return buildArticle(article, options, diagnostics, file);
}

export async function buildArticle(loaded: Article, options: BuildOptions = {}, diagnostics: Diagnostic[] = [], file?: string): Promise<BuildResult> {
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const theme = loadTheme(templatesDir);
  const paper = options.paper ?? theme.briefing.paper;
  const epochMs = (options.sourceDateEpoch ?? Math.floor(Date.now() / 1000)) * 1000;
  const fonts = fontsOnce();
  const checked = checkArticleText(loaded, fonts, file);
  const article = checked.value;
  diagnostics.push(...checked.diagnostics);
  const labels = labelsFor(article.lang);

  const figures = figureData(article, labels);
  const markdown = renderMarkdown(article, loadTemplates(templatesDir), epochMs);
  const briefingDoc = parseMarkdown(markdown.value.briefing, 'briefing.md');
  const pages = layoutBriefing(briefingDoc.value, theme, fonts, {
    paper,
    lang: article.lang,
    header: `${labels.briefing} · ${article.title}`,
    footerLeft: article.author?.name ?? article.sources[0]?.publisher ?? '',
    pageOf: labels.pageOf,
    figures,
  });
  diagnostics.push(...markdown.diagnostics, ...briefingDoc.diagnostics, ...pages.diagnostics);

  const meta = {
    title: article.title,
    author: article.author?.name ?? '',
    subject: article.keyPoints.join(' '),
    keywords: [...article.actors.map((a) => a.name), ...article.places.map((p) => p.name)],
    lang: article.lang,
    date: new Date(epochMs),
  };
  const slidesDoc = parseMarkdown(markdown.value.slides, 'slides.md');
  const slides = layoutSlides(slidesDoc.value, theme, fonts, { aspect: options.aspect ?? theme.slides.aspect, lang: article.lang, footer: article.title, figures });
  diagnostics.push(...slidesDoc.diagnostics, ...slides.diagnostics);

  const briefing = await exportPdf(pages.value, fonts, meta);
  const deck = await exportPptx(slides.value, fonts, meta);
  const slidesPdf = await exportPdf(slides.value, fonts, meta);
  const handoutPages = layoutHandout(slides.value, theme, fonts, { paper, mode: options.handout ?? 'lines', lang: article.lang, title: article.title, pageOf: labels.pageOf, notesLabel: labels.notes });
  const handout = await exportPdf(handoutPages, fonts, meta);
  return {
    article,
    documents: [
      { name: 'briefing.pdf', bytes: briefing },
      { name: 'slides.pptx', bytes: deck },
      { name: 'slides.pdf', bytes: slidesPdf },
      { name: 'handout.pdf', bytes: handout },
    ],
    diagnostics,
  };
}

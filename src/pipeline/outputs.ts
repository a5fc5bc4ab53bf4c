// The registries of layouts and outputs: layout name → what it lays out; output → file name, layout and exporter.
import { layoutBriefing } from '../layout/briefing.js';
import { layoutSlides } from '../layout/slides.js';
import { layoutHandout } from '../layout/handout.js';
import { keyNumbersOf } from '../layout/key-numbers.js';
import { exportPdf, type PdfMetadata } from '../export/pdf.js';
import { exportPptx } from '../export/pptx.js';
import type { Frame } from '../layout/frame.js';
import type { FontRegistry } from '../layout/fonts.js';
import type { Doc } from '../parse/doc.js';
import type { Theme } from '../model/theme.js';
import type { Article } from '../model/article.js';
import type { Labels } from '../render/labels.js';
import type { ImageSource } from '../load/image.js';
import { BriefkitError, type Result } from '../diagnostics.js';
import { FIGURES } from '../layout/figures/index.js';
import type { FigureSource } from '../parse/parse.js';
import { OUTPUT_IDS, type OutputId } from './output-ids.js';

/** What every layout and exporter of one build may read. */
export interface BuildEnvironment {
  article: Article;
  labels: Labels;
  theme: Theme;
  fonts: FontRegistry;
  paper: 'a4' | 'letter';
  aspect: '16:9' | '4:3';
  handout: 'lines' | 'notes';
  meta: PdfMetadata;
  /** The theme's logo, read and checked. */
  logo?: ImageSource;
  /** The article's file, when it came from one (pictures are found relative to it). */
  file?: string;
}

/** The templates the render step fills (templates/<name>.md.hbs). */
export type TemplateName = 'briefing' | 'slides';

export type LayoutName = 'briefing' | 'slides' | 'handout';

/** A layout reads the Doc of a template, or the frames of an earlier layout (the handout draws the slides). */
export type LayoutEntry =
  | { template: TemplateName; run: (doc: Doc, env: BuildEnvironment) => Result<Frame[]> }
  | { after: LayoutName; run: (frames: Frame[], env: BuildEnvironment) => Result<Frame[]> };

const ofTemplate = (template: TemplateName, run: (doc: Doc, env: BuildEnvironment) => Result<Frame[]>): LayoutEntry => ({ template, run });
const afterLayout = (after: LayoutName, run: (frames: Frame[], env: BuildEnvironment) => Result<Frame[]>): LayoutEntry => ({ after, run });

export const LAYOUTS: Record<LayoutName, LayoutEntry> = {
  briefing: ofTemplate('briefing', (doc, env) => layoutBriefing(doc, env.theme, env.fonts, {
    paper: env.paper, lang: env.article.lang, header: `${env.labels.briefing} · ${env.article.title}`,
    footerLeft: env.article.author?.name ?? env.article.sources[0]?.publisher ?? '', pageOf: env.labels.pageOf, marking: env.theme.marking, logo: env.logo,
  })),
  slides: ofTemplate('slides', (doc, env) => layoutSlides(doc, env.theme, env.fonts, { aspect: env.aspect, lang: env.article.lang, footer: env.article.title, marking: env.theme.marking, logo: env.logo, keyNumbers: keyNumbersOf(env.article) })),
  handout: afterLayout('slides', (slides, env) => ({
    value: layoutHandout(slides, env.theme, env.fonts, { paper: env.paper, mode: env.handout, lang: env.article.lang, title: env.article.title, pageOf: env.labels.pageOf, notesLabel: env.labels.notes, slideLabel: env.labels.slide, marking: env.theme.marking }),
    diagnostics: [],
  })),
};

export interface OutputEntry {
  /** What a caller asks for (`--only briefing,deck`). */
  id: OutputId;
  /** The file inside dist/<article id>/. */
  file: string;
  layout: LayoutName;
  export: (frames: Frame[], env: BuildEnvironment) => Promise<Buffer>;
}

export const OUTPUTS: OutputEntry[] = [
  { id: 'briefing', file: 'briefing.pdf', layout: 'briefing', export: (frames, env) => exportPdf(frames, env.fonts, env.meta) },
  { id: 'deck', file: 'slides.pptx', layout: 'slides', export: (frames, env) => exportPptx(frames, env.meta, { fonts: env.fonts, body: env.theme.slides.fonts.body, heading: env.theme.slides.fonts.heading }) },
  { id: 'deck-pdf', file: 'slides.pdf', layout: 'slides', export: (frames, env) => exportPdf(frames, env.fonts, env.meta) },
  { id: 'handout', file: 'handout.pdf', layout: 'handout', export: (frames, env) => exportPdf(frames, env.fonts, env.meta) },
];

/** The layouts a set of outputs needs, each after the layouts it reads. */
export function layoutsFor(outputs: readonly { layout: LayoutName }[]): LayoutName[] {
  const order: LayoutName[] = [];
  const add = (name: LayoutName) => {
    if (order.includes(name)) return;
    const entry = LAYOUTS[name];
    if ('after' in entry) add(entry.after);
    order.push(name);
  };
  outputs.forEach((output) => add(output.layout));
  return order;
}

/** The templates a set of layouts reads. */
export function templatesFor(layouts: readonly LayoutName[]): TemplateName[] {
  return [...new Set(layouts.flatMap((name) => { const entry = LAYOUTS[name]; return 'template' in entry ? [entry.template] : []; }))];
}

/** The outputs asked for, in registry order; an unknown name is an error listing the known ones. */
export function selectOutputs(only: readonly string[] | undefined): OutputEntry[] {
  if (!only || only.length === 0) return [...OUTPUTS];
  const unknown = only.filter((name) => !OUTPUTS.some((output) => output.id === name || output.file === name));
  if (unknown.length > 0) {
    throw new BriefkitError([{ severity: 'error', rule: 'cli', path: '--only', message: `unknown output${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; expected ${OUTPUT_IDS.join(', ')}` }]);
  }
  return OUTPUTS.filter((output) => only.includes(output.id) || only.includes(output.file));
}

/** The figures' data comes from the article, through the figure registry. */
export function figureSource(article: Article, labels: Labels, file?: string): FigureSource {
  return (name, attributes) => FIGURES[name].fromArticle(article, labels, attributes, file);
}


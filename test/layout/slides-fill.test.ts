// The seed and held-out articles (stress fixtures, raw articles in four languages) in, their slide frames judged as a
// designer would: no content slide below a quarter of its content area (unless a statement ≥ 28 pt), no body text
// below 18 pt, at most six bullets a slide, no continuation slide with a single bullet.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../src/load/load.js';
import { importArticle } from '../../src/import/import.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutSlides } from '../../src/layout/slides.js';
import { keyNumbersOf } from '../../src/layout/key-numbers.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, PROJECT_ROOT, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import type { Article } from '../../src/model/article.js';
import type { Frame } from '../../src/layout/frame.js';
import { SEED_DATA } from '../support/seed.js';
import { textItems } from '../support/frames.js';
import { areaUse, bodySizesPt, isContentSlide, sparseSlides } from '../support/slide-area.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const templates = loadTemplates(TEMPLATES_DIR);
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures');

function framesOf(article: Article, file: string): Frame[] {
  const markdown = renderMarkdown(article, templates, 1_700_000_000_000).value.slides!;
  const doc = parseMarkdown(markdown, 'slides.md', figureSource(article, labelsFor(article.lang), file)).value;
  return layoutSlides(doc, theme, fonts, { aspect: '16:9', lang: article.lang, footer: article.title, keyNumbers: keyNumbersOf(article) }).value;
}

const articles: { name: string; article: Article; file: string }[] = [
  { name: 'seed', article: loadArticleFile(SEED_DATA).value, file: SEED_DATA },
  ...readdirSync(join(FIXTURES, 'stress')).filter((f) => f.endsWith('.yaml')).map((f) => ({ name: `stress/${f}`, article: loadArticleFile(join(FIXTURES, 'stress', f)).value, file: join(FIXTURES, 'stress', f) })),
  ...readdirSync(join(FIXTURES, 'raw')).filter((f) => /\.(txt|md)$/.test(f)).map((f) => {
    const file = join(FIXTURES, 'raw', f);
    return { name: `raw/${f}`, article: importArticle(readFileSync(file, 'utf8'), file).value.article, file };
  }),
];

/** The bullets starting on a slide (a statement's points count as bullets). */
const bulletStarts = (frame: Frame) =>
  textItems(frame).filter((i) => !i.slideTitle && !('artifact' in i.tag)).flatMap((i) => i.paragraphs).filter((p) => p.layout.spec.bullet || frame.layout === 'statement').length;

describe.each(articles)('the slides of $name', ({ article, file }) => {
  const frames = framesOf(article, file);

  it('use a quarter of their content area or more (a statement ≥ 28 pt may use less)', () => {
    expect(sparseSlides(frames, fonts, theme.slides.margin)).toEqual([]);
  });

  it('set no body text below 18 pt', () => {
    // Figures' labels (16 pt when projected) are the figures' own rule (src/layout/figures).
    const small = frames.flatMap((f, i) => (f.layout === 'figure' ? [] : bodySizesPt(f)).filter((size) => size < 18).map((size) => `slide ${i + 1} "${f.title}": ${size} pt`));
    expect(small).toEqual([]);
  });

  it('hold at most six bullets a slide, and no continuation slide holds a single bullet', () => {
    const crowded = frames.flatMap((f, i) => (bulletStarts(f) > 6 ? [`slide ${i + 1} "${f.title}": ${bulletStarts(f)}`] : []));
    expect(crowded).toEqual([]);
    const lone = frames.flatMap((f, i) => (/\((\d+)\/\d+\)$/.exec(f.title ?? '')?.[1] !== '1' && /\(\d+\/\d+\)$/.test(f.title ?? '') && f.layout === 'bullets' && bulletStarts(f) === 1 ? [`slide ${i + 1} "${f.title}"`] : []));
    expect(lone).toEqual([]);
  });
});

describe('the area measure', () => {
  it('has teeth: a seed slide whose bullets are set at 10 pt, or moved into one corner line, is caught as sparse', () => {
    const frames = framesOf(articles[0]!.article, SEED_DATA);
    const index = frames.findIndex((f) => f.layout === 'bullets');
    expect(sparseSlides(frames, fonts, theme.slides.margin)).toEqual([]);
    const broken = structuredClone(frames);
    const body = broken[index]!.items.find((i) => i.kind === 'text' && !i.slideTitle && !('artifact' in i.tag));
    if (body?.kind !== 'text') throw new Error('no body');
    body.paragraphs = body.paragraphs.slice(0, 1).map((p) => ({ ...p, lines: p.lines.slice(0, 1) }));
    expect(sparseSlides(broken, fonts, theme.slides.margin)).toEqual([expect.stringMatching(new RegExp(`^slide ${index + 1} .*\\(bullets\\): \\d+ %$`))]);
    expect(isContentSlide(frames[0]!)).toBe(false);
    expect(areaUse(frames[index]!, fonts, theme.slides.margin)).toBeGreaterThan(areaUse(broken[index]!, fonts, theme.slides.margin));
  });
});

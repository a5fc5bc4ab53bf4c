// Golden frames of the seed: the first briefing page and the first three slides, compared item by item (UPDATE_GOLDEN=1 rewrites them).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.js';
import { SEED_DATA } from '../support/seed.js';
import { frameSummary, golden } from '../support/golden.js';
import { loadArticleFile } from '../../src/load/load.js';
import { typesetArticle } from '../../src/typography/article.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import { layoutBriefing } from '../../src/layout/briefing.js';
import { layoutSlides } from '../../src/layout/slides.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';

const GOLDEN = join(import.meta.dirname, 'files');
const EPOCH_MS = 1_700_000_000_000;

function seedFrames() {
  // Typeset as build() typesets it after the text check: the frames show what the documents show.
  const article = typesetArticle(loadArticleFile(SEED_DATA).value).value;
  const labels = labelsFor(article.lang);
  const theme = loadTheme(TEMPLATES_DIR);
  const fonts = new FontRegistry();
  const markdown = renderMarkdown(article, loadTemplates(TEMPLATES_DIR), EPOCH_MS).value;
  const figures = figureSource(article, labels);
  const pages = layoutBriefing(parseMarkdown(markdown.briefing!, 'briefing.md', figures).value, theme, fonts, {
    paper: 'a4', lang: article.lang, header: `${labels.briefing} · ${article.title}`, footerLeft: article.author?.name ?? '', pageOf: labels.pageOf,
  }).value;
  const slides = layoutSlides(parseMarkdown(markdown.slides!, 'slides.md', figures).value, theme, fonts, { aspect: '16:9', lang: article.lang, footer: article.title }).value;
  return { pages, slides };
}

describe('golden frames of the seed', () => {
  const { pages, slides } = seedFrames();

  it('first briefing page', () => {
    const actual = frameSummary(pages[0]!);
    expect(actual).toEqual(golden(join(GOLDEN, 'seed-briefing-page-1.json'), actual));
  });

  for (const index of [0, 1, 2]) {
    it(`slide ${index + 1}`, () => {
      const actual = frameSummary(slides[index]!);
      expect(actual).toEqual(golden(join(GOLDEN, `seed-slide-${index + 1}.json`), actual));
    });
  }

  it('a changed frame differs from its golden file (the comparison is not blind)', () => {
    const moved = structuredClone(slides[1]!);
    const title = moved.items.find((item) => item.kind === 'text' && item.slideTitle)!;
    if (title.kind === 'text') title.y += 1;
    expect(frameSummary(moved)).not.toEqual(golden(join(GOLDEN, 'seed-slide-2.json'), frameSummary(slides[1]!)));
  });

  it('the pipeline lays out the same frames (its briefing page count matches)', async () => {
    const result = await build(SEED_DATA, { sourceDateEpoch: EPOCH_MS / 1000, only: ['briefing'] });
    expect(result.documents.map((d) => d.name)).toEqual(['briefing.pdf']);
    expect(result.documents[0]!.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0).toBe(pages.length);
  });
});

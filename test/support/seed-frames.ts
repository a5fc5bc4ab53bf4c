// An article file in, its slide and handout frames out (the layouts the build runs, without exporting), for tests that walk frames.
import { loadArticleFile } from '../../src/load/load.js';
import { loadTemplates, renderMarkdown } from '../../src/render/render.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import { layoutSlides } from '../../src/layout/slides.js';
import { layoutHandout, type HandoutOptions } from '../../src/layout/handout.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import type { Frame } from '../../src/layout/frame.js';
import { SEED_DATA } from './seed.js';

const EPOCH_MS = 1_700_000_000_000;
const fonts = new FontRegistry();

export interface ArticleFrames {
  slides: Frame[];
  handout: (mode?: HandoutOptions['mode'], paper?: HandoutOptions['paper']) => Frame[];
}

export function articleFrames(file = SEED_DATA): ArticleFrames {
  const article = loadArticleFile(file).value;
  const labels = labelsFor(article.lang);
  const theme = loadTheme(TEMPLATES_DIR);
  const markdown = renderMarkdown(article, loadTemplates(TEMPLATES_DIR), EPOCH_MS).value;
  const figures = figureSource(article, labels, file);
  const slides = layoutSlides(parseMarkdown(markdown.slides!, 'slides.md', figures).value, theme, fonts, { aspect: '16:9', lang: article.lang, footer: article.title }).value;
  return {
    slides,
    handout: (mode = 'lines', paper = 'a4') => layoutHandout(slides, theme, fonts, { paper, mode, lang: article.lang, title: article.title, pageOf: labels.pageOf, notesLabel: labels.notes, slideLabel: labels.slide }),
  };
}

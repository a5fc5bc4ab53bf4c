// Issue 14: line breaking and slide fitting cost work in proportion to the text — counted in width measurements.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadArticleFile } from '../../src/load/load.js';
import { parseMarkdown } from '../../src/parse/parse.js';
import { layoutSlides } from '../../src/layout/slides.js';
import { Face, FontRegistry } from '../../src/layout/fonts.js';
import { layoutParagraph, type ParagraphSpec } from '../../src/layout/text.js';
import { loadTheme, TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { figureSource } from '../../src/pipeline/outputs.js';
import { labelsFor } from '../../src/render/labels.js';
import { SEED_DATA } from '../support/seed.js';
import { textItems } from '../support/frames.js';
import { clearMemos } from '../../src/layout/memo.js';

const fonts = new FontRegistry();
const theme = loadTheme(TEMPLATES_DIR);
const seedFigures = figureSource(loadArticleFile(SEED_DATA).value, labelsFor('en'));
const VOCABULARY = ['regime', 'cooperation', 'territories', 'sanctions', 'Belarus', 'agreement', 'the', 'of', 'and', 'administration'];
const words = (count: number) => Array.from({ length: count }, (_, i) => VOCABULARY[i % VOCABULARY.length]).join(' ');

/** Width measurements (calls of Face.widthPerPoint) made by fn, with nothing remembered from earlier layouts. */
function measurements(fn: () => void): number {
  clearMemos();
  const spy = vi.spyOn(Face.prototype, 'widthPerPoint');
  try {
    fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('work in proportion to the text', () => {
  it('the greedy and the total-fit breakers measure a paragraph twice as long about twice as often', () => {
    for (const breaker of ['greedy', 'total-fit'] as const) {
      const spec = (count: number): ParagraphSpec => ({
        runs: [{ text: words(count), style: { family: 'serif', weight: 'regular', italic: false, sizePt: 10, colour: '#000000' } }],
        align: 'justify', lineHeightPt: 13, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: true, breaker,
      });
      const small = measurements(() => layoutParagraph(spec(2000), 300, fonts, 'en'));
      const large = measurements(() => layoutParagraph(spec(4000), 300, fonts, 'en'));
      expect(small, breaker).toBeGreaterThan(2000);
      expect(large / small, breaker).toBeLessThan(2.3);
    }
  });

  it('a one-bullet paragraph over many slides is measured in proportion to its words, and every word is on a slide', () => {
    const deck = (count: number) => `# A section\n\n- ${words(count)}\n`;
    const lay = (count: number) => layoutSlides(parseMarkdown(deck(count), 'slides.md', seedFigures).value, theme, fonts, { aspect: '16:9', lang: 'en', footer: 'Footer' }).value;
    let frames = lay(3000);
    const small = measurements(() => (frames = lay(3000)));
    const body = frames.flatMap((frame) => textItems(frame).flatMap((item) => item.paragraphs.flatMap((p) => p.lines.map((line) => line.fragments.map((f) => f.text).join('')))));
    const shown = body.filter((line) => line.includes('regime') || line.includes('administration')).join(' ').replace(/•/g, '').replace(/\s+/g, ' ').trim();
    expect(frames.length).toBeGreaterThan(10);
    expect(shown === words(3000), `the slides show ${shown.length} characters of the ${words(3000).length}`).toBe(true);
    const large = measurements(() => lay(6000));
    // Laying out the rest of the paragraph again after each slide made this 4 (the square of the words).
    expect(large / small).toBeLessThan(2.5);
  });
});

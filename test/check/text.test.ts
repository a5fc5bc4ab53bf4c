// Text checks before rendering: controls removed, glyphs the fonts lack replaced visibly, each with a warning naming the field.
import { describe, expect, it } from 'vitest';
import { checkArticleText } from '../../src/check/text.js';
import { FontRegistry } from '../../src/layout/fonts.js';
import { loadArticleFile } from '../../src/load/load.js';
import { SEED_DATA } from '../support/seed.js';
import { BriefkitError } from '../../src/diagnostics.js';

const fonts = new FontRegistry();
const seed = () => loadArticleFile(SEED_DATA).value;

describe('checkArticleText', () => {
  it('leaves the seed untouched and silent', () => {
    const { value, diagnostics } = checkArticleText(seed(), fonts, 'seed.yaml');
    expect(diagnostics).toEqual([]);
    expect(value).toEqual(seed());
  });

  it('removes NUL, vertical tab, form feed, U+FFFE and lone surrogates, naming the field', () => {
    const article = seed();
    article.title = `A\u0000B\u000BC\u000CD\uFFFEE\uD800F`;
    const { value, diagnostics } = checkArticleText(article, fonts, 'x.yaml');
    expect(value.title).toBe('ABCDEF');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'control-characters', path: 'title', file: 'x.yaml', message: expect.stringContaining('U+0000, U+000B, U+000C, U+FFFE, U+D800') })]);
  });

  it('refuses a field left empty once control characters are removed (a blank bullet would lay out with NaN positions)', () => {
    const article = seed();
    article.sections[1]!.paragraphs[0] = '\u0000 \u000B';
    article.author!.roles[0] = '\uFFFE';
    let error: unknown;
    try {
      checkArticleText(article, fonts, 'x.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'empty-text', file: 'x.yaml', path: 'author.roles[0]', message: expect.stringContaining('must not be empty') }),
      expect.objectContaining({ severity: 'error', rule: 'empty-text', path: 'sections[1].paragraphs[0]', message: expect.stringContaining('U+0000, U+000B') }),
    ]);
  });

  it('replaces emoji and ZWJ sequences with a visible [?] and lists them', () => {
    const article = seed();
    article.sections[1]!.paragraphs[0] = 'Family 👨‍👩‍👧 and flag 🇧🇾 here.';
    const { value, diagnostics } = checkArticleText(article, fonts);
    expect(value.sections[1]!.paragraphs[0]).toBe('Family [?] and flag [?] here.');
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'missing-glyph', path: 'sections[1].paragraphs[0]', message: expect.stringContaining('U+1F468') })]);
  });

  it('warns about a script the fonts do not cover and keeps Cyrillic, accents and typography', () => {
    const article = seed();
    article.keyPoints[0] = 'Ўзброеныя сілы — «цытата», naïve café… 中文';
    const { value, diagnostics } = checkArticleText(article, fonts);
    expect(value.keyPoints[0]).toBe('Ўзброеныя сілы — «цытата», naïve café… [?][?]');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ path: 'keyPoints[0]', message: expect.stringContaining('U+4E2D, U+6587') });
  });
});

// Line breaking: lines fit their width, justified lines fill it, hyphenation and forced breaks keep every character.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FontRegistry } from '../../src/layout/fonts.js';
import { layoutParagraph, type ParagraphSpec, type Line } from '../../src/layout/text.js';

const fonts = new FontRegistry();
const style = { family: 'serif' as const, weight: 'regular' as const, italic: false, sizePt: 10.5, colour: '#000000' };
const spec = (text: string, over: Partial<ParagraphSpec> = {}): ParagraphSpec => ({
  runs: [{ text, style }], align: 'left', lineHeightPt: 15, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: false, ...over,
});
const lineText = (line: Line) => line.fragments.map((f) => f.text).join('');
describe('layoutParagraph', () => {
  const seedSentence = 'For example, on 18 April 2023, Lukashenko held a meeting with the so-called "acting head of the DPR" Denis Pushilin as a person in the status of the head of a constituent entity of the Russian Federation, during which he offered assistance in the restoration and development of this Russian-occupied territory.';

  it('breaks a paragraph into lines no wider than the box', () => {
    const layout = layoutParagraph(spec(seedSentence), 200, fonts, 'en');
    expect(layout.lines.length).toBeGreaterThan(5);
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(200 + 1e-6);
    expect(layout.height).toBe(layout.lines.length * 15);
  });

  it('justifies every line but the last to the full width', () => {
    const layout = layoutParagraph(spec(seedSentence, { align: 'justify' }), 240, fonts, 'en');
    const [last, ...others] = [...layout.lines].reverse();
    for (const line of others) expect(line.width).toBeCloseTo(240, 3);
    expect(last!.width).toBeLessThan(240);
    expect(last!.fragments[0]!.wordSpacing).toBe(0);
  });

  it('hyphenates English words by the patterns and marks the line', () => {
    const layout = layoutParagraph(spec('administration administration administration administration', { hyphenate: true }), 120, fonts, 'en');
    const hyphenated = layout.lines.filter((l) => l.hyphenated);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const line of hyphenated) expect(lineText(line)).toMatch(/[a-z]-$/);
    const joined = layout.lines.map((l) => (l.hyphenated ? lineText(l).slice(0, -1) : `${lineText(l)} `)).join('').replace(/\s+/g, ' ').trim();
    expect(joined).toBe('administration administration administration administration');
  });

  it('hyphenates Belarusian with its own patterns', () => {
    const text = 'узаемаадносіны супрацоўніцтва адміністрацыяй тэрыторыямі';
    const layout = layoutParagraph(spec(text, { hyphenate: true }), 55, fonts, 'be');
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(55 + 1e-6);
    expect(layout.lines.filter((l) => l.hyphenated).every((l) => /[а-яіў]-$/.test(lineText(l)))).toBe(true);
    expect(layout.lines.some((l) => l.hyphenated)).toBe(true);
  });

  it('never ends a line after the hyphen of a compound when told so, and hyphenates its parts instead', () => {
    const text = 'Head of the National Anti-Crisis Management and the Russian-occupied administration, so-called';
    for (let width = 60; width <= 400; width += 7) {
      const strict = layoutParagraph(spec(text, { breakAfterHyphen: false, hyphenate: true }), width, fonts, 'en');
      for (const line of strict.lines.slice(0, -1)) {
        const shown = lineText(line);
        if (shown.endsWith('-')) expect(line.hyphenated, `${width}: ${shown}`).toBe(true);
        if (line.hyphenated) expect(shown).not.toMatch(/(Anti|Russian|so)-$/);
      }
    }
    const loose = layoutParagraph(spec('Anti-Crisis Anti-Crisis Anti-Crisis', { breakAfterHyphen: true }), 35, fonts, 'en');
    expect(loose.lines.map(lineText)).toContain('Anti-');
  });

  it('breaks a word longer than the line between characters and keeps every character', () => {
    const word = 'x'.repeat(75);
    const layout = layoutParagraph(spec(`start ${word} end`), 100, fonts, 'en');
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(100 + 1e-6);
    expect(layout.lines.map(lineText).join('').replace(/\s+/g, '')).toBe(`start${word}end`);
  });

  it('right and centre alignment place the line against the edge or in the middle', () => {
    const right = layoutParagraph(spec('short', { align: 'right' }), 300, fonts, 'en').lines[0]!;
    expect(right.fragments[0]!.x + right.width).toBeCloseTo(300, 3);
    const centre = layoutParagraph(spec('short', { align: 'center' }), 300, fonts, 'en').lines[0]!;
    expect(centre.fragments[0]!.x).toBeCloseTo((300 - centre.width) / 2, 3);
  });

  it('draws a bullet in the hanging indent of the first line only', () => {
    const layout = layoutParagraph(spec(seedSentence, { indentPt: 16, bullet: { text: '•', style } }), 200, fonts, 'en');
    expect(layout.lines[0]!.fragments[0]).toMatchObject({ text: '•', x: 0 });
    expect(layout.lines[1]!.fragments[0]!.x).toBe(16);
  });

  it('keeps every character and never exceeds the width, for any words (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zА-Яа-яЁёЎўІі0-9,.;:"'()«»-]{1,40}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 40, max: 500 }), fc.boolean(), (words, width, hyphenate) => {
        const text = words.join(' ');
        const layout = layoutParagraph(spec(text, { hyphenate, align: 'justify' }), width, fonts, 'en');
        for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(width + 1e-6);
        const shown = layout.lines.map((l) => (l.hyphenated ? lineText(l).slice(0, -1) : lineText(l))).join('').replace(/\s+/g, '');
        expect(shown).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('words bound by a no-break space', () => {
  const style = { family: 'serif' as const, weight: 'regular' as const, italic: false, sizePt: 10.5, colour: '#000000' };
  const boundFonts = new FontRegistry();
  it('still hyphenates the bound word ("з\u00A0акупаванымі") and widens the no-break space like any word space', () => {
    const text = 'Рэжым падтрымлівае сувязі з\u00A0акупаванымі тэрыторыямі і\u00A0не\u00A0хоча рэкламаваць сваё супрацоўніцтва з\u00A0акупаванымі тэрыторыямі Украіны.';
    const hyphenatedAt = new Set<string>();
    for (let width = 120; width <= 200; width += 4) {
      const layout = layoutParagraph({ runs: [{ text, style }], align: 'justify', lineHeightPt: 15, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: 0, hyphenate: true, breakAfterHyphen: false, breaker: 'total-fit' }, width, boundFonts, 'be');
      for (const line of layout.lines) {
        if (line.hyphenated) hyphenatedAt.add(/[\p{L}]+$/u.exec(text.slice(0, line.end))![0] + /^[\p{L}]*/u.exec(text.slice(line.end))![0]);
        const shown = line.fragments.map((f) => f.text).join('');
        // Justified lines fill the width exactly, counting the no-break spaces among the widened ones.
        if (line !== layout.lines[layout.lines.length - 1]) expect(line.width).toBeCloseTo(width, 3);
        expect(shown.endsWith(' ') || /\u00A0$/.test(shown)).toBe(false);
      }
    }
    expect([...hyphenatedAt].some((word) => word === 'акупаванымі')).toBe(true);
  });
});

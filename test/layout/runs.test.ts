// Tests src/layout/runs.ts: Doc inlines + a base style in, merged styled runs out (bold, italic toggling, links, breaks).
import { describe, expect, it } from 'vitest';
import { baseStyle, plainRuns, runsFromInlines, sameStyle, type RunBase } from '../../src/layout/runs.js';
import type { Inline } from '../../src/parse/doc.js';
import type { TextStyle } from '../../src/layout/text.js';

const base: RunBase = { family: 'serif', sizePt: 10.5, colour: '#1d232b', linkColour: '#8a1c2b' };
const t = (value: string): Inline => ({ type: 'text', value });
const em = (...children: Inline[]): Inline => ({ type: 'emphasis', children });
const strong = (...children: Inline[]): Inline => ({ type: 'strong', children });
const link = (url: string, ...children: Inline[]): Inline => ({ type: 'link', url, children });
const br: Inline = { type: 'break' };
/** The runs as [text, weight, italic] triples. */
const shape = (inlines: Inline[], over: Partial<RunBase> = {}) =>
  runsFromInlines(inlines, { ...base, ...over }).map((r) => [r.text, r.style.weight, r.style.italic]);

describe('runsFromInlines', () => {
  it('gives nothing for no inlines', () => {
    expect(runsFromInlines([], base)).toEqual([]);
  });

  it('sets plain text in the base family, size and colour, regular and upright', () => {
    expect(runsFromInlines([t('plain')], base)).toEqual([
      { text: 'plain', style: { family: 'serif', weight: 'regular', italic: false, sizePt: 10.5, colour: '#1d232b' } },
    ]);
  });

  it('makes strong text bold and emphasis italic, and nests them', () => {
    expect(shape([t('a '), strong(t('b '), em(t('c'))), t(' d')])).toEqual([
      ['a ', 'regular', false],
      ['b ', 'bold', false],
      ['c', 'bold', true],
      [' d', 'regular', false],
    ]);
    expect(shape([em(t('x '), strong(t('y')))])).toEqual([
      ['x ', 'regular', true],
      ['y', 'bold', true],
    ]);
  });

  it('toggles italic off for emphasis inside emphasis, and on again one level deeper (then merges with the italic text after)', () => {
    expect(shape([em(t('outer '), em(t('inner '), em(t('deepest'))), t(' back'))])).toEqual([
      ['outer ', 'regular', true],
      ['inner ', 'regular', false],
      ['deepest back', 'regular', true],
    ]);
  });

  it('starts from the base weight and slant, so emphasis in an italic base is upright', () => {
    expect(shape([t('a'), em(t('b'))], { italic: true })).toEqual([
      ['a', 'regular', true],
      ['b', 'regular', false],
    ]);
    expect(shape([t('a'), strong(t('b'))], { bold: true })).toEqual([['ab', 'bold', false]]);
  });

  it('underlines links, colours them with the link colour and carries the url', () => {
    const runs = runsFromInlines([t('see '), link('https://example.org/a', t('the '), strong(t('source')))], base);
    expect(runs).toEqual([
      { text: 'see ', style: { family: 'serif', weight: 'regular', italic: false, sizePt: 10.5, colour: '#1d232b' } },
      { text: 'the ', link: 'https://example.org/a', style: { family: 'serif', weight: 'regular', italic: false, sizePt: 10.5, colour: '#8a1c2b', underline: true } },
      { text: 'source', link: 'https://example.org/a', style: { family: 'serif', weight: 'bold', italic: false, sizePt: 10.5, colour: '#8a1c2b', underline: true } },
    ]);
  });

  it('keeps the text colour for links when the base has no link colour, but still underlines them', () => {
    const [run] = runsFromInlines([link('https://example.org', t('x'))], { family: 'sans', sizePt: 9, colour: '#000000' });
    expect(run).toEqual({ text: 'x', link: 'https://example.org', style: { family: 'sans', weight: 'regular', italic: false, sizePt: 9, colour: '#000000', underline: true } });
  });

  it('merges adjacent runs of the same style and link into one', () => {
    const runs = runsFromInlines([t('one '), t('two '), strong(), em(em(t('three')))], base);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.text).toBe('one two three');
  });

  it('merges adjacent links to the same url, but not to different urls or with plain text', () => {
    const same = runsFromInlines([link('https://a.example', t('x')), link('https://a.example', t('y'))], base);
    expect(same.map((r) => [r.text, r.link])).toEqual([['xy', 'https://a.example']]);
    const different = runsFromInlines([link('https://a.example', t('x')), link('https://b.example', t('y')), t('z')], base);
    expect(different.map((r) => [r.text, r.link])).toEqual([['x', 'https://a.example'], ['y', 'https://b.example'], ['z', undefined]]);
  });

  it('does not merge runs that differ only in style', () => {
    expect(shape([t('a'), strong(t('b')), t('c')])).toEqual([
      ['a', 'regular', false],
      ['b', 'bold', false],
      ['c', 'regular', false],
    ]);
  });

  it('turns a break into "\\n" in the surrounding style, merged with its neighbours', () => {
    expect(shape([t('line one'), br, t('line two')])).toEqual([['line one\nline two', 'regular', false]]);
    expect(shape([strong(t('a'), br, t('b'))])).toEqual([['a\nb', 'bold', false]]);
  });

  it('leaves a break inside a link unlinked and not underlined', () => {
    const runs = runsFromInlines([link('https://a.example', t('x'), br, t('y'))], base);
    expect(runs.map((r) => [r.text, r.link, Boolean(r.style.underline), r.style.colour])).toEqual([
      ['x', 'https://a.example', true, '#8a1c2b'],
      ['\n', undefined, false, '#1d232b'],
      ['y', 'https://a.example', true, '#8a1c2b'],
    ]);
  });

  it('keeps every character in order', () => {
    const inlines = [t('A '), em(t('b '), strong(t('c'), br)), link('https://x.example', t(' d')), t(' e')];
    expect(runsFromInlines(inlines, base).map((r) => r.text).join('')).toBe('A b c\n d e');
  });

  it('does not change its input when merging', () => {
    const inlines = [t('a'), t('b')];
    runsFromInlines(inlines, base);
    expect(inlines).toEqual([t('a'), t('b')]);
  });
});

describe('sameStyle', () => {
  const style: TextStyle = { family: 'serif', weight: 'regular', italic: false, sizePt: 10, colour: '#000000' };

  it('is true for equal styles, and treats a missing underline as false', () => {
    expect(sameStyle(style, { ...style })).toBe(true);
    expect(sameStyle(style, { ...style, underline: false })).toBe(true);
  });

  it.each([
    ['family', { family: 'sans' }],
    ['weight', { weight: 'bold' }],
    ['italic', { italic: true }],
    ['size', { sizePt: 10.5 }],
    ['colour', { colour: '#000001' }],
    ['underline', { underline: true }],
  ] as [string, Partial<TextStyle>][])('is false when the %s differs', (_name, change) => {
    expect(sameStyle(style, { ...style, ...change })).toBe(false);
    expect(sameStyle({ ...style, ...change }, style)).toBe(false);
  });
});

describe('plainRuns', () => {
  it('sets a string as one run of the base style', () => {
    expect(plainRuns('Rostov-on-Don', { family: 'slides', sizePt: 24, colour: '#14202e', bold: true })).toEqual([
      { text: 'Rostov-on-Don', style: { family: 'slides', weight: 'bold', italic: false, sizePt: 24, colour: '#14202e' } },
    ]);
  });

  it('keeps a newline as text, without markup', () => {
    expect(plainRuns('*a*\nb', base).map((r) => r.text)).toEqual(['*a*\nb']);
  });
});

describe('baseStyle', () => {
  it('is regular and upright unless the base says bold or italic, and has no underline', () => {
    expect(baseStyle(base)).toEqual({ family: 'serif', weight: 'regular', italic: false, sizePt: 10.5, colour: '#1d232b' });
    expect(baseStyle({ ...base, bold: true, italic: true })).toEqual({ family: 'serif', weight: 'bold', italic: true, sizePt: 10.5, colour: '#1d232b' });
  });

  it('matches the style of plain runs of the same base', () => {
    expect(sameStyle(baseStyle(base), plainRuns('x', base)[0]!.style)).toBe(true);
  });
});

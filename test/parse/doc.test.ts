// Tests src/parse/doc.ts: the plain text of nested inlines, assertNever, and the closed sets of container names and slide layouts.
import { describe, expect, it } from 'vitest';
import { CONTAINER_NAMES, LEAF_DIRECTIVES, SLIDE_LAYOUTS, assertNever, inlineText, type Inline } from '../../src/parse/doc.js';

const t = (value: string): Inline => ({ type: 'text', value });

describe('inlineText', () => {
  it('is empty for no inlines', () => {
    expect(inlineText([])).toBe('');
  });

  it('joins text nodes as they are, spaces included', () => {
    expect(inlineText([t('Lukashenko '), t(' met '), t('Pushilin')])).toBe('Lukashenko  met Pushilin');
  });

  it('keeps the text of emphasis, strong and links, dropping the markup and the url', () => {
    const inlines: Inline[] = [
      t('See '),
      { type: 'emphasis', children: [t('the '), { type: 'strong', children: [t('official')] }] },
      t(' '),
      { type: 'link', url: 'https://example.org/source', children: [t('source'), { type: 'emphasis', children: [t('!')] }] },
    ];
    expect(inlineText(inlines)).toBe('See the official source!');
  });

  it('reads deeply nested inlines', () => {
    let node: Inline = t('core');
    for (let i = 0; i < 50; i++) node = i % 3 === 0 ? { type: 'emphasis', children: [node] } : i % 3 === 1 ? { type: 'strong', children: [t('<'), node, t('>')] } : { type: 'link', url: 'x', children: [node] };
    const text = inlineText([node]);
    const wraps = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 === 1).length;
    expect(text).toBe(`${'<'.repeat(wraps)}core${'>'.repeat(wraps)}`);
  });

  it('turns a break into a newline, also inside a link', () => {
    expect(inlineText([t('one'), { type: 'break' }, t('two')])).toBe('one\ntwo');
    expect(inlineText([{ type: 'link', url: 'u', children: [t('a'), { type: 'break' }, t('b')] }])).toBe('a\nb');
  });

  it('throws on a node of an unknown type', () => {
    expect(() => inlineText([{ type: 'image', url: 'x' } as unknown as Inline])).toThrow(/unexpected .*"image"/);
  });
});

describe('assertNever', () => {
  it('throws an Error that shows the value', () => {
    expect(() => assertNever({ type: 'mystery', n: 1 } as never)).toThrow(Error);
    expect(() => assertNever({ type: 'mystery', n: 1 } as never)).toThrow('unexpected {"type":"mystery","n":1}');
    expect(() => assertNever('odd' as never)).toThrow('unexpected "odd"');
  });
});

describe('directive names', () => {
  it('lists the container directives the templates may use', () => {
    expect([...CONTAINER_NAMES]).toEqual(['cover', 'keypoints', 'quote', 'pullquote', 'notes', 'backmatter']);
  });

  it('lists the slide layouts', () => {
    expect([...SLIDE_LAYOUTS]).toEqual(['title', 'section', 'statement', 'bullets', 'two-column', 'key-numbers', 'quote', 'figure', 'table', 'content']);
  });

  it('has slide as its only non-figure leaf directive', () => {
    expect([...LEAF_DIRECTIVES]).toEqual(['slide']);
  });

  it('has no duplicate names in any set', () => {
    for (const names of [CONTAINER_NAMES, SLIDE_LAYOUTS, LEAF_DIRECTIVES]) expect(new Set(names).size).toBe(names.length);
  });
});

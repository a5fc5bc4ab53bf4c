// segmentInWindows: the same segments as the segmenter over the whole text, at a cost linear in the text's length.
import { describe, expect, it } from 'vitest';
import { segmentInWindows } from '../../src/render/segment-windows.js';

/** A segmenter that counts its cost as V8's has it: each segment handed out costs the length of the string it walks. */
function countingSegmenter(granularity: 'grapheme' | 'sentence') {
  const real = new Intl.Segmenter('en', { granularity });
  const cost = { chars: 0 };
  const segmenter = {
    segment(text: string) {
      const inner = real.segment(text);
      return {
        *[Symbol.iterator]() {
          for (const part of inner) {
            cost.chars += text.length;
            yield part;
          }
        },
      };
    },
  } as unknown as Intl.Segmenter;
  return { segmenter, cost, real };
}

const TEXTS: Record<string, string> = {
  'sentences with abbreviations': 'Dr. Jones met him on 5 May. It rained! Did it? "Yes." He left… Then e.g. the talks went on. '.repeat(120),
  'combining marks and emoji': 'е́ д̈ 👩‍👩‍👧 🇧🇾 a\u0301b 한국어 '.repeat(250),
  'one long sentence': 'word '.repeat(1_500),
  'no spaces at all': 'x'.repeat(5000),
  'short': 'Two. Sentences.',
};

describe('segmentInWindows', () => {
  for (const granularity of ['grapheme', 'sentence'] as const) {
    it.each(Object.entries(TEXTS))(`${granularity}s: %s are the whole text's`, (_name, text) => {
      const { segmenter, real } = countingSegmenter(granularity);
      const windowed = [...segmentInWindows(segmenter, text)];
      const whole = [...real.segment(text)].map((s) => s.segment);
      expect(windowed.join('')).toBe(text);
      expect(windowed).toEqual(whole);
    });
  }

  it('costs a bounded multiple of the text length, where the segmenter alone costs its square', () => {
    const text = 'A sentence of a few words here. '.repeat(1500);
    const { segmenter, cost } = countingSegmenter('sentence');
    const count = [...segmentInWindows(segmenter, text)].length;
    expect(count).toBe(1500);
    expect(cost.chars).toBeLessThan(text.length * 200);
    const alone = countingSegmenter('sentence');
    for (const _ of alone.segmenter.segment(text));
    expect(alone.cost.chars, 'the control: the whole text at once').toBeGreaterThan(text.length * 1000);
  });
});

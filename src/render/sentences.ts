// A paragraph in, its sentences out (Intl.Segmenter, so abbreviations and quotes follow Unicode rules).

const segmenters = new Map<string, Intl.Segmenter>();

export function splitSentences(text: string, lang = 'en'): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? text;
}

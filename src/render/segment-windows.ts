// A text and an Intl.Segmenter in, the text's segments out — segmented window by window, so that the cost stays linear.
// V8's segmenter (Node 20) pays the whole string's length for every segment it hands out: a 95,000-character text takes
// 8 s to walk grapheme by grapheme, twice the text four times as long. A window of a few thousand characters costs
// little, and a boundary well before the window's end is the boundary the whole text has (the rules look a few
// characters ahead, not thousands).

/** Characters looked at in one go; doubled while a window holds no boundary that can be trusted. */
const WINDOW_CHARS = 2048;
/** Boundaries this close to a window's end may depend on what follows it: they are found again in the next window. */
const LOOKAHEAD_CHARS = 256;

export function* segmentInWindows(segmenter: Intl.Segmenter, text: string): Generator<string> {
  let position = 0;
  let window = WINDOW_CHARS;
  while (position < text.length) {
    const end = position + window;
    if (end >= text.length) {
      for (const { segment } of segmenter.segment(position === 0 ? text : text.slice(position))) yield segment;
      return;
    }
    const trusted = end - LOOKAHEAD_CHARS;
    const kept: string[] = [];
    let reached = position;
    for (const { segment, index } of segmenter.segment(text.slice(position, end))) {
      if (position + index + segment.length > trusted) break;
      kept.push(segment);
      reached = position + index + segment.length;
    }
    if (kept.length === 0) {
      window *= 2;
      continue;
    }
    yield* kept;
    position = reached;
    window = WINDOW_CHARS;
  }
}

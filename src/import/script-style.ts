// Raw article text in, the same text with the content of its <script> and <style> elements blanked (line numbers kept)
// and where each was, out: code and style rules copied with a web page are no article text.

export interface RemovedElement {
  /** 1-based line where the element starts. */
  line: number;
  tag: 'script' | 'style';
  lines: number;
}

/** A closed element, or an unclosed one running to the next blank line (or the end). */
const ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|(?=\n[ \t]*\n)|$)/giu;

export function withoutScriptAndStyle(text: string): { text: string; removed: RemovedElement[] } {
  const removed: RemovedElement[] = [];
  if (!/<(?:script|style)\b/iu.test(text)) return { text, removed };
  let line = 1;
  let last = 0;
  const out = text.replace(ELEMENT, (element: string, tag: string, offset: number) => {
    for (let i = last; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    last = offset;
    const breaks = element.split('\n').length - 1;
    removed.push({ line, tag: tag.toLowerCase() as 'script' | 'style', lines: breaks + 1 });
    return '\n'.repeat(breaks);
  });
  return { text: out, removed };
}

// YAML or JSON source in, the place where its nesting first goes deeper than a limit out (or undefined) — found by a
// scan of brackets and indentation before any parser recurses (deep nesting overflowed the parser's stack).

export interface TooDeep {
  depth: number;
  line: number;
  column: number;
}

/**
 * Flow nesting ([ and { outside quotes and comments) plus block nesting (indentation levels and "- " markers in a
 * row), line by line. An over-estimate at worst by a level or two (a multi-line scalar's lines), never an under-one.
 */
export function tooDeep(source: string, limit: number): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let line = 1;
  let index = 0;
  while (index < source.length) {
    const end = source.indexOf('\n', index);
    const stop = end === -1 ? source.length : end;
    if (quote === undefined && flow === 0) {
      // Block nesting: indentation, then each "- " or "? " that opens an entry on the same line.
      let column = index;
      while (column < stop && source[column] === ' ') column++;
      const blank = column >= stop || source[column] === '#' || source[column] === '\r';
      if (!blank) {
        while (indents.length > 0 && indents[indents.length - 1]! >= column - index) indents.pop();
        indents.push(column - index);
        while (column + 1 < stop && (source[column] === '-' || source[column] === '?') && source[column + 1] === ' ') {
          column += 2;
          while (column < stop && source[column] === ' ') column++;
          indents.push(column - index);
          if (indents.length > limit) return { depth: indents.length, line, column: column - index + 1 };
        }
        if (indents.length > limit) return { depth: indents.length, line, column: column - index + 1 };
      }
    }
    for (let at = index; at < stop; at++) {
      const ch = source[at]!;
      if (quote !== undefined) {
        if (ch === '\\' && quote === '"') at++;
        else if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '#' && (at === index || source[at - 1] === ' ' || source[at - 1] === '\t')) break;
      if (ch === '"' || (ch === "'" && (at === index || /[\s[{,:]/.test(source[at - 1]!)))) quote = ch;
      else if (ch === '[' || ch === '{') {
        flow++;
        if (flow + indents.length > limit) return { depth: flow + indents.length, line, column: at - index + 1 };
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    line++;
    index = stop + 1;
  }
  return undefined;
}

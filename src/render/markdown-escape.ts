// Any text in, Markdown source that reads back as exactly that text out (for Handlebars' {{x}}).

/** Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all leaves no syntax behind. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    // A run of spaces or tabs becomes one space: leading indentation would otherwise start an indented code block, where escapes stay literal.
    .replace(/[ \t]+/g, ' ')
    .replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
}

// Any text in, Markdown source that reads back as exactly that text out (for Handlebars' {{x}}).

/**
 * Characters that are Markdown (CommonMark + GFM + directives) syntax wherever they stand. Prose punctuation that is
 * syntax only in a few places (. , ; : ' " ( ) ! & - + =) is escaped only there, which keeps the Markdown small and the
 * parser fast.
 */
const ALWAYS = /[\\`*_{}[\]<>#|~^$@]/g;
/**
 * Line-start syntax: list markers ("- ", "+ ", "1. ", "1) "), setext/thematic "=" and "-" runs. A value that is only
 * digits ("1984") becomes a list marker when the template goes on with ". " (`{{title}}. {{publisher}}`): its first
 * digit is written as a character reference, which reads back as the digit but starts no list.
 */
const AT_START = /^(\s*)(?:(\d{1,9})([.)])|(\d{1,9})$|([-+=:]))/;

/**
 * White space that JavaScript's trim() removes but Markdown keeps (no-break and other Unicode spaces): markdown-it trims
 * paragraphs and table cells with trim(), so at either end it is written as a character reference. (Vertical tab and
 * form feed, which no reference can stand for, never get here: src/check/text.ts removes control characters.)
 */
const TRIMMED_AT_ENDS = /^[ \t\u00a0\ufeff\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[ \t\u00a0\ufeff\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
const KEPT_SPACE = /[\u00a0\ufeff\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

export function escapeMarkdown(text: string): string {
  const flat = text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    // A run of spaces or tabs becomes one space: leading indentation would otherwise start an indented code block, where escapes stay literal.
    .replace(/[ \t]+/g, ' ');
  return flat
    .replace(ALWAYS, (ch) => `\\${ch}`)
    // ":name" opens a text directive, ":::" a container; "&name;" / "&#1;" are entities. (GFM still links bare URLs and
    // addresses after parsing; their text and target stay exactly the data's, which the tests check.)
    .replace(/:(?=[A-Za-z:/])/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(AT_START, (_match, space: string, digits: string | undefined, mark: string | undefined, alone: string | undefined, sign: string | undefined) =>
      digits ? `${space}${digits}\\${mark}` : alone ? `${space}&#${alone.charCodeAt(0)};${alone.slice(1)}` : `${space}\\${sign}`)
    .replace(TRIMMED_AT_ENDS, (run) => run.replace(KEPT_SPACE, (ch) => `&#${ch.codePointAt(0)};`));
}

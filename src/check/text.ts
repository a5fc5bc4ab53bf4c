// An Article + the fonts in, the same Article with unprintable characters removed or replaced, and a warning for each field touched.
import type { Article } from '../model/article.js';
import { FONT_FAMILIES, type FontFamily, type FontRegistry } from '../layout/fonts.js';
import { segmentInWindows } from '../render/segment-windows.js';
import { BriefkitError, formatPath, type Diagnostic, type Result } from '../diagnostics.js';

/** C0/C1 controls other than tab and newline, noncharacters, and lone surrogates: never meaningful in an article. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters the layout never draws (break hints and joiners), so they need no glyph. */
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfe0e, 0xfe0f, 0x09, 0x0a, 0x0d]);
const FALLBACK = '[?]';
/** Characters that take no room and show nothing (break hints, joiners, variation selectors). */
const UNSEEN = /[\u00AD\u200B\u200C\u200D\u2060\uFE0E\uFE0F\uFEFF]/g;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

const codes = (chars: Iterable<string>) => [...new Set(chars)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');

/** `families`: the families the documents set text in (the theme's font roles); every one must have a glyph for a character. */
export function checkArticleText(article: Article, fonts: FontRegistry, file?: string, families: readonly FontFamily[] = FONT_FAMILIES): Result<Article> {
  const diagnostics: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const faces = [...new Set(families)].map((family) => fonts.face({ family, weight: 'regular', italic: false }));
  const printable = new Map<number, boolean>();
  const covered = (codePoint: number) => {
    let ok = printable.get(codePoint);
    if (ok === undefined) printable.set(codePoint, (ok = INVISIBLE.has(codePoint) || faces.every((face) => face.hasGlyph(codePoint))));
    return ok;
  };

  const everyCodePointCovered = (text: string): boolean => {
    for (const ch of text) if (!covered(ch.codePointAt(0)!)) return false;
    return true;
  };

  const clean = (text: string, path: (string | number)[]): string => {
    const forbidden = text.match(FORBIDDEN);
    let out = forbidden ? text.replace(FORBIDDEN, '') : text;
    if (forbidden) {
      diagnostics.push({ severity: 'warning', file, path: formatPath(path), rule: 'control-characters', message: `removed ${forbidden.length} control or invalid character${forbidden.length > 1 ? 's' : ''} (${codes(forbidden)})` });
    }
    // Every text field must not be empty (the schema trims and checks); one made only of removed characters is empty too.
    if (forbidden && out.trim() === '') {
      errors.push({ severity: 'error', file, path: formatPath(path), rule: 'empty-text', message: `must not be empty: nothing is left once the control or invalid characters (${codes(forbidden)}) are removed` });
    } else if (text.length > 0 && out.replace(UNSEEN, '').trim() === '') {
      // Soft hyphens, zero-width spaces and joiners alone would build an invisible title or paragraph.
      errors.push({ severity: 'error', file, path: formatPath(path), rule: 'empty-text', message: `has no visible text: only invisible characters (${codes([...new Set(out.trim())])})` });
    }
    // Line and paragraph separators are line breaks, which every font can set.
    out = out.replace(/[\u2028\u2029]/g, '\n');
    out = out.normalize('NFC');
    // Most texts have a glyph for every character: only those that lack one are walked grapheme by grapheme.
    if (everyCodePointCovered(out)) return out;
    const missing: string[] = [];
    let replaced = '';
    for (const segment of segmentInWindows(graphemes, out)) {
      const lacking = [...segment].filter((ch) => !covered(ch.codePointAt(0)!));
      if (lacking.length === 0) replaced += segment;
      else {
        missing.push(...lacking);
        replaced += FALLBACK;
      }
    }
    if (missing.length > 0) {
      diagnostics.push({
        severity: 'warning', file, path: formatPath(path), rule: 'missing-glyph',
        message: `the fonts have no glyph for ${codes(missing)} ("${[...new Set(missing)].join('')}"); shown as ${FALLBACK}`,
        hint: 'emoji and scripts other than Latin and Cyrillic are not covered by the embedded fonts',
      });
    }
    return replaced;
  };

  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') return clean(value, path);
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]));
    return value;
  };
  const value = walk(article, []) as Article;
  if (errors.length > 0) throw new BriefkitError(errors);
  return { value, diagnostics };
}

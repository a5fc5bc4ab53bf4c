// The default theme file and an office's theme folder in, one validated Theme out: the folder's theme.yaml holds only what differs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { BriefkitError, type Diagnostic } from '../diagnostics.js';
import { FACE_STYLES, ThemeSchema, type Theme } from '../model/theme.js';
import { readFontFile } from './font-file.js';
import { parseValidated } from './load.js';

/** The themes that were read, by file, with their modification times: a theme is read again only when it changed. */
const cache = new Map<string, { stamp: string; theme: Theme }>();

/**
 * `defaultsDir/theme.yaml`, with `themeDir/theme.yaml` (when there is one) merged onto it key by key: mappings merge,
 * anything else replaces. Errors name the theme folder's file, line and column.
 */
export function loadTheme(defaultsDir: string, themeDir?: string): Theme {
  const defaultsFile = join(defaultsDir, 'theme.yaml');
  const ownFile = themeDir === undefined ? undefined : join(themeDir, 'theme.yaml');
  if (themeDir !== undefined && !(existsSync(themeDir) && statSync(themeDir).isDirectory())) {
    throw new BriefkitError([{ severity: 'error', file: themeDir, rule: 'theme', message: 'no such theme folder (briefkit theme init makes one)' }]);
  }
  const own = ownFile && existsSync(ownFile) ? ownFile : undefined;
  const stamp = [defaultsFile, own].map((file) => (file ? `${file}@${statSync(file).mtimeMs}` : '')).join('|');
  const cached = cache.get(stamp);
  if (cached) return cached.theme;
  let theme: Theme;
  if (!own || isEmptyYaml(readFileSync(own, 'utf8'))) {
    theme = parseValidated(readFileSync(defaultsFile, 'utf8'), defaultsFile, ThemeSchema, 'a theme');
  } else {
    const defaults = parse(readFileSync(defaultsFile, 'utf8')) as unknown;
    const folder = themeDir!;
    theme = withFacesResolved(parseValidated(readFileSync(own, 'utf8'), own, withFaceFiles(folder), 'a theme (only what differs from the default)', (data) => mergeOnto(defaults, data)), folder);
  }
  cache.set(stamp, { stamp, theme });
  return theme;
}

const STYLE_WORDS = { regular: 'regular', bold: 'bold', italic: 'italic', boldItalic: 'bold italic' } as const;

/** The style a missing one is set in, as the font registry picks it (bold italic: the bold, else the italic). */
function fallbackOf(style: 'bold' | 'italic' | 'boldItalic', files: Partial<Record<keyof typeof STYLE_WORDS, string>>): string {
  if (style === 'boldItalic') return files.bold ? 'bold' : files.italic ? 'italic' : 'regular';
  return 'regular';
}

/**
 * One warning per face family a font role uses that lacks bold or italic files: such text is set in the face it falls
 * back to (bold in the regular), never in a faked bold or slant.
 */
export function missingStyleWarnings(theme: Theme, themeFile: string): Diagnostic[] {
  const used = new Set([theme.briefing.fonts.body, theme.briefing.fonts.heading, theme.slides.fonts.body, theme.slides.fonts.heading]);
  const out: Diagnostic[] = [];
  for (const [family, files] of Object.entries(theme.faces ?? {})) {
    if (!used.has(family)) continue;
    const missing = (['bold', 'italic', 'boldItalic'] as const).filter((style) => files[style] === undefined);
    if (missing.length === 0) continue;
    out.push({
      severity: 'warning', file: themeFile, path: `faces.${family}`, rule: 'face-style-missing',
      message: `has no ${missing.join(', ')} file: ${missing.map((style) => `${STYLE_WORDS[style]} text is set in its ${fallbackOf(style, files)}`).join(', ')} (no bold or slant is faked)`,
      hint: `add ${missing.map((style) => `${style}: fonts/….ttf`).join(', ')} to faces.${family} if the family has them`,
    });
  }
  return out;
}

/** The theme schema with every face file checked (there, a TTF or OTF) relative to the theme folder; errors at the file's field. */
function withFaceFiles(themeDir: string) {
  return ThemeSchema.superRefine((theme, ctx) => {
    for (const [family, files] of Object.entries(theme.faces ?? {})) {
      for (const style of FACE_STYLES) {
        const file = files[style];
        if (file === undefined) continue;
        const read = readFontFile(resolve(themeDir, file));
        if (typeof read === 'string') ctx.addIssue({ code: 'custom', path: ['faces', family, style], message: read });
      }
    }
  });
}

/** The faces' files as absolute paths, so that nothing later needs the theme folder. */
function withFacesResolved(theme: Theme, themeDir: string): Theme {
  if (!theme.faces) return theme;
  const faces = Object.fromEntries(Object.entries(theme.faces).map(([family, files]) => [family, Object.fromEntries(Object.entries(files).map(([style, file]) => [style, resolve(themeDir, file as string)]))]));
  return { ...theme, faces: faces as Theme['faces'] };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `over` merged onto `base`: mappings key by key, anything else replaced. Neither input is changed. */
export function mergeOnto(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    // defineProperty: a key such as "__proto__" stays a key (and the schema refuses it), never the object's prototype.
    Object.defineProperty(out, key, { value: Object.hasOwn(base, key) ? mergeOnto(base[key], value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A theme.yaml of comments only (as `briefkit theme init` may leave it) changes nothing. */
function isEmptyYaml(source: string): boolean {
  try {
    return parse(source) == null;
  } catch {
    return false; // a syntax error: parseValidated reports it with its place
  }
}

// An office's theme folder: its theme.yaml merged onto the default key by key, validated, errors at their place in it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTheme, mergeOnto } from '../../src/load/theme.js';
import { TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { refusal } from '../support/refusal.js';
import { BriefkitError, type Diagnostic } from '../../src/diagnostics.js';

function themeFolder(yaml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-theme-'));
  if (yaml !== undefined) writeFileSync(join(dir, 'theme.yaml'), yaml);
  return dir;
}


const defaults = loadTheme(TEMPLATES_DIR);

describe('loadTheme with a theme folder', () => {
  it('changes only what the folder says, keeping every other default', () => {
    const theme = loadTheme(TEMPLATES_DIR, themeFolder('colors:\n  accent: "#1f4e79"\nslides:\n  sizes:\n    body: 26\nmarking: OFFICIAL\n'));
    expect(theme.colors.accent).toBe('#1f4e79');
    expect(theme.colors.text).toBe(defaults.colors.text);
    expect(theme.slides.sizes.body).toBe(26);
    expect(theme.slides.sizes.minBody).toBe(defaults.slides.sizes.minBody);
    expect(theme.briefing).toEqual(defaults.briefing);
    expect(theme.marking).toBe('OFFICIAL');
    expect(defaults.marking).toBeUndefined();
  });

  it('takes a folder without theme.yaml, or with one of comments only, as the default theme', () => {
    expect(loadTheme(TEMPLATES_DIR, themeFolder())).toEqual(defaults);
    expect(loadTheme(TEMPLATES_DIR, themeFolder('# nothing changed yet\n'))).toEqual(defaults);
  });

  it('names the theme file, line, column and field of a bad value, and of an unknown key', () => {
    const dir = themeFolder('colors:\n  accent: blue\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, dir))).toEqual([expect.objectContaining({ file: join(dir, 'theme.yaml'), line: 2, column: 11, path: 'colors.accent', rule: 'schema' })]);
    const unknown = themeFolder('slides:\n  sizes:\n    huge: 90\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, unknown))[0]).toMatchObject({ line: 3, column: 5, path: 'slides.sizes', message: 'unknown field "huge"' });
  });

  it('checks the merged theme: a minimum raised above the default size is refused', () => {
    expect(refusal(() => loadTheme(TEMPLATES_DIR, themeFolder('slides:\n  sizes:\n    minBody: 30\n')))[0]).toMatchObject({ path: 'slides.sizes.minBody', message: 'must not exceed sizes.body (24)' });
  });

  it('overrides labels per language, refusing an unknown label or language', () => {
    const theme = loadTheme(TEMPLATES_DIR, themeFolder('labels:\n  en:\n    keyPoints: Key judgements\n  be:\n    sources: Спасылкі\n'));
    expect(theme.labels).toEqual({ en: { keyPoints: 'Key judgements' }, be: { sources: 'Спасылкі' } });
    expect(refusal(() => loadTheme(TEMPLATES_DIR, themeFolder('labels:\n  en:\n    keyPionts: x\n')))[0]!.message).toBe('unknown field "keyPionts"');
    const language = refusal(() => loadTheme(TEMPLATES_DIR, themeFolder('labels:\n  fr:\n    keyPoints: x\n')))[0]!;
    expect(language).toMatchObject({ line: 2, column: 3, path: 'labels', message: 'unknown field "fr"' });
  });

  it('refuses a marking longer than one short line, and a missing folder', () => {
    expect(refusal(() => loadTheme(TEMPLATES_DIR, themeFolder(`marking: "${'X'.repeat(121)}"\n`)))[0]).toMatchObject({ path: 'marking' });
    expect(refusal(() => loadTheme(TEMPLATES_DIR, join(tmpdir(), 'no-such-briefkit-theme')))[0]).toMatchObject({ rule: 'theme', message: expect.stringContaining('no such theme folder') });
  });

  it('keeps "__proto__" a key, refused by the schema, never a prototype', () => {
    expect(refusal(() => loadTheme(TEMPLATES_DIR, themeFolder('colors:\n  __proto__:\n    polluted: "#000000"\n')))[0]).toMatchObject({ path: 'colors', message: 'unknown field "__proto__"' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('mergeOnto', () => {
  it('merges mappings key by key and replaces lists and scalars, changing neither input', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const over = { a: { c: [3] }, e: true };
    expect(mergeOnto(base, over)).toEqual({ a: { b: 1, c: [3] }, d: 'x', e: true });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
    expect(mergeOnto(base, null)).toBeNull();
  });
});

// A theme's `faces:` (family name → TTF/OTF files in the theme folder): files checked, roles naming them, errors at theme.yaml:line:col.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTheme } from '../../src/load/theme.js';
import { TEMPLATES_DIR } from '../../src/pipeline/build.js';
import { refusal } from '../support/refusal.js';
import { LORA } from '../support/brand-theme.js';

/** A theme folder with Lora's regular as fonts/Lora.ttf and the given theme.yaml. */
function folder(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-faces-'));
  mkdirSync(join(dir, 'fonts'));
  copyFileSync(LORA.regular, join(dir, 'fonts', 'Lora.ttf'));
  writeFileSync(join(dir, 'fonts', 'notes.ttf'), 'these are my notes, not a font\n');
  writeFileSync(join(dir, 'fonts', 'empty.ttf'), '');
  writeFileSync(join(dir, 'theme.yaml'), yaml);
  return dir;
}

describe('faces in a theme folder', () => {
  it('takes a family with its regular only, resolves its files to the folder, and lets every role name it', () => {
    const dir = folder('faces:\n  Lora: { regular: fonts/Lora.ttf }\nbriefing:\n  fonts: { body: Lora, heading: sans }\nslides:\n  fonts: { body: slides, heading: Lora }\n');
    const theme = loadTheme(TEMPLATES_DIR, dir);
    expect(theme.faces).toEqual({ Lora: { regular: join(dir, 'fonts', 'Lora.ttf') } });
    expect(theme.briefing.fonts).toEqual({ body: 'Lora', heading: 'sans' });
    expect(theme.slides.fonts).toEqual({ body: 'slides', heading: 'Lora' });
  });

  it('refuses a missing file, a file that is no font and an empty one, each at its field and naming the file', () => {
    const dir = folder('faces:\n  Lora:\n    regular: fonts/Lora.ttf\n    bold: fonts/missing.ttf\n    italic: fonts/notes.ttf\n    boldItalic: fonts/empty.ttf\n');
    const errors = refusal(() => loadTheme(TEMPLATES_DIR, dir));
    const file = join(dir, 'theme.yaml');
    expect(errors).toEqual([
      expect.objectContaining({ file, line: 4, column: 11, path: 'faces.Lora.bold', message: `${join(dir, 'fonts', 'missing.ttf')}: no such file` }),
      expect.objectContaining({ file, line: 5, column: 13, path: 'faces.Lora.italic', message: `${join(dir, 'fonts', 'notes.ttf')}: is not a font (TTF or OTF expected)` }),
      expect.objectContaining({ file, line: 6, column: 17, path: 'faces.Lora.boldItalic', message: `${join(dir, 'fonts', 'empty.ttf')}: is empty (0 bytes)` }),
    ]);
  });

  it('refuses a family without its regular file, and an unknown style, at their places', () => {
    const noRegular = folder('faces:\n  Lora:\n    bold: fonts/Lora.ttf\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, noRegular))).toEqual([expect.objectContaining({ line: 3, column: 5, path: 'faces.Lora.regular', message: 'required field is missing (expected string)' })]);
    const unknownStyle = folder('faces:\n  Lora:\n    regular: fonts/Lora.ttf\n    light: fonts/Lora.ttf\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, unknownStyle))).toEqual([expect.objectContaining({ line: 4, column: 5, path: 'faces.Lora', message: 'unknown field "light"' })]);
  });

  it('refuses a role naming a family that is neither built in nor a face, at its line, listing what there is', () => {
    const dir = folder('faces:\n  Lora: { regular: fonts/Lora.ttf }\nslides:\n  fonts: { body: slides, heading: Roboto }\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, dir))).toEqual([expect.objectContaining({
      file: join(dir, 'theme.yaml'), line: 4, column: 35, path: 'slides.fonts.heading',
      message: 'no font family "Roboto": use "serif", "sans", "slides", "Lora", or add it to faces: (family name → its TTF or OTF files)',
    })]);
  });

  it('refuses a face named like a built-in family', () => {
    const dir = folder('faces:\n  serif: { regular: fonts/Lora.ttf }\n');
    expect(refusal(() => loadTheme(TEMPLATES_DIR, dir))).toEqual([expect.objectContaining({ line: 2, column: 10, path: 'faces.serif', message: 'is the name of a built-in family (serif, sans, slides): give the face another name' })]);
  });
});

// A face's family, weight and slant in, a loaded face out: built-in TTFs from npm packages or a theme's faces, parsed once, with cached text measurement.
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { BUILT_IN_FAMILIES, type FaceFiles, type FaceStyle } from '../model/theme.js';
import { readFontFile, type FontFile } from '../load/font-file.js';

const require = createRequire(import.meta.url);

/**
 * A family a theme's font roles name: a built-in one — briefing text (serif), briefing display (sans), slides (Arimo,
 * the metric twin of Arial) — or one of the theme's `faces`.
 */
export type FontFamily = string;
export type FontWeight = 'regular' | 'bold';
export const FONT_FAMILIES: readonly FontFamily[] = BUILT_IN_FAMILIES;

/** What picks a face: the part of a text style that is not size or colour. */
export interface FaceSpec {
  family: FontFamily;
  weight: FontWeight;
  italic: boolean;
}

const PACKAGES: Record<(typeof BUILT_IN_FAMILIES)[number], { pkg: string; prefix: string }> = {
  serif: { pkg: '@expo-google-fonts/pt-serif', prefix: 'PTSerif' },
  sans: { pkg: '@expo-google-fonts/pt-sans', prefix: 'PTSans' },
  slides: { pkg: '@expo-google-fonts/arimo', prefix: 'Arimo' },
};

/** "serif-bold-italic": one id per face, for caches and the PDF's font resources. */
export function faceId(spec: FaceSpec): string {
  return `${spec.family}-${spec.weight}${spec.italic ? '-italic' : ''}`;
}

/** The file of a built-in family's face. */
export function fontFile(spec: FaceSpec): string {
  const entry = PACKAGES[spec.family as keyof typeof PACKAGES];
  if (!entry) throw new Error(`internal: "${spec.family}" is not a built-in font family`);
  const dir = `${spec.weight === 'bold' ? '700Bold' : '400Regular'}${spec.italic ? '_Italic' : ''}`;
  const pkgJson = require.resolve(`${entry.pkg}/package.json`);
  return pkgJson.replace(/package\.json$/, `${dir}/${entry.prefix}_${dir}.ttf`);
}

export class Face {
  /** The face it is: a style the family lacks is set in the one it falls back to, so `spec` may differ from the style asked for. */
  readonly spec: FaceSpec;
  readonly id: string;
  readonly file: string;
  readonly bytes: Buffer;
  /** The parsed font, for backends that embed it. */
  readonly font: fontkit.Font;
  /** The file's raw OS/2 and head fields and legacy family name (for the deck's embedded fonts). */
  readonly source: FontFile;
  /** Ascent and descent (negative) per 1 pt of size, from the hhea table as pdfkit uses them. */
  readonly ascent: number;
  readonly descent: number;
  /** Where the underline goes (points below the baseline, positive) and how thick, per 1 pt of size (the post table). */
  readonly underlineOffset: number;
  readonly underlineThickness: number;
  private readonly advances = new Map<number, number>();
  private readonly unitsPerEm: number;
  private readonly widths = new Map<string, number>();

  constructor(spec: FaceSpec, file: string) {
    this.spec = { family: spec.family, weight: spec.weight, italic: spec.italic };
    this.id = faceId(spec);
    this.file = file;
    const read = readFontFile(file);
    // A theme's files were checked when the theme was read; a built-in one missing is a broken install.
    if (typeof read === 'string') throw new Error(`internal: ${read}`);
    this.source = read;
    this.bytes = read.bytes;
    this.font = read.font;
    this.unitsPerEm = this.font.unitsPerEm;
    this.ascent = this.font.ascent / this.unitsPerEm;
    this.descent = this.font.descent / this.unitsPerEm;
    const post = this.font as unknown as { underlinePosition?: number; underlineThickness?: number };
    this.underlineOffset = -(post.underlinePosition ?? -0.1 * this.unitsPerEm) / this.unitsPerEm;
    this.underlineThickness = (post.underlineThickness ?? 0.05 * this.unitsPerEm) / this.unitsPerEm;
  }

  /**
   * Advance width of the text at 1 pt: the sum of its characters' advances. Text is set without kerning or ligatures —
   * as PowerPoint and LibreOffice set PPTX runs — so the PDFs and the viewers break lines at the same words, and
   * measuring needs no shaping (which would cost most of a cold build).
   */
  widthPerPoint(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i)!;
        if (code > 0xffff) i++;
        width += this.advance(code);
      }
      if (this.widths.size < 200_000) this.widths.set(text, width);
    }
    return width;
  }

  private advance(codePoint: number): number {
    let advance = this.advances.get(codePoint);
    if (advance === undefined) {
      advance = this.font.glyphForCodePoint(codePoint).advanceWidth / this.unitsPerEm;
      this.advances.set(codePoint, advance);
    }
    return advance;
  }

  width(text: string, sizePt: number): number {
    return this.widthPerPoint(text) * sizePt;
  }

  hasGlyph(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }
}

/** The style a face spec asks for, as a theme's faces name it. */
export const styleOf = (spec: Pick<FaceSpec, 'weight' | 'italic'>): FaceStyle =>
  spec.weight === 'bold' ? (spec.italic ? 'boldItalic' : 'bold') : spec.italic ? 'italic' : 'regular';

const specOf = (family: FontFamily, style: FaceStyle): FaceSpec => ({ family, weight: style === 'bold' || style === 'boldItalic' ? 'bold' : 'regular', italic: style === 'italic' || style === 'boldItalic' });

/** Where a missing style is taken from: bold italic from the bold, then the italic; anything else from the regular. Never a faked bold. */
const FALLBACKS: Record<FaceStyle, FaceStyle[]> = { regular: ['regular'], bold: ['bold', 'regular'], italic: ['italic', 'regular'], boldItalic: ['boldItalic', 'bold', 'italic', 'regular'] };

/** Faces by family and style, for every registry of the process: a file is parsed once. */
const loaded = new Map<string, Face>();

/**
 * The faces a build measures and draws with: the built-in families and the theme's `faces` (absolute paths). A style a
 * theme family lacks is set in the face it falls back to (`FALLBACKS`), which every backend then draws.
 */
let registriesMade = 0;

export class FontRegistry {
  private readonly faces = new Map<string, Face>();
  /** Tells this registry's remembered layouts from another's (src/layout/memo.ts). */
  readonly memoKey = `fonts${++registriesMade}`;
  private readonly brand: Readonly<Record<string, FaceFiles>>;

  constructor(brand: Readonly<Record<string, FaceFiles>> = {}) {
    this.brand = brand;
  }

  /** Whether the family is one of the theme's faces (not built in). */
  isBrand(family: FontFamily): boolean {
    return Object.hasOwn(this.brand, family);
  }

  /** The styles a theme family has files for (all four for a built-in family). */
  styles(family: FontFamily): FaceStyle[] {
    const files = this.brand[family];
    return files ? (Object.keys(files) as FaceStyle[]).filter((style) => files[style] !== undefined) : ['regular', 'bold', 'italic', 'boldItalic'];
  }

  face(spec: FaceSpec): Face {
    const id = faceId(spec);
    let face = this.faces.get(id);
    if (!face) this.faces.set(id, (face = this.load(spec)));
    return face;
  }

  private load(spec: FaceSpec): Face {
    const files = this.brand[spec.family];
    if (!files) return cachedFace(spec, fontFile(spec));
    const style = FALLBACKS[styleOf(spec)].find((candidate) => files[candidate] !== undefined) ?? 'regular';
    return cachedFace(specOf(spec.family, style), files[style]!);
  }

  used(): Face[] {
    return [...this.faces.values()];
  }
}

function cachedFace(spec: FaceSpec, file: string): Face {
  const key = `${faceId(spec)}\u0000${file}`;
  let face = loaded.get(key);
  if (!face) loaded.set(key, (face = new Face(spec, file)));
  return face;
}

/** One registry per set of theme faces (the default theme's is shared by every build without faces). */
const registries = new Map<string, FontRegistry>();

export function fontRegistryFor(brand: Readonly<Record<string, FaceFiles>> | undefined): FontRegistry {
  const key = JSON.stringify(brand ?? {});
  let registry = registries.get(key);
  if (!registry) registries.set(key, (registry = new FontRegistry(brand ?? {})));
  return registry;
}

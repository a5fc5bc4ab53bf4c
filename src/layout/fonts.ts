// A face's family, weight and slant in, a loaded face out: TTF files from npm packages, parsed once, with cached text measurement.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/** The families a theme chooses from: briefing text (serif), briefing display (sans), slides (metric twin of Arial). */
export type FontFamily = 'serif' | 'sans' | 'slides';
export type FontWeight = 'regular' | 'bold';
export const FONT_FAMILIES: readonly FontFamily[] = ['serif', 'sans', 'slides'];

/** What picks a face: the part of a text style that is not size or colour. */
export interface FaceSpec {
  family: FontFamily;
  weight: FontWeight;
  italic: boolean;
}

const PACKAGES: Record<FontFamily, { pkg: string; prefix: string }> = {
  serif: { pkg: '@expo-google-fonts/pt-serif', prefix: 'PTSerif' },
  sans: { pkg: '@expo-google-fonts/pt-sans', prefix: 'PTSans' },
  slides: { pkg: '@expo-google-fonts/arimo', prefix: 'Arimo' },
};

/** "serif-bold-italic": one id per face, for caches and the PDF's font resources. */
export function faceId(spec: FaceSpec): string {
  return `${spec.family}-${spec.weight}${spec.italic ? '-italic' : ''}`;
}

export function fontFile(spec: FaceSpec): string {
  const entry = PACKAGES[spec.family];
  const dir = `${spec.weight === 'bold' ? '700Bold' : '400Regular'}${spec.italic ? '_Italic' : ''}`;
  const pkgJson = require.resolve(`${entry.pkg}/package.json`);
  return pkgJson.replace(/package\.json$/, `${dir}/${entry.prefix}_${dir}.ttf`);
}

export class Face {
  readonly spec: FaceSpec;
  readonly id: string;
  readonly file: string;
  readonly bytes: Buffer;
  /** The parsed font, for backends that embed it. */
  readonly font: fontkit.Font;
  /** Ascent and descent (negative) per 1 pt of size, from the hhea table as pdfkit uses them. */
  readonly ascent: number;
  readonly descent: number;
  /** Where the underline goes (points below the baseline, positive) and how thick, per 1 pt of size (the post table). */
  readonly underlineOffset: number;
  readonly underlineThickness: number;
  private readonly advances = new Map<number, number>();
  private readonly unitsPerEm: number;
  private readonly widths = new Map<string, number>();

  constructor(spec: FaceSpec) {
    this.spec = { family: spec.family, weight: spec.weight, italic: spec.italic };
    this.id = faceId(spec);
    this.file = fontFile(spec);
    this.bytes = readFileSync(this.file);
    this.font = fontkit.create(this.bytes) as fontkit.Font;
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

export class FontRegistry {
  private readonly faces = new Map<string, Face>();

  face(spec: FaceSpec): Face {
    const id = faceId(spec);
    let face = this.faces.get(id);
    if (!face) this.faces.set(id, (face = new Face(spec)));
    return face;
  }

  used(): Face[] {
    return [...this.faces.values()];
  }
}

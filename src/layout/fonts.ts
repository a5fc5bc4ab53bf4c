// Font role + style in, a loaded face out: TTF files from npm packages, parsed once, with cached text measurement.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type FontRole = 'serif' | 'sans' | 'slides';
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontKey = `${FontRole}-${FontStyle}`;

interface FaceSource {
  file: string;
  /** The family name a PPTX declares; viewers substitute metric-compatible faces (Arial ↔ Arimo/Liberation Sans). */
  officeName: string;
}

const FILES: Record<FontRole, { pkg: string; prefix: string; officeName: string }> = {
  serif: { pkg: '@expo-google-fonts/pt-serif', prefix: 'PTSerif', officeName: 'PT Serif' },
  sans: { pkg: '@expo-google-fonts/pt-sans', prefix: 'PTSans', officeName: 'PT Sans' },
  slides: { pkg: '@expo-google-fonts/arimo', prefix: 'Arimo', officeName: 'Arial' },
};

const STYLE_DIRS: Record<FontStyle, string> = { regular: '400Regular', bold: '700Bold', italic: '400Regular_Italic', boldItalic: '700Bold_Italic' };

export function fontSource(key: FontKey): FaceSource {
  const [role, style] = key.split('-') as [FontRole, FontStyle];
  const entry = FILES[role];
  const dir = STYLE_DIRS[style];
  const pkgJson = require.resolve(`${entry.pkg}/package.json`);
  return { file: pkgJson.replace(/package\.json$/, `${dir}/${entry.prefix}_${dir}.ttf`), officeName: entry.officeName };
}

export class Face {
  readonly key: FontKey;
  readonly file: string;
  readonly officeName: string;
  readonly bytes: Buffer;
  /** Ascent and descent (negative) per 1 pt of size, from the hhea table as pdfkit uses them. */
  readonly ascent: number;
  readonly descent: number;
  /**
   * OpenType features for measuring and drawing. Slide text is set without kerning or ligatures, as PowerPoint and
   * LibreOffice set PPTX runs, so the PDF renderings and the viewers break lines at the same words.
   */
  readonly features: Record<string, boolean> | undefined;
  private readonly font: fontkit.Font;
  private readonly unitsPerEm: number;
  private readonly widths = new Map<string, number>();

  constructor(key: FontKey) {
    const source = fontSource(key);
    this.key = key;
    this.file = source.file;
    this.officeName = source.officeName;
    this.bytes = readFileSync(source.file);
    this.font = fontkit.create(this.bytes) as fontkit.Font;
    this.unitsPerEm = this.font.unitsPerEm;
    this.features = key.startsWith('slides-') ? { kern: false, liga: false } : undefined;
    this.ascent = this.font.ascent / this.unitsPerEm;
    this.descent = this.font.descent / this.unitsPerEm;
  }

  /** Advance width of the text at 1 pt, with this face's features, as pdfkit will set it. */
  widthPerPoint(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = this.font.layout(text, this.features as never).advanceWidth / this.unitsPerEm;
      if (this.widths.size < 200_000) this.widths.set(text, width);
    }
    return width;
  }

  width(text: string, size: number): number {
    return this.widthPerPoint(text) * size;
  }

  /** The parsed font itself, handed to pdfkit so that no document parses the file again. */
  get parsed(): fontkit.Font {
    return this.font;
  }

  hasGlyph(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }
}

export class FontRegistry {
  private readonly faces = new Map<FontKey, Face>();

  face(key: FontKey): Face {
    let face = this.faces.get(key);
    if (!face) this.faces.set(key, (face = new Face(key)));
    return face;
  }

  used(): Face[] {
    return [...this.faces.values()];
  }
}

export function fontKey(role: FontRole, bold: boolean, italic: boolean): FontKey {
  return `${role}-${bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular'}`;
}

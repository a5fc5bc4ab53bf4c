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
   * OpenType features for drawing. Text is set without kerning or ligatures — as PowerPoint and LibreOffice set PPTX
   * runs — so a width is the sum of the characters' advances: the PDFs and the viewers break lines at the same words,
   * and measuring needs no shaping (which would cost most of a cold build).
   */
  readonly features: Record<string, boolean> = { kern: false, liga: false };
  private readonly advances = new Map<number, number>();
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
    this.ascent = this.font.ascent / this.unitsPerEm;
    this.descent = this.font.descent / this.unitsPerEm;
  }

  /** Advance width of the text at 1 pt: the sum of its characters' advances (no kerning, no ligatures). */
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

  width(text: string, size: number): number {
    return this.widthPerPoint(text) * size;
  }

  /**
   * The parsed font for pdfkit, parsed once for every document, whose `layout` sets glyphs by their advances exactly
   * as `width` measures them (pdfkit would otherwise shape every string with the OpenType tables, at real cost).
   */
  get forPdf(): fontkit.Font {
    if (!this.unshaped) {
      const font = this.font;
      const layout = (text: string) => {
        const glyphs = [];
        // fontkit shares one glyph object per id, carrying the code points of whichever call made it first (none, for a
        // component of a composite glyph); each drawn glyph gets its own, so every PDF writes a right ToUnicode map.
        for (const ch of text) {
          const codePoint = ch.codePointAt(0)!;
          glyphs.push(Object.create(font.glyphForCodePoint(codePoint), { codePoints: { value: [codePoint] } }) as fontkit.Glyph);
        }
        const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
        return { glyphs, positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) };
      };
      this.unshaped = new Proxy(font, { get: (target, property) => (property === 'layout' ? layout : Reflect.get(target, property)) });
    }
    return this.unshaped;
  }

  private unshaped: fontkit.Font | undefined;

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

// A font file path in, its parsed font and the raw OS/2 and head fields embedding needs out; anything else is a reason it cannot be used.
import { readFileSync, statSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** What a TTF or OTF file holds that layout, the PDFs and the deck's embedded font list need. */
export interface FontFile {
  file: string;
  bytes: Buffer;
  font: fontkit.Font;
  /** The legacy family name (name ID 1): the name Windows, and so PowerPoint, knows the font by. */
  familyName: string;
  /** OS/2 fields, raw. */
  os2: Os2Fields;
  /** head.checkSumAdjustment. */
  checkSumAdjustment: number;
  /** 'glyf' (TrueType outlines) or 'CFF ' (PostScript outlines, an OTF). */
  outlines: 'glyf' | 'CFF ';
}

export interface Os2Fields {
  weightClass: number;
  /** Embedding permissions, bits as the OpenType spec has them (0x0002 restricted, 0x0004 preview & print, 0x0008 editable, 0x0200 bitmap only). */
  fsType: number;
  panose: Buffer;
  unicodeRanges: [number, number, number, number];
  fsSelection: number;
  codePageRanges: [number, number];
}

/** Byte offsets of the fields inside the OS/2 table (OpenType spec). */
const OS2 = { weightClass: 4, fsType: 8, panose: 32, unicodeRange: 42, fsSelection: 62, codePageRange: 78 } as const;

/** The table's offset and length in the sfnt, or undefined when the font has none. */
export function sfntTable(bytes: Buffer, tag: string): { offset: number; length: number } | undefined {
  if (bytes.length < 12) return undefined;
  const count = bytes.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    if (record + 16 > bytes.length) return undefined;
    if (bytes.toString('latin1', record, record + 4) === tag) {
      const offset = bytes.readUInt32BE(record + 8);
      const length = bytes.readUInt32BE(record + 12);
      return offset + length <= bytes.length ? { offset, length } : undefined;
    }
  }
  return undefined;
}

const cache = new Map<string, FontFile>();

/** Reads a TrueType or OpenType font; returns why not when the file is missing, empty, or not such a font. */
export function readFontFile(file: string): FontFile | string {
  let stamp: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return `${file}: is not a file`;
    if (stat.size === 0) return `${file}: is empty (0 bytes)`;
    stamp = `${file}@${stat.mtimeMs}@${stat.size}`;
  } catch (error) {
    return `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}`;
  }
  const cached = cache.get(stamp);
  if (cached) return cached;
  const bytes = readFileSync(file);
  const signature = bytes.toString('latin1', 0, 4);
  if (signature === 'ttcf') return `${file}: is a font collection (TTC); give one TTF or OTF file per style`;
  if (signature === 'wOFF' || signature === 'wOF2') return `${file}: is a web font (WOFF); give the TTF or OTF file`;
  if (signature !== '\u0000\u0001\u0000\u0000' && signature !== 'OTTO' && signature !== 'true') return `${file}: is not a font (TTF or OTF expected)`;
  let font: fontkit.Font;
  try {
    font = fontkit.create(bytes) as fontkit.Font;
    if (!font.unitsPerEm || font.numGlyphs < 2) return `${file}: is not a usable font (no glyphs)`;
  } catch {
    return `${file}: is not a font briefkit can read (TTF or OTF expected)`;
  }
  const os2 = sfntTable(bytes, 'OS/2');
  const head = sfntTable(bytes, 'head');
  if (!os2 || os2.length < 78 || !head) return `${file}: has no OS/2 or head table (not a complete TTF or OTF)`;
  const at = os2.offset;
  const read: FontFile = {
    file, bytes, font,
    familyName: legacyFamilyName(font),
    checkSumAdjustment: bytes.readUInt32BE(head.offset + 8),
    outlines: sfntTable(bytes, 'glyf') ? 'glyf' : 'CFF ',
    os2: {
      weightClass: bytes.readUInt16BE(at + OS2.weightClass),
      fsType: bytes.readUInt16BE(at + OS2.fsType),
      panose: Buffer.from(bytes.subarray(at + OS2.panose, at + OS2.panose + 10)),
      unicodeRanges: [0, 1, 2, 3].map((i) => bytes.readUInt32BE(at + OS2.unicodeRange + 4 * i)) as [number, number, number, number],
      fsSelection: bytes.readUInt16BE(at + OS2.fsSelection),
      // OS/2 version 0 has no code page ranges: Latin 1 only, as the EOT writers assume.
      codePageRanges: os2.length >= 86 ? [bytes.readUInt32BE(at + OS2.codePageRange), bytes.readUInt32BE(at + OS2.codePageRange + 4)] : [1, 0],
    },
  };
  cache.set(stamp, read);
  return read;
}

/** Name ID 1 in English, else fontkit's family name. */
function legacyFamilyName(font: fontkit.Font): string {
  const named = (font as unknown as { getName?: (key: string, lang?: string) => string | null }).getName?.('fontFamily', 'en');
  return (named ?? font.familyName ?? '').trim();
}

/** What the font's licence bits allow a PPTX to carry: editable embedding, preview & print only, or none. */
export type EmbeddingRight = 'editable' | 'preview-print' | 'restricted' | 'bitmap-only';

/**
 * OS/2 fsType read as the OpenType spec says: bits 0–3 are the usage level (0 installable, 8 editable, 4 preview & print,
 * 2 restricted; where several are set, as older fonts may, the least restrictive holds); 0x0200 allows bitmaps only.
 */
export function embeddingRight(fsType: number): EmbeddingRight {
  if (fsType & 0x0200) return 'bitmap-only';
  const level = fsType & 0x000f;
  if (level === 0 || level & 0x0008) return 'editable';
  if (level & 0x0004) return 'preview-print';
  return 'restricted';
}

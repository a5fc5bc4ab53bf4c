// A TrueType font file in, the Embedded OpenType (EOT) bytes a PPTX font part holds out: version 0x00020002, uncompressed, the font unchanged.
import type { FontFile } from '../load/font-file.js';

/**
 * The W3C EOT submission (2008), version 0x00020002, little-endian header then the font data. Flags 0: no MicroType
 * Express compression, no XOR, the full font — the form t2embed writes by default (TTEMBED_RAW), LibreOffice 25.8
 * exports and Windows PowerPoint has been seen to render; PowerPoint itself writes MTX-compressed data (flags 0x4).
 * Header values as sfntly's EOTWriter has them: Charset 1 (DEFAULT_CHARSET), Italic from fsSelection, English names
 * without terminator, RootString empty (its checksum 0 XOR 0x50475342), no EUDC font, no signature.
 */
export const EOT_VERSION = 0x00020002;
export const EOT_MAGIC = 0x504c;
const ROOT_STRING_CHECKSUM_KEY = 0x50475342;

/** The font's names as EOT wants them: FamilyName is the typeface the deck declares (name ID 1). */
export interface EotNames {
  family: string;
  style: string;
  version: string;
  full: string;
}

export function eotNamesOf(font: FontFile, typeface: string): EotNames {
  const name = (key: string) => ((font.font as unknown as { getName?: (key: string, lang?: string) => string | null }).getName?.(key, 'en') ?? '').trim();
  return { family: typeface, style: name('fontSubfamily') || 'Regular', version: name('version'), full: name('fullName') || typeface };
}

export function toEot(font: FontFile, names: EotNames): Buffer {
  const data = font.bytes;
  const strings = [names.family, names.style, names.version, names.full].map((text) => Buffer.from(text, 'utf16le'));
  // Fixed fields (82 bytes), four names each with its size and a padding (4 + length), the root string's size (2),
  // then RootStringCheckSum, EUDCCodePage (4 each), Padding6, SignatureSize (2 each), EUDCFlags, EUDCFontSize (4 each).
  const headerSize = 82 + strings.reduce((sum, s) => sum + 4 + s.length, 0) + 2 + 8 + 4 + 8;
  const out = Buffer.alloc(headerSize + data.length);
  let at = 0;
  const u32 = (value: number) => (at = out.writeUInt32LE(value >>> 0, at));
  const u16 = (value: number) => (at = out.writeUInt16LE(value & 0xffff, at));
  const u8 = (value: number) => (at = out.writeUInt8(value & 0xff, at));
  u32(out.length); // EOTSize
  u32(data.length); // FontDataSize
  u32(EOT_VERSION);
  u32(0); // Flags: raw, uncompressed, not XORed, not subset
  at += font.os2.panose.copy(out, at, 0, 10);
  u8(1); // Charset: DEFAULT_CHARSET
  u8(font.os2.fsSelection & 1 ? 1 : 0); // Italic
  u32(font.os2.weightClass);
  u16(font.os2.fsType); // copied, never changed
  u16(EOT_MAGIC);
  for (const range of font.os2.unicodeRanges) u32(range);
  for (const range of font.os2.codePageRanges) u32(range);
  u32(font.checkSumAdjustment);
  for (let i = 0; i < 4; i++) u32(0); // Reserved1–4
  u16(0); // Padding1
  strings.forEach((bytes) => {
    u16(bytes.length);
    at += bytes.copy(out, at);
    u16(0); // Padding2–5 (the one after FullName is Padding5)
  });
  u16(0); // RootStringSize: no root string
  u32(0 ^ ROOT_STRING_CHECKSUM_KEY); // RootStringCheckSum
  u32(0); // EUDCCodePage
  u16(0); // Padding6
  u16(0); // SignatureSize
  u32(0); // EUDCFlags
  u32(0); // EUDCFontSize
  at += data.copy(out, at);
  if (at !== out.length) throw new Error(`internal: EOT header size ${at} ≠ ${out.length}`);
  return out;
}

/** An EOT's header fields, read back (for checks): where the font data starts and what it names. */
export interface EotHeader {
  eotSize: number;
  fontDataSize: number;
  version: number;
  flags: number;
  fsType: number;
  magic: number;
  familyName: string;
  fullName: string;
  fontDataOffset: number;
}

export function readEotHeader(bytes: Buffer): EotHeader {
  if (bytes.length < 82) throw new Error('EOT shorter than its fixed header');
  const names: string[] = [];
  let at = 82;
  for (let i = 0; i < 4; i++) {
    const size = bytes.readUInt16LE(at);
    names.push(bytes.toString('utf16le', at + 2, at + 2 + size));
    at += 2 + size + 2;
  }
  const version = bytes.readUInt32LE(8);
  if (version >= 0x00020001) at += 2 + bytes.readUInt16LE(at); // RootStringSize and RootString
  if (version === 0x00020002) {
    at += 8 + 2; // RootStringCheckSum, EUDCCodePage, Padding6
    const signature = bytes.readUInt16LE(at);
    at += 2 + signature + 4;
    const eudc = bytes.readUInt32LE(at);
    at += 4 + eudc;
  }
  return {
    eotSize: bytes.readUInt32LE(0), fontDataSize: bytes.readUInt32LE(4), version, flags: bytes.readUInt32LE(12),
    fsType: bytes.readUInt16LE(32), magic: bytes.readUInt16LE(34), familyName: names[0]!, fullName: names[3]!, fontDataOffset: at,
  };
}

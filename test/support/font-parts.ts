// A PPTX's bytes in, what is wrong with its embedded fonts out: every p:embeddedFont slot must reach, through a font
// relationship of the presentation, a part whose content type is application/x-fontdata and that holds a whole EOT of a
// font with the slot's typeface; every font part and relationship is referenced; the list sits where CT_Presentation
// puts it; the typefaces are used by the slides.
import JSZip from 'jszip';
import * as fontkit from 'fontkit';
import { EOT_MAGIC, readEotHeader } from '../../src/export/eot.js';
import { FONT_CONTENT_TYPE, FONT_RELATIONSHIP } from '../../src/export/pptx-embed.js';
import { sfntTable } from '../../src/load/font-file.js';

export interface EmbeddedSlot {
  typeface: string;
  style: string;
  part: string;
  /** The TTF inside the EOT. */
  font: Buffer;
}

export async function embeddedFontProblems(pptx: Buffer | Uint8Array): Promise<{ problems: string[]; slots: EmbeddedSlot[] }> {
  const zip = await JSZip.loadAsync(pptx);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const presentation = await read('ppt/presentation.xml');
  const rels = await read('ppt/_rels/presentation.xml.rels');
  const types = await read('[Content_Types].xml');
  const problems: string[] = [];
  const slots: EmbeddedSlot[] = [];
  const relationships = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    return [attr('Id'), { type: attr('Type'), target: attr('Target') }] as const;
  }));
  const list = /<p:embeddedFontLst>(.*?)<\/p:embeddedFontLst>/s.exec(presentation);
  if (!list) return { problems: ['presentation.xml has no p:embeddedFontLst'], slots };
  if (!/<p:presentation\b[^>]*\bembedTrueTypeFonts="1"/.test(presentation)) problems.push('p:presentation lacks embedTrueTypeFonts="1"');
  if (/<p:presentation\b[^>]*\bsaveSubsetFonts="1"/.test(presentation)) problems.push('saveSubsetFonts="1": a re-save would keep only the characters used');
  // CT_Presentation: … sldSz? notesSz smartTags? embeddedFontLst? custShowLst? … defaultTextStyle? …
  const before = presentation.slice(0, list.index);
  if (!/<p:notesSz\b[^>]*\/>(<p:smartTags\b.*?(\/>|<\/p:smartTags>))?$/s.test(before)) problems.push('p:embeddedFontLst does not follow p:notesSz (schema order)');
  const contentTypeOf = (part: string) => {
    const override = new RegExp(`<Override PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" ContentType="([^"]*)"`).exec(types)?.[1];
    const extension = part.slice(part.lastIndexOf('.') + 1);
    return override ?? new RegExp(`<Default Extension="${extension}" ContentType="([^"]*)"`, 'i').exec(types)?.[1];
  };
  const referenced = new Set<string>();
  const slides = (await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(read))).join('');
  const typefaces = new Set<string>();
  for (const entry of list[1]!.matchAll(/<p:embeddedFont>(.*?)<\/p:embeddedFont>/gs)) {
    const typeface = /<p:font\b[^>]*\btypeface="([^"]*)"/.exec(entry[1]!)?.[1] ?? '';
    if (!typeface) problems.push('a p:embeddedFont without a typeface');
    if (typefaces.has(typeface.toLowerCase())) problems.push(`typeface "${typeface}" listed twice`);
    typefaces.add(typeface.toLowerCase());
    if (!slides.includes(`typeface="${typeface}"`)) problems.push(`typeface "${typeface}" is embedded but no slide uses it`);
    const order = [...entry[1]!.matchAll(/<p:(regular|bold|italic|boldItalic) r:id="([^"]*)"\/>/g)];
    const names = order.map((m) => m[1]!);
    const expected = ['regular', 'bold', 'italic', 'boldItalic'].filter((s) => names.includes(s));
    if (names.join() !== expected.join()) problems.push(`${typeface}: slots out of schema order (${names.join(', ')})`);
    for (const [, style, id] of order) {
      referenced.add(id!);
      const rel = relationships.get(id!);
      if (!rel) { problems.push(`${typeface} ${style}: r:id ${id} has no relationship`); continue; }
      if (rel.type !== FONT_RELATIONSHIP) problems.push(`${typeface} ${style}: relationship ${id} has type ${rel.type}`);
      const part = rel.target.startsWith('/') ? rel.target.slice(1) : `ppt/${rel.target}`;
      const file = zip.file(part);
      if (!file) { problems.push(`${typeface} ${style}: relationship ${id} points at ${part}, which the package does not have`); continue; }
      if (contentTypeOf(part) !== FONT_CONTENT_TYPE) problems.push(`${part}: content type ${contentTypeOf(part) ?? '(none)'}, not ${FONT_CONTENT_TYPE}`);
      const bytes = Buffer.from(await file.async('uint8array'));
      try {
        const header = readEotHeader(bytes);
        if (header.magic !== EOT_MAGIC) problems.push(`${part}: EOT magic 0x${header.magic.toString(16)}`);
        if (header.eotSize !== bytes.length) problems.push(`${part}: EOTSize ${header.eotSize} ≠ part size ${bytes.length}`);
        if (header.fontDataOffset + header.fontDataSize !== bytes.length) problems.push(`${part}: header and font data do not add up to the part`);
        if (header.flags !== 0) problems.push(`${part}: EOT flags 0x${header.flags.toString(16)} (compressed or obfuscated)`);
        if (header.familyName !== typeface) problems.push(`${part}: EOT FamilyName "${header.familyName}" ≠ typeface "${typeface}"`);
        const font = bytes.subarray(header.fontDataOffset);
        const parsed = fontkit.create(font) as fontkit.Font;
        if (parsed.familyName !== typeface) problems.push(`${part}: the font inside is "${parsed.familyName}", not "${typeface}"`);
        const os2 = sfntTable(font, 'OS/2');
        if (!os2 || font.readUInt16BE(os2.offset + 8) !== header.fsType) problems.push(`${part}: EOT fsType 0x${header.fsType.toString(16)} is not the font's own`);
        slots.push({ typeface, style: style!, part, font });
      } catch (error) {
        problems.push(`${part}: not an EOT of a font (${(error as Error).message})`);
      }
    }
  }
  for (const [id, rel] of relationships) if (rel.type === FONT_RELATIONSHIP && !referenced.has(id)) problems.push(`font relationship ${id} (${rel.target}) is referenced by no slot`);
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('ppt/fonts/'))) {
    if (![...relationships.values()].some((rel) => `ppt/${rel.target}` === name)) problems.push(`${name} is reached by no relationship`);
  }
  return { problems, slots };
}

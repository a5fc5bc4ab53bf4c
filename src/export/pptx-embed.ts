// Slide frames + the build's fonts in, the fonts a deck carries (EOT font parts by typeface and style) out; and the package edits that declare them.
import type { Frame, FrameItem, TextItem } from '../layout/frame.js';
import { styleOf, type FontFamily, type FontRegistry, type Face } from '../layout/fonts.js';
import type { FaceStyle } from '../model/theme.js';
import { FACE_STYLES } from '../model/theme.js';
import { embeddingRight } from '../load/font-file.js';
import type { Diagnostic } from '../diagnostics.js';
import { deckFont } from './pptx-fonts.js';
import { eotNamesOf, toEot } from './eot.js';

/** A typeface the deck carries: one EOT font part per style its runs use. */
export interface EmbeddedFont {
  typeface: string;
  /** OS/2 PANOSE of the regular face, 20 hex digits; absent when all zero. */
  panose?: string;
  slots: Partial<Record<FaceStyle, Buffer>>;
}

export const FONT_CONTENT_TYPE = 'application/x-fontdata';
export const FONT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/** Why a face cannot go into a deck, or undefined when it can (editable or installable licence bits, TrueType outlines). */
export function notEmbeddable(face: Face): string | undefined {
  const fsType = face.source.os2.fsType;
  const bits = `OS/2 fsType 0x${fsType.toString(16).padStart(4, '0')}`;
  switch (embeddingRight(fsType)) {
    case 'restricted':
      return `its licence bits (${bits}: restricted licence) forbid embedding`;
    case 'bitmap-only':
      return `its licence bits (${bits}: bitmap embedding only) allow no outlines to be embedded`;
    case 'preview-print':
      return `its licence bits (${bits}: preview & print) allow a read-only deck only, and slides.pptx is meant to be edited`;
    case 'editable':
      // PowerPoint embeds TrueType outlines; LibreOffice's EOT reader (libeot) cannot read CFF ones.
      return face.source.outlines === 'glyf' ? undefined : 'it has PostScript (CFF) outlines, which PPTX viewers do not read from an embedded font; use its TTF version';
  }
}

/** The typefaces the frames' runs and bullets name that have no metric twin, each with the styles used (as measured). */
export function embeddedFontsOf(frames: Frame[], fonts: FontRegistry): EmbeddedFont[] {
  const used = new Map<FontFamily, Set<FaceStyle>>();
  const note = (style: { family: FontFamily; weight: 'regular' | 'bold'; italic: boolean }) => {
    const set = used.get(style.family) ?? new Set<FaceStyle>();
    set.add(styleOf(fonts.face(style).spec));
    used.set(style.family, set);
  };
  const visitText = (item: TextItem) => {
    for (const paragraph of item.paragraphs) {
      for (const run of paragraph.layout.spec.runs) note(run.style);
      if (paragraph.layout.spec.bullet) note(paragraph.layout.spec.bullet.style);
    }
  };
  const visit = (item: FrameItem) => {
    if (item.kind === 'text') visitText(item);
    else if (item.kind === 'table') item.rows.forEach((row) => row.cells.forEach((cell) => visitText(cell.item)));
    else if (item.kind === 'group') item.items.forEach(visit);
  };
  frames.forEach((frame) => frame.items.forEach(visit));

  const byTypeface = new Map<string, EmbeddedFont>();
  for (const [family, styles] of used) {
    const declared = deckFont(family, fonts);
    if (declared.twin) continue;
    const entry = byTypeface.get(declared.typeface) ?? { typeface: declared.typeface, slots: {} };
    for (const style of FACE_STYLES.filter((s) => styles.has(s))) {
      const face = fonts.face({ family, weight: style === 'bold' || style === 'boldItalic' ? 'bold' : 'regular', italic: style === 'italic' || style === 'boldItalic' });
      if (notEmbeddable(face) || entry.slots[style]) continue;
      entry.slots[style] = toEot(face.source, eotNamesOf(face.source, declared.typeface));
      if (style === 'regular' && face.source.os2.panose.some((byte) => byte !== 0)) entry.panose = face.source.os2.panose.toString('hex').toUpperCase();
    }
    if (Object.keys(entry.slots).length > 0) byTypeface.set(declared.typeface, entry);
  }
  return [...byTypeface.values()];
}

/**
 * What a user must know about the deck's slide fonts, before it is written: a font whose licence bits forbid embedding
 * (a viewer without it re-wraps every slide), and, for an embedded one, the viewers that do not read embedded fonts.
 */
export function deckFontWarnings(roles: { body: FontFamily; heading: FontFamily }, fonts: FontRegistry, themeFile: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const role of ['body', 'heading'] as const) {
    const family = roles[role];
    const declared = deckFont(family, fonts);
    if (declared.twin || seen.has(declared.typeface)) continue;
    seen.add(declared.typeface);
    const place = { file: themeFile, path: `slides.fonts.${role}` };
    const refused = fonts.styles(family)
      .map((style) => fonts.face({ family, weight: style === 'bold' || style === 'boldItalic' ? 'bold' : 'regular', italic: style === 'italic' || style === 'boldItalic' }))
      .map((face) => ({ face, why: notEmbeddable(face) }))
      .filter((entry): entry is { face: Face; why: string } => entry.why !== undefined);
    for (const { face, why } of refused) {
      out.push({
        severity: 'warning', ...place, rule: 'deck-font-not-embedded',
        message: `"${declared.typeface}" (${face.file}) is not embedded in slides.pptx: ${why}. A viewer without ${declared.typeface} installed sets the slides' ${styleOf(face.spec)} text in another font, and it re-wraps (lines may run out of their boxes)`,
        hint: 'install the font wherever the deck is shown, use a font whose licence allows editable embedding, or give the slides a metric-compatible font (slides: Arial\'s twin Arimo)',
      });
    }
    if (refused.length < fonts.styles(family).length) {
      out.push({
        severity: 'warning', ...place, rule: 'deck-font-viewers',
        message: `"${declared.typeface}" is embedded in slides.pptx, which PowerPoint (Windows, Mac) reads; LibreOffice before 25.8 and PowerPoint for the web do not read embedded fonts: where ${declared.typeface} is not installed they set the slide text in another font, and it re-wraps`,
        hint: `install ${declared.typeface} on machines that show the deck in those viewers, or hand out slides.pdf`,
      });
    }
  }
  return out;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The package entries (unzipped, changed in place) given the fonts: `ppt/fonts/fontN.fntdata` parts, their content type
 * (a Default for the extension), relationships from the presentation part, and `<p:embeddedFontLst>` (after
 * `p:notesSz`, as CT_Presentation orders it) with `embedTrueTypeFonts="1"` — the form PowerPoint writes.
 */
export function embedFontParts(entries: Record<string, Uint8Array>, fonts: readonly EmbeddedFont[]): void {
  if (fonts.length === 0) return;
  const text = (name: string) => Buffer.from(entries[name] ?? new Uint8Array()).toString('utf8');
  const put = (name: string, value: string) => (entries[name] = new Uint8Array(Buffer.from(value, 'utf8')));

  const relsName = 'ppt/_rels/presentation.xml.rels';
  let rels = text(relsName);
  let nextId = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  let part = 1;
  const list = fonts.map((font) => {
    const slots = FACE_STYLES.filter((style) => font.slots[style]).map((style) => {
      while (entries[`ppt/fonts/font${part}.fntdata`]) part++;
      const name = `font${part++}.fntdata`;
      entries[`ppt/fonts/${name}`] = new Uint8Array(font.slots[style]!);
      const id = `rId${nextId++}`;
      rels = rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${FONT_RELATIONSHIP}" Target="fonts/${name}"/></Relationships>`);
      return `<p:${style} r:id="${id}"/>`;
    });
    const panose = font.panose ? ` panose="${font.panose}"` : '';
    return `<p:embeddedFont><p:font typeface="${escapeXml(font.typeface)}"${panose} pitchFamily="2" charset="0"/>${slots.join('')}</p:embeddedFont>`;
  });
  put(relsName, rels);

  const typesName = '[Content_Types].xml';
  const types = text(typesName);
  if (!/Extension="fntdata"/i.test(types)) put(typesName, types.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="fntdata" ContentType="${FONT_CONTENT_TYPE}"/>`));

  const presentationName = 'ppt/presentation.xml';
  let presentation = text(presentationName)
    .replace(/(<p:presentation\b[^>]*?)\s+saveSubsetFonts="[^"]*"/, '$1')
    .replace(/(<p:presentation\b[^>]*?)\s+embedTrueTypeFonts="[^"]*"/, '$1')
    .replace(/<p:presentation\b/, '<p:presentation embedTrueTypeFonts="1"');
  const fontList = `<p:embeddedFontLst>${list.join('')}</p:embeddedFontLst>`;
  const after = /<\/p:smartTags>|<p:smartTags\b[^>]*\/>/.exec(presentation) ?? /<p:notesSz\b[^>]*\/>/.exec(presentation);
  if (!after) throw new Error('internal: presentation.xml has no p:notesSz to put the embedded font list after');
  presentation = presentation.slice(0, after.index + after[0].length) + fontList + presentation.slice(after.index + after[0].length);
  put(presentationName, presentation);
}

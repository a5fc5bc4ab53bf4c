// A PPTX from pptxgenjs in (its parts, or its stored zip), a clean, reproducible package out: fixed dates, sorted entries deflated once, validator fixes.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { embedFontParts, type EmbeddedFont } from './pptx-embed.js';
import { zipEntries, type ZipEntry } from './zip.js';
import { moveRepeatedPicturesToMaster } from './pptx-master.js';
import type { PackageParts } from './pptx-parts.js';
import { Memo } from '../layout/memo.js';

/** Shape name the exporter gives each slide's title text box; the finisher turns that box into the title placeholder. */
export const TITLE_SHAPE_NAME = 'Slide Title';

/**
 * Bullet character (a private-use code point, as 4 hex digits) the exporter gives an indented paragraph that has no
 * bullet; the finisher replaces it with `<a:buNone/>` and sets the first line's indent to 0, keeping the left margin.
 */
export const NO_BULLET_CODE = 'E000';

/** Shapes named with this prefix and a figure id belong to that figure (a timeline, a map, a picture with its caption). */
export const FIGURE_SHAPE_PREFIX = 'Figure ';

/**
 * How a bullet is drawn: its character (or a number, "3." / "3)"), font and colour (hex, no #), at the size of its
 * paragraph's text. The exporter gives the paragraph the placeholder character `bulletCode(index)`; the finisher
 * writes the bullet in its place, naming font, colour and size, so no viewer picks a symbol font of its own.
 */
export interface BulletStyle {
  text: string;
  font: string;
  colour: string;
}

/** The placeholder bullet character (4 hex digits, private use) of the bullet style at `index` of `FinishOptions.bullets`. */
export function bulletCode(index: number): string {
  return (parseInt(NO_BULLET_CODE, 16) + 1 + index).toString(16).toUpperCase().padStart(4, '0');
}

export interface FinishOptions {
  date: Date;
  lang: string;
  /** Figure id → alt text, written once, as the `descr` of the group that holds the figure's shapes. */
  altTexts?: Record<string, string>;
  /** The bullets the exporter's placeholder characters stand for (`bulletCode`). */
  bullets?: readonly BulletStyle[];
  /** Each SVG picture with the PNG that stands for it where SVG is not drawn (pptxgenjs writes a broken one in Node). */
  svgFallbacks?: readonly { svg: Uint8Array; png: Uint8Array }[];
  /** The fonts the deck carries (font parts and the presentation's embedded font list). */
  fonts?: readonly EmbeddedFont[];
}

export async function finishPptx(raw: Buffer | PackageParts, options: FinishOptions): Promise<Buffer> {
  const parts = raw instanceof Uint8Array ? unzipSync(new Uint8Array(raw)) : raw;
  const input = withSvgFallbacks(parts, options.svgFallbacks ?? []);
  embedFontParts(input, options.fonts ?? []);
  moveRepeatedPicturesToMaster(input);
  const iso = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const duplicates = duplicateMedia(input);
  const names = Object.keys(input).filter((name) => !name.endsWith('/') && !duplicates.has(name));
  const ordered = [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const output: ZipEntry[] = [];
  // What a part's fixes depend on besides its name and bytes.
  const context = JSON.stringify([iso, options.lang, options.bullets ?? [], options.altTexts ?? {}, [...duplicates]]);
  for (const name of ordered) {
    const bytes = input[name]!;
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) {
      output.push({ name, bytes });
      continue;
    }
    const key = `${name}\u0000${context}\u0000${createHash('sha1').update(bytes).digest('base64')}`;
    output.push({ name, bytes: fixedParts.get(key, () => {
      const xml = fixXml(name, strFromU8(bytes), iso, options);
      return strToU8(name.endsWith('.rels') ? pointAtKeptMedia(xml, duplicates) : xml);
    }) });
  }
  return zipEntries(output, options.date);
}

/**
 * Parts fixed before, by name, bytes and everything else their fixes read: a rebuilt deck repeats most of its slides,
 * and the regular expressions over a slide's XML are most of what finishing costs.
 */
const fixedParts = new Memo<Uint8Array>(1024, { weigh: (bytes) => bytes.length, maxWeight: 6 * 1024 * 1024 });

/**
 * The package with each SVG picture's fallback PNG in place. pptxgenjs gives an SVG two relationships, the PNG's
 * (named by the blip) right before the SVG's (named by its `asvg:svgBlip` extension), in every part that shows it.
 */
function withSvgFallbacks(entries: Record<string, Uint8Array>, fallbacks: readonly { svg: Uint8Array; png: Uint8Array }[]): Record<string, Uint8Array> {
  if (fallbacks.length === 0) return entries;
  const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const pngOf = new Map(fallbacks.map(({ svg, png }) => [digest(svg), png]));
  const out = { ...entries };
  for (const rels of Object.keys(entries).filter((name) => /^ppt\/[^/]+\/_rels\/[^/]+\.rels$/.test(name))) {
    const targets = new Map([...strFromU8(entries[rels]!).matchAll(/<Relationship\b[^>]*?\bId="rId(\d+)"[^>]*?\bTarget="\.\.\/media\/([^"]+)"/g)].map((m) => [Number(m[1]), m[2]!]));
    for (const [id, target] of targets) {
      const svg = entries[`ppt/media/${target}`];
      const fallback = target.endsWith('.svg') && svg ? pngOf.get(digest(svg)) : undefined;
      const png = targets.get(id - 1);
      if (fallback && png?.endsWith('.png')) out[`ppt/media/${png}`] = fallback;
    }
  }
  return out;
}

/**
 * Media files with the same bytes as an earlier one (pptxgenjs writes a picture once per slide or layout that shows
 * it): each duplicate's name → the name of the copy that stays.
 */
function duplicateMedia(entries: Record<string, Uint8Array>): Map<string, string> {
  const kept = new Map<string, string>();
  const duplicates = new Map<string, string>();
  for (const name of Object.keys(entries).filter((n) => n.startsWith('ppt/media/')).sort()) {
    const key = `${name.slice(name.lastIndexOf('.'))}:${createHash('sha256').update(entries[name]!).digest('hex')}`;
    const first = kept.get(key);
    if (first) duplicates.set(name, first);
    else kept.set(key, name);
  }
  return duplicates;
}

/** Relationships to a removed duplicate point at the copy that stays. */
function pointAtKeptMedia(rels: string, duplicates: Map<string, string>): string {
  let out = rels;
  for (const [duplicate, kept] of duplicates) out = out.replaceAll(`Target="../media/${duplicate.slice('ppt/media/'.length)}"`, `Target="../media/${kept.slice('ppt/media/'.length)}"`);
  return out;
}

/** [Content_Types].xml first, then the package relationships, then everything else by name. */
function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}

function fixXml(name: string, xml: string, iso: string, options: FinishOptions): string {
  const { lang } = options;
  let out = xml;
  if (name === 'docProps/core.xml') {
    out = out
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`)
      .replace(/<dc:language>[^<]*<\/dc:language>/, `<dc:language>${lang}</dc:language>`);
  }
  if (name === 'ppt/presentation.xml') out = schemaOrderPresentation(out);
  if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) {
    out = uniqueShapeIds(groupFigures(markTitlePlaceholder(styledBullets(unbulletedIndents(singleParagraphProperties(out)), options.bullets ?? [])), options.altTexts ?? {}));
  }
  // Text runs carry the article's language, so spelling and hyphenation in the viewer use it.
  if (name.startsWith('ppt/slides/slide') || name.startsWith('ppt/notesSlides/')) {
    out = out.replace(/lang="en-US"/g, `lang="${lang === 'en' ? 'en-GB' : officeLang(lang)}"`);
  }
  return out;
}

/** CT_Presentation wants notesMasterIdLst right after sldMasterIdLst; pptxgenjs writes it after sldIdLst. */
function schemaOrderPresentation(xml: string): string {
  const notes = /<p:notesMasterIdLst>.*?<\/p:notesMasterIdLst>/s.exec(xml);
  if (!notes) return xml;
  // Without a slide master list to follow, the notes master list stays where it is rather than vanish.
  if (!xml.includes('</p:sldMasterIdLst>')) return xml;
  const without = xml.replace(notes[0], '');
  return without.replace('</p:sldMasterIdLst>', `</p:sldMasterIdLst>${notes[0]}`);
}

/**
 * pptxgenjs writes an `<a:pPr>` before every run of a paragraph; CT_TextParagraph allows one, before the runs.
 * Keep the first and drop the rest (they repeat it).
 */
function singleParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>(.*?)<\/a:p>/gs, (paragraph, inner: string) => {
    const firstRun = inner.search(/<a:(r|br|fld)[ >]/);
    if (firstRun < 0) return paragraph;
    const head = inner.slice(0, firstRun);
    const tail = inner.slice(firstRun).replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>.*?<\/a:pPr>/gs, '');
    return `<a:p>${head}${tail}</a:p>`;
  });
}

/** Paragraphs carrying the placeholder bullet: no bullet, the left margin kept, the first line not hung. */
function unbulletedIndents(xml: string): string {
  const placeholder = `<a:buSzPct val="100000"/><a:buChar char="&#x${NO_BULLET_CODE};"/>`;
  if (!xml.includes(placeholder)) return xml;
  // [^>]*[^/>] : a self-closing <a:pPr …/> is not the start of a paragraph's properties with content.
  return xml.replace(/<a:pPr\b((?:[^>]*[^/>])?)>(.*?)<\/a:pPr>/gs, (whole, attributes: string, inner: string) =>
    inner.includes(placeholder) ? `<a:pPr${attributes.replace(/ indent="-?\d+"/, ' indent="0"')}>${inner.replace(placeholder, '<a:buNone/>')}</a:pPr>` : whole,
  );
}

/** Placeholder bullets replaced by the bullets they stand for: colour, size (100 % of the text), font, then the character or number. */
function styledBullets(xml: string, bullets: readonly BulletStyle[]): string {
  return xml.replace(/<a:buSzPct val="100000"\/><a:buChar char="&#x([0-9A-F]{4});"\/>/g, (whole, code: string) => {
    const index = parseInt(code, 16) - parseInt(NO_BULLET_CODE, 16) - 1;
    const style = bullets[index];
    if (index < 0 || !style) return whole;
    const number = /^(\d+)([.)]?)$/.exec(style.text);
    const glyph = number
      ? `<a:buAutoNum type="${number[2] === ')' ? 'arabicParenR' : number[2] === '.' ? 'arabicPeriod' : 'arabicPlain'}" startAt="${number[1]}"/>`
      : `<a:buChar char="${escapeXml(style.text)}"/>`;
    return `<a:buClr><a:srgbClr val="${style.colour}"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="${escapeXml(style.font)}"/>${glyph}`;
  });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The shapes pptxgenjs writes into a slide's shape tree, each whole (it writes no groups, so none nests in another). */
const SHAPE = /<p:(sp|pic|cxnSp|graphicFrame)>.*?<\/p:\1>/gs;
const FIGURE_NAME = new RegExp(`<p:cNvPr id="\\d+" name="${FIGURE_SHAPE_PREFIX}([^"]*)"`);

/**
 * The shapes of each figure (consecutive, named after it) become one group (`p:grpSp`): the figure's alt text as the
 * group's `descr`, and on a picture among its shapes, none on its other shapes; the group's box is its shapes' bounding box and its child space the same
 * (shapes keep their slide positions). Its id is a placeholder (0) that `uniqueShapeIds` replaces with a free one.
 */
function groupFigures(xml: string, altTexts: Record<string, string>): string {
  const shapes = [...xml.matchAll(SHAPE)].map((match) => ({ xml: match[0], start: match.index, end: match.index + match[0].length, figure: FIGURE_NAME.exec(match[0])?.[1] }));
  if (!shapes.some((shape) => shape.figure !== undefined)) return xml;
  let out = '';
  let at = 0;
  for (let i = 0; i < shapes.length; i++) {
    const figure = shapes[i]!.figure;
    if (figure === undefined) continue;
    let last = i;
    while (last + 1 < shapes.length && shapes[last + 1]!.figure === figure && xml.slice(shapes[last]!.end, shapes[last + 1]!.start).trim() === '') last++;
    const members = shapes.slice(i, last + 1);
    // A picture keeps the alt text too: it is what PowerPoint shows when the picture itself is selected or ungrouped.
    const pictureAlt = (shape: string) => (shape.startsWith('<p:pic>') && altTexts[figure] ? ` descr="${escapeXml(altTexts[figure]!)}"` : '');
    const children = members.map((shape, k) => shape.xml.replace(/(<p:cNvPr id="\d+") name="[^"]*"( descr="[^"]*")?/, `$1 name="${escapeXml(figure)} ${k + 1}"${pictureAlt(shape.xml)}`));
    const box = boundingBox(members.map((shape) => shapeBox(shape.xml)));
    const xfrm = `<a:off x="${box.x}" y="${box.y}"/><a:ext cx="${box.w}" cy="${box.h}"/><a:chOff x="${box.x}" y="${box.y}"/><a:chExt cx="${box.w}" cy="${box.h}"/>`;
    out += xml.slice(at, members[0]!.start);
    out += `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="0" name="${FIGURE_SHAPE_PREFIX}${escapeXml(figure)}" descr="${escapeXml(altTexts[figure] ?? '')}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>`;
    out += `<p:grpSpPr><a:xfrm>${xfrm}</a:xfrm></p:grpSpPr>${children.join('')}</p:grpSp>`;
    at = members[members.length - 1]!.end;
    i = last;
  }
  return out + xml.slice(at);
}

/**
 * Every shape of the slide with an id of its own: a group made here (id 0) and any shape whose id an earlier shape has
 * (pptxgenjs gives the slide number the id of another shape on slides with many shapes) get the next unused id. No part
 * pptxgenjs writes refers to a shape by its id.
 */
function uniqueShapeIds(xml: string): string {
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  let next = Math.max(0, ...ids);
  const seen = new Set<number>();
  return xml.replace(/<p:cNvPr id="(\d+)"/g, (whole, value: string) => {
    const id = Number(value);
    if (id > 0 && !seen.has(id)) {
      seen.add(id);
      return whole;
    }
    return `<p:cNvPr id="${++next}"`;
  });
}

interface EmuBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A shape's box on the slide (EMU): its offset and extent, turned about its centre when it is rotated. */
function shapeBox(shape: string): EmuBox {
  const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(shape);
  const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape);
  if (!off || !ext) return { x: 0, y: 0, w: 0, h: 0 };
  const [x, y, w, h] = [Number(off[1]), Number(off[2]), Number(ext[1]), Number(ext[2])];
  const rot = Number(/<a:xfrm\b[^>]*\brot="(-?\d+)"/.exec(shape)?.[1] ?? 0);
  if (rot % 21_600_000 === 0) return { x, y, w, h };
  const angle = (rot / 60_000) * (Math.PI / 180);
  const [cos, sin] = [Math.abs(Math.cos(angle)), Math.abs(Math.sin(angle))];
  const [turnedW, turnedH] = [w * cos + h * sin, w * sin + h * cos];
  return { x: Math.round(x + w / 2 - turnedW / 2), y: Math.round(y + h / 2 - turnedH / 2), w: Math.round(turnedW), h: Math.round(turnedH) };
}

/** The smallest box holding every box (at least 1 EMU each way: a group of one horizontal line still has a height). */
function boundingBox(boxes: EmuBox[]): EmuBox {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: left, y: top, w: Math.max(1, right - left), h: Math.max(1, bottom - top) };
}

/** The title text box keeps its own position and formatting, and becomes the slide's title (`<p:ph type="title"/>`). */
function markTitlePlaceholder(xml: string): string {
  const pattern = new RegExp(`(<p:cNvPr id="\\d+" name="${TITLE_SHAPE_NAME}"[^>]*>(?:</p:cNvPr>)?)<p:cNvSpPr txBox="1"/><p:nvPr></p:nvPr>`);
  return xml.replace(pattern, '$1<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>');
}

function officeLang(lang: string): string {
  return ({ be: 'be-BY', uk: 'uk-UA', ru: 'ru-RU' } as Record<string, string>)[lang] ?? lang;
}

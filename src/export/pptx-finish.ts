// A PPTX from pptxgenjs in, a clean, reproducible package out: fixed dates, sorted DEFLATE entries, validator fixes.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Shape name the exporter gives each slide's title text box; the finisher turns that box into the title placeholder. */
export const TITLE_SHAPE_NAME = 'Slide Title';

/**
 * Bullet character (a private-use code point, as 4 hex digits) the exporter gives an indented paragraph that has no
 * bullet; the finisher replaces it with `<a:buNone/>` and sets the first line's indent to 0, keeping the left margin.
 */
export const NO_BULLET_CODE = 'E000';

/** Shapes named with this prefix and a figure id belong to that figure (a timeline or a map). */
export const FIGURE_SHAPE_PREFIX = 'Figure ';

export interface FinishOptions {
  date: Date;
  lang: string;
  /** Figure id → alt text, written as the `descr` of each of the figure's shapes. */
  altTexts?: Record<string, string>;
}

export async function finishPptx(raw: Buffer, options: FinishOptions): Promise<Buffer> {
  const input = unzipSync(new Uint8Array(raw));
  const iso = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const duplicates = duplicateMedia(input);
  const names = Object.keys(input).filter((name) => !name.endsWith('/') && !duplicates.has(name));
  const ordered = [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const output: Zippable = {};
  for (const name of ordered) {
    const bytes = input[name]!;
    const xml = name.endsWith('.xml') || name.endsWith('.rels') ? fixXml(name, strFromU8(bytes), iso, options.lang, options.altTexts ?? {}) : undefined;
    const content = xml === undefined ? bytes : strToU8(name.endsWith('.rels') ? pointAtKeptMedia(xml, duplicates) : xml);
    // fflate writes the DOS date from the local fields of `mtime`; the UTC fields make it the same in every time zone.
    output[name] = [content, { mtime: zipDate(options.date) }];
  }
  return Buffer.from(zipSync(output, { level: 6 }));
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

/** Zip (DOS) dates run from 1980 to 2107; SOURCE_DATE_EPOCH=0 is common, so earlier dates become 1 January 1980. */
function zipDate(date: Date): Date {
  const clamped = new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31)));
  return new Date(clamped.getUTCFullYear(), clamped.getUTCMonth(), clamped.getUTCDate(), clamped.getUTCHours(), clamped.getUTCMinutes(), clamped.getUTCSeconds());
}

/** [Content_Types].xml first, then the package relationships, then everything else by name. */
function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}

function fixXml(name: string, xml: string, iso: string, lang: string, altTexts: Record<string, string>): string {
  let out = xml;
  if (name === 'docProps/core.xml') {
    out = out
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`)
      .replace(/<dc:language>[^<]*<\/dc:language>/, `<dc:language>${lang}</dc:language>`);
  }
  if (name === 'ppt/presentation.xml') out = schemaOrderPresentation(out);
  if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) out = describeFigures(markTitlePlaceholder(unbulletedIndents(singleParagraphProperties(out))), altTexts);
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

/** Each shape of a figure gets the figure's alt text (`descr`), so screen readers and PowerPoint's checker find it. */
function describeFigures(xml: string, altTexts: Record<string, string>): string {
  return xml.replace(/<p:cNvPr id="(\d+)" name="Figure ([^"]*)"( descr="[^"]*")?/g, (_match, id: string, figure: string) => {
    const alt = altTexts[figure] ?? '';
    const escaped = alt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return `<p:cNvPr id="${id}" name="Figure ${figure}" descr="${escaped}"`;
  });
}

/** The title text box keeps its own position and formatting, and becomes the slide's title (`<p:ph type="title"/>`). */
function markTitlePlaceholder(xml: string): string {
  const pattern = new RegExp(`(<p:cNvPr id="\\d+" name="${TITLE_SHAPE_NAME}"[^>]*>(?:</p:cNvPr>)?)<p:cNvSpPr txBox="1"/><p:nvPr></p:nvPr>`);
  return xml.replace(pattern, '$1<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>');
}

function officeLang(lang: string): string {
  return ({ be: 'be-BY', uk: 'uk-UA', ru: 'ru-RU' } as Record<string, string>)[lang] ?? lang;
}

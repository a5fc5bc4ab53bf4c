// Real readers in, typed views of a generated file out: qpdf, poppler, PDF.js, the OOXML validator, LibreOffice, and the PPTX's own XML.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import * as fontkit from 'fontkit';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';

const run = promisify(execFile);
const BIG = 64 * 1024 * 1024;

// ─── qpdf and poppler ──────────────────────────────────────────────────────────────────────────────

/** `qpdf --check`: ok when qpdf exits 0 (3 means warnings, which we count as not ok). */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8', maxBuffer: BIG });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** `pdfinfo` as a record of its fields ("Title", "Tagged", "Pages", "Page size" …). */
export function pdfInfo(file: string, ...extra: string[]): Record<string, string> {
  const result = spawnSync('pdfinfo', [...extra, file], { encoding: 'utf8', maxBuffer: BIG });
  if (result.status !== 0) throw new Error(`pdfinfo ${file} failed: ${result.stderr}`);
  const fields: Record<string, string> = {};
  for (const line of result.stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!.trim()] = match[2]!.trim();
  }
  return fields;
}

export interface FontRow {
  name: string;
  type: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
}

/** `pdffonts` rows; columns are cut by the positions of the dashed underline, so names and types with spaces survive. */
export function pdfFonts(file: string): FontRow[] {
  const result = spawnSync('pdffonts', [file], { encoding: 'utf8', maxBuffer: BIG });
  if (result.status !== 0) throw new Error(`pdffonts ${file} failed: ${result.stderr}`);
  const lines = result.stdout.split('\n');
  const ruler = lines.findIndex((l) => /^-+ -+/.test(l));
  if (ruler < 0) return [];
  const spans: [number, number][] = [];
  for (const match of lines[ruler]!.matchAll(/-+/g)) spans.push([match.index!, match.index! + match[0].length]);
  const cell = (line: string, i: number) => {
    const [start, end] = spans[i]!;
    return line.slice(start, i === spans.length - 1 ? undefined : end + 1).trim();
  };
  return lines
    .slice(ruler + 1)
    .filter((l) => l.trim().length > 0)
    .map((line) => ({ name: cell(line, 0), type: cell(line, 1), emb: cell(line, 3) === 'yes', sub: cell(line, 4) === 'yes', uni: cell(line, 5) === 'yes' }));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface WordPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  words: Word[];
}

/** `pdftotext -bbox` (XHTML) parsed: per page its size and its words with boxes, in points from the top-left corner. */
export async function pdfWords(file: string): Promise<WordPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: BIG });
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, processEntities: false, isArray: (name) => name === 'page' || name === 'word' });
  const tree = parser.parse(stdout) as { html: { body: { doc: { page?: RawPage[] } } } };
  return (tree.html.body.doc.page ?? []).map((page, index) => ({
    number: index + 1,
    width: Number(page.width),
    height: Number(page.height),
    words: (page.word ?? []).map((word) => ({
      text: decodeEntities(typeof word === 'string' ? word : String(word['#text'] ?? '')),
      xMin: Number(word.xMin),
      yMin: Number(word.yMin),
      xMax: Number(word.xMax),
      yMax: Number(word.yMax),
    })),
  }));
}

type RawWord = { '#text'?: string; xMin: string; yMin: string; xMax: string; yMax: string };
type RawPage = { width: string; height: string; word?: (RawWord & string)[] };

/** Plain `pdftotext` (reading order), one string per page. */
export async function pdfText(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: BIG });
  const pages = stdout.split('\f');
  if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/**
 * A copy of a PDF whose font descriptors carry the embedded fonts' real ascent and descent (hhea), for `pdfWords`.
 * LibreOffice writes `/Ascent 0 /Descent 0`; poppler then falls back to the FontBBox and reports every word 1.28 em
 * tall (Liberation Sans), so that the lines of ordinary 1.2 line spacing "overlap" and words "stick out" of their boxes.
 * Descriptors with a non-zero ascent are left alone. Needs qpdf (11+). Returns the repaired copy's path.
 */
export function withRealFontMetrics(file: string): string {
  const dump = spawnSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=none', file, '-'], { encoding: 'utf8', maxBuffer: BIG });
  if (dump.status !== 0) throw new Error(`qpdf --json ${file} failed: ${dump.stderr}`);
  type Value = Record<string, unknown>;
  const [header, objects] = (JSON.parse(dump.stdout) as { qpdf: [Value, Record<string, { value?: Value; stream?: { dict: Value } }>] }).qpdf;
  const patch: Record<string, { value: Value }> = {};
  for (const [key, object] of Object.entries(objects)) {
    const dict = object.value;
    if (!dict || dict['/Type'] !== '/FontDescriptor' || (Number(dict['/Ascent'] ?? 0) !== 0 && Number(dict['/Descent'] ?? 0) !== 0)) continue;
    const program = (dict['/FontFile2'] ?? dict['/FontFile3'] ?? dict['/FontFile']) as string | undefined;
    const id = program ? /^(\d+) (\d+) R$/.exec(program) : null;
    if (!id) continue;
    const bytes = spawnSync('qpdf', [`--show-object=${id[1]},${id[2]}`, '--filtered-stream-data', file], { maxBuffer: BIG });
    if (bytes.status !== 0) continue;
    let font: fontkit.Font;
    try {
      font = fontkit.create(bytes.stdout as Buffer) as fontkit.Font;
    } catch {
      continue;
    }
    const scale = 1000 / font.unitsPerEm;
    patch[key] = { value: { ...dict, '/Ascent': Math.round(font.ascent * scale), '/Descent': Math.round(font.descent * scale) } };
  }
  const out = file.replace(/\.pdf$/i, '') + '.metrics.pdf';
  const patchFile = `${out}.json`;
  writeFileSync(patchFile, JSON.stringify({ qpdf: [{ ...header, jsonversion: 2 }, patch] }));
  const update = spawnSync('qpdf', [`--update-from-json=${patchFile}`, file, out], { encoding: 'utf8', maxBuffer: BIG });
  if (update.status !== 0 && update.status !== 3) throw new Error(`qpdf --update-from-json ${file} failed: ${update.stderr}`);
  return out;
}

// ─── PDF.js ────────────────────────────────────────────────────────────────────────────────────────

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfjsModule> | undefined;
const pdfjs = () => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

async function openPdfjs(file: string) {
  const lib = await pdfjs();
  const task = lib.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 });
  return task.promise;
}

export interface PdfjsPage {
  /** Text of the page as PDF.js extracts it; a line end (hasEOL) becomes "\n". */
  text: string;
  /** The same without what the PDF marks as /Artifact (running heads, page numbers, backgrounds). */
  content: string;
}

/** Per-page text through PDF.js (the reader behind Firefox and many web viewers). */
export async function pdfTextPdfjs(file: string): Promise<PdfjsPage[]> {
  const doc = await openPdfjs(file);
  try {
    const pages: PdfjsPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      let all = '';
      let real = '';
      const stack: boolean[] = [];
      for (const item of content.items) {
        if ('type' in item) {
          // PDF.js puts the marked-content tag on begin items at run time; its types leave `tag` out.
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push((item as { tag?: string }).tag === 'Artifact');
          else if (item.type === 'endMarkedContent') stack.pop();
          continue;
        }
        const piece = item.str + (item.hasEOL ? '\n' : '');
        all += piece;
        if (!stack.includes(true)) real += piece;
      }
      pages.push({ text: all, content: real });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export interface OutlineEntry {
  title: string;
  depth: number;
}

/** The document outline (bookmarks) through PDF.js, flattened depth-first. */
export async function pdfOutline(file: string): Promise<OutlineEntry[]> {
  const doc = await openPdfjs(file);
  try {
    const out: OutlineEntry[] = [];
    type Node = { title: string; items: Node[] };
    const walk = (nodes: Node[] | null, depth: number) => {
      for (const node of nodes ?? []) {
        out.push({ title: node.title, depth });
        walk(node.items, depth + 1);
      }
    };
    walk((await doc.getOutline()) as Node[] | null, 0);
    return out;
  } finally {
    await doc.destroy();
  }
}

/** PDF.js `getMetadata`: the Info dictionary plus what PDF.js reads from the catalog (Language = /Lang). */
export async function pdfMetadata(file: string): Promise<{ info: Record<string, unknown>; xmp: Record<string, unknown>; pages: number }> {
  const doc = await openPdfjs(file);
  try {
    const meta = await doc.getMetadata();
    const xmp = Object.fromEntries((meta.metadata ? [...(meta.metadata as Iterable<[string, unknown]>)] : []) as [string, unknown][]);
    return { info: meta.info as Record<string, unknown>, xmp, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

// ─── PPTX ──────────────────────────────────────────────────────────────────────────────────────────

const EMU_PER_PT = 12_700;
const emu = (value: unknown, fallback = 0) => (value === undefined ? fallback : Number(value) / EMU_PER_PT);

export interface PptxParagraph {
  /** Runs, fields and `a:br` (as "\n") in order. */
  text: string;
  /** `a:lnSpc/a:spcPts` in points, when exact line spacing is set. */
  lineSpacing?: number;
  /** `a:lnSpc/a:spcPct` as a factor (1 = 100 %), when proportional spacing is set. */
  lineSpacingFactor?: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** Largest run size (or the end-of-paragraph size for an empty paragraph), points; undefined when inherited. */
  size?: number;
  bullet: boolean;
  /** The character of an `a:buChar` bullet. */
  bulletChar?: string;
  /** An `a:buAutoNum` bullet: its scheme and first number. */
  autoNumber?: { type: string; startAt: number };
  /** Typefaces named by the runs (latin, ea, cs). */
  fonts: string[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PptxTextBox extends Box {
  kind: 'text';
  name: string;
  /** `p:ph/@type` when the shape is a placeholder (title, body, sldNum …). */
  placeholder?: string;
  /** Insets (`a:bodyPr` lIns, tIns, rIns, bIns), points; PowerPoint's defaults when absent. */
  insets: { l: number; t: number; r: number; b: number };
  paragraphs: PptxParagraph[];
  /** Paragraph texts joined by "\n". */
  text: string;
}

export interface PptxTableCell {
  paragraphs: PptxParagraph[];
  text: string;
  margins: { l: number; t: number; r: number; b: number };
}

export interface PptxTable extends Box {
  kind: 'table';
  name: string;
  columns: number[];
  rows: { height: number; cells: PptxTableCell[] }[];
}

export interface PptxSlide {
  /** 1-based, in presentation order. */
  number: number;
  part: string;
  /** Every `p:sp` with a text body, in drawing order. */
  textBoxes: PptxTextBox[];
  tables: PptxTable[];
  /** Text of the notes page's body placeholder (paragraphs joined by "\n"), '' without notes. */
  notes: string;
  notesPart?: string;
}

export interface PptxParts {
  /** Slide size, points. */
  width: number;
  height: number;
  slides: PptxSlide[];
  /** Every part's XML by name, for checks this view does not cover. */
  xml: Map<string, string>;
}

type XNode = Record<string, unknown>;
const ATTRS = ':@';

function tagOf(node: XNode): string {
  for (const key of Object.keys(node)) if (key !== ATTRS) return key;
  return '';
}
function kids(node: XNode | undefined): XNode[] {
  if (!node) return [];
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}
function attr(node: XNode | undefined, name: string): string | undefined {
  const value = (node?.[ATTRS] as Record<string, string> | undefined)?.[name];
  return value === undefined ? undefined : decodeEntities(value);
}
function child(nodes: XNode[], tag: string): XNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}
function path(node: XNode | undefined, ...tags: string[]): XNode | undefined {
  let current = node;
  for (const tag of tags) current = child(kids(current), tag);
  return current;
}
function descendants(nodes: XNode[], tag: string, out: XNode[] = []): XNode[] {
  for (const node of nodes) {
    if (tagOf(node) === tag) out.push(node);
    else if (tagOf(node) !== '#text') descendants(kids(node), tag, out);
  }
  return out;
}
function textOf(node: XNode | undefined): string {
  return kids(node)
    .map((n) => (tagOf(n) === '#text' ? decodeEntities(String(n['#text'])) : ''))
    .join('');
}

const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: false });
function parseOrdered(xml: string): XNode {
  const top = orderedParser.parse(xml) as XNode[];
  return top.find((n) => !tagOf(n).startsWith('?')) ?? {};
}

function paragraphsOf(txBody: XNode | undefined): PptxParagraph[] {
  return kids(txBody)
    .filter((n) => tagOf(n) === 'a:p')
    .map((p) => {
      const parts = kids(p);
      const pPr = child(parts, 'a:pPr');
      let text = '';
      const sizes: number[] = [];
      const fonts = new Set<string>();
      for (const part of parts) {
        const tag = tagOf(part);
        if (tag === 'a:r' || tag === 'a:fld') {
          text += textOf(child(kids(part), 'a:t'));
          const rPr = child(kids(part), 'a:rPr');
          if (attr(rPr, 'sz')) sizes.push(Number(attr(rPr, 'sz')) / 100);
          for (const face of ['a:latin', 'a:ea', 'a:cs', 'a:sym']) {
            const typeface = attr(path(part, 'a:rPr', face), 'typeface');
            if (typeface) fonts.add(typeface);
          }
        } else if (tag === 'a:br') text += '\n';
      }
      const end = attr(child(parts, 'a:endParaRPr'), 'sz');
      if (sizes.length === 0 && end) sizes.push(Number(end) / 100);
      const points = (under: string) => {
        const value = attr(path(pPr, under, 'a:spcPts'), 'val');
        return value === undefined ? undefined : Number(value) / 100;
      };
      const percent = attr(path(pPr, 'a:lnSpc', 'a:spcPct'), 'val');
      const pPrKids = kids(pPr);
      return {
        text,
        lineSpacing: points('a:lnSpc'),
        lineSpacingFactor: percent === undefined ? undefined : Number(percent) / 100_000,
        spaceBeforePt: points('a:spcBef') ?? 0,
        spaceAfterPt: points('a:spcAft') ?? 0,
        size: sizes.length > 0 ? Math.max(...sizes) : undefined,
        bullet: Boolean(child(pPrKids, 'a:buChar') ?? child(pPrKids, 'a:buAutoNum') ?? child(pPrKids, 'a:buBlip')),
        bulletChar: attr(child(pPrKids, 'a:buChar'), 'char'),
        autoNumber: child(pPrKids, 'a:buAutoNum') ? { type: attr(child(pPrKids, 'a:buAutoNum'), 'type') ?? 'arabicPlain', startAt: Number(attr(child(pPrKids, 'a:buAutoNum'), 'startAt') ?? 1) } : undefined,
        fonts: [...fonts],
      };
    });
}

const joinParagraphs = (paragraphs: PptxParagraph[]) => paragraphs.map((p) => p.text).join('\n');

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function relationships(xml: Map<string, string>, part: string): { id: string; type: string; target: string }[] {
  const rels = xml.get(relsPath(part));
  if (!rels) return [];
  return descendants([parseOrdered(rels)], 'Relationship').map((r) => ({ id: attr(r, 'Id') ?? '', type: attr(r, 'Type') ?? '', target: resolveTarget(part, attr(r, 'Target') ?? '') }));
}

/** A PPTX read through its XML (jszip + fast-xml-parser): per slide its text boxes, tables and notes, in points. */
export async function pptxParts(file: string): Promise<PptxParts> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name]!.dir && /\.(xml|rels)$/.test(name)) xml.set(name, await zip.files[name]!.async('string'));
  }
  const presentation = parseOrdered(xml.get('ppt/presentation.xml') ?? '');
  const size = child(kids(presentation), 'p:sldSz');
  const presentationRels = relationships(xml, 'ppt/presentation.xml');
  const slideParts = kids(child(kids(presentation), 'p:sldIdLst')).map((sldId) => presentationRels.find((r) => r.id === attr(sldId, 'r:id'))?.target ?? '');

  const slides = slideParts.map((part, index): PptxSlide => {
    const root = parseOrdered(xml.get(part) ?? '');
    const tree = path(root, 'p:cSld', 'p:spTree');
    const textBoxes: PptxTextBox[] = [];
    const tables: PptxTable[] = [];
    const visit = (nodes: XNode[]) => {
      for (const node of nodes) {
        const tag = tagOf(node);
        if (tag === 'p:grpSp') visit(kids(node));
        else if (tag === 'p:sp') {
          const txBody = child(kids(node), 'p:txBody');
          if (!txBody) continue;
          const xfrm = path(node, 'p:spPr', 'a:xfrm');
          const bodyPr = child(kids(txBody), 'a:bodyPr');
          const paragraphs = paragraphsOf(txBody);
          textBoxes.push({
            kind: 'text',
            name: attr(path(node, 'p:nvSpPr', 'p:cNvPr'), 'name') ?? '',
            placeholder: attr(path(node, 'p:nvSpPr', 'p:nvPr', 'p:ph'), 'type'),
            x: emu(attr(child(kids(xfrm), 'a:off'), 'x')),
            y: emu(attr(child(kids(xfrm), 'a:off'), 'y')),
            w: emu(attr(child(kids(xfrm), 'a:ext'), 'cx')),
            h: emu(attr(child(kids(xfrm), 'a:ext'), 'cy')),
            insets: { l: emu(attr(bodyPr, 'lIns'), 7.2), t: emu(attr(bodyPr, 'tIns'), 3.6), r: emu(attr(bodyPr, 'rIns'), 7.2), b: emu(attr(bodyPr, 'bIns'), 3.6) },
            paragraphs,
            text: joinParagraphs(paragraphs),
          });
        } else if (tag === 'p:graphicFrame') {
          const table = path(node, 'a:graphic', 'a:graphicData', 'a:tbl');
          if (!table) continue;
          const xfrm = child(kids(node), 'p:xfrm');
          const columns = kids(child(kids(table), 'a:tblGrid')).filter((n) => tagOf(n) === 'a:gridCol').map((n) => emu(attr(n, 'w')));
          const rows = kids(table)
            .filter((n) => tagOf(n) === 'a:tr')
            .map((tr) => ({
              height: emu(attr(tr, 'h')),
              cells: kids(tr)
                .filter((n) => tagOf(n) === 'a:tc')
                .map((tc): PptxTableCell => {
                  const tcPr = child(kids(tc), 'a:tcPr');
                  const paragraphs = paragraphsOf(child(kids(tc), 'a:txBody'));
                  return { paragraphs, text: joinParagraphs(paragraphs), margins: { l: emu(attr(tcPr, 'marL'), 7.2), t: emu(attr(tcPr, 'marT'), 3.6), r: emu(attr(tcPr, 'marR'), 7.2), b: emu(attr(tcPr, 'marB'), 3.6) } };
                }),
            }));
          tables.push({
            kind: 'table',
            name: attr(path(node, 'p:nvGraphicFramePr', 'p:cNvPr'), 'name') ?? '',
            x: emu(attr(child(kids(xfrm), 'a:off'), 'x')),
            y: emu(attr(child(kids(xfrm), 'a:off'), 'y')),
            // The grid, not a:ext, is what viewers draw (pptxgenjs leaves a placeholder height in a:ext).
            w: columns.reduce((a, b) => a + b, 0),
            h: rows.reduce((a, r) => a + r.height, 0),
            columns,
            rows,
          });
        }
      }
    };
    visit(kids(tree));

    const notesPart = relationships(xml, part).find((r) => r.type.endsWith('/notesSlide'))?.target;
    let notes = '';
    if (notesPart && xml.has(notesPart)) {
      const notesTree = path(parseOrdered(xml.get(notesPart)!), 'p:cSld', 'p:spTree');
      const body = descendants(kids(notesTree), 'p:sp').find((sp) => attr(path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph'), 'type') === 'body');
      notes = joinParagraphs(paragraphsOf(child(kids(body), 'p:txBody')));
    }
    return { number: index + 1, part, textBoxes, tables, notes, notesPart };
  });
  return { width: emu(attr(size, 'cx')), height: emu(attr(size, 'cy')), slides, xml };
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = DEFLATE. */
  method: number;
  /** Offset of the local header: the order the entries have in the file. */
  offset: number;
  /** The DOS date and time fields as written ("2023-11-14T22:13:20"; zip stores no time zone). */
  modified: string;
}

/** The zip's entries from its central directory, in file order (no zip library in between). */
export function zipEntries(file: string): ZipEntry[] {
  const bytes = readFileSync(file);
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file}: no end of central directory`);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const time = bytes.readUInt16LE(at + 12);
    const date = bytes.readUInt16LE(at + 14);
    const two = (n: number) => String(n).padStart(2, '0');
    const modified = `${1980 + (date >> 9)}-${two((date >> 5) & 15)}-${two(date & 31)}T${two(time >> 11)}:${two((time >> 5) & 63)}:${two((time & 31) * 2)}`;
    entries.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), method: bytes.readUInt16LE(at + 10), offset: bytes.readUInt32LE(at + 42), modified });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries.sort((a, b) => a.offset - b.offset);
}

// ─── OOXML validator and LibreOffice ───────────────────────────────────────────────────────────────

export interface OoxmlError {
  description: string;
  part: string;
  xpath: string;
  id: string;
}

/** The Open XML SDK validator (@ooxml-tools/validate, .NET in WebAssembly) against Microsoft 365's schemas. */
export async function validateOoxml(file: string): Promise<OoxmlError[]> {
  const { default: validate } = await import('@ooxml-tools/validate');
  const format = extname(file).slice(1) as 'pptx' | 'docx' | 'xlsx';
  const results = await validate(new Uint8Array(readFileSync(file)), format, 'Microsoft365');
  return results.map((r) => ({ description: r.description, part: r.path.partUri, xpath: r.path.xpath, id: r.id }));
}

let conversions = 0;
/** Converts with LibreOffice (headless, a private profile per conversion so parallel runs do not collide, removed after); the PDF's path. */
export async function convertWithLibreOffice(file: string, outDir: string, timeoutMs = 120_000, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const profileDir = `/tmp/lo-profile-${process.pid}-${++conversions}`;
  const profile = `file://${profileDir}`;
  const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
  try {
    const { stdout, stderr } = await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], { timeout: timeoutMs, maxBuffer: BIG, killSignal: 'SIGKILL', env });
    // soffice exits 0 even when it could not load the file; only the PDF proves the conversion.
    if (!existsSync(pdf)) throw new Error(`no PDF written\n${stdout}${stderr}`);
  } catch (error) {
    throw new Error(`soffice could not convert ${file}: ${(error as Error).message}`);
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
  return pdf;
}

// ─── text comparison ───────────────────────────────────────────────────────────────────────────────

/** Compatibility forms folded (ligatures), soft hyphens dropped, quotes and hyphen look-alikes unified, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00AD/g, '')
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB"]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032']/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** For the loose comparison: normalised, then every whitespace and every hyphen removed (so "restora-\ntion" and "so-\ncalled" both match). */
export function squeeze(text: string): string {
  return normalise(text).replace(/[\s-]/g, '');
}

/**
 * Joins a word broken at a line end ("restora-\ntion" → "restoration"). This also eats the hyphen of a real compound
 * broken after its hyphen ("so-\ncalled" → "socalled"), so use it only to look for sentences that contain no hyphen.
 */
export function dehyphenate(text: string): string {
  return text.replace(/(\p{L})[-\u2010\u00AD][ \t]*\r?\n[ \t]*(\p{L})/gu, '$1$2');
}

export interface SentenceMatch {
  /** Found when whitespace and hyphens are ignored on both sides. */
  loose: boolean;
  /** Found word for word with single spaces (line-end hyphens joined); undefined for sentences that contain a hyphen. */
  strict: boolean | undefined;
}

/** Where a sentence of the source stands in a reader's text: loosely, and (for hyphen-free sentences) strictly. */
export function findSentence(documentText: string, sentence: string): SentenceMatch {
  const loose = squeeze(documentText).includes(squeeze(sentence));
  const strict = /[-\u2010\u2011\u00AD]/.test(sentence) ? undefined : normalise(dehyphenate(documentText)).includes(normalise(sentence));
  return { loose, strict };
}

/** Sentences of a paragraph by Unicode rules (Intl.Segmenter). */
export function sentences(text: string, lang = 'en'): string[] {
  return [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

// ─── geometry ──────────────────────────────────────────────────────────────────────────────────────

/** How far two word boxes overlap in each axis (negative = apart). */
export function overlap(a: Word, b: Word): { x: number; y: number } {
  return { x: Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin), y: Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) };
}

/** Pairs of words on a page whose boxes overlap by more than `tolerance` points in both axes. */
export function collisions(words: Word[], tolerance = 0.5): [Word, Word][] {
  const sorted = [...words].sort((a, b) => a.xMin - b.xMin);
  const found: [Word, Word][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.xMin < sorted[i]!.xMax - tolerance; j++) {
      const o = overlap(sorted[i]!, sorted[j]!);
      if (o.x > tolerance && o.y > tolerance) found.push([sorted[i]!, sorted[j]!]);
    }
  }
  return found;
}

/**
 * Text lines of a set of words: a word joins the line whose first word's vertical extent holds the word's vertical
 * centre (so a bullet from a symbol font, with other ascent and descent, stays on its line); lines top to bottom.
 */
export function lines(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => (a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2 || a.xMin - b.xMin);
  const out: Word[][] = [];
  for (const word of sorted) {
    const centre = (word.yMin + word.yMax) / 2;
    const line = out.find((l) => centre >= l[0]!.yMin && centre <= l[0]!.yMax);
    if (line) line.push(word);
    else out.push([word]);
  }
  return out.map((line) => line.sort((a, b) => a.xMin - b.xMin));
}

/** A word, its box and page for a failure message. */
export function describe(word: Word): string {
  return `"${word.text}" [${word.xMin.toFixed(1)}, ${word.yMin.toFixed(1)} – ${word.xMax.toFixed(1)}, ${word.yMax.toFixed(1)}]`;
}

// ─── entities ──────────────────────────────────────────────────────────────────────────────────────

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED[body] ?? whole;
  });
}

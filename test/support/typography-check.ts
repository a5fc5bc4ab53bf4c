// A built document (PDF or PPTX) in, what a reader would see of its typography out: straight quotes in its text and metadata, Cyrillic lines ending in a one-letter word.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { pdfInfo } from './clients.js';

const STRAIGHT = /["']/;
const BIG = 64 * 1024 * 1024;
/** A line whose last word is one Cyrillic letter (no punctuation after it: "я." ends a sentence, "з" opens a phrase). */
const ONE_LETTER_END = /(?:^|[\s\u00A0])\p{Script=Cyrillic}$/u;

/** Where a straight quote shows, and the text around it. */
export interface StraightQuote {
  where: string;
  text: string;
}

const around = (text: string, index: number) => text.slice(Math.max(0, index - 25), index + 25).replace(/\s+/g, ' ');
const straightIn = (where: string, text: string): StraightQuote[] =>
  [...text.matchAll(/["']/g)].map((m) => ({ where, text: around(text, m.index) }));

/** Straight quotes in pdftotext's text of every page, and in the Info Title, Subject and Keywords. */
export function straightQuotesInPdf(file: string): StraightQuote[] {
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: BIG });
  if (text.status !== 0) throw new Error(`pdftotext ${file} failed: ${text.stderr}`);
  const info = pdfInfo(file, '-enc', 'UTF-8');
  return [
    ...text.stdout.split('\f').flatMap((page, i) => straightIn(`page ${i + 1}`, page)),
    ...(['Title', 'Subject', 'Keywords'] as const).flatMap((field) => straightIn(`Info ${field}`, info[field] ?? '')),
  ];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) =>
    name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? entity));

/** Straight quotes in every `a:t` of every part of a PPTX (slides, notes, layouts, masters), and in its title, subject and keywords. */
export async function straightQuotesInPptx(file: string): Promise<StraightQuote[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const found: StraightQuote[] = [];
  for (const name of Object.keys(zip.files).sort()) {
    if (!/^ppt\/.*\.xml$/.test(name)) continue;
    const xml = await zip.files[name]!.async('string');
    for (const m of xml.matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/g)) found.push(...straightIn(name, unescapeXml(m[1]!)));
  }
  const core = await zip.file('docProps/core.xml')?.async('string');
  for (const field of ['dc:title', 'dc:subject', 'cp:keywords']) {
    const value = new RegExp(`<${field}>([^<]*)</${field}>`).exec(core ?? '')?.[1];
    if (value !== undefined) found.push(...straightIn(`docProps/core.xml ${field}`, unescapeXml(value)));
  }
  return found;
}

/**
 * Lines of a PDF that end in a one-letter Cyrillic word. pdftotext -raw keeps the order the text was drawn in, so each
 * of its lines is a line the layout broke (a table cell's lines stay apart, unlike in -layout's columns).
 */
export function oneLetterLineEnds(file: string): string[] {
  const text = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: BIG });
  if (text.status !== 0) throw new Error(`pdftotext ${file} failed: ${text.stderr}`);
  return text.stdout.split('\f').flatMap((page, i) => page.split('\n').map((line) => line.trimEnd()).filter((line) => ONE_LETTER_END.test(line)).map((line) => `page ${i + 1}: …${line.slice(-40)}`));
}


// A theme's brand font (Lora, not Arial's metrics) end to end: every font role in the PDFs (pdffonts) and the deck (latin
// typeface), the deck still valid with the font embedded, and LibreOffice's rendering — with Lora installed for
// fontconfig — with every word inside its box; without it, whether LibreOffice reads the embedded font as our warning says.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { SEED_DATA } from '../support/seed.js';
import { missing } from '../support/tools.js';
import { convertWithLibreOffice, pdfFonts, pdfWords, pptxParts, qpdfCheck, validateOoxml, withRealFontMetrics } from '../support/clients.js';
import { strayWords } from '../support/deck-check.js';
import { brandTheme, LORA } from '../support/brand-theme.js';
import { embeddedFontProblems } from '../support/font-parts.js';

const BIN = join(PROJECT_ROOT, 'bin', 'briefkit.js');
const noPoppler = missing('pdffonts', 'qpdf');
const noLibreOffice = missing('soffice', 'qpdf', 'pdftotext', 'pdffonts', 'fc-list');

function buildWith(theme: string): string {
  const out = mkdtempSync(join(tmpdir(), 'briefkit-brand-out-'));
  const built = spawnSync(process.execPath, [BIN, 'build', SEED_DATA, '--theme', theme, '--out', out], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  expect(built.status, built.stderr).toBe(0);
  return join(out, 'lukashenko-occupied-territories');
}

const families = (file: string) => pdfFonts(file).map((row) => ({ name: row.name.replace(/^[A-Z]{6}\+/, ''), emb: row.emb }));

/** Each slide part's typefaces, the title's and the rest's. */
function deckTypefaces(pptx: string): { titles: Set<string>; others: Set<string> } {
  const entries = unzipSync(new Uint8Array(readFileSync(pptx)));
  const titles = new Set<string>();
  const others = new Set<string>();
  for (const name of Object.keys(entries).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    for (const shape of strFromU8(entries[name]!).match(/<p:sp>.*?<\/p:sp>/gs) ?? []) {
      const faces = [...shape.matchAll(/<a:latin typeface="([^"]*)"/g)].map((m) => m[1]!);
      for (const face of faces) (shape.includes('<p:ph type="title"/>') ? titles : others).add(face);
    }
  }
  return { titles, others };
}

let docs: string;
let theme: string;
beforeAll(() => {
  theme = brandTheme({ extra: 'marking: "OFFICIAL — FOR INTERNAL USE"\n' });
  docs = buildWith(theme);
});

describe('a brand font for slides and headings', () => {
  it.runIf(!noPoppler)(`is embedded in every PDF in the roles the theme gives it ${noPoppler ?? ''}`, () => {
    // briefing: body serif (PT Serif), headings Lora; slides and handout: Lora.
    const briefing = families(join(docs, 'briefing.pdf'));
    expect(briefing.map((f) => f.name)).toEqual(expect.arrayContaining(['Lora-Bold', 'PTSerif-Regular']));
    expect(briefing.some((f) => f.name.startsWith('PTSans'))).toBe(false);
    expect(briefing.some((f) => f.name.startsWith('Arimo'))).toBe(false);
    for (const name of ['slides.pdf', 'handout.pdf']) {
      const fonts = families(join(docs, name));
      expect(fonts.map((f) => f.name).sort(), name).toEqual(expect.arrayContaining(['Lora-Bold', 'Lora-Regular']));
      expect(fonts.every((f) => f.name.startsWith('Lora-') || f.name.startsWith('PT')), name).toBe(true);
    }
    for (const name of ['briefing.pdf', 'slides.pdf', 'handout.pdf']) {
      expect(families(join(docs, name)).every((f) => f.emb), name).toBe(true);
      expect(qpdfCheck(join(docs, name)).ok, name).toBe(true);
    }
  });

  it('names Lora in every run of the deck, embeds it, and the deck has 0 validator errors', async () => {
    const { titles, others } = deckTypefaces(join(docs, 'slides.pptx'));
    expect([...titles]).toEqual(['Lora']);
    expect([...others]).toEqual(['Lora']);
    const { problems, slots } = await embeddedFontProblems(readFileSync(join(docs, 'slides.pptx')));
    expect(problems).toEqual([]);
    expect(slots.map((slot) => slot.style)).toEqual(['regular', 'bold', 'italic']);
    expect(await validateOoxml(join(docs, 'slides.pptx'))).toEqual([]);
  });

  it.runIf(!noPoppler)(`honours each role on its own: briefing body Lora with sans headings, slide titles Lora over Arial text ${noPoppler ?? ''}`, async () => {
    const mixed = buildWith(brandTheme({ roles: 'briefing:\n  fonts: { body: Lora, heading: sans }\nslides:\n  fonts: { body: slides, heading: Lora }\n' }));
    const briefing = families(join(mixed, 'briefing.pdf')).map((f) => f.name);
    expect(briefing).toEqual(expect.arrayContaining(['Lora-Regular', 'PTSans-Bold']));
    expect(briefing.some((name) => name.startsWith('PTSerif'))).toBe(false);
    const { titles, others } = deckTypefaces(join(mixed, 'slides.pptx'));
    expect([...titles]).toEqual(['Lora']);
    expect(others.has('Arial')).toBe(true);
    const slidesPdf = families(join(mixed, 'slides.pdf')).map((f) => f.name);
    expect(slidesPdf).toEqual(expect.arrayContaining(['Lora-Bold', 'Arimo-Regular']));
    // Only the bold titles are Lora: the deck carries Lora's bold alone.
    expect((await embeddedFontProblems(readFileSync(join(mixed, 'slides.pptx')))).slots.map((slot) => slot.style)).toEqual(['bold']);
  });

  it.runIf(!noLibreOffice)(`renders in LibreOffice, with Lora installed for fontconfig, in Lora with every word inside its box ${noLibreOffice ?? ''}`, async () => {
    const fontDir = mkdtempSync(join(tmpdir(), 'briefkit-fc-'));
    mkdirSync(join(fontDir, 'fonts'));
    for (const [style, file] of Object.entries(LORA)) copyFileSync(file, join(fontDir, 'fonts', `Lora-${style}.ttf`));
    writeFileSync(join(fontDir, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${join(fontDir, 'fonts')}</dir><cachedir>${join(fontDir, 'cache')}</cachedir></fontconfig>\n`);
    const env = { ...process.env, FONTCONFIG_FILE: join(fontDir, 'fonts.conf') };
    expect(execFileSync('fc-list', [':family=Lora', 'style'], { env, encoding: 'utf8' }).split('\n').filter(Boolean)).toHaveLength(4);
    const pdf = await convertWithLibreOffice(join(docs, 'slides.pptx'), join(fontDir, 'rendered'), 120_000, env);
    const used = families(pdf).map((f) => f.name);
    expect(used).toEqual(expect.arrayContaining(['Lora-Regular', 'Lora-Bold']));
    expect(used.every((name) => name.startsWith('Lora-'))).toBe(true);
    const pages = await pdfWords(withRealFontMetrics(pdf));
    expect(pages).toHaveLength((await pptxParts(join(docs, 'slides.pptx'))).slides.length);
    expect(pages.reduce((n, page) => n + page.words.length, 0)).toBeGreaterThan(500);
    expect(strayWords(await pptxParts(join(docs, 'slides.pptx')), pages)).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`is read from the deck by LibreOffice only from 25.8 on, as the build's warning says ${noLibreOffice ?? ''}`, async () => {
    const installed = execFileSync('fc-list', [':family=Lora'], { encoding: 'utf8' }).trim();
    expect(installed, 'Lora must not be installed on this machine for this check').toBe('');
    const version = /LibreOffice (\d+)\.(\d+)/.exec(execFileSync('soffice', ['--version'], { encoding: 'utf8' }));
    const [major, minor] = [Number(version?.[1] ?? 0), Number(version?.[2] ?? 0)];
    const pdf = await convertWithLibreOffice(join(docs, 'slides.pptx'), mkdtempSync(join(tmpdir(), 'briefkit-lo-')));
    const usesLora = families(pdf).some((f) => f.name.startsWith('Lora-'));
    expect(usesLora, `LibreOffice ${major}.${minor}: ${families(pdf).map((f) => f.name).join(', ')}`).toBe(major > 25 || (major === 25 && minor >= 8));
  });

  it('refuses a bad face from the command line: exit 1, theme.yaml:line:col naming the file, nothing written, no stack trace', () => {
    const cases: [string, RegExp][] = [
      ['faces:\n  Lora:\n    regular: fonts/Lora-regular.ttf\n    bold: fonts/nowhere.ttf\n', /^.*theme\.yaml:4:11: error: faces\.Lora\.bold: .*nowhere\.ttf: no such file\n$/],
      ['slides:\n  fonts: { body: Lora, heading: slides }\n', /^.*theme\.yaml:2:18: error: slides\.fonts\.body: no font family "Lora": use "serif", "sans", "slides", or add it to faces:/],
    ];
    for (const [yaml, message] of cases) {
      const bad = brandTheme();
      writeFileSync(join(bad, 'theme.yaml'), yaml);
      const out = join(bad, 'out');
      const refused = spawnSync(process.execPath, [BIN, 'build', SEED_DATA, '--theme', bad, '--out', out], { encoding: 'utf8' });
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stderr).toMatch(message);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });
});

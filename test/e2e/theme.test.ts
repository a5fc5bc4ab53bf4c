// An office's theme folder end to end (--theme, a project file, theme init): its marking on every page and slide, its
// colours, labels and template override in the documents, and the files still clean for real readers.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { SEED_DATA, seedStderr } from '../support/seed.js';
import { missing } from '../support/tools.js';
import { convertWithLibreOffice, pdfInfo, pdfText, pdfWords, pptxParts, qpdfCheck, validateOoxml, withRealFontMetrics } from '../support/clients.js';
import { strayWords } from '../support/deck-check.js';
import { bandedPng } from '../support/images.js';

const BIN = join(PROJECT_ROOT, 'bin', 'briefkit.js');
const MARKING = 'OFFICIAL — FOR INTERNAL USE';
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
const noTools = missing('qpdf', 'pdftotext', 'pdfinfo');
const noLibreOffice = missing('soffice', 'qpdf', 'pdftotext');

let dir: string;
let docs: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefkit-office-'));
  expect(run(['theme', 'init', 'office'], dir).status).toBe(0);
  const theme = join(dir, 'office', 'theme.yaml');
  writeFileSync(theme, readFileSync(theme, 'utf8').replaceAll('"#8a1c2b"', '"#1f4e79"') + `marking: "${MARKING}"\nlabels:\n  en:\n    keyPoints: Key judgements\n`);
  // One partial overridden by file name; every other template stays the default.
  const sources = readFileSync(join(PROJECT_ROOT, 'templates', 'partials', 'sources.md.hbs'), 'utf8');
  writeFileSync(join(dir, 'office', 'templates', 'partials', 'sources.md.hbs'), `${sources}\nDistribution: the ministry's analysts.\n`);
  writeFileSync(join(dir, 'office', 'logo.png'), bandedPng(600, 200));
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}logo: logo.png\n`);
  copyFileSync(SEED_DATA, join(dir, 'seed.yaml'));
  const built = run(['build', 'seed.yaml', '--theme', 'office', '--out', 'o'], dir);
  expect(built.stderr).toMatch(seedStderr('seed.yaml'));
  expect(built.status).toBe(0);
  docs = join(dir, 'o', 'lukashenko-occupied-territories');
});

describe('a theme folder', () => {
  it.runIf(!noTools)(`puts the marking at the top and bottom of every briefing, slides-PDF and handout page ${noTools ?? ''}`, async () => {
    for (const name of ['briefing.pdf', 'slides.pdf', 'handout.pdf']) {
      const pages = await pdfText(join(docs, name));
      expect(pages.length, name).toBeGreaterThan(1);
      pages.forEach((text, index) => expect(text.split(MARKING).length - 1, `${name} page ${index + 1}`).toBeGreaterThanOrEqual(2));
      expect(qpdfCheck(join(docs, name)).ok, name).toBe(true);
      expect(pdfInfo(join(docs, name)).Keywords, name).toContain(MARKING);
    }
  });

  it('puts the marking on every slide of the deck as editable text, and the deck still validates', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(docs, 'slides.pptx')));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBe(11);
    for (const name of slides) expect((await zip.file(name)!.async('string')).split(`<a:t>${MARKING}</a:t>`).length - 1, name).toBe(2);
    expect(await validateOoxml(join(docs, 'slides.pptx'))).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`renders in LibreOffice with every word, the marking's too, inside its text box ${noLibreOffice ?? ''}`, async () => {
    const pdf = await convertWithLibreOffice(join(docs, 'slides.pptx'), join(dir, 'libreoffice'));
    const pages = await pdfWords(withRealFontMetrics(pdf));
    expect(pages.map((page) => page.words.filter((w) => MARKING.includes(w.text)).length).every((n) => n >= 8)).toBe(true);
    expect(strayWords(await pptxParts(join(docs, 'slides.pptx')), pages)).toEqual([]);
  });

  it.runIf(!noTools)(`uses the theme's labels, colours and template override ${noTools ?? ''}`, async () => {
    const briefing = (await pdfText(join(docs, 'briefing.pdf'))).join('\n');
    expect(briefing).toContain('Key judgements');
    expect(briefing).not.toContain('Key points');
    expect(briefing).toContain("Distribution: the ministry's analysts.");
    const zip = await JSZip.loadAsync(readFileSync(join(docs, 'slides.pptx')));
    const all = (await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')))).join('');
    expect(all).toContain('<a:t>Key judgements</a:t>');
    expect(all).toContain('srgbClr val="1F4E79"');
    expect(all).not.toContain('srgbClr val="8A1C2B"');
  });

  it.runIf(!noTools)(`puts the logo on the cover and in every running header, embedded once ${noTools ?? ''}`, () => {
    const listed = spawnSync('pdfimages', ['-list', join(docs, 'briefing.pdf')], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2).map((line) => line.trim().split(/\s+/));
    const pages = Number(pdfInfo(join(docs, 'briefing.pdf')).Pages);
    expect(listed.map((row) => Number(row[0]))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(new Set(listed.map((row) => row[10])).size).toBe(1); // one image object, drawn on every page
    // The 600×200 logo at no more than 300 dpi of its largest place (the cover), its proportions kept.
    expect(Number(listed[0]![12])).toBeLessThanOrEqual(301);
    expect(listed.every((row) => Number(row[3]) <= 600 && Math.abs(Number(row[3]) / Number(row[4]) - 3) < 0.02)).toBe(true);
  });

  it('puts the logo on the title slide and, once, on the slide master every other slide shows; one media file', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(docs, 'slides.pptx')));
    expect(Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/'))).toHaveLength(1);
    const part = (name: string) => zip.file(name)!.async('string');
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    expect((await part('ppt/slides/slide1.xml')).match(/<p:pic>/g)).toHaveLength(1);
    for (let n = 2; n <= slides; n++) expect(await part(`ppt/slides/slide${n}.xml`), `slide ${n}`).not.toContain('<p:pic>');
    // One object to edit in PowerPoint: on the master, on no layout.
    const master = await part('ppt/slideMasters/slideMaster1.xml');
    expect(master.match(/<p:pic>/g)).toHaveLength(1);
    expect(master).toContain('descr="Logo"');
    const layoutNames = Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
    for (const name of layoutNames) expect(await part(name), name).not.toContain('<p:pic>');
    // The title slide's layout does not show the master's (small) logo beside its own; the others' do.
    const layoutOf = async (n: number) => /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(await part(`ppt/slides/_rels/slide${n}.xml.rels`))![1]!;
    expect(await part(`ppt/slideLayouts/${await layoutOf(1)}`)).toMatch(/<p:sldLayout [^>]*showMasterSp="0"/);
    expect(await part(`ppt/slideLayouts/${await layoutOf(2)}`)).not.toMatch(/showMasterSp="0"/);
    const masterRels = await part('ppt/slideMasters/_rels/slideMaster1.xml.rels');
    const embed = /<p:pic>.*?r:embed="(rId\d+)"/s.exec(master)![1]!;
    expect(masterRels).toMatch(new RegExp(`Id="${embed}"[^>]*Target="\\.\\./media/`));
  });

  it.runIf(!noLibreOffice)(`shows the logo once on every slide as LibreOffice draws the deck ${noLibreOffice ?? ''}`, async () => {
    const pdf = await convertWithLibreOffice(join(docs, 'slides.pptx'), mkdtempSync(join(tmpdir(), 'briefkit-logo-lo-')));
    const rows = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2).map((row) => Number(row.trim().split(/\s+/)[0]));
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);
    const perPage = Array.from({ length: pages }, (_, k) => rows.filter((page) => page === k + 1).length);
    expect(perPage).toEqual(Array.from({ length: pages }, () => 1));
  });

  it('is picked up from briefkit.config.yaml by a plain `briefkit build`, paths relative to the file', () => {
    const project = mkdtempSync(join(tmpdir(), 'briefkit-project-'));
    mkdirSync(join(project, 'data'));
    copyFileSync(SEED_DATA, join(project, 'data', 'seed.yaml'));
    writeFileSync(join(project, 'briefkit.config.yaml'), `theme: ${join(dir, 'office')}\nout: build\npaper: letter\n`);
    const built = run(['build', '--only', 'deck'], project);
    expect(built.stderr).toMatch(seedStderr(join('data', 'seed.yaml')));
    expect(readdirSync(join(project, 'build', 'lukashenko-occupied-territories'))).toEqual(['slides.pptx']);
    const bad = mkdtempSync(join(tmpdir(), 'briefkit-project-'));
    writeFileSync(join(bad, 'briefkit.config.yaml'), 'paper: a3\n');
    const refused = run(['build', SEED_DATA], bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^briefkit\.config\.yaml:1:8: error: paper: must be one of "a4", "letter"/);
  });

  it('refuses a missing, empty, scripted SVG or broken logo, naming the field and the file, writing nothing', () => {
    const cases: [string, Buffer | undefined, RegExp][] = [
      ['missing.png', undefined, /missing\.png: no such file/],
      ['empty.png', Buffer.alloc(0), /empty\.png: is empty \(0 bytes\)/],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), /logo\.svg: holds a <script> element/],
      ['broken.png', Buffer.from('not a picture at all'), /broken\.png: is not an image briefkit can read/],
    ];
    for (const [name, bytes, message] of cases) {
      const theme = mkdtempSync(join(tmpdir(), 'briefkit-logo-'));
      if (bytes) writeFileSync(join(theme, name), bytes);
      writeFileSync(join(theme, 'theme.yaml'), `logo: ${name}\n`);
      const refused = run(['build', SEED_DATA, '--theme', theme, '--out', join(theme, 'o')], dir);
      expect(refused.status, name).toBe(1);
      expect(refused.stderr, name).toMatch(new RegExp(`^${join(theme, 'theme.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: logo: `));
      expect(refused.stderr, name).toMatch(message);
      expect(existsSync(join(theme, 'o')), name).toBe(false);
    }
  });

  it('theme init refuses to overwrite a theme, and a missing theme folder is an error naming it', () => {
    const again = run(['theme', 'init', 'office'], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('theme.yaml: error: already exists');
    const none = run(['build', 'seed.yaml', '--theme', 'nowhere', '--out', 'x'], dir);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('nowhere: error: no such theme folder (briefkit theme init makes one)\n');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('theme init documents, commented out, every part of a theme an office sets: logo, marking, faces and labels', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'briefkit-init-'));
    expect(run(['theme', 'init', 't'], fresh).status).toBe(0);
    const starter = readFileSync(join(fresh, 't', 'theme.yaml'), 'utf8');
    for (const key of ['logo', 'marking', 'faces', 'labels']) expect(starter, key).toMatch(new RegExp(`^# ${key}:`, 'm'));
  });
});

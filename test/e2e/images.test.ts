// Pictures in an article end to end: in the briefing with caption and credit (one image object), on a slide of their
// own with their alt text, still clean for real readers; a missing or broken picture stops the build naming its field.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { SEED_DATA } from '../support/seed.js';
import { missing } from '../support/tools.js';
import { bandedPng } from '../support/images.js';
import { convertWithLibreOffice, pdfText, pdfWords, pptxParts, qpdfCheck, validateOoxml, withRealFontMetrics } from '../support/clients.js';
import { strayWords } from '../support/deck-check.js';

const BIN = join(PROJECT_ROOT, 'bin', 'briefkit.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
const noTools = missing('qpdf', 'pdftotext', 'pdfimages');
const noLibreOffice = missing('soffice', 'qpdf', 'pdftotext');

/** The seed with pictures as paragraphs of its first section (the same file twice, and another). */
function articleWithPictures(dir: string, picture = 'photos/banner.png'): string {
  const seed = readFileSync(SEED_DATA, 'utf8');
  const at = seed.indexOf('    paragraphs:\n') + '    paragraphs:\n'.length;
  const block = (file: string, caption: string) => `      - image: ${file}\n        alt: A blue and yellow banner\n        caption: ${caption}\n        credit: "Photo: Test Agency"\n`;
  const first = seed.slice(0, at) + block(picture, 'The banner at the signing in Vitebsk.') + seed.slice(at);
  const second = first.indexOf('    paragraphs:\n', first.indexOf('  - heading: Contacts at the official political level')) + '    paragraphs:\n'.length;
  const text = first.slice(0, second) + block(picture, 'The same banner in Minsk.') + first.slice(second);
  writeFileSync(join(dir, 'article.yaml'), text);
  return join(dir, 'article.yaml');
}

let dir: string;
let docs: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefkit-pictures-'));
  spawnSync('mkdir', ['-p', join(dir, 'photos')]);
  writeFileSync(join(dir, 'photos', 'banner.png'), bandedPng(900, 300));
  articleWithPictures(dir);
  const built = run(['build', 'article.yaml', '--out', 'o'], dir);
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  docs = join(dir, 'o', 'lukashenko-occupied-territories');
});

describe('pictures in an article', () => {
  it.runIf(!noTools)(`are in the briefing with their captions and credits, one image object for the picture used twice ${noTools ?? ''}`, async () => {
    const listed = spawnSync('pdfimages', ['-list', join(docs, 'briefing.pdf')], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    expect(listed).toHaveLength(2);
    expect(new Set(listed.map((row) => row[10])).size).toBe(1);
    const text = (await pdfText(join(docs, 'briefing.pdf'))).join('\n');
    for (const words of ['The banner at the signing in Vitebsk.', 'The same banner in Minsk.', 'Photo: Test Agency']) expect(text).toContain(words);
    expect(qpdfCheck(join(docs, 'briefing.pdf')).ok).toBe(true);
  });

  it('get slides of their own in the deck, as pictures with their alt text, and the deck validates', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(docs, 'slides.pptx')));
    const slides = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const pictures = slides.flatMap((xml) => [...xml.matchAll(/<p:pic>.*?<\/p:pic>/gs)].map((m) => m[0]));
    expect(pictures).toHaveLength(2);
    for (const picture of pictures) expect(picture).toContain('descr="A blue and yellow banner"');
    expect(slides.length).toBe(13);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/'))).toHaveLength(1);
    expect(await validateOoxml(join(docs, 'slides.pptx'))).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`render in LibreOffice with every word, the captions' too, inside its text box ${noLibreOffice ?? ''}`, async () => {
    const pdf = await convertWithLibreOffice(join(docs, 'slides.pptx'), join(dir, 'libreoffice'));
    const pages = await pdfWords(withRealFontMetrics(pdf));
    expect(pages.flatMap((page) => page.words.map((w) => w.text))).toEqual(expect.arrayContaining(['Vitebsk.', 'Minsk.', 'Agency']));
    expect(strayWords(await pptxParts(join(docs, 'slides.pptx')), pages)).toEqual([]);
  });

  it('stop the build when a picture is missing or not a picture, naming the field and the file, writing nothing', () => {
    for (const [picture, says] of [['photos/none.png', /no such file/], ['article.yaml', /is not an image briefkit can read/]] as const) {
      const other = mkdtempSync(join(tmpdir(), 'briefkit-pictures-'));
      articleWithPictures(other, picture);
      if (picture === 'article.yaml') writeFileSync(join(other, 'photos.txt'), '');
      const refused = run(['build', 'article.yaml', '--out', 'o'], other);
      expect(refused.status, picture).toBe(1);
      expect(refused.stderr).toMatch(/^article\.yaml: error: sections\[0\]\.paragraphs\[0\]\.image: /);
      expect(refused.stderr).toMatch(says);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(other, 'o'))).toBe(false);
    }
  });
});

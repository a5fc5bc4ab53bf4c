// Pictures in an article end to end: in the briefing with caption and credit (one image object), in the deck beside
// their section's bullets (two columns) with their alt text, still clean for real readers; a very large photograph at
// 300 dpi of its place, an SVG as vectors (and as SVG with a PNG fallback in the deck); a missing, broken, malformed or
// linking picture stops the build naming its field.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PROJECT_ROOT } from '../../src/pipeline/build.js';
import { SEED_DATA, seedStderr } from '../support/seed.js';
import { missing } from '../support/tools.js';
import { bandedJpeg, bandedPng, chartSvg, noisyJpeg } from '../support/images.js';
import { convertWithLibreOffice, pdfText, pdfWords, pptxParts, qpdfCheck, validateOoxml, withRealFontMetrics } from '../support/clients.js';
import { figureGroups, strayWords } from '../support/deck-check.js';

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
  expect(built.stderr).toMatch(seedStderr('article.yaml'));
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

  it('stand beside their section\'s bullets in the deck (two columns, no slide of their own), each picture grouped with its caption under its alt text (once), and the deck validates', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(docs, 'slides.pptx')));
    const slides = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const pictures = slides.flatMap((xml) => [...xml.matchAll(/<p:pic>.*?<\/p:pic>/gs)].map((m) => m[0]));
    expect(pictures).toHaveLength(2);
    const { groups, problems } = figureGroups(await pptxParts(join(docs, 'slides.pptx')));
    expect(problems).toEqual([]);
    const pictureGroups = groups.filter((g) => g.children.includes('p:pic'));
    expect(pictureGroups.map((g) => [g.descr, g.children.filter((c) => c === 'p:pic').length])).toEqual([['A blue and yellow banner', 1], ['A blue and yellow banner', 1]]);
    // On each group and on its picture (what PowerPoint shows when the picture itself is selected), nowhere else.
    expect(slides.join('').match(/descr="A blue and yellow banner"/g)).toHaveLength(4);
    for (const picture of pictures) expect(picture).toMatch(/<p:cNvPr [^>]*descr="A blue and yellow banner"/);
    // The seed's 11 slides: each picture is on its section's slide, the third and the fourth.
    expect(slides.length).toBe(11);
    const onSlide = async (n: number) => ((await zip.file(`ppt/slides/slide${n}.xml`)!.async('string')).match(/<p:pic>/g) ?? []).length;
    expect(await Promise.all([3, 4].map(onSlide))).toEqual([1, 1]);
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
      // At the line and column of the picture's file name, found before the documents are laid out.
      const lines = readFileSync(join(other, 'article.yaml'), 'utf8').split('\n');
      const line = lines.findIndex((text) => text.includes(`image: ${picture}`));
      const column = lines[line]!.indexOf(picture) + 1;
      expect(refused.stderr).toMatch(new RegExp(`^article\\.yaml:${line + 1}:${column}: error: sections\\[0\\]\\.paragraphs\\[0\\]\\.image: `));
      expect(refused.stderr).toMatch(says);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(other, 'o'))).toBe(false);
    }
  });
});

/** Where the blue and the yellow band lie on a page rendered as PPM (bounding boxes in pixels). */
function bands(ppm: Buffer): { blue: number[]; yellow: number[] } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const boxes = { blue: [Infinity, Infinity, -Infinity, -Infinity], yellow: [Infinity, Infinity, -Infinity, -Infinity] };
  const near = (r: number, g: number, b: number, [R, G, B]: number[]) => Math.abs(r - R!) + Math.abs(g - G!) + Math.abs(b - B!) < 40;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = start + (y * width + x) * 3;
      const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
      const box = near(r, g, b, [0x1f, 0x4e, 0x79]) ? boxes.blue : near(r, g, b, [0xf2, 0xc1, 0x4e]) ? boxes.yellow : undefined;
      if (!box) continue;
      box[0] = Math.min(box[0]!, x); box[1] = Math.min(box[1]!, y); box[2] = Math.max(box[2]!, x); box[3] = Math.max(box[3]!, y);
    }
  }
  return boxes;
}

const render = (pdf: string, page: number, out: string) => {
  spawnSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
  return readFileSync(`${out}.ppm`);
};

describe('a JPEG turned by its EXIF orientation', () => {
  const noRender = missing('pdftoppm', 'pdfimages', 'soffice');
  it.runIf(!noRender)(`shows upright in the briefing and in the deck as LibreOffice draws it ${noRender ?? ''}`, async () => {
    const other = mkdtempSync(join(tmpdir(), 'briefkit-exif-'));
    spawnSync('mkdir', ['-p', join(other, 'photos')]);
    // Stored 600×200 with the blue band on the left; orientation 6: shown 200×600, the blue band at the top.
    writeFileSync(join(other, 'photos', 'turned.jpg'), await bandedJpeg(600, 200, 6));
    articleWithPictures(other, 'photos/turned.jpg');
    expect(run(['build', 'article.yaml', '--out', 'o', '--only', 'briefing,deck'], other).status).toBe(0);
    const out = join(other, 'o', 'lukashenko-occupied-territories');
    const upright = ({ blue, yellow }: { blue: number[]; yellow: number[] }) => {
      expect(blue[2]! - blue[0]!, 'the bands run across the picture').toBeGreaterThan(blue[3]! - blue[1]!);
      expect(blue[3]!, 'blue above yellow').toBeLessThanOrEqual(yellow[1]! + 1);
    };
    const row = spawnSync('pdfimages', ['-list', join(out, 'briefing.pdf')], { encoding: 'utf8' }).stdout.trim().split('\n')[2]!.trim().split(/\s+/);
    const page = Number(row[0]);
    expect(Number(row[4]), 'embedded upright: taller than wide').toBeGreaterThan(Number(row[3]));
    upright(bands(render(join(out, 'briefing.pdf'), page, join(other, 'briefing'))));
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'slides.pptx')));
    const slide3 = await zip.file('ppt/slides/slide3.xml')!.async('string');
    // Turned once, when embedded: the copy is upright and says nothing of a turn, so no viewer turns it twice.
    expect(slide3).toMatch(/<p:pic>/);
    expect(slide3).not.toMatch(/<p:pic>(?:(?!<\/p:pic>).)*rot="/s);
    const { default: sharp } = await import('sharp');
    for (const media of Object.keys(zip.files).filter((name) => /^ppt\/media\/.*\.jpe?g$/.test(name))) {
      const meta = await sharp(await zip.file(media)!.async('nodebuffer')).metadata();
      expect(meta.orientation ?? 1, media).toBe(1);
      expect(meta.height, media).toBeGreaterThan(meta.width!);
    }
    const pdf = await convertWithLibreOffice(join(out, 'slides.pptx'), join(other, 'libreoffice'));
    upright(bands(render(pdf, 3, join(other, 'slide'))));
  });
});

describe('a Markdown article with a picture', () => {
  it('builds straight from the .md, and `import -o data/x.yaml` writes the picture path relative to the data file', () => {
    const other = mkdtempSync(join(tmpdir(), 'briefkit-md-'));
    spawnSync('mkdir', ['-p', join(other, 'photos')]);
    writeFileSync(join(other, 'photos', 'banner.png'), bandedPng(600, 200));
    writeFileSync(join(other, 'article.md'), '# Vitebsk signs with Crimea\n\nBy Anna Example\n\nThe committee signed a trade agreement with Crimea. The text was not published.\n\n![The signing ceremony](photos/banner.png)\n*Officials at the signing.*\n\nBoth sides promised to meet again.\n');
    const direct = run(['build', 'article.md', '--out', 'o', '--only', 'briefing'], other);
    expect(direct.status, direct.stderr).toBe(0);
    const imported = run(['import', 'article.md', '-o', 'data/article.yaml'], other);
    expect(imported.status, imported.stderr).toBe(0);
    expect(readFileSync(join(other, 'data', 'article.yaml'), 'utf8')).toContain('image: ../photos/banner.png');
    const fromData = run(['build', 'data/article.yaml', '--out', 'o2', '--only', 'deck'], other);
    expect(fromData.status, fromData.stderr).toBe(0);
  });
});

/** The seed with the pictures given as the first paragraph of its first sections, in order. */
function articleWith(dir: string, pictures: { file: string; alt: string; caption: string }[]): void {
  let text = readFileSync(SEED_DATA, 'utf8');
  let from = 0;
  for (const { file, alt, caption } of pictures) {
    const at = text.indexOf('    paragraphs:\n', from) + '    paragraphs:\n'.length;
    text = text.slice(0, at) + `      - image: ${file}\n        alt: ${alt}\n        caption: ${caption}\n` + text.slice(at);
    from = at;
  }
  writeFileSync(join(dir, 'article.yaml'), text);
}

/** pdfimages -list rows: page, type, width, height, object id, x-ppi, y-ppi. */
const imagesOf = (pdf: string) => spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2).map((line) => line.trim().split(/\s+/))
  .map((c) => ({ page: Number(c[0]), type: c[2], width: Number(c[3]), height: Number(c[4]), object: c[10], xPpi: Number(c[12]), yPpi: Number(c[13]) }));

describe('a very large photograph and an SVG chart', () => {
  const noPoppler = missing('pdfimages', 'pdftotext', 'pdffonts', 'qpdf');
  let other: string;
  let out: string;
  let originalBytes: number;
  beforeAll(async () => {
    other = mkdtempSync(join(tmpdir(), 'briefkit-big-'));
    spawnSync('mkdir', ['-p', join(other, 'photos')]);
    const photo = await noisyJpeg(6000, 4000);
    originalBytes = photo.length;
    writeFileSync(join(other, 'photos', 'big.jpg'), photo);
    writeFileSync(join(other, 'photos', 'chart.svg'), chartSvg());
    articleWith(other, [
      { file: 'photos/big.jpg', alt: 'Noise', caption: 'A photograph of 6000 by 4000 pixels.' },
      { file: 'photos/chart.svg', alt: 'A bar chart of trade', caption: 'Trade, drawn as vectors.' },
      { file: 'photos/big.jpg', alt: 'Noise again', caption: 'The same photograph again.' },
    ]);
    const built = run(['build', 'article.yaml', '--out', 'o'], other);
    expect(built.status, built.stderr).toBe(0);
    out = join(other, 'o', 'lukashenko-occupied-territories');
  }, 120_000);

  it.runIf(!noPoppler)(`are in the briefing: the photograph once, at no more than 300 dpi of its place, the chart as vectors with its text and alt text ${noPoppler ?? ''}`, async () => {
    const briefing = join(out, 'briefing.pdf');
    const images = imagesOf(briefing);
    // Only the photograph is an image (the SVG is drawn as paths and text), one object for both uses.
    expect(images.map((i) => i.type)).toEqual(['image', 'image']);
    expect(new Set(images.map((i) => i.object)).size).toBe(1);
    for (const image of images) {
      expect(image.xPpi).toBeLessThanOrEqual(301);
      expect(image.xPpi).toBeGreaterThanOrEqual(200);
      expect(image.width).toBeLessThan(6000 / 2);
    }
    expect(statSync(briefing).size).toBeLessThan(originalBytes / 4);
    expect((await pdfText(briefing)).join('\n')).toContain('Trade, 2023');
    const fonts = spawnSync('pdffonts', [briefing], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row, 'every font embedded').toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    const qdf = join(other, 'qdf.pdf');
    spawnSync('qpdf', ['--qdf', '--object-streams=disable', briefing, qdf]);
    expect(readFileSync(qdf, 'latin1')).toContain('/Alt (A bar chart of trade)');
    expect(qpdfCheck(briefing).ok).toBe(true);
    for (const pdf of ['slides.pdf', 'handout.pdf']) for (const image of imagesOf(join(out, pdf))) expect(image.xPpi, pdf).toBeLessThanOrEqual(301);
  });

  it('are in the deck: the photograph once at no more than 300 dpi of its place on the slides, the chart as SVG with a PNG fallback, and the deck validates', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'slides.pptx')));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/'));
    expect(media.map((n) => n.slice(n.lastIndexOf('.'))).sort()).toEqual(['.jpeg', '.png', '.svg']);
    const photo = imageSize(await zip.file(media.find((n) => n.endsWith('.jpeg'))!)!.async('nodebuffer'));
    const slides = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const pictures = slides.flatMap((xml) => [...xml.matchAll(/<p:pic>.*?<\/p:pic>/gs)].map((m) => m[0]));
    expect(pictures).toHaveLength(3);
    const widestPt = Math.max(...pictures.filter((p) => !p.includes('svgBlip')).map((p) => Number(/<a:ext cx="(\d+)"/.exec(p)![1]) / 12700));
    expect(photo.width).toBeLessThanOrEqual(Math.ceil((widestPt / 72) * 300));
    expect(photo.width).toBeGreaterThan(Math.floor((widestPt / 72) * 300) - 2);
    expect(pictures.filter((p) => p.includes('<asvg:svgBlip'))).toHaveLength(1);
    const fallback = imageSize(await zip.file(media.find((n) => n.endsWith('.png'))!)!.async('nodebuffer'));
    expect(fallback.width).toBeGreaterThan(500);
    expect(readFileSync(join(out, 'slides.pptx')).length).toBeLessThan(originalBytes / 4);
    expect(await validateOoxml(join(out, 'slides.pptx'))).toEqual([]);
  });

  it.runIf(!noLibreOffice)(`show the chart in LibreOffice's rendering of the deck ${noLibreOffice ?? ''}`, async () => {
    const pdf = await convertWithLibreOffice(join(out, 'slides.pptx'), join(other, 'libreoffice'));
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'slides.pptx')));
    const slideNames = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    let chartSlide = 0;
    for (const name of slideNames) if ((await zip.file(name)!.async('string')).includes('svgBlip')) chartSlide = Number(/slide(\d+)\.xml/.exec(name)![1]);
    const { yellow } = bands(render(pdf, chartSlide, join(other, 'chart')));
    // The three yellow bars: a box of them, about a fifth of the chart's width.
    expect(yellow[2]! - yellow[0]!).toBeGreaterThan(20);
  });

  it('stop the build when the SVG is malformed or reads another file, naming the field, the file and the place', () => {
    for (const [svg, says] of [
      ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2">\n<g>\n</svg>', /chart\.svg: is not well-formed XML at line 3, column \d+/],
      ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><image href="../secret.png" width="4" height="2"/></svg>', /chart\.svg: refers to another file \(href="\.\.\/secret\.png" on <image>\)/],
    ] as const) {
      const bad = mkdtempSync(join(tmpdir(), 'briefkit-svg-'));
      spawnSync('mkdir', ['-p', join(bad, 'photos')]);
      writeFileSync(join(bad, 'photos', 'chart.svg'), svg);
      articleWith(bad, [{ file: 'photos/chart.svg', alt: 'A chart', caption: 'A chart.' }]);
      const refused = run(['build', 'article.yaml', '--out', 'o'], bad);
      expect(refused.status).toBe(1);
      // At the line and column of the picture's file name, found before the documents are laid out.
      const lines = readFileSync(join(bad, 'article.yaml'), 'utf8').split('\n');
      const line = lines.findIndex((text) => text.includes('image: photos/chart.svg'));
      const column = lines[line]!.indexOf('photos/chart.svg') + 1;
      expect(refused.stderr).toMatch(new RegExp(`^article\\.yaml:${line + 1}:${column}: error: sections\\[0\\]\\.paragraphs\\[0\\]\\.image: `));
      expect(refused.stderr).toMatch(says);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(bad, 'o'))).toBe(false);
    }
  });
});

describe('a plain-text article with picture captions', () => {
  it('keeps "Photo:" and "Фото:" lines as captions: reported, not paragraphs, written into the data file as pictures to fill in', () => {
    const other = mkdtempSync(join(tmpdir(), 'briefkit-captions-'));
    writeFileSync(join(other, 'article.txt'), 'Vitebsk signs with Crimea\n\nBy Anna Example\n\nThe committee signed a trade agreement with Crimea. The text was not published.\n\nPhoto: Officials of the committee at the signing ceremony\nФото: БелТА\n\nBoth sides promised to meet again.\n');
    const imported = run(['import', 'article.txt', '-o', 'data/article.yaml'], other);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('article.txt:7: note: picture caption kept: "Photo: Officials of the committee at the signing ceremony" and "Фото: БелТА"');
    const yaml = readFileSync(join(other, 'data', 'article.yaml'), 'utf8');
    expect(yaml).toMatch(/# A picture stood here \(line 7 of article\.txt\).*\n.*\n\s+# - image: photos\/picture\.jpg\n\s+#   alt: DESCRIBE THE PICTURE\n\s+#   caption: "Photo: Officials of the committee at the signing ceremony"\n\s+#   credit: "Фото: БелТА"\n\s+- Both sides promised/);
    expect(yaml.split('\n').filter((line) => !line.trim().startsWith('#')).join('\n')).not.toContain('Photo:');
    const built = run(['build', 'article.txt', '--out', 'o', '--only', 'briefing'], other);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toContain('picture caption kept');
  });
});

describe('a damaged photograph', () => {
  it('stops the build when it must be downscaled and cannot be decoded, naming the field and the file, writing nothing', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'briefkit-damaged-'));
    spawnSync('mkdir', ['-p', join(bad, 'photos')]);
    const whole = await noisyJpeg(3000, 2000);
    writeFileSync(join(bad, 'photos', 'cut.jpg'), whole.subarray(0, whole.length / 2));
    articleWith(bad, [{ file: 'photos/cut.jpg', alt: 'A photograph', caption: 'Cut in half.' }]);
    const refused = run(['build', 'article.yaml', '--out', 'o'], bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^article\.yaml: error: sections\[0\]\.paragraphs\[0\]\.image: .*photos\/cut\.jpg: is damaged and cannot be decoded/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(bad, 'o'))).toBe(false);
  });
});

describe('the picture libraries', () => {
  /** The picture libraries a build of `input` in a fresh process loaded (sharp, resvg, svg-to-pdfkit, fast-xml-parser). */
  const loadedBy = (input: string): string[] => {
    const probe = join(mkdtempSync(join(tmpdir(), 'briefkit-probe-')), 'probe.cjs');
    writeFileSync(probe, [
      'const [bundle, input] = process.argv.slice(2);',
      'import(bundle).then(async (m) => {',
      '  await m.build(input, { sourceDateEpoch: 1700000000 });',
      "  const names = Object.keys(require.cache).map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(k)?.[1]).filter((n) => /^(sharp|@resvg\\/resvg-js|svg-to-pdfkit|fast-xml-parser)$/.test(n ?? ''));",
      '  console.log(JSON.stringify([...new Set(names)].sort()));',
      '});',
    ].join('\n'));
    const result = spawnSync(process.execPath, [probe, join(PROJECT_ROOT, 'lib', 'bundle', 'briefkit.mjs'), input], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as string[];
  };

  it('are loaded only by a build that has pictures needing them: none for the seed, the SVG ones (not sharp) for an SVG', () => {
    expect(loadedBy(SEED_DATA)).toEqual([]);
    const other = mkdtempSync(join(tmpdir(), 'briefkit-probe-svg-'));
    spawnSync('mkdir', ['-p', join(other, 'photos')]);
    writeFileSync(join(other, 'photos', 'chart.svg'), chartSvg());
    articleWith(other, [{ file: 'photos/chart.svg', alt: 'A chart', caption: 'A chart.' }]);
    expect(loadedBy(join(other, 'article.yaml'))).toEqual(['@resvg/resvg-js', 'fast-xml-parser', 'svg-to-pdfkit']);
  });
});

// Images named by a field (a theme's logo): read, checked, sized (EXIF orientation applied), refused with the field and file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage } from '../../src/load/image.js';
import { BriefkitError, type Diagnostic } from '../../src/diagnostics.js';
import { bandedPng } from '../support/images.js';
import { refusal } from '../support/refusal.js';

const dir = mkdtempSync(join(tmpdir(), 'briefkit-images-'));
const put = (name: string, bytes: Buffer) => (writeFileSync(join(dir, name), bytes), join(dir, name));

const firstRefusal = (run: () => unknown): Diagnostic => refusal(run)[0]!;

/** A JPEG header (SOI, an Exif APP1 with one Orientation entry, a baseline SOF0 of width × height), enough to be sized. */
function jpegHeader(width: number, height: number, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sof, Buffer.from([0xff, 0xd9])]);
}

describe('loadImage', () => {
  it('reads a PNG: its format, size in pixels and a content id shared by equal bytes', () => {
    const a = loadImage(put('a.png', bandedPng(300, 100)), 'logo', 'theme.yaml');
    expect(a).toMatchObject({ format: 'png', widthPx: 300, heightPx: 100 });
    const b = loadImage(put('b.png', bandedPng(300, 100)), 'logo', 'theme.yaml');
    expect(b.id).toBe(a.id);
    expect(loadImage(put('c.png', bandedPng(301, 100)), 'logo', 'theme.yaml').id).not.toBe(a.id);
  });

  it('sizes a JPEG as it shows: an EXIF orientation of a quarter turn swaps width and height', () => {
    expect(loadImage(put('upright.jpg', jpegHeader(640, 480, 1)), 'logo', 'theme.yaml')).toMatchObject({ format: 'jpeg', widthPx: 640, heightPx: 480 });
    expect(loadImage(put('turned.jpg', jpegHeader(640, 480, 6)), 'logo', 'theme.yaml')).toMatchObject({ widthPx: 480, heightPx: 640 });
  });

  it('reads an SVG: its proportions from its width and height or its viewBox', () => {
    const svg = (attributes: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><rect width="4" height="2"/></svg>`);
    expect(loadImage(put('box.svg', svg('viewBox="0 0 400 200"')), 'logo', 'theme.yaml')).toMatchObject({ format: 'svg', widthPx: 400, heightPx: 200, orientation: 1 });
    expect(loadImage(put('sized.svg', svg('width="10cm" height="5cm"')), 'logo', 'theme.yaml')).toMatchObject({ format: 'svg', widthPx: 378, heightPx: 189 });
  });

  it('refuses an SVG that is malformed (at its line and column), has no size, runs a script or reads another file', () => {
    const where = { file: 'office/theme.yaml', path: 'logo', rule: 'image', severity: 'error' };
    const refused = (name: string, text: string) => firstRefusal(() => loadImage(put(name, Buffer.from(text)), 'logo', 'office/theme.yaml'));
    expect(refused('open.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2">\n  <g><rect/>\n</svg>')).toMatchObject({ ...where, message: expect.stringMatching(/open\.svg: is not well-formed XML at line 3, column \d+: /) });
    expect(refused('nosize.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="2"/></svg>').message).toMatch(/nosize\.svg: has no size \(give its <svg> a viewBox, or a width and a height\)$/);
    expect(refused('script.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><script>alert(1)</script></svg>').message).toMatch(/holds a <script> element/);
    expect(refused('onload.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2" onload="alert(1)"/>').message).toMatch(/has a script in the onload attribute of <svg>/);
    expect(refused('linked.svg', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 2"><image xlink:href="photo.png" width="4" height="2"/></svg>').message).toMatch(/refers to another file \(xlink:href="photo\.png" on <image>\)/);
    expect(refused('css.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><style>@import url(http://example.org/a.css);</style></svg>').message).toMatch(/refers to another file in its <style>/);
    expect(refused('entity.svg', '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><text>&a;</text></svg>').message).toMatch(/declares XML entities/);
    // What stays inside the file is drawn: a gradient by its id, an embedded PNG.
    expect(loadImage(put('inside.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill: url(#g)" width="4" height="2"/><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>')), 'logo', 'theme.yaml').format).toBe('svg');
  });

  it('refuses what is not a PNG or JPEG, naming the field, the file that names it, and the image', () => {
    const where = { file: 'office/theme.yaml', path: 'logo', rule: 'image', severity: 'error' };
    expect(firstRefusal(() => loadImage(join(dir, 'none.png'), 'logo', 'office/theme.yaml'))).toMatchObject({ ...where, message: `${join(dir, 'none.png')}: no such file` });
    expect(firstRefusal(() => loadImage(put('zero.png', Buffer.alloc(0)), 'logo', 'office/theme.yaml')).message).toMatch(/is empty \(0 bytes\)$/);
    expect(firstRefusal(() => loadImage(put('text.png', Buffer.from('hello')), 'logo', 'office/theme.yaml')).message).toMatch(/is not an image briefkit can read/);
    expect(firstRefusal(() => loadImage(put('g.gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1')), 'logo', 'office/theme.yaml')).message).toMatch(/is a GIF image; PNG, JPEG or SVG expected$/);
    mkdirSync(join(dir, 'folder.png'), { recursive: true });
    expect(firstRefusal(() => loadImage(join(dir, 'folder.png'), 'logo', 'office/theme.yaml')).message).toMatch(/is not a file$/);
  });
});

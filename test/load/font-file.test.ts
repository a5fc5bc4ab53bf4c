// Tests src/load/font-file.ts: a font file read with its raw OS/2 fields, the reasons a file is no font, and fsType read as the OpenType spec says.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddingRight, readFontFile, type FontFile } from '../../src/load/font-file.js';
import { LORA, withFsType } from '../support/brand-theme.js';

const dir = mkdtempSync(join(tmpdir(), 'briefkit-fontfile-'));

describe('readFontFile', () => {
  it("reads a TTF's family name, outlines and raw OS/2 fields", () => {
    const bold = readFontFile(LORA.bold) as FontFile;
    expect(bold.familyName).toBe('Lora');
    expect(bold.outlines).toBe('glyf');
    expect(bold.os2.weightClass).toBe(700);
    expect(bold.os2.fsType).toBe(0);
    expect(bold.os2.panose).toHaveLength(10);
  });

  it('reads licence bits patched into a copy', () => {
    const patched = join(dir, 'restricted.ttf');
    withFsType(LORA.regular, patched, 0x0002);
    expect((readFontFile(patched) as FontFile).os2.fsType).toBe(0x0002);
  });

  it('says why a file is no usable font: a collection, a web font, anything else, a truncated one', () => {
    const write = (name: string, bytes: Buffer) => (writeFileSync(join(dir, name), bytes), join(dir, name));
    expect(readFontFile(write('c.ttc', Buffer.from('ttcf\0\u0002\0\0', 'latin1')))).toMatch(/is a font collection \(TTC\)/);
    expect(readFontFile(write('w.woff2', Buffer.from('wOF2\0\u0001\0\0', 'latin1')))).toMatch(/is a web font \(WOFF\)/);
    expect(readFontFile(write('x.ttf', Buffer.from('%PDF-1.7 not a font')))).toMatch(/is not a font \(TTF or OTF expected\)/);
    expect(readFontFile(write('cut.ttf', Buffer.from('\0\u0001\0\0\0\u0009\0\0\0\0\0\0', 'latin1')))).toMatch(/not a (usable )?font|no OS\/2/);
    expect(readFontFile(join(dir, 'none.ttf'))).toBe(`${join(dir, 'none.ttf')}: no such file`);
    expect(readFontFile(dir)).toBe(`${dir}: is not a file`);
  });
});

describe('embeddingRight', () => {
  it.each([
    [0x0000, 'editable'], [0x0008, 'editable'], [0x0108, 'editable'], [0x000c, 'editable'],
    [0x0004, 'preview-print'], [0x0006, 'preview-print'], [0x0002, 'restricted'], [0x0208, 'bitmap-only'], [0x0200, 'bitmap-only'],
  ])('reads fsType 0x%s as %s', (fsType, right) => {
    expect(embeddingRight(fsType)).toBe(right);
  });
});

// Tests src/export/eot.ts: a TTF wrapped as an uncompressed EOT 0x00020002 whose header fields come from the font, read back by us and by libeot.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EOT_MAGIC, EOT_VERSION, eotNamesOf, readEotHeader, toEot } from '../../src/export/eot.js';
import { readFontFile, type FontFile } from '../../src/load/font-file.js';
import { LORA, withFsType } from '../support/brand-theme.js';
import { missing } from '../support/tools.js';

const font = (file: string) => readFontFile(file) as FontFile;
const noLibeot = missing('eot2ttf');

describe('toEot', () => {
  it('writes the header fields from the font and the font data unchanged after them', () => {
    const regular = font(LORA.regular);
    const eot = toEot(regular, eotNamesOf(regular, 'Lora'));
    const header = readEotHeader(eot);
    expect(header).toMatchObject({ eotSize: eot.length, fontDataSize: regular.bytes.length, version: EOT_VERSION, flags: 0, magic: EOT_MAGIC, familyName: 'Lora', fullName: 'Lora Regular' });
    expect(eot.subarray(header.fontDataOffset).equals(regular.bytes)).toBe(true);
    expect(eot.subarray(16, 26).equals(regular.os2.panose)).toBe(true);
    expect(eot.readUInt32LE(28)).toBe(400); // weight
    expect(eot.readUInt8(27)).toBe(0); // not italic
    expect(eot.readUInt32LE(60)).toBe(regular.checkSumAdjustment);
  });

  it('marks an italic italic, a bold 700, and copies the licence bits as they are', () => {
    const italic = font(LORA.italic);
    expect(toEot(italic, eotNamesOf(italic, 'Lora')).readUInt8(27)).toBe(1);
    const bold = font(LORA.bold);
    expect(toEot(bold, eotNamesOf(bold, 'Lora')).readUInt32LE(28)).toBe(700);
    const patched = join(mkdtempSync(join(tmpdir(), 'briefkit-eot-')), 'editable.ttf');
    withFsType(LORA.regular, patched, 0x0008);
    const editable = font(patched);
    expect(editable.os2.fsType).toBe(0x0008);
    expect(readEotHeader(toEot(editable, eotNamesOf(editable, 'Lora'))).fsType).toBe(0x0008);
  });

  it.runIf(!noLibeot)(`is read by libeot (LibreOffice's EOT reader) back into the very same TTF ${noLibeot ?? ''}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-eot-'));
    for (const file of [LORA.regular, LORA.boldItalic]) {
      const source = font(file);
      writeFileSync(join(dir, 'font.fntdata'), toEot(source, eotNamesOf(source, 'Lora')));
      const decoded = spawnSync('eot2ttf', [join(dir, 'font.fntdata'), join(dir, 'font.ttf')], { encoding: 'utf8' });
      expect(decoded.status, decoded.stderr).toBe(0);
      expect(readFileSync(join(dir, 'font.ttf')).equals(source.bytes), file).toBe(true);
    }
    // A broken one is refused: libeot is a real check.
    writeFileSync(join(dir, 'broken.fntdata'), Buffer.alloc(200, 7));
    expect(spawnSync('eot2ttf', [join(dir, 'broken.fntdata'), join(dir, 'broken.ttf')]).status).not.toBe(0);
  });
});

// Tests src/export/zip.ts: archives that Info-ZIP's `unzip -t` and Python's zipfile read back entry for entry, dates, methods.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dosDateTime, zipEntries } from '../../src/export/zip.js';
import { missing } from '../support/tools.js';
import { clearMemos, memoCounts } from '../../src/layout/memo.js';
import { unzipSync } from 'fflate';

const ENTRIES = [
  { name: '[Content_Types].xml', bytes: Buffer.from('<?xml version="1.0"?><Types/>'.repeat(40)) },
  { name: 'ppt/media/image-1.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, ...Array.from({ length: 300 }, (_, i) => i % 7)]) },
  { name: 'ppt/slides/слайд.xml', bytes: Buffer.from('<p:sld>Вітаем</p:sld>'.repeat(20)) },
  { name: 'empty.txt', bytes: Buffer.alloc(0) },
];
const DATE = new Date(Date.UTC(2023, 10, 14, 22, 13, 21));

/** Name, size, method and date of each entry, and its bytes as hex, as Python's zipfile reads them. */
function pythonRead(bytes: Buffer): { name: string; size: number; method: number; date: number[]; hex: string }[] {
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-zip-')), 'a.zip');
  writeFileSync(file, bytes);
  const script = 'import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps([dict(name=i.filename, size=i.file_size, method=i.compress_type, date=list(i.date_time), hex=z.read(i).hex()) for i in z.infolist()]))';
  const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const noPython = missing('python3');
const noUnzip = missing('unzip');

describe('zipEntries', () => {
  it.runIf(!noPython)(`writes every entry in order, deflated except pictures, with the date in UTC ${noPython ?? ''}`, () => {
    const read = pythonRead(zipEntries(ENTRIES, DATE));
    expect(read.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name));
    expect(read.map((e) => e.hex)).toEqual(ENTRIES.map((e) => e.bytes.toString('hex')));
    expect(read.map((e) => e.method)).toEqual([8, 0, 8, 0]); // an empty entry deflates to more than nothing: stored
    // DOS time keeps even seconds.
    expect(read[0]!.date).toEqual([2023, 11, 14, 22, 13, 20]);
  });

  it.runIf(!noUnzip)(`passes unzip -t, and unzip -t catches a flipped byte in the deflated data ${noUnzip ?? ''}`, () => {
    const bytes = zipEntries(ENTRIES, DATE);
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-zip-'));
    writeFileSync(join(dir, 'good.zip'), bytes);
    const good = spawnSync('unzip', ['-t', join(dir, 'good.zip')], { encoding: 'utf8' });
    expect(good.status, good.stdout).toBe(0);
    const broken = Buffer.from(bytes);
    broken[30 + ENTRIES[0]!.name.length + 5]! ^= 0xff;
    writeFileSync(join(dir, 'broken.zip'), broken);
    expect(spawnSync('unzip', ['-t', join(dir, 'broken.zip')], { encoding: 'utf8' }).status).not.toBe(0);
  });

  it('gives the same bytes for the same entries and date, and different ones for another date', () => {
    expect(zipEntries(ENTRIES, DATE).equals(zipEntries(ENTRIES, new Date(DATE.getTime())))).toBe(true);
    expect(zipEntries(ENTRIES, DATE).equals(zipEntries(ENTRIES, new Date(Date.UTC(2024, 0, 1))))).toBe(false);
  });

  it('clamps dates to what DOS dates can hold (1980 to 2099)', () => {
    expect(dosDateTime(new Date(0))).toEqual({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
    expect(dosDateTime(new Date(Date.UTC(2150, 5, 1)))).toEqual(dosDateTime(new Date(Date.UTC(2099, 11, 31))));
  });
});

describe('remembered deflates', () => {
  it('deflates an entry whose bytes it has deflated before from memory: the same archive, and a changed entry deflated anew', () => {
    const date = new Date(Date.UTC(2023, 10, 14));
    const entries = [
      { name: 'a.xml', bytes: new TextEncoder().encode('<a>'.repeat(500)) },
      { name: 'b.xml', bytes: new TextEncoder().encode(`<b>${'x'.repeat(2000)}</b>`) },
    ];
    clearMemos();
    const first = zipEntries(entries, date);
    const afterFirst = memoCounts();
    const again = zipEntries(entries.map((entry) => ({ ...entry, bytes: entry.bytes.slice() })), date);
    const afterAgain = memoCounts();
    expect(again.equals(first)).toBe(true);
    expect([afterFirst.hits, afterFirst.misses]).toEqual([0, 2]);
    expect([afterAgain.hits - afterFirst.hits, afterAgain.misses - afterFirst.misses]).toEqual([2, 0]);
    const changed = zipEntries([entries[0]!, { name: 'b.xml', bytes: new TextEncoder().encode(`<b>${'y'.repeat(2000)}</b>`) }], date);
    expect(memoCounts().misses - afterAgain.misses).toBe(1);
    expect(changed.equals(first)).toBe(false);
    expect(unzipSync(new Uint8Array(changed))['b.xml']!.length).toBe(2007);
  });
});

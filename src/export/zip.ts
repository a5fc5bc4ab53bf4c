// Named entries (bytes, in order) + one date in, a ZIP archive out: DEFLATE by node:zlib (remembered by content, deflate.ts), pictures stored as they are.
import { crc32 } from 'node:zlib';
import { deflateRaw } from './deflate.js';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** PNG and JPEG are compressed already: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|gif)$/i;

/** Zip (DOS) dates run from 1980 to 2107; SOURCE_DATE_EPOCH=0 is common, so earlier dates become 1 January 1980. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const clamped = new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31)));
  return {
    time: (clamped.getUTCHours() << 11) | (clamped.getUTCMinutes() << 5) | (clamped.getUTCSeconds() >> 1),
    date: ((clamped.getUTCFullYear() - 1980) << 9) | ((clamped.getUTCMonth() + 1) << 5) | clamped.getUTCDate(),
  };
}

/** The archive, entries in the order given; the same entries and date give the same bytes in every time zone. */
export function zipEntries(entries: readonly ZipEntry[], date: Date): Buffer {
  const { time, date: day } = dosDateTime(date);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = STORED.test(entry.name) ? undefined : deflateRaw(entry.bytes);
    const stored = packed === undefined || packed.length >= entry.bytes.length;
    const data = stored ? entry.bytes : packed;
    const crc = crc32(entry.bytes);
    // Bit 11: the name is UTF-8 (only said when it is not plain ASCII, as other writers do).
    const flags = /[^\x20-\x7e]/.test(entry.name) ? 0x800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    local.copy(header, 8, 6, 30); // flags, method, time, date, crc, sizes, name length, extra length
    // comment length, disk, internal and external attributes are 0
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

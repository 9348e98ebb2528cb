/**
 * A deterministic zip writer for the store packages: the same files give the same bytes on any
 * machine and at any time, so a reviewer who builds from the source archive can compare the result
 * with the published package byte for byte. web-ext build stamps each entry with the file's
 * modification time, which differs between a checkout and a build; here every entry gets the zip
 * epoch (1980-01-01 00:00), mode 0644, and entries are sorted by path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data) {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
export function listFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;

/**
 * Zips `entries` ([path inside the zip, contents]) into one Buffer. Sorted by path here, so
 * callers cannot make the order depend on the file system. Deflate level 9 (zlib's output is fixed
 * for a given input and level), or stored when that is not smaller.
 */
export function zip(entries) {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [path, contents] of sorted) {
    const name = Buffer.from(path, 'utf8');
    const deflated = deflateRawSync(contents, { level: 9 });
    const stored = deflated.length >= contents.length;
    const data = stored ? contents : deflated;
    const crc = crc32(contents);
    /** The fields both headers share, from "version needed" to the name's length (24 bytes from `at`). */
    const common = (header, at) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(UTF8_NAMES, at + 2);
      header.writeUInt16LE(stored ? 0 : 8, at + 4);
      header.writeUInt16LE(DOS_TIME, at + 6);
      header.writeUInt16LE(DOS_DATE, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(contents.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
      return header;
    };
    // Local header: signature, the common fields, extra length 0 (Buffer.alloc zero-fills).
    const local = common(Buffer.alloc(30), 4);
    local.writeUInt32LE(0x04034b50, 0);
    // Central directory header: signature, "made by", the common fields, then the file's mode and offset.
    const central = common(Buffer.alloc(46), 6);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is read
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Zips every file under `dir`. */
export function zipDir(dir) {
  return zip(listFiles(dir).map((path) => [path, readFileSync(join(dir, path))]));
}

/**
 * Reads a zip written by `zip` (or any zip without zip64 or encryption) into [path, contents]
 * pairs, in the order of its central directory. Used by the tests, so they need no `unzip` binary.
 */
export function unzip(buffer) {
  const endAt = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('not a zip: no end of central directory');
  const count = buffer.readUInt16LE(endAt + 10);
  let at = buffer.readUInt32LE(endAt + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const path = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + size);
    const contents = method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : null;
    if (!contents) throw new Error(`${path}: compression method ${method} not supported`);
    entries.push([path, contents]);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file to put in a zip archive. */
export interface ZipInput {
  /** Path inside the archive, with `/` separators and no leading slash. */
  name: string;
  /** Absolute path of the file to read, unless `data` holds its bytes. */
  source?: string;
  data?: Buffer;
  /** Unix permission bits (e.g. 0o644), kept in the archive for Linux hosts. */
  mode: number;
}

/** One entry of a zip archive's central directory. */
export interface ZipEntry {
  name: string;
  size: number;
  /** Reads and inflates the entry's bytes. */
  read(): Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const UNIX_VERSION_20 = (3 << 8) | 20;
// 1980-01-01 00:00 in DOS format: a fixed time keeps the archive reproducible.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/**
 * Writes a zip archive (deflate, UTF-8 names, Unix modes, fixed timestamps) of `inputs` to
 * `outFile`, in the given order. Plain zip only: fails past 65,535 entries or 4 GiB rather
 * than writing an archive the Functions host could misread.
 */
export function writeZip(inputs: readonly ZipInput[], outFile: string): void {
  if (inputs.length > MAX_ENTRIES) {
    throw new Error(`zip: ${inputs.length} files, more than the ${MAX_ENTRIES} plain zip holds`);
  }
  const fd = openSync(outFile, 'w');
  try {
    const central: Buffer[] = [];
    let offset = 0;
    for (const input of inputs) {
      const data = input.data ?? readFileSync(input.source ?? '');
      const packed = deflateRawSync(data);
      const method = packed.length < data.length ? DEFLATED : STORED;
      const body = method === DEFLATED ? packed : data;
      const name = Buffer.from(input.name, 'utf8');
      const crc = crc32(data);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL_HEADER, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(UTF8_NAMES, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(0, 10);
      local.writeUInt16LE(DOS_DATE, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(CENTRAL_HEADER, 0);
      entry.writeUInt16LE(UNIX_VERSION_20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(UTF8_NAMES, 8);
      entry.writeUInt16LE(method, 10);
      entry.writeUInt16LE(0, 12);
      entry.writeUInt16LE(DOS_DATE, 14);
      entry.writeUInt32LE(crc, 16);
      entry.writeUInt32LE(body.length, 20);
      entry.writeUInt32LE(data.length, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(((0o100000 | input.mode) << 16) >>> 0, 38);
      entry.writeUInt32LE(offset, 42);
      central.push(entry, name);
      offset += writeSync(fd, local) + writeSync(fd, name) + writeSync(fd, body);
      if (offset > MAX_OFFSET) throw new Error('zip: the archive would pass 4 GiB');
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(inputs.length, 8);
    end.writeUInt16LE(inputs.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    writeSync(fd, directory);
    writeSync(fd, end);
  } finally {
    closeSync(fd);
  }
}

/** The entries of a zip archive (no comment, no zip64: what {@link writeZip} writes). */
export function readZip(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  const endAt = zip.length - 22;
  if (endAt < 0 || zip.readUInt32LE(endAt) !== END_OF_CENTRAL) {
    throw new Error(`${file}: not a zip archive (no end of central directory record)`);
  }
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`${file}: bad central entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      size,
      read: () => {
        const dataAt =
          localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
        const body = zip.subarray(dataAt, dataAt + packedSize);
        return method === DEFLATED ? inflateRawSync(body) : Buffer.from(body);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

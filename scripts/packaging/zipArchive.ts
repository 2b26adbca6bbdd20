import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

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

const UNIX = 3;
const REGULAR_FILE = 0o100000;
// A fixed time (1980-01-01 00:00, the first a zip can hold) keeps the archive reproducible.
const FIXED_MTIME = new Date(1980, 0, 1);
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/** Options of {@link writeZip}. */
export interface ZipOptions {
  /**
   * Deflate level, 1 (fastest) to 9 (smallest); 0 stores the files uncompressed (same entries
   * and bytes, for a reader that only checks what is in the archive). Default 6.
   */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/**
 * Writes a zip archive (deflate, UTF-8 names, Unix modes, fixed timestamps) of `inputs` to
 * `outFile`, in the given order, with fflate, one file in memory at a time. Plain zip only:
 * fails past 65,535 entries or 4 GiB rather than writing an archive the Functions host could
 * misread.
 *
 * @example writeZip([{ name: 'host.json', source: '/app/host.json', mode: 0o644 }], 'app.zip')
 */
export function writeZip(
  inputs: readonly ZipInput[],
  outFile: string,
  { level = 6 }: ZipOptions = {},
): void {
  if (inputs.length > MAX_ENTRIES) {
    throw new Error(`zip: ${inputs.length} files, more than the ${MAX_ENTRIES} plain zip holds`);
  }
  const fd = openSync(outFile, 'w');
  try {
    let written = 0;
    const state: { failure?: Error } = {};
    // fflate's Zip and ZipDeflate are synchronous: each push has written its bytes on return.
    const zip = new Zip((error, chunk) => {
      if (error !== null) state.failure ??= new Error(`zip: ${error.message}`, { cause: error });
      else written += writeSync(fd, chunk);
      if (written > MAX_OFFSET) state.failure ??= new Error('zip: the archive would pass 4 GiB');
    });
    for (const input of inputs) {
      const entry =
        level === 0 ? new ZipPassThrough(input.name) : new ZipDeflate(input.name, { level });
      entry.os = UNIX;
      entry.attrs = ((REGULAR_FILE | input.mode) << 16) >>> 0;
      entry.mtime = FIXED_MTIME;
      zip.add(entry);
      entry.push(input.data ?? readFileSync(input.source ?? ''), true);
      if (state.failure !== undefined) throw state.failure;
    }
    zip.end();
    if (state.failure !== undefined) throw state.failure;
  } finally {
    closeSync(fd);
  }
}

/** The entries of a zip archive; the first read inflates them all, once. */
export function readZip(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  let files: Record<string, Uint8Array> | undefined;
  const entries: ZipEntry[] = [];
  unzipSync(zip, {
    filter: ({ name, originalSize }) => {
      const read = (): Buffer => {
        files ??= unzipSync(zip);
        const bytes = files[name];
        if (bytes === undefined) throw new Error(`${file}: no entry ${name}`);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      };
      entries.push({ name, size: originalSize, read });
      return false;
    },
  });
  return entries;
}

import { Inflate } from 'fflate';
import { ImportError, throwIfAborted } from '../errors';
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from '../limits';
import { crc32 } from './crc32';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** The CRC-32 of the uncompressed data, as the central directory declares it. */
  crc: number;
  localHeaderOffset: number;
}

export interface ZipReader {
  names: string[];
  has(name: string): boolean;
  /** Inflates one entry, counting bytes as they come out so a lying header cannot blow up memory. */
  read(name: string): Uint8Array;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const CHUNK = 64 * 1024;

/**
 * A small zip reader over the central directory. It refuses the archive up front when the
 * declared sizes add up to more than the limit, and again while inflating if an entry produces
 * more than it declared, so a zip bomb is stopped either way. Every entry's CRC-32 is checked.
 */
export function openZip(bytes: Uint8Array, fileName: string, signal?: AbortSignal): ZipReader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new ImportError(fileName, null, 'not a zip archive, or the archive is truncated (no end-of-archive record)');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ImportError(fileName, null, 'zip64 archives are not supported');
  if (count > MAX_ZIP_ENTRIES) throw new ImportError(fileName, null, `the archive has ${count} entries; at most ${MAX_ZIP_ENTRIES} are allowed`);
  if (directoryOffset + directorySize > eocd) throw new ImportError(fileName, null, 'the archive is truncated or damaged (central directory out of bounds)');

  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ImportError(fileName, `zip entry ${i + 1}`, 'the archive is truncated or damaged (bad central directory record)');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entries.has(name)) throw new ImportError(fileName, `zip entry "${name}"`, 'the archive contains this entry twice');
    declaredTotal += entry.declaredSize;
    if (declaredTotal > MAX_UNCOMPRESSED_BYTES) {
      throw new ImportError(fileName, `zip entry "${name}"`, `the archive declares more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB of uncompressed data; refusing to unpack it (possible zip bomb)`);
    }
    entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }

  let inflatedTotal = 0;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      throwIfAborted(signal, fileName);
      const entry = entries.get(name);
      if (!entry) throw new ImportError(fileName, `zip entry "${name}"`, 'missing from the archive');
      const data = entryData(bytes, view, entry, eocd, fileName);
      const output = inflateEntry(data, entry, fileName, MAX_UNCOMPRESSED_BYTES - inflatedTotal);
      inflatedTotal += output.length;
      // A damaged download can still inflate cleanly, to other text; only the checksum shows it.
      if (crc32(output) !== entry.crc) throw new ImportError(fileName, `zip entry "${name}"`, 'the data is damaged (its checksum does not match)');
      return output;
    },
  };
}

function findEndOfCentralDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function entryData(bytes: Uint8Array, view: DataView, entry: ZipEntry, limit: number, fileName: string): Uint8Array {
  const where = `zip entry "${entry.name}"`;
  const header = entry.localHeaderOffset;
  if (header + 30 > limit || view.getUint32(header, true) !== LOCAL_SIGNATURE) {
    throw new ImportError(fileName, where, 'the archive is truncated or damaged (bad local header)');
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const end = start + entry.compressedSize;
  if (end > limit) throw new ImportError(fileName, where, 'the archive is truncated (entry data runs past the end)');
  return bytes.subarray(start, end);
}

function inflateEntry(data: Uint8Array, entry: ZipEntry, fileName: string, budget: number): Uint8Array {
  const where = `zip entry "${entry.name}"`;
  if (entry.method === 0) {
    if (data.length !== entry.declaredSize) throw new ImportError(fileName, where, 'stored size does not match the declared size');
    return data.slice();
  }
  if (entry.method !== 8) throw new ImportError(fileName, where, `unsupported compression method ${entry.method}`);
  const allowed = Math.min(entry.declaredSize, budget);
  const output = new Uint8Array(allowed);
  let written = 0;
  let finished = false;
  let overflow = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > allowed) {
      overflow = true;
      return;
    }
    output.set(chunk, written);
    written += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < data.length && !overflow; at += CHUNK) {
      inflater.push(data.subarray(at, Math.min(at + CHUNK, data.length)), at + CHUNK >= data.length);
    }
  } catch (error) {
    throw new ImportError(fileName, where, `the compressed data is damaged (${(error as Error).message})`);
  }
  if (overflow) {
    throw new ImportError(fileName, where, `inflates to more than its declared ${entry.declaredSize} bytes or past the ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB limit; refusing to unpack it (possible zip bomb)`);
  }
  if (!finished || written !== entry.declaredSize) throw new ImportError(fileName, where, 'the compressed data is truncated');
  return output;
}

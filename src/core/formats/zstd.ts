import { Decompress } from 'fzstd';
import { ImportError } from './errors';
import { MAX_UNCOMPRESSED_BYTES } from './limits';

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function isZstd(bytes: Uint8Array): boolean {
  return ZSTD_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** Decompresses a zstd frame, counting output as it streams so a tiny frame cannot expand without bound. */
export function unzstd(bytes: Uint8Array, fileName: string, where: string): Uint8Array {
  const declared = declaredContentSize(bytes);
  if (declared !== null && declared > MAX_UNCOMPRESSED_BYTES) {
    throw new ImportError(fileName, where, `declares ${declared} bytes of content, more than the ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB limit; refusing to unpack it (possible zip bomb)`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > MAX_UNCOMPRESSED_BYTES) {
      throw new ImportError(fileName, where, `decompresses to more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB; refusing to unpack it (possible zip bomb)`);
    }
    chunks.push(chunk);
  });
  try {
    stream.push(bytes, true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, where, `the zstd data is damaged (${(error as Error).message})`);
  }
  const output = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    output.set(chunk, at);
    at += chunk.length;
  }
  return output;
}

/** The content size a zstd frame header declares, or null when the frame leaves it out. */
function declaredContentSize(bytes: Uint8Array): number | null {
  const descriptor = bytes[4];
  if (!isZstd(bytes) || descriptor === undefined) return null;
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = [singleSegment, 2, 4, 8][sizeFlag]!;
  if (sizeBytes === 0) return null;
  const at = 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
  if (at + sizeBytes > bytes.length) return null;
  let size = 0;
  for (let i = sizeBytes - 1; i >= 0; i--) size = size * 256 + bytes[at + i]!;
  return sizeBytes === 2 ? size + 256 : size;
}

import { ImportError } from '../errors';
import { openZip, type ZipReader } from '../zip/read-zip';
import { unzstd } from '../zstd';

export type AnkiSchema = 'anki2' | 'anki21' | 'anki21b';

export interface AnkiPackage {
  schema: AnkiSchema;
  collection: Uint8Array;
  /** Null for a bare collection file, which has no media. */
  zip: ZipReader | null;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_MAGIC.length) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Finds the collection inside a package. Newer Anki writes all three entries and leaves a
 * "please update Anki" stub in the older ones, so the newest schema present wins.
 */
export function openPackage(bytes: Uint8Array, fileName: string, signal?: AbortSignal): AnkiPackage {
  if (isSqlite(bytes)) return { schema: 'anki2', collection: bytes, zip: null };
  const zip = openZip(bytes, fileName, signal);
  if (zip.has('collection.anki21b')) {
    const where = 'zip entry "collection.anki21b"';
    return { schema: 'anki21b', collection: unzstd(zip.read('collection.anki21b'), fileName, where), zip };
  }
  for (const schema of ['anki21', 'anki2'] as const) {
    if (zip.has(`collection.${schema}`)) return { schema, collection: zip.read(`collection.${schema}`), zip };
  }
  throw new ImportError(fileName, null, 'not an Anki package: the zip has no collection.anki2, collection.anki21 or collection.anki21b');
}

export function checkCollectionBytes(pkg: AnkiPackage, fileName: string): void {
  if (!isSqlite(pkg.collection)) {
    throw new ImportError(fileName, pkg.zip ? `zip entry "collection.${pkg.schema}"` : null, 'is not an SQLite database');
  }
}

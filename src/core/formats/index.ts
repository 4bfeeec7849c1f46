/** Deck file formats: every reader returns validated CollectionData, every writer accepts it. */
export { ImportError, ImportAbortedError } from './errors';
export { MAX_FIELD_CHARS, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits';
export type { ProgressOptions } from './progress';
export { readCsv, type CsvReadOptions, type CsvReadResult } from './csv/read-csv';
export type { CsvDelimiter } from './csv/delimiter';
export { writeCsv, type CsvWriteOptions } from './csv/write-csv';
export type { CsvColumns } from './csv/columns';
export { readApkg, type ApkgReadOptions, type ApkgReadResult } from './apkg/read-apkg';
export { writeApkg, type ApkgWriteOptions } from './apkg/write-apkg';
export type { SqlJsLoader } from './apkg/sqlite';
export type { AnkiSchema } from './apkg/open-package';
export { readBackup, type BackupReadResult } from './backup/read-backup';
export { writeBackup, type BackupWriteOptions } from './backup/write-backup';

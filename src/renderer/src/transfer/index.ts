/**
 * Import and export for the Import / Export screens. No Svelte, no DOM beyond what the
 * collection needs: the screen picks a file, hands over its name and bytes, and shows the result.
 *
 * - `detectFormat(fileName, bytes)` → TransferFormat | null: by extension, then by content.
 * - `importFile(collection, { name, bytes }, { now, withScheduling?, onProgress?, signal? })`
 *   → `{ format, report, warnings }`. Reads and validates the whole file, then writes it in one
 *   transaction: notes already present (same id or Anki guid) are updated, keeping their cards
 *   and reviews. Markdown notes become decks exactly as `npm run decks` makes them.
 * - `exportDecks(collection, { format, deckIds?, withScheduling, now, onProgress?, signal? })`
 *   → `{ bytes, fileName, mime }`; `deckIds` are taken with their subdecks, all decks when left
 *   out; media the notes reference goes into JSON, Anki and backup files.
 * - `backupCollection(collection, now)` → `{ bytes, fileName, mime }`: a full `.kioku-backup`.
 * - `restoreFile(collection, { name, bytes }, { now, onProgress?, signal? })` → Restored:
 *   replaces the whole collection; `previousBackup` holds the collection as it was, to save.
 *
 * Progress is `onProgress(done, total, stage)` with stage 'reading' | 'saving' | 'writing'.
 * Cancelling through `signal` rejects with an error named AbortError and writes nothing.
 * Errors the learner can act on (bad file naming file and line/row/path, StorageFullError)
 * pass `isFileProblem(error)`; show their message as it is. `isCancelled(error)` spots a cancel.
 */
import type { Collection } from '../storage/collection';
import { browserSqlJs } from './browser-sql';
import * as service from './service';

export { detectFormat, EXPORT_FORMATS, type ExportFormat, type TransferFormat } from '../../../core/files/formats';
export { isCancelled, isFileProblem } from './file-problem';
export { backupCollection, restoreFile, type ExportedFile, type ImportFileResult, type PickedFile, type TransferStage } from './service';
export { StorageFullError } from '../storage/storage-full';
export type { ImportReport } from '../storage/transfer/import-collection';
export type { Restored } from '../storage/transfer/backup';

export function importFile(collection: Collection, file: service.PickedFile, options: service.ImportFileOptions): Promise<service.ImportFileResult> {
  return service.importFile(collection, file, { sqlJs: browserSqlJs, ...options });
}

export function exportDecks(collection: Collection, options: service.ExportOptions): Promise<service.ExportedFile> {
  return service.exportDecks(collection, { sqlJs: browserSqlJs, ...options });
}

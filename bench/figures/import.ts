import { BASIC_NOTE_TYPE } from '../../src/core/cards';
import type { CollectionData, Note } from '../../src/core/collection/model';
import { writeApkg, writeCsv } from '../../src/core/formats';
import type { Collection } from '../../src/renderer/src/storage/collection';
import { importFile } from '../../src/renderer/src/transfer';
import { browserSqlJs } from '../../src/renderer/src/transfer/browser-sql';
import { modernApkg } from './modern-apkg';
import type { PairSamples } from './queue';

export const IMPORT_NOTES = 20_000;

/** The deck a learner would bring in: 20,000 Basic notes over ten subdecks, tagged by topic. */
function deckToImport(now: number): CollectionData {
  const decks = Array.from({ length: 10 }, (_, i) => ({ id: `import-deck-${i}`, name: `Imported::Chapter ${i + 1}` }));
  const notes: Note[] = Array.from({ length: IMPORT_NOTES }, (_, i) => ({
    id: `import-note-${i}`,
    noteTypeId: BASIC_NOTE_TYPE.id,
    deckId: decks[i % decks.length]!.id,
    fields: [`Imported question ${i} about service ${i % 41}`, `Imported answer ${i}: control ${i % 17}`],
    tags: [`nfr::E.${(i % 12) + 1}`, `imported-${i % 7}`],
    modified: now,
  }));
  return { decks, noteTypes: [BASIC_NOTE_TYPE], notes };
}

export interface ImportFiles {
  csv: Uint8Array;
  apkg: Uint8Array;
  /** The same deck as Anki 2.1.50+ exports it (schema 18, zstd, protobuf). */
  apkgModern: Uint8Array;
}

export async function importFiles(now: number): Promise<ImportFiles> {
  const data = deckToImport(now);
  return {
    csv: new TextEncoder().encode(writeCsv(data)),
    apkg: await writeApkg(data, { withScheduling: false, sqlJs: browserSqlJs, now }),
    apkgModern: await modernApkg(data, await browserSqlJs()),
  };
}

/** Clears every table of a scratch collection. */
export async function emptied(collection: Collection): Promise<void> {
  const { db } = collection;
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}

/**
 * Imports the file into an emptied scratch collection, through the same call the Import screen
 * makes; the floor then writes the rows that import left behind with plain bulkPuts in one
 * transaction, into the emptied collection again.
 */
export async function measureImport(scratch: Collection, name: string, bytes: Uint8Array, times: number): Promise<PairSamples> {
  const { db } = scratch;
  const figure: number[] = [];
  const floor: number[] = [];
  let written = '';
  for (let i = 0; i < times; i++) {
    await emptied(scratch);
    let started = performance.now();
    const { report } = await importFile(scratch, { name, bytes }, { now: Date.now() });
    figure.push(performance.now() - started);
    written = `${report.notesAdded} notes, ${report.cardsWritten} cards`;
    const [decks, noteTypes, notes, cards] = await Promise.all([db.decks.toArray(), db.noteTypes.toArray(), db.notes.toArray(), db.cards.toArray()]);
    await emptied(scratch);
    started = performance.now();
    await db.transaction('rw', [db.decks, db.noteTypes, db.notes, db.cards], async () => {
      await db.decks.bulkPut(decks);
      await db.noteTypes.bulkPut(noteTypes);
      await db.notes.bulkPut(notes);
      await db.cards.bulkPut(cards);
    });
    floor.push(performance.now() - started);
  }
  return { figure, floor, note: `${written} into an empty collection (read, validate, write); floor = bulkPut of the same rows` };
}

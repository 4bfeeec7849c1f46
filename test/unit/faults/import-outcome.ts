import { isBadFile } from '../../../src/core/files/file-problem';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { importFile } from '../../../src/renderer/src/transfer/service';
import { NOW, brokenRows, everyRow, studiedCollection } from './collection';
import type { HostileFile } from './hostile-files';

/** No single file may take longer than this to be read and imported or refused. */
export const TIME_CAP_MS = 10_000;

export interface Outcomes {
  imported: number;
  refused: number;
  /** Everything that went wrong, one line per file, naming the file and the damage done to it. */
  problems: string[];
  /** What the learner was told for each refused file. */
  messages: string[];
}

/**
 * Imports each file into a studied collection and records what a learner would see: a clear
 * error naming the file with the collection untouched, or a sound import. A collection changed
 * by an import is replaced, so each file meets the same collection.
 */
export async function importEach(files: readonly HostileFile[]): Promise<Outcomes> {
  const outcomes: Outcomes = { imported: 0, refused: 0, problems: [], messages: [] };
  let collection = await studiedCollection();
  try {
    for (const file of files) {
      const label = `${file.name} (${file.how})`;
      const before = await everyRow(collection);
      const started = performance.now();
      try {
        const { report } = await importFile(collection, { name: file.name, bytes: file.bytes }, { now: NOW });
        outcomes.imported++;
        const after = await everyRow(collection);
        if (after.notes!.length !== before.notes!.length + report.notesAdded) {
          outcomes.problems.push(`${label}: reported ${report.notesAdded} notes added, but ${after.notes!.length - before.notes!.length} were`);
        }
        outcomes.problems.push(...(await brokenRows(collection)).map((problem) => `${label}: imported, but ${problem}`));
        collection.close();
        collection = await studiedCollection();
      } catch (error) {
        outcomes.refused++;
        outcomes.messages.push(error instanceof Error ? error.message : String(error));
        if (!isBadFile(error)) {
          outcomes.problems.push(`${label}: threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`);
        } else if (!error.message.includes(file.name)) {
          outcomes.problems.push(`${label}: the message does not name the file: ${error.message.slice(0, 200)}`);
        }
        const after = await everyRow(collection);
        if (JSON.stringify(after) !== JSON.stringify(before)) outcomes.problems.push(`${label}: failed, but the collection changed`);
      }
      const elapsed = performance.now() - started;
      if (elapsed > TIME_CAP_MS) outcomes.problems.push(`${label}: took ${Math.round(elapsed)} ms`);
    }
  } finally {
    collection.close();
  }
  return outcomes;
}

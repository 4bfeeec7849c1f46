import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../src/core/formats';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { backupCollection, exportDecks, importFile, restoreFile } from '../../../src/renderer/src/transfer/service';
import { deepDecksFile } from '../../fixtures/hostile/generated';
import { NOW, emptyCollection, everyRow, fixture, studiedCollection } from './helpers';

const opened: Collection[] = [];
afterEach(() => opened.splice(0).forEach((collection) => collection.close()));
const track = (collection: Collection) => (opened.push(collection), collection);

const FIXTURE_DIRS = ['anki', 'formats', 'faults', 'transfer', 'hostile'];
const IMPORTABLE = /\.(apkg|colpkg|anki2|json|csv|tsv|md)$/;
/** Hostile files that must be refused as a whole; every other fixture must go all the way round. */
const REFUSED = new Set(['hostile/media-path.json', 'hostile/media-drive.json', 'hostile/absurd-due.json']);
/** Databases saved by each schema version, for the upgrade test: not deck files. */
const SAVED_DATABASE = /^faults\/schema-v\d+\.json$/;

const everyFixture = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(fileURLToPath(new URL(`../../fixtures/${dir}`, import.meta.url)))
    .filter((name) => IMPORTABLE.test(name) && !SAVED_DATABASE.test(`${dir}/${name}`))
    .map((name) => `${dir}/${name}`),
);

async function noteCount(collection: Collection): Promise<number> {
  return collection.db.notes.count();
}

describe('the one validity rule: whatever imports can be backed up, restored and exported', () => {
  for (const path of everyFixture.filter((p) => !REFUSED.has(p))) {
    it(`${path}: import → back up → restore → export (.apkg, .json, .csv) → import`, async () => {
      const first = track(emptyCollection());
      await importFile(first, { name: path.split('/').pop()!, bytes: fixture(path) }, { now: NOW });
      const notes = await noteCount(first);
      expect(notes).toBeGreaterThan(0);

      const backup = await backupCollection(first, NOW);
      const restored = track(emptyCollection());
      await restoreFile(restored, { name: backup.fileName, bytes: backup.bytes }, { now: NOW });
      expect(await noteCount(restored)).toBe(notes);

      for (const format of ['apkg', 'kioku-deck', 'csv'] as const) {
        const file = await exportDecks(restored, { format, withScheduling: true, now: NOW });
        const again = track(emptyCollection());
        await importFile(again, { name: file.fileName, bytes: file.bytes }, { now: NOW });
        // CSV holds Basic front/back notes only; the rest keep every note.
        if (format !== 'csv') expect(await noteCount(again), format).toBe(notes);
        else expect(await noteCount(again), format).toBeGreaterThan(0);
      }
    });
  }

  for (const path of everyFixture.filter((p) => REFUSED.has(p) && p.startsWith('hostile/'))) {
    it(`${path}: refused as a whole, naming where, and nothing changes`, async () => {
      const collection = track(await studiedCollection());
      const before = await everyRow(collection);
      await expect(importFile(collection, { name: path.split('/').pop()!, bytes: fixture(path) }, { now: NOW })).rejects.toThrow(/: /);
      expect(await everyRow(collection)).toStrictEqual(before);
    });
  }

  it('refuses a due date of -1e300 and names the card', async () => {
    await expect(importFile(track(emptyCollection()), { name: 'absurd-due.json', bytes: fixture('hostile/absurd-due.json') }, { now: NOW })).rejects.toThrow(
      /card absurd-card: due is -1e\+300; expected a time between the years 1 and 9999/,
    );
  });

  it('refuses 3,000 nested decks by the depth limit instead of overflowing the stack', async () => {
    const bytes = new TextEncoder().encode(deepDecksFile(3000));
    await expect(importFile(track(emptyCollection()), { name: 'deep.json', bytes }, { now: NOW })).rejects.toThrow(/nested 101 decks deep; the limit is 100/);
  });

  it('names an empty Anki deck name "blank", as Anki does, so the deck can be backed up and exported', async () => {
    const collection = track(emptyCollection());
    await importFile(collection, { name: 'empty-deck-name.apkg', bytes: fixture('hostile/empty-deck-name.apkg') }, { now: NOW });
    expect((await collection.db.decks.toArray()).map((deck) => deck.name)).toContain('blank');
  });

  it('restores nothing from a backup whose settings the app could not run with', async () => {
    const collection = track(await studiedCollection());
    const before = await everyRow(collection);
    for (const settings of [{ app: { dayStartHour: 'five' } }, { app: 'dark' }, { deckDefaults: { newPerDay: -3 } }, { deckDefaults: { learningSteps: '1m' } }]) {
      const bytes = writeBackup({ decks: [], noteTypes: [], notes: [] }, { settings: { settings }, now: NOW });
      await expect(restoreFile(collection, { name: 'bad-settings.kioku-backup', bytes }, { now: NOW }), JSON.stringify(settings)).rejects.toThrow(/settings\.json", settings\./);
      expect(await everyRow(collection)).toStrictEqual(before);
    }
  });
});

import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import { KiokuDb } from '../../../src/renderer/src/storage/db';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { brokenRows } from './collection';
import { presetsFromPinned, type PinnedDeck } from '../../../src/core/presets/from-pinned';
import type { DeckOptions } from '../../../src/core/scheduling/options';
import { withOneFlag } from '../../../src/core/cards/flags';
import { MARKED_KINDS, wholeKind } from '../../../src/renderer/src/storage/sync/change-marks';

/** A database as an earlier Kioku left it: the schemas it went through and every row it held. */
interface SavedDatabase {
  version: number;
  schemas: { version: number; stores: Record<string, string> }[];
  tables: Record<string, Record<string, unknown>[]>;
}

const fixtureUrl = (version: number) => new URL(`../../fixtures/faults/schema-v${version}.json`, import.meta.url);

function savedDatabase(version: number): SavedDatabase {
  return JSON.parse(readFileSync(fileURLToPath(fixtureUrl(version)), 'utf8')) as SavedDatabase;
}

/**
 * The versions KiokuDb declares. Numbers may skip (versions were handed out to work done side by
 * side), so they are read from Dexie's own list of declared versions rather than counted.
 */
const declaredVersions = (() => {
  const db = new KiokuDb('kioku-faults-version-probe') as unknown as { _versions: { _cfg: { version: number } }[] };
  return db._versions.map((version) => version._cfg.version).sort((a, b) => a - b);
})();
const currentVersion = declaredVersions.at(-1)!;
const earlierVersions = declaredVersions.slice(0, -1);

/** Writes the fixture with the schemas of its own time, exactly as that Kioku would have, and closes it. */
async function restoreSaved(saved: SavedDatabase, name: string): Promise<void> {
  const db = new Dexie(name);
  for (const { version, stores } of saved.schemas) db.version(version).stores(stores);
  await db.open();
  for (const [table, rows] of Object.entries(saved.tables)) await db.table(table).bulkAdd(rows);
  db.close();
}

/**
 * Each row as the upgrades should leave it. Version 2 adds `queue` to cards (the state, or -1
 * when suspended); version 3 only adds indexes and the media table, so rows stay as they are;
 * version 14 moves a flag kept under `anki.flags` to `flag`.
 */
function upgraded(table: string, row: Record<string, unknown>, from: number): Record<string, unknown> {
  let result = row;
  if (table === 'cards' && from < 2) result = { ...result, queue: result.suspended ? -1 : result.state };
  if (table === 'cards' && from < 14) result = withOneFlag(result);
  return result;
}

/**
 * Version 4 adds `deckTotals`: every saved deck with the number of its saved cards, 0 included.
 * Version 13 turns options pinned on decks into presets (its own test: test/unit/presets/migration.test.ts).
 * Version 16 marks every kind of synced record as changed, so the next sync compares them all.
 */
function expectedRows(saved: SavedDatabase, table: string, from: number): Record<string, unknown>[] {
  if ((table === 'decks' || table === 'settings') && from < 13) {
    const settings = saved.tables.settings ?? [];
    const defaults = (settings.find((row) => row.key === 'deckDefaults')?.value ?? {}) as Partial<DeckOptions>;
    const migrated = presetsFromPinned((saved.tables.decks ?? []) as unknown as PinnedDeck[], defaults);
    if (table === 'decks') return migrated.decks as unknown as Record<string, unknown>[];
    return [
      ...settings.filter((row) => row.key !== 'deckDefaults'),
      { key: 'deckDefaults', value: migrated.collectionExam },
      { key: 'presets', value: migrated.presets },
    ];
  }
  if (table === 'syncChanges' && from < 16) return MARKED_KINDS.map((kind) => ({ id: wholeKind(kind), mark: 0 }));
  if (table === 'deckTotals' && from < 4) {
    return (saved.tables.decks ?? []).map((deck) => ({
      deckId: deck.id,
      cards: (saved.tables.cards ?? []).filter((card) => card.deckId === deck.id).length,
    }));
  }
  return (saved.tables[table] ?? []).map((row) => upgraded(table, row, from));
}

const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));

describe('databases saved by every earlier schema version upgrade with nothing lost', () => {
  it('has a saved database for every version before the current one', () => {
    expect(currentVersion).toBeGreaterThanOrEqual(2);
    for (const version of earlierVersions) {
      expect(existsSync(fixtureUrl(version)), `test/fixtures/faults/schema-v${version}.json is missing`).toBe(true);
      expect(savedDatabase(version).version).toBe(version);
      expect(savedDatabase(version).schemas.at(-1)?.version).toBe(version);
    }
  });

  for (const version of earlierVersions) {
    it(`version ${version}: every row of every table, field by field, then studies, edits and exports`, async () => {
      const saved = savedDatabase(version);
      const name = `kioku-faults-upgrade-v${version}-${Math.random().toString(36).slice(2)}`;
      await restoreSaved(saved, name);

      const collection = new Collection({ name, zone: 'Asia/Tokyo' });
      try {
        await collection.db.open();
        expect(collection.db.verno).toBe(currentVersion);
        for (const table of collection.db.tables) {
          const key = table.schema.primKey.keyPath as string;
          const expected = expectedRows(saved, table.name, version).sort(byKey(key));
          const stored = ((await table.toArray()) as Record<string, unknown>[]).sort(byKey(key));
          expect(stored.length, `${table.name}: row count`).toBe(expected.length);
          stored.forEach((row, i) => {
            for (const field of new Set([...Object.keys(expected[i]!), ...Object.keys(row)])) {
              expect(row[field], `${table.name} ${String(row[key])}.${field}`).toStrictEqual(expected[i]![field]);
            }
          });
        }

        const savedSettings = Object.fromEntries(saved.tables.settings!.map((row) => [row.key, row.value]));
        expect(await collection.settings()).toEqual(savedSettings.app);
        // From version 13 the options every deck starts from are the default preset's, the exam beside them.
        const defaultPreset = (savedSettings.presets as { id: string; options: object }[] | undefined)?.find((preset) => preset.id === 'default');
        expect(await collection.collectionOptions()).toEqual(version >= 13 ? { ...defaultPreset?.options, ...(savedSettings.deckDefaults as object) } : savedSettings.deckDefaults);
        const jp = await collection.deckOptions('deck-jp');
        expect([jp.newPerDay, jp.learningSteps, jp.maximumIntervalDays]).toEqual([5, ['2m', '15m'], 365]);
        expect((await collection.deckOptions('deck-aws')).examDate).toBe('2027-01-15');
        for (const note of saved.tables.notes!.filter((row) => typeof row.guid === 'string')) {
          expect((await collection.db.notes.where('guid').equals(note.guid as string).first())?.id).toBe(note.id);
        }

        const now = Date.UTC(2026, 10, 1, 1, 0);
        const queue = await collection.todayQueue('deck-aws', now);
        expect(queue.cards.map((card) => card.id)).toEqual(['n-iam/0']);
        const answered = await collection.answer('n-iam/0', Rating.Good, now, 5000);
        expect(answered.card.state).toBe(CardState.Learning);
        expect(await collection.db.reviews.count()).toBe(saved.tables.reviews!.length + 1);
        await collection.updateNote('n-yama', { tags: ['mountain'] }, now);
        if (version >= 13) {
          // The flag Kioku once kept under anki.flags is the card's flag: shown, found by flag:1, exported.
          expect((await collection.browse('flag:1', now)).map((row) => row.card.id)).toEqual(['anki-note-1348208769429/0']);
        }
        expect(await brokenRows(collection)).toEqual([]);
      } finally {
        collection.close();
      }
    });
  }
});

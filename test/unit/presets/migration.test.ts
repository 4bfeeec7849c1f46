import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { Collection } from '../../../src/renderer/src/storage/collection';

interface SavedDatabase {
  schemas: { version: number; stores: Record<string, string> }[];
  tables: Record<string, Record<string, unknown>[]>;
}

/** Version 12 as the old Options screen left it: every inherited value saved onto the decks it touched. */
const saved = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/faults/schema-v12.json', import.meta.url)), 'utf8')) as SavedDatabase;

let collection: Collection;
afterEach(() => collection.close());

async function upgraded(): Promise<Collection> {
  const name = `kioku-presets-upgrade-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  for (const { version, stores } of saved.schemas) old.version(version).stores(stores);
  await old.open();
  for (const [table, rows] of Object.entries(saved.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  collection = new Collection({ name, zone: 'Asia/Tokyo' });
  await collection.db.open();
  return collection;
}

const NOW = Date.UTC(2026, 11, 3, 3, 0);

describe('upgrading a database with options pinned on decks (schema version 13)', () => {
  it('leaves every deck studied with the options it had', async () => {
    const c = await upgraded();
    const jp = await c.deckOptions('deck-jp');
    expect([jp.newPerDay, jp.learningSteps, jp.maximumIntervalDays, jp.desiredRetention]).toEqual([5, ['2m', '15m'], 365, 0.9]);
    const kanji = await c.deckOptions('deck-jp-kanji');
    expect([kanji.newPerDay, kanji.learningSteps, kanji.examDate]).toEqual([5, ['2m', '15m'], null]);
    const aws = await c.deckOptions('deck-aws');
    expect([aws.desiredRetention, aws.newPerDay, aws.examDate]).toEqual([0.85, 15, '2027-01-15']);
    expect((await c.deckOptions('deck-aws-iam')).examDate).toBe('2027-01-15');
    expect((await c.deckOptions('deck-aws-kms')).examDate).toBe('2027-01-02');
    const empty = await c.deckOptions('deck-empty');
    expect([empty.newPerDay, empty.maximumIntervalDays, empty.examDate]).toEqual([15, 365, null]);
  });

  it('makes a deck whose saved options equal what it inherited a user of its parent’s preset', async () => {
    const c = await upgraded();
    const presets = await c.presets();
    const names = Object.fromEntries(presets.map((preset) => [preset.name, preset.deckIds.sort()]));
    expect(names).toEqual({
      Default: ['deck-empty'],
      日本語: ['deck-jp', 'deck-jp-kanji'],
      'AWS Security': ['deck-aws', 'deck-aws-iam', 'deck-aws-kms'],
    });
    expect((await c.db.decks.get('deck-jp-kanji'))?.options).toEqual({});
    expect((await c.db.decks.get('deck-aws-iam'))?.options).toEqual({});
    expect((await c.deckSetupOf('deck-aws-iam')).examHome).toBe('deck-aws');
    // The stale exam date differs from what the deck inherits now: kept as that deck's own, not guessed away.
    expect((await c.deckSetupOf('deck-aws-kms')).examHome).toBe('deck-aws-kms');
  });

  it('lets a moved exam date and a changed preset reach the decks that had them pinned', async () => {
    const c = await upgraded();
    await c.setExam('deck-aws', '2027-02-01', 0.9, NOW);
    expect((await c.deckOptions('deck-aws-iam')).examDate).toBe('2027-02-01');
    expect((await c.deckOptions('deck-aws-iam')).examTarget).toBe(0.9);
    expect((await c.deckOptions('deck-aws-kms')).examDate).toBe('2027-01-02');

    const { presetId } = await c.deckSetupOf('deck-jp');
    await c.savePresetOptions(presetId, { newPerDay: 9 });
    expect((await c.deckOptions('deck-jp-kanji')).newPerDay).toBe(9);
    expect((await c.deckOptions('deck-empty')).newPerDay).toBe(15);
  });
});

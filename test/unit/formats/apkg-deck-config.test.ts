import initSqlJs from 'sql.js';
import type { Database } from 'sql.js';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readApkg, writeApkg } from '../../../src/core/formats';
import { exportAnkiCollection, float32s, legacyPackage, modernPackage, pb, pbFloat, schema11Collection, schema18Collection } from '../../fixtures/anki-format/build-package';

/** A learner's fitted FSRS-6 parameters, four decimals as Anki keeps them. */
const FITTED = [0.0747, 0.326, 0.9, 3.1, 6.44, 0.8686, 3.1122, 0.001, 1.6929, 0.0572, 0.6173, 1.4159, 0.0786, 0.1849, 1.5753, 0.606, 1.7257, 0.3482, 0.0624, 0.0485, 0.1125];
/** FSRS-4.5's 17 default parameters, as an Anki 23.10 preset holds them in fsrsWeights. */
const FSRS45 = [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755];
const CRT = 1_700_000_000;

/** Basic note type, one note and card per deck, on Anki's schema-18 SQL. */
function schema18Notes(db: Database, deckIds: number[]): void {
  db.run('insert into notetypes values (10, ?, 0, 0, ?)', ['Basic', pb([1, 0])]);
  db.run('insert into fields values (10, 0, ?, ?)', ['Front', pb()]);
  db.run('insert into fields values (10, 1, ?, ?)', ['Back', pb()]);
  db.run('insert into templates values (10, 0, ?, 0, 0, ?)', ['Card 1', pb([1, '{{Front}}'], [2, '{{Back}}'])]);
  deckIds.forEach((deckId, i) => {
    db.run("insert into notes values (?, ?, 10, 0, 0, '', ?, 'q', 0, 0, '')", [100 + i, `g${i}`, `q${i}\u001fa${i}`]);
    db.run("insert into cards values (?, ?, ?, 0, 0, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')", [1000 + i, 100 + i, deckId, i + 1]);
  });
}

/**
 * Presets as Anki 24.11 stores them (table deck_config, DeckConfig.Config protobuf): Default with
 * no parameters, "Fitted" with FSRS-6 parameters (field 6) and desired retention 0.85 (field 37),
 * and "Broken" whose parameter list has 5 numbers.
 */
async function modernWithPresets(): Promise<Uint8Array> {
  const db = await schema18Collection(CRT);
  db.run('insert into deck_config values (1, ?, 0, 0, ?)', ['Default', pbFloat(37, 0.9)]);
  db.run('insert into deck_config values (2, ?, 0, 0, ?)', ['Fitted', new Uint8Array([...pb([6, float32s(...FITTED)]), ...pbFloat(37, 0.85)])]);
  db.run('insert into deck_config values (3, ?, 0, 0, ?)', ['Broken', new Uint8Array([...pb([6, float32s(1, 2, 3, 4, 5)]), ...pbFloat(37, 0.9)])]);
  db.run('insert into decks values (1, ?, 0, 0, ?, ?)', ['Default', pb(), pb([1, pb([1, 1])])]);
  db.run('insert into decks values (20, ?, 0, 0, ?, ?)', ['Exam', pb(), pb([1, pb([1, 2])])]);
  db.run('insert into decks values (21, ?, 0, 0, ?, ?)', ['Exam\u001fIAM', pb(), pb([1, pb([1, 2])])]);
  db.run('insert into decks values (22, ?, 0, 0, ?, ?)', ['Plain', pb(), pb([1, pb([1, 1])])]);
  db.run('insert into decks values (23, ?, 0, 0, ?, ?)', ['Odd', pb(), pb([1, pb([1, 3])])]);
  schema18Notes(db, [20, 21, 22, 23]);
  return modernPackage(exportAnkiCollection(db));
}

const optionsByName = (decks: { name: string; options?: unknown }[]) => Object.fromEntries(decks.map((deck) => [deck.name, deck.options]));

describe('Anki deck options presets in packages', () => {
  it('reads FSRS parameters and desired retention from the presets of a modern .apkg, and skips a malformed one with its reason', async () => {
    const { collection, skipped } = await readApkg(await modernWithPresets(), 'presets.apkg', { withScheduling: false });
    expect(optionsByName(collection.decks)).toEqual({
      Exam: { fsrsParameters: FITTED, desiredRetention: 0.85 },
      'Exam::IAM': { fsrsParameters: FITTED, desiredRetention: 0.85 },
      Plain: undefined,
      Odd: undefined,
    });
    expect(skipped).toEqual([{ kind: 'deck-options', name: 'Odd', reason: 'bad-deck-config', detail: {} }]);
    expect(collection.notes).toHaveLength(4);
  });

  it('reads a legacy preset (col.dconf), migrating FSRS-4.5 parameters to FSRS-6', async () => {
    const db = await schema11Collection(CRT);
    const preset = (id: number, extra: object) => ({ id, name: `Preset ${id}`, mod: 0, usn: 0, dyn: false, new: {}, rev: {}, lapse: {}, ...extra });
    db.run('update col set decks = ?, dconf = ?, models = ?', [
      JSON.stringify({
        1: { id: 1, name: 'Default', conf: 1, dyn: 0, desc: '' },
        20: { id: 20, name: 'Legacy', conf: 2, dyn: 0, desc: '' },
      }),
      JSON.stringify({ 1: preset(1, { desiredRetention: 0.9 }), 2: preset(2, { fsrsWeights: FSRS45, desiredRetention: 0.8 }) }),
      JSON.stringify({ 10: { id: 10, name: 'Basic', type: 0, flds: [{ name: 'Front', ord: 0 }, { name: 'Back', ord: 1 }], tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{Back}}' }] } }),
    ]);
    db.run("insert into notes values (100, 'g0', 10, 0, 0, '', 'q\u001fa', 'q', 0, 0, '')");
    db.run("insert into cards values (1000, 100, 20, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    const { collection } = await readApkg(legacyPackage(exportAnkiCollection(db), 'collection.anki21'), 'legacy.apkg', { withScheduling: false });
    const legacy = collection.decks.find((deck) => deck.name === 'Legacy')!;
    expect(legacy.options?.desiredRetention).toBe(0.8);
    expect(legacy.options?.fsrsParameters).toHaveLength(21);
    expect(legacy.options?.fsrsParameters?.slice(0, 4)).toEqual(FSRS45.slice(0, 4));
  });

  it('writes each deck’s parameters into a preset Anki reads, and reading that back gives the same options', async () => {
    const { collection } = await readApkg(await modernWithPresets(), 'presets.apkg', { withScheduling: false });
    const exported = await writeApkg(collection, { withScheduling: false, now: Date.UTC(2026, 11, 3) });

    // What Anki reads: col.dconf presets with fsrsParams6/desiredRetention, each deck's conf pointing at one.
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(exported)['collection.anki2']);
    const [decksJson, dconfJson] = db.exec('select decks, dconf from col')[0]!.values[0] as [string, string];
    db.close();
    const decks = Object.values(JSON.parse(decksJson) as Record<string, { name: string; conf: number }>);
    const dconf = JSON.parse(dconfJson) as Record<string, { name: string; fsrsParams6?: number[]; desiredRetention?: number }>;
    const presetOf = (name: string) => dconf[String(decks.find((deck) => deck.name === name)!.conf)]!;
    expect(presetOf('Exam')).toMatchObject({ fsrsParams6: FITTED, desiredRetention: 0.85 });
    expect(presetOf('Exam::IAM')).toBe(presetOf('Exam'));
    expect(presetOf('Plain').fsrsParams6).toBeUndefined();
    expect(presetOf('Plain').name).toBe('Default');

    const back = await readApkg(exported, 'back.apkg', { withScheduling: false });
    expect(optionsByName(back.collection.decks)).toEqual(optionsByName(collection.decks));
  });
});

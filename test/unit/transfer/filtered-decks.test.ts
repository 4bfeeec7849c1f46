import { afterEach, describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../../src/core/deck-format';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { CardState, type Card } from '../../../src/core/collection/model';
import { readApkg } from '../../../src/core/formats';
import { learnerDay } from '../../../src/core/scheduling/day';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { backupCollection, exportDecks, importFile, restoreFile } from '../../../src/renderer/src/transfer/service';
import { NOW, bytesOf, emptyCollection, everyRow, rezip, studiedCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

describe('a backup of a collection with a filtered deck', () => {
  it('restores the filtered deck with its searches and preview delays, and its cards still know their home deck and due', async () => {
    collection = await studiedCollection();
    const config = { search: 'deck:*', limit: 2, order: 'due' as const, reschedule: true, second: { search: 'is:new', limit: 5, order: 'random' as const }, previewDelays: { again: 5, hard: 0, good: 70 } };
    const { deckId, cards } = await collection.createFilteredDeck('Exam week', config, NOW);
    expect(cards).toBeGreaterThan(2);
    const original = await everyRow(collection);
    const backup = await backupCollection(collection, NOW);

    await collection.emptyFilteredDeck(deckId);
    await restoreFile(collection, { name: backup.fileName, bytes: backup.bytes }, { now: NOW + 60_000 });
    expect(await everyRow(collection)).toStrictEqual(original);
    // Emptied after the restore, the cards go back where they came from.
    expect(await collection.db.decks.get(deckId)).toMatchObject({ filtered: config });
    expect(await collection.emptyFilteredDeck(deckId)).toBe(cards);
    expect(await collection.db.cards.where('deckId').equals(deckId).count()).toBe(0);
  });

  it('refuses a backup whose card would have nowhere to go home to, and changes nothing', async () => {
    collection = await studiedCollection();
    await collection.createFilteredDeck('Exam week', { search: 'deck:*', limit: 2, order: 'due', reschedule: true }, NOW);
    const backup = await backupCollection(collection, NOW);
    const before = await everyRow(collection);
    const cardsOf = (files: Record<string, unknown>) => JSON.parse(new TextDecoder().decode(files['cards.json'] as Uint8Array)) as { id: string; homeDeckId?: string }[];
    const homeless = rezip(backup.bytes, (files) => {
      files['cards.json'] = bytesOf(JSON.stringify(cardsOf(files).map((card) => (card.homeDeckId ? { ...card, homeDeckId: 'deck-gone' } : card))));
    });
    await expect(restoreFile(collection, { name: 'homeless.kioku-backup', bytes: homeless }, { now: NOW })).rejects.toThrow(
      /^homeless\.kioku-backup, zip entry "cards\.json", card \d+ \([^)]+\): has home deck deck-gone, which is not an ordinary deck of the backup/,
    );
    const stuck = rezip(backup.bytes, (files) => {
      files['cards.json'] = bytesOf(JSON.stringify(cardsOf(files).map(({ homeDeckId: _home, ...card }) => card)));
    });
    await expect(restoreFile(collection, { name: 'stuck.kioku-backup', bytes: stuck }, { now: NOW })).rejects.toThrow(/without a home deck to go back to/);
    expect(await everyRow(collection)).toStrictEqual(before);
  });
});

describe('an export of a collection with a filtered deck', () => {
  /** Each card (not new) as its home deck's name and the learner day it is due there. */
  const placed = async (cards: readonly Card[], deckNames: Map<string, string>) => {
    const rules = await collection.dayRules();
    return cards
      .filter((card) => card.state !== CardState.New)
      .map((card) => `${deckNames.get(card.homeDeckId ?? card.deckId)} ${learnerDay(card.homeDue ?? card.due, rules)}`)
      .sort();
  };

  it('carries every card in its home deck with its due there in a Kioku file, and no filtered deck', async () => {
    collection = await studiedCollection();
    const names = new Map((await collection.db.decks.toArray()).map((deck) => [deck.id, deck.name]));
    const atHome = await placed(await collection.db.cards.toArray(), names);
    await collection.createFilteredDeck('Exam week', { search: 'deck:*', limit: 2, order: 'due', reschedule: true }, NOW);
    const json = await exportDecks(collection, { format: 'kioku-deck', withScheduling: true, now: NOW });
    const fromJson = parseDeckFile(new TextDecoder().decode(json.bytes), json.fileName);
    expect(fromJson.decks.map((deck) => deck.name)).not.toContain('Exam week');
    expect(await placed(fromJson.cards ?? [], new Map(fromJson.decks.map((deck) => [deck.id, deck.name])))).toEqual(atHome);
  });

  it("writes it into an .apkg as Anki's own filtered deck: dyn 1 with its search, cards in it linked home by odid and odue", async () => {
    collection = await studiedCollection();
    const names = new Map((await collection.db.decks.toArray()).map((deck) => [deck.id, deck.name]));
    const atHome = await placed(await collection.db.cards.toArray(), names);
    await collection.createFilteredDeck('Exam week', { search: 'deck:*', limit: 2, order: 'due', reschedule: true }, NOW);
    const previewDelays = { again: 30, hard: 120, good: 45 };
    await collection.createFilteredDeck('Preview', { search: 'is:new', limit: 1, order: 'added', reschedule: false, second: { search: 'tag:none', limit: 7, order: 'random' }, previewDelays }, NOW);
    const moved = (await collection.db.cards.toArray()).filter((card) => card.homeDeckId !== undefined);
    expect(moved).toHaveLength(3);
    for (const deck of await collection.db.decks.toArray()) names.set(deck.id, deck.name);

    const apkg = await exportDecks(collection, { format: 'apkg', withScheduling: true, now: NOW });
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(apkg.bytes)['collection.anki2']);
    const decks = Object.values(JSON.parse(String(db.exec('select decks from col')[0]!.values[0]![0])) as Record<string, Record<string, unknown>>);
    const nameOf = new Map(decks.map((deck) => [deck.id as number, deck.name as string]));
    // decks.proto SearchTerm.Order: DUE = 6, ADDED = 5, RANDOM = 1.
    expect(decks.find((deck) => deck.name === 'Exam week')).toMatchObject({ dyn: 1, resched: true, terms: [['deck:*', 2, 6]], previewAgainSecs: 60, previewHardSecs: 600, previewGoodSecs: 0 });
    expect(decks.find((deck) => deck.name === 'Preview')).toMatchObject({
      dyn: 1,
      resched: false,
      terms: [
        ['is:new', 1, 5],
        ['tag:none', 7, 1],
      ],
      previewAgainSecs: 30,
      previewHardSecs: 120,
      previewGoodSecs: 45,
    });
    const rows = db.exec('select did, odid, odue, due, queue, type from cards where odid != 0')[0]!.values as number[][];
    db.close();
    expect(rows.map(([did, odid]) => `${nameOf.get(did!)} ← ${nameOf.get(odid!)}`).sort()).toEqual(moved.map((card) => `${names.get(card.deckId)} ← ${names.get(card.homeDeckId!)}`).sort());
    for (const [did, , odue, due, queue, type] of rows) {
      // Not answered there yet: its place in the deck's order (rslib filtered/card.rs), its due at home kept in odue.
      expect(due).toBeLessThan(-99_000);
      expect(odue).not.toBe(0);
      // A deck that does not reschedule puts every card in the review queue.
      expect(queue).toBe(nameOf.get(did!) === 'Preview' || type === 2 ? 2 : type);
    }

    // Kioku reads a card in Anki's filtered deck in its home deck, due on the day it was due there.
    const { collection: fromApkg } = await readApkg(apkg.bytes, apkg.fileName, { withScheduling: true, now: NOW, dayRules: await collection.dayRules() });
    expect(await placed(fromApkg.cards ?? [], new Map(fromApkg.decks.map((deck) => [deck.id, deck.name])))).toEqual(atHome);
  });
});

describe('an .apkg with filtered decks, imported', () => {
  /** Each card as its note's first field, the deck it is in, its home deck, and the learner day it is due at home (new cards by state). */
  const where = async (target: Collection) => {
    const rules = await target.dayRules();
    const decks = new Map((await target.db.decks.toArray()).map((deck) => [deck.id, deck.name]));
    const notes = new Map((await target.db.notes.toArray()).map((note) => [note.id, note.fields[0]]));
    return (await target.db.cards.toArray())
      .map((card) => {
        const home = card.homeDeckId === undefined ? '' : ` ← ${decks.get(card.homeDeckId)} ${card.state === CardState.New ? 'new' : learnerDay(card.homeDue!, rules)}`;
        return `${notes.get(card.noteId)} #${card.template}: ${decks.get(card.deckId)}${home}`;
      })
      .sort();
  };
  const filteredDecks = async (target: Collection) =>
    Object.fromEntries((await target.db.decks.toArray()).filter((deck) => deck.filtered).map((deck) => [deck.name, deck.filtered]));

  /** The collection the file is imported into. */
  let other: Collection;
  afterEach(() => other.close());

  async function exportedWithFilteredDecks() {
    collection = await studiedCollection();
    await collection.createFilteredDeck('Exam week', { search: 'deck:*', limit: 2, order: 'due', reschedule: true }, NOW);
    await collection.createFilteredDeck('Preview', { search: 'is:new', limit: 1, order: 'added', reschedule: false }, NOW);
    return exportDecks(collection, { format: 'apkg', withScheduling: true, now: NOW });
  }

  it('into another collection keeps each filtered deck with its search, and its cards in it, linked to their home deck and due there', async () => {
    const apkg = await exportedWithFilteredDecks();
    other = emptyCollection();
    await other.setSettings({ dayStartHour: 5 });
    // A deck of the same name is the learner's already: the cards' home is that deck.
    await other.createDeck('日本語', NOW);
    await importFile(other, { name: apkg.fileName, bytes: apkg.bytes }, { now: NOW, withScheduling: true });
    expect(await filteredDecks(other)).toEqual(await filteredDecks(collection));
    expect(await where(other)).toEqual(await where(collection));
    // Emptied there, the cards go home as they would have in the collection they came from.
    const examWeek = (await other.db.decks.toArray()).find((deck) => deck.name === 'Exam week')!;
    expect(await other.emptyFilteredDeck(examWeek.id)).toBe(2);
  });

  it('without schedules brings no filtered deck: every card arrives new in its home deck', async () => {
    const apkg = await exportedWithFilteredDecks();
    other = emptyCollection();
    // The import screen reads the file with its schedules for the preview, then leaves them out if the learner unticks them.
    const { collection: read } = await readApkg(apkg.bytes, apkg.fileName, { withScheduling: true, now: NOW });
    expect(read.decks.filter((deck) => deck.filtered)).toHaveLength(2);
    await other.importData(read, { fileName: apkg.fileName, now: NOW, withScheduling: false });
    expect(await filteredDecks(other)).toEqual({});
    const cards = await other.db.cards.toArray();
    expect(cards.filter((card) => card.homeDeckId !== undefined || card.state !== CardState.New)).toEqual([]);
    expect((await other.db.decks.toArray()).map((deck) => deck.name).sort()).toEqual(['AWS Security::サービス', '日本語']);
  });

  it("does not put a file's filtered deck in the place of the learner's normal deck of the same name", async () => {
    const apkg = await exportedWithFilteredDecks();
    other = emptyCollection();
    const mine = await other.createDeck('Exam week', NOW);
    await importFile(other, { name: apkg.fileName, bytes: apkg.bytes }, { now: NOW, withScheduling: true });
    const decks = await other.db.decks.toArray();
    const kept = decks.find((deck) => deck.id === mine)!;
    expect([kept.name, kept.filtered]).toEqual(['Exam week', undefined]);
    expect(await other.db.cards.where('deckId').equals(mine).count()).toBe(0);
    const theirs = decks.filter((deck) => deck.filtered?.search === 'deck:*');
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.name).not.toBe('Exam week');
    expect(await other.db.cards.where('deckId').equals(theirs[0]!.id).count()).toBe(2);
  });
});

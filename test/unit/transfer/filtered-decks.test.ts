import { afterEach, describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../../src/core/deck-format';
import { readApkg } from '../../../src/core/formats';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { backupCollection, exportDecks, restoreFile } from '../../../src/renderer/src/transfer/service';
import { NOW, bytesOf, everyRow, rezip, studiedCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

describe('a backup of a collection with a filtered deck', () => {
  it('restores the filtered deck with its search, and its cards still know their home deck and due', async () => {
    collection = await studiedCollection();
    const { deckId, cards } = await collection.createFilteredDeck('Exam week', { search: 'deck:*', limit: 2, order: 'due', reschedule: true }, NOW);
    expect(cards).toBe(2);
    const original = await everyRow(collection);
    const backup = await backupCollection(collection, NOW);

    await collection.emptyFilteredDeck(deckId);
    await restoreFile(collection, { name: backup.fileName, bytes: backup.bytes }, { now: NOW + 60_000 });
    expect(await everyRow(collection)).toStrictEqual(original);
    // Emptied after the restore, the cards go back where they came from.
    expect(await collection.emptyFilteredDeck(deckId)).toBe(2);
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
  it('carries every card in its home deck with its due there, and no filtered deck, as Kioku reads Anki\'s', async () => {
    collection = await studiedCollection();
    const names = new Map((await collection.db.decks.toArray()).map((deck) => [deck.id, deck.name]));
    const DAY = 86_400_000;
    // Each card as its home deck's name and, in Kioku's own file, the day it is due there (an .apkg
    // counts due days from its own collection's creation, in the reader's day).
    const placed = (cards: readonly { deckId: string; due: number }[], deckNames: Map<string, string>, withDay = true) =>
      cards.map((card) => `${deckNames.get(card.deckId)}${withDay ? ` ${Math.round(card.due / DAY)}` : ''}`).sort();
    const before = await collection.db.cards.toArray();
    const atHome = placed(before, names);
    await collection.createFilteredDeck('Exam week', { search: 'deck:*', limit: 2, order: 'due', reschedule: true }, NOW);
    const apkg = await exportDecks(collection, { format: 'apkg', withScheduling: true, now: NOW });
    const { collection: fromApkg } = await readApkg(apkg.bytes, apkg.fileName, { withScheduling: true, now: NOW });
    const json = await exportDecks(collection, { format: 'kioku-deck', withScheduling: true, now: NOW });
    const fromJson = parseDeckFile(new TextDecoder().decode(json.bytes), json.fileName);
    for (const read of [fromJson, fromApkg]) expect(read.decks.map((deck) => deck.name)).not.toContain('Exam week');
    expect(placed(fromJson.cards ?? [], new Map(fromJson.decks.map((deck) => [deck.id, deck.name])))).toEqual(atHome);
    expect(placed(fromApkg.cards ?? [], new Map(fromApkg.decks.map((deck) => [deck.id, deck.name])), false)).toEqual(placed(before, names, false));
  });
});

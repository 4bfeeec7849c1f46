import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { T0, basicNote, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

/** Each deck's cards counted one by one on the cards index: what the kept totals must always say. */
async function countedOnTheIndex(collection: Collection): Promise<Map<string, number>> {
  const decks = await collection.db.decks.toArray();
  const counts = await Promise.all(decks.map((deck) => collection.db.cards.where('deckId').equals(deck.id).count()));
  return new Map(decks.map((deck, i) => [deck.id, counts[i]!]));
}

/** Every card of each deck itself, as the deck list shows them. */
async function cardsPerDeck(collection: Collection): Promise<Map<string, number>> {
  return (await collection.deckList(T0)).cardsPerDeck;
}

async function expectTotalsToMatchTheCards(collection: Collection): Promise<void> {
  expect(await cardsPerDeck(collection)).toEqual(await countedOnTheIndex(collection));
}

describe('cards per deck for the deck list', () => {
  it('counts every card of each deck itself, suspended and buried ones too, and not those of its subdecks', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.addNote({ noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck-aws-iam', fields: ['Role', 'An identity'] }, T0);
    await collection.suspend('aws-0/0');
    await collection.bury('jp-inu/1', T0);
    expect(await cardsPerDeck(collection)).toEqual(
      new Map([
        ['deck-aws', 3],
        ['deck-aws-iam', 1],
        ['deck-jp', 2],
      ]),
    );
  });

  it('stays true through adding, editing, deleting and undoing notes', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(2), T0);
    const { note } = await collection.addNote({ noteTypeId: CLOZE_NOTE_TYPE.id, deckId: 'deck-jp', fields: ['{{c1::犬}} is dog', ''] }, T0);
    await expectTotalsToMatchTheCards(collection);
    await collection.updateNote(note.id, { fields: ['{{c1::犬}} is {{c2::dog}}', ''] }, T0);
    expect((await cardsPerDeck(collection)).get('deck-jp')).toBe(4);
    await expectTotalsToMatchTheCards(collection);
    await collection.deleteNote('aws-1');
    expect((await cardsPerDeck(collection)).get('deck-aws')).toBe(1);
    await expectTotalsToMatchTheCards(collection);
    await collection.undo();
    expect((await cardsPerDeck(collection)).get('deck-aws')).toBe(2);
    await expectTotalsToMatchTheCards(collection);
  });

  it('stays true when the built-in decks are installed again with notes added and removed', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.installDecks(builtInDecks(5, (notes) => notes.filter((n) => n.id !== 'aws-0')), T0 + 1000);
    // A removed built-in note's cards are suspended, never deleted: they still count.
    expect((await cardsPerDeck(collection)).get('deck-aws')).toBe(5);
    await expectTotalsToMatchTheCards(collection);
  });

  it('stays true through an import of new and known notes, and a backup restore', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    const moved = { ...basicNote('aws-2', 'Question 2', 'Answer 2', 'deck-jp'), modified: T0 + 1 };
    const data = {
      decks: [{ id: 'deck-jp', name: '日本語' }],
      noteTypes: [BASIC_NOTE_TYPE],
      notes: [moved, basicNote('new-1', 'New', 'Card', 'deck-jp')],
      cards: [{ ...(await collection.db.cards.get('aws-2/0'))!, deckId: 'deck-jp' }],
    };
    await collection.importData(data, { fileName: 'moved.json', now: T0 + 2000, withScheduling: true });
    await expectTotalsToMatchTheCards(collection);
    // The new note brings one card to 日本語; a card already in the collection stays where it was.
    expect(await cardsPerDeck(collection)).toEqual(
      new Map([
        ['deck-aws', 3],
        ['deck-aws-iam', 0],
        ['deck-jp', 3],
      ]),
    );

    const backup = await collection.createBackup(T0 + 3000);
    await collection.addNote({ noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck-aws', fields: ['After', 'the backup'] }, T0 + 4000);
    const before = await countedOnTheIndex(collection);
    await collection.restoreBackup(backup, { fileName: 'backup.kioku-backup', now: T0 + 5000 });
    await expectTotalsToMatchTheCards(collection);
    expect((await cardsPerDeck(collection)).get('deck-aws')).toBe(before.get('deck-aws')! - 1);
  });

  it('is unchanged by an import that is cancelled halfway', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    const before = await cardsPerDeck(collection);
    const notes = Array.from({ length: 2500 }, (_, i) => basicNote(`bulk-${i}`, `Front ${i}`, `Back ${i}`, 'deck-jp'));
    const cancel = new AbortController();
    const data = { decks: [{ id: 'deck-jp', name: '日本語' }], noteTypes: [BASIC_NOTE_TYPE], notes };
    const importing = collection.importData(data, { fileName: 'big.json', now: T0, withScheduling: false, signal: cancel.signal, onProgress: () => cancel.abort() });
    await expect(importing).rejects.toThrow();
    expect(await cardsPerDeck(collection)).toEqual(before);
    await expectTotalsToMatchTheCards(collection);
  });

  it('comes with the deck list, today’s counts and totals in one call', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.answer('aws-0/0', 3, T0 + 1000, 4000);
    const list = await collection.deckList(T0 + 2000);
    expect(list.cardsPerDeck).toEqual(await countedOnTheIndex(collection));
    expect(list.totals).toEqual({ studied: 1, timeMs: 4000 });
    // The answered new card is now in learning, due again today.
    const aws = list.decks.find((node) => node.deck.id === 'deck-aws');
    expect(aws?.value).toMatchObject({ newCount: 2, learningCount: 1, reviewCount: 0 });
  });
});

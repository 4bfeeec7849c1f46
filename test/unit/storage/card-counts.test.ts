import { afterEach, describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { T0, builtInDecks, freshName, openCollection } from './helpers';

const open: Collection[] = [];
afterEach(() => {
  for (const collection of open.splice(0)) collection.close();
});

describe('cards per deck for the deck list', () => {
  it('counts every card of each deck itself, suspended and buried ones too, and not those of its subdecks', async () => {
    const collection = openCollection(freshName());
    open.push(collection);
    await collection.installDecks(builtInDecks(3), T0);
    await collection.addNote({ noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck-aws-iam', fields: ['Role', 'An identity'] }, T0);
    await collection.suspend('aws-0/0');
    await collection.bury('jp-inu/1', T0);
    expect(await collection.cardCountsByDeck()).toEqual(
      new Map([
        ['deck-aws', 3],
        ['deck-aws-iam', 1],
        ['deck-jp', 2],
      ]),
    );
  });
});

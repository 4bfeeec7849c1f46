import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import { deckChoices } from '../../../src/renderer/src/screens/deck-choices';
import { freshName, openCollection, T0 } from '../storage/helpers';

describe('deck pickers', () => {
  it('list every deck with its subdecks right under it, even when another name sorts between them', async () => {
    const collection = openCollection(freshName());
    await collection.installDecks(
      {
        decks: [
          { id: 'b', name: 'AWS-B' },
          { id: 'a-iam', name: 'AWS::IAM' },
          { id: 'a', name: 'AWS' },
          { id: 'jp', name: '日本語' },
        ],
        noteTypes: [BASIC_NOTE_TYPE],
        notes: [{ id: 'n1', noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'a-iam', fields: ['root user', 'delete its keys'], tags: [], modified: T0 }],
      },
      T0,
    );
    expect((await deckChoices(collection)).map((deck) => deck.name)).toEqual(['AWS', 'AWS::IAM', 'AWS-B', '日本語']);
    collection.close();
  });
});

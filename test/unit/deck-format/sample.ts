import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE, newCardsFor } from '../../../src/core/cards';
import { CardState, Rating, type CollectionData, type Note } from '../../../src/core/collection/model';

const noteA: Note = { id: 'n_a', noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'd_1', fields: ['DDoS に対抗するのは？', 'AWS Shield'], tags: ['kind::threat-service'], modified: 1 };
const noteB: Note = { id: 'n_b', noteTypeId: CLOZE_NOTE_TYPE.id, deckId: 'd_2', fields: ['{{c1::確認}}:…', ''], tags: [], modified: 2, guid: 'abc', added: 3 };

/** A small collection with scheduling, reviews and media, as a learner's export would have. */
export function sampleCollection(): CollectionData {
  const [cardA] = newCardsFor(BASIC_NOTE_TYPE, noteA, 1000);
  if (!cardA) throw new Error('no card');
  return {
    decks: [
      { id: 'd_1', name: 'AWS Security' },
      { id: 'd_2', name: 'AWS Security::コンプライアンス', description: '説明' },
    ],
    noteTypes: [BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE],
    notes: [noteA, noteB],
    cards: [{ ...cardA, state: CardState.Review, reps: 1, lastReview: 1500 }],
    reviews: [
      {
        id: 'r_1', cardId: cardA.id, time: 1500, rating: Rating.Good, stateBefore: CardState.New, stateAfter: CardState.Review,
        dueBefore: 1000, dueAfter: 90_000_000, stabilityAfter: 2.3, difficultyAfter: 5.1, durationMs: 4200,
      },
    ],
    media: [{ name: 'diagram.png', mime: 'image/png', data: new Uint8Array([137, 80, 78, 71, 0, 255]) }],
  };
}

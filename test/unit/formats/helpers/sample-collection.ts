import { BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../../src/core/cards/note-types';
import { CardState, newSchedule, Rating, type Card, type CollectionData } from '../../../../src/core/collection/model';

const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 30, 12);

function card(id: string, noteId: string, template: number, deckId: string, extra: Partial<Card>): Card {
  return { id, noteId, template, deckId, ...newSchedule(NOW), suspended: false, buriedUntil: null, ...extra };
}

/** A small collection using every feature an export must carry: two note types, nested decks, tags, HTML, media, scheduling. */
export function sampleCollection(): CollectionData {
  return {
    decks: [
      { id: 'deck-aws', name: 'AWS Security::サービス', description: 'IAM and KMS' },
      { id: 'deck-ja', name: '日本語' },
    ],
    noteTypes: [BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE],
    notes: [
      { id: 'n-kms', noteTypeId: BASIC_REVERSED_NOTE_TYPE.id, deckId: 'deck-aws', fields: ['<b>KMS</b> &amp; keys', 'Key Management Service <img src="kms.png">'], tags: ['aws', 'security'], modified: NOW - DAY },
      { id: 'n-cloze', noteTypeId: CLOZE_NOTE_TYPE.id, deckId: 'deck-ja', fields: ['{{c1::猫}}は{{c2::動物}}です', ''], tags: [], modified: NOW, guid: 'abc123' },
    ],
    cards: [
      card('n-kms/0', 'n-kms', 0, 'deck-aws', { state: CardState.Review, due: NOW + 3 * DAY, stability: 12.5, difficulty: 4.2, scheduledDays: 9, reps: 4, lapses: 1, lastReview: NOW - 6 * DAY }),
      card('n-kms/1', 'n-kms', 1, 'deck-aws', { state: CardState.Learning, due: NOW + 600_000, stability: 0.4, difficulty: 6, reps: 1, lastReview: NOW - 60_000, suspended: true }),
      card('n-cloze/0', 'n-cloze', 0, 'deck-ja', {}),
      card('n-cloze/1', 'n-cloze', 1, 'deck-ja', {}),
    ],
    reviews: [
      { id: 'r1', cardId: 'n-kms/0', time: NOW - 20 * DAY, rating: Rating.Good, stateBefore: CardState.New, stateAfter: CardState.Learning, dueBefore: NOW - 20 * DAY, dueAfter: NOW - 20 * DAY + 600_000, stabilityAfter: 2.3, difficultyAfter: 5, durationMs: 4200 },
      { id: 'r2', cardId: 'n-kms/0', time: NOW - 15 * DAY, rating: Rating.Good, stateBefore: CardState.Learning, stateAfter: CardState.Review, dueBefore: NOW - 15 * DAY, dueAfter: NOW - 12 * DAY, stabilityAfter: 3.1, difficultyAfter: 5, durationMs: 3000 },
      { id: 'r3', cardId: 'n-kms/0', time: NOW - 6 * DAY, rating: Rating.Hard, stateBefore: CardState.Review, stateAfter: CardState.Review, dueBefore: NOW - 12 * DAY, dueAfter: NOW + 3 * DAY, stabilityAfter: 12.5, difficultyAfter: 4.2, durationMs: 8000 },
      { id: 'r4', cardId: 'n-kms/1', time: NOW - 60_000, rating: Rating.Again, stateBefore: CardState.New, stateAfter: CardState.Learning, dueBefore: NOW - 60_000, dueAfter: NOW + 600_000, stabilityAfter: 0.4, difficultyAfter: 6, durationMs: 1500 },
    ],
    media: [
      { name: 'kms.png', mime: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
      { name: 'nihongo.mp3', mime: 'audio/mpeg', data: new Uint8Array([9, 8, 7]) },
    ],
  };
}

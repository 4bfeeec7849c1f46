import { CardState, newSchedule, type Card, type Note } from '../../../src/core/collection/model';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 30, 9);

/** A card last reviewed `daysAgo` days before NOW with the given stability (days). */
export function studiedCard(id: string, stability: number, daysAgo: number, extra: Partial<Card> = {}): Card {
  const lastReview = NOW - daysAgo * DAY;
  return {
    id,
    noteId: `n-${id}`,
    template: 0,
    deckId: 'deck-a',
    suspended: false,
    buriedUntil: null,
    due: lastReview + Math.round(stability) * DAY,
    stability,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: Math.round(stability),
    reps: 3,
    lapses: 0,
    learningSteps: 0,
    state: CardState.Review,
    lastReview,
    ...extra,
  };
}

export function newCard(id: string, extra: Partial<Card> = {}): Card {
  return { id, noteId: `n-${id}`, template: 0, deckId: 'deck-a', suspended: false, buriedUntil: null, ...newSchedule(NOW), ...extra };
}

export function noteFor(card: Card, tags: string[]): Note {
  return { id: card.noteId, noteTypeId: 'basic', deckId: card.deckId, fields: ['q', 'a'], tags, modified: NOW };
}

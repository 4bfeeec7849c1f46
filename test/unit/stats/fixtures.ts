import { CardState, Rating, type Card, type Review } from '../../../src/core/collection/model';
import type { DayRules } from '../../../src/core/scheduling/day';

export const DAY = 86_400_000;
/** A learner in Tokyo whose days start at 04:00. */
export const TOKYO: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };

/** A moment in Tokyo time. */
export function tokyo(month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, month - 1, day, hour - 9, minute);
}

export const NOW = tokyo(11, 30, 12);

let nextId = 0;

export function review(time: number, extra: Partial<Review> = {}): Review {
  nextId++;
  return {
    id: `r${nextId}`,
    cardId: 'c1',
    time,
    rating: Rating.Good,
    stateBefore: CardState.Review,
    stateAfter: CardState.Review,
    dueBefore: time,
    dueAfter: time + DAY,
    stabilityAfter: 3,
    difficultyAfter: 5,
    durationMs: 5000,
    ...extra,
  };
}

export function card(id: string, extra: Partial<Card> = {}): Card {
  return {
    id,
    noteId: `n-${id}`,
    template: 0,
    deckId: 'd',
    suspended: false,
    buriedUntil: null,
    due: NOW,
    stability: 10,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 10,
    reps: 3,
    lapses: 0,
    learningSteps: 0,
    state: CardState.Review,
    lastReview: NOW - 10 * DAY,
    ...extra,
  };
}

import { describe, expect, it } from 'vitest';
import { CardState, newSchedule, type Card } from '../../../src/core/collection/model';
import type { DayRules } from '../../../src/core/scheduling/day';
import { orderReviews, todayQueue, type QueueInput } from '../../../src/core/scheduling/queue';

const now = Date.UTC(2026, 11, 1, 1, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
const rules: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };

function card(id: string, state: Card['state'], due: number, extra: Partial<Card> = {}): Card {
  return { ...newSchedule(now), id, noteId: id, template: 0, deckId: 'd', suspended: false, buriedUntil: null, state, due, ...extra };
}

function input(over: Partial<QueueInput>): QueueInput {
  return { learning: [], reviews: [], newCards: [], newLeft: 20, reviewsLeft: 200, now, rules, order: 'due', retrievability: () => 1, ...over };
}

const ids = (cards: Card[]) => cards.map((c) => c.id);

describe("today's queue", () => {
  it('shows learning cards due now, then reviews, then new cards up to the limits, then learning due soon', () => {
    const queue = todayQueue(
      input({
        learning: [card('learn-later', CardState.Learning, now + 5 * MINUTE), card('relearn-now', CardState.Relearning, now - MINUTE), card('learn-tonight', CardState.Learning, now + 5 * 60 * MINUTE)],
        reviews: [card('rev-b', CardState.Review, now - DAY), card('rev-a', CardState.Review, now - 3 * DAY), card('rev-c', CardState.Review, now + 1000)],
        newCards: [card('new-1', CardState.New, now), card('new-2', CardState.New, now + 1), card('new-3', CardState.New, now + 2)],
        newLeft: 2,
        reviewsLeft: 2,
      }),
    );
    expect(ids(queue)).toEqual(['relearn-now', 'rev-a', 'rev-b', 'new-1', 'new-2', 'learn-later']);
  });

  it('never shows suspended cards and hides buried cards until their time', () => {
    const queue = todayQueue(
      input({
        reviews: [card('suspended', CardState.Review, now, { suspended: true }), card('buried', CardState.Review, now, { buriedUntil: now + 1 }), card('unburied', CardState.Review, now, { buriedUntil: now - 1 })],
        newCards: [card('new-suspended', CardState.New, now, { suspended: true })],
      }),
    );
    expect(ids(queue)).toEqual(['unburied']);
  });

  it('shuffles reviews due the same day the same way all day, and differently the next day', () => {
    const sameDay = Array.from({ length: 30 }, (_, i) => card(`c${i}`, CardState.Review, now - 2 * DAY + i * MINUTE));
    const overdue = card('overdue', CardState.Review, now - 5 * DAY);
    const today = ids(orderReviews([...sameDay, overdue], now, rules, 'due', () => 1));
    expect(today[0]).toBe('overdue');
    expect(ids(orderReviews([overdue, ...sameDay].reverse(), now + 5 * MINUTE, rules, 'due', () => 1))).toEqual(today);
    expect(ids(orderReviews([...sameDay, overdue], now + DAY, rules, 'due', () => 1))).not.toEqual(today);
    expect(today.slice(1)).not.toEqual(ids(sameDay));
  });

  it('can show the cards most likely forgotten first', () => {
    const reviews = [card('safe', CardState.Review, now - 3000), card('shaky', CardState.Review, now - 1000), card('middle', CardState.Review, now - 2000)];
    const chance: Record<string, number> = { safe: 0.95, shaky: 0.6, middle: 0.8 };
    const queue = todayQueue(input({ reviews, order: 'retrievability', retrievability: (c) => chance[c.id] ?? 1 }));
    expect(ids(queue)).toEqual(['shaky', 'middle', 'safe']);
  });
});

import { describe, expect, it } from 'vitest';
import { CardState, newSchedule, Rating, type Card, type Review } from '../../../src/core/collection/model';
import { scheduleAfter } from '../../../src/core/scheduling/fsrs';
import { DEFAULT_DECK_OPTIONS } from '../../../src/core/scheduling/options';
import { baseFor, replayNote, type CardBase } from '../../../src/core/sync/replay';

const rules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
const optionsOf = () => ({ ...DEFAULT_DECK_OPTIONS, fuzz: true });
const T0 = Date.UTC(2026, 11, 1, 1, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

function base(id: string, template: number): CardBase {
  return { id, noteId: 'n', template, deckId: 'd', suspended: false, base: newSchedule(T0), since: -1 };
}

function review(id: string, cardId: string, time: number, rating: Review['rating']): Review {
  return { id, cardId, time, rating, stateBefore: 0, stateAfter: 0, dueBefore: 0, dueAfter: 0, stabilityAfter: 0, difficultyAfter: 0, durationMs: 0 };
}

describe('replaying a note’s reviews', () => {
  it('gives the schedule answering one by one gives, whatever order the reviews arrive in', () => {
    const reviews = [review('r1', 'n/0', T0, Rating.Good), review('r2', 'n/0', T0 + 10 * MINUTE, Rating.Good), review('r3', 'n/0', T0 + 3 * DAY, Rating.Again)];
    let expected = newSchedule(T0);
    for (const r of reviews) expected = scheduleAfter('n/0', expected, r.rating, r.time, optionsOf(), rules);
    const [card] = replayNote([base('n/0', 0)], [...reviews].reverse(), optionsOf, rules);
    expect(card).toMatchObject(expected);
    expect(card!.lapses).toBe(1);
  });

  it('buries the sibling of an answered card until the next learner day, and not one in learning steps', () => {
    const [front, back] = replayNote([base('n/0', 0), base('n/1', 1)], [review('r1', 'n/0', T0, Rating.Easy)], optionsOf, rules);
    expect(front!.buriedUntil).toBeNull();
    expect(back!.buriedUntil).toBe(Date.UTC(2026, 11, 1, 19, 0));
    const [, learning] = replayNote(
      [base('n/0', 0), base('n/1', 1)],
      [review('r1', 'n/1', T0, Rating.Again), review('r2', 'n/0', T0 + MINUTE, Rating.Good)],
      optionsOf,
      rules,
    );
    expect(learning!.state).toBe(CardState.Learning);
    expect(learning!.buriedUntil).toBeNull();
  });

  it('keeps a reset or imported schedule as the base and replays only what came after it', () => {
    const card: Card = { id: 'n/0', noteId: 'n', template: 0, deckId: 'd', suspended: false, buriedUntil: null, ...newSchedule(T0 + DAY) };
    const before = [review('r1', 'n/0', T0, Rating.Good)];
    const reset = baseFor(card, before, optionsOf, rules);
    expect(reset.base.state).toBe(CardState.New);
    expect(reset.since).toBe(T0);
    const [after] = replayNote([reset], [...before, review('r2', 'n/0', T0 + 2 * DAY, Rating.Good)], optionsOf, rules);
    expect(after!.reps).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { CardState } from '../../../src/core/collection/model';
import { DEFAULT_FSRS_PARAMETERS } from '../../../src/core/scheduling/parameters';
import { calendarDay, dayStartOf, learnerDay } from '../../../src/core/scheduling/day';
import { DAY, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();
const rules = { zone: 'Asia/Tokyo', dayStartHour: 4 };

describe('setting an exam date', () => {
  it('re-plans the cards it concerns in one step, says how many, and undo puts the old plan back', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(40), T0);
    const today = learnerDay(T0, rules);
    const rows = await collection.db.cards.where('deckId').equals('deck-aws').toArray();
    // Half the cards weak enough to fall below 90 % by the exam, half well known; all due after it.
    await collection.db.cards.bulkPut(
      rows.map((card, i) => ({
        ...card,
        state: CardState.Review,
        queue: CardState.Review,
        stability: i % 2 === 0 ? 25 : 2000,
        difficulty: 5,
        reps: 4,
        lastReview: T0 - 5 * DAY,
        scheduledDays: 60,
        due: dayStartOf(today + 55, rules),
      })),
    );
    const before = await collection.db.cards.toArray();
    const examDate = '2026-12-31';
    const replan = await collection.setExam('', examDate, 0.9, T0);
    expect(replan.beforeExam).toBe(20);
    const after = await collection.db.cards.where('deckId').equals('deck-aws').toArray();
    const examDay = calendarDay(examDate)!;
    const early = after.filter((card) => learnerDay(card.due, rules) < examDay);
    expect(early).toHaveLength(20);
    expect(early.every((card) => card.stability === 25 && learnerDay(card.due, rules) > today)).toBe(true);
    expect((await collection.collectionOptions()).examDate).toBe(examDate);

    await collection.undo();
    expect(await collection.db.cards.toArray()).toEqual(before);
    expect((await collection.collectionOptions()).examDate).toBeUndefined();

    await collection.setExam('', examDate, 0.9, T0);
    const removed = await collection.setExam('', null, 0.9, T0);
    expect(removed.beforeExam).toBe(0);
    const back = await collection.db.cards.where('deckId').equals('deck-aws').toArray();
    expect(back.every((card) => learnerDay(card.due, rules) === today + 55)).toBe(true);
  }, 60_000);

  it('re-plans a deck with fitted FSRS parameters by those parameters, not FSRS-6\'s defaults', async () => {
    // A learner whose reviews strengthen memory far more than the defaults assume: an earlier review still carries to the exam.
    const strongLearner = DEFAULT_FSRS_PARAMETERS.map((w, i) => (i === 8 ? 3.5 : i === 10 ? 1.5 : w));
    const examDate = '2026-12-31';
    const examDay = calendarDay(examDate)!;
    const today = learnerDay(T0, rules);
    const earliestExamReview = async (fitted: boolean) => {
      const collection = fresh();
      await collection.installDecks(builtInDecks(40), T0);
      if (fitted) await collection.applyFsrsParameters('deck-aws', { parameters: strongLearner, fitted: { time: T0, reviews: 2000 }, reschedule: false }, T0);
      const rows = await collection.db.cards.where('deckId').equals('deck-aws').toArray();
      await collection.db.cards.bulkPut(
        rows.map((card) => ({
          ...card,
          state: CardState.Review,
          queue: CardState.Review,
          stability: 150,
          difficulty: 4,
          reps: 6,
          lastReview: T0,
          scheduledDays: 143,
          due: dayStartOf(today + 143, rules),
        })),
      );
      const replan = await collection.setExam('', examDate, 0.99, T0);
      expect(replan.beforeExam).toBe(rows.length);
      const days = (await collection.db.cards.where('deckId').equals('deck-aws').toArray()).map((card) => learnerDay(card.due, rules));
      expect(Math.max(...days)).toBeLessThan(examDay);
      return Math.min(...days);
    };
    expect(await earliestExamReview(true)).toBeLessThan(await earliestExamReview(false));
  }, 60_000);
});

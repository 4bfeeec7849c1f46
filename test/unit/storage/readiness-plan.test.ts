import { describe, expect, it } from 'vitest';
import { BASIC_REVERSED_NOTE_TYPE } from '../../../src/core/cards';
import { CardState, Rating } from '../../../src/core/collection/model';
import { projectExamScore } from '../../../src/core/readiness/projection/simulate';
import { dayStartOf, learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { examMoment, loadScope, planInput } from '../../../src/renderer/src/screens/readiness/readiness-data';
import { DAY, HOUR, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

const DECK = 'deck-aws';
const ANSWER_MS = 8_000;

interface DayDone {
  reviews: number;
  newCards: number;
}

/**
 * A learner who studies the deck every day at `hour` o'clock and remembers every card (Good),
 * through Study's own calls: the next card of the queue, answered, until nothing is left today.
 */
async function studyUntil(collection: Collection, rules: DayRules, lastDay: number, hour: number): Promise<Map<number, DayDone>> {
  const done = new Map<number, DayDone>();
  for (let day = learnerDay(T0, rules); day <= lastDay; day++) {
    const dayEnd = dayStartOf(day + 1, rules);
    let at = dayStartOf(day, rules) + (hour - rules.dayStartHour) * HOUR;
    const counts: DayDone = { reviews: 0, newCards: 0 };
    for (;;) {
      const next = await collection.nextCard(DECK, at);
      if (!next) {
        // A learning step still to come today: the learner waits for it.
        const stepping = (await collection.db.cards.where('deckId').equals(DECK).toArray())
          .filter((card) => (card.state === CardState.Learning || card.state === CardState.Relearning) && card.due < dayEnd)
          .sort((a, b) => a.due - b.due)[0];
        if (!stepping || stepping.due <= at) break;
        at = stepping.due;
        continue;
      }
      const { review } = await collection.answer(next.card.id, Rating.Good, at, ANSWER_MS);
      if (review.stateBefore === CardState.Review) counts.reviews++;
      if (review.stateBefore === CardState.New) counts.newCards++;
      at += ANSWER_MS;
    }
    done.set(day, counts);
  }
  return done;
}

async function deckWithExam(): Promise<{ collection: Collection; rules: DayRules; examDay: number }> {
  const collection = fresh();
  // 40 basic notes and two reversed ones, whose cards bury each other as in Study.
  await collection.installDecks(
    builtInDecks(40, (notes) => [
      ...notes.filter((note) => note.deckId === DECK),
      { id: 'rev-1', noteTypeId: BASIC_REVERSED_NOTE_TYPE.id, deckId: DECK, fields: ['犬', 'dog'], tags: [], modified: T0 },
      { id: 'rev-2', noteTypeId: BASIC_REVERSED_NOTE_TYPE.id, deckId: DECK, fields: ['猫', 'cat'], tags: [], modified: T0 },
    ]),
    T0,
  );
  await collection.setDeckOptions(DECK, { newPerDay: 12, reviewsPerDay: 6 });
  const rules = await collection.dayRules();
  const examDay = learnerDay(T0, rules) + 21;
  await collection.setExam(DECK, new Date(examDay * DAY).toISOString().slice(0, 10), 0.95, T0);
  return { collection, rules, examDay };
}

describe('the Readiness plan runs Study', () => {
  it('shows, day by day, the reviews and new cards Study brings when the learner remembers every card', async () => {
    const { collection, rules, examDay } = await deckWithExam();
    const scope = await loadScope(collection, DECK, T0);
    const examAt = examMoment(scope.options.examDate, scope.rules)!;
    const plan = projectExamScore(planInput(scope, examAt, 0.95, T0));
    const studied = await studyUntil(collection, rules, examDay - 1, 9);
    const today = learnerDay(T0, rules);
    const planned = plan.days.slice(0, -1).map((day) => ({ reviews: day.reviews, newCards: day.newCards }));
    const real = Array.from({ length: examDay - today }, (_, i) => studied.get(today + i)!);
    expect(planned).toEqual(real);
    // The exam brings reviews forward, some days near the review limit of 6: the test is not trivially empty.
    expect(Math.max(...real.map((day) => day.reviews))).toBeGreaterThanOrEqual(5);
    expect(real.reduce((sum, day) => sum + day.newCards, 0)).toBe(44);
  }, 120_000);

  it('reads the same at 08:00 and at 23:00, and after a session counts what is left of today', async () => {
    const { collection, rules } = await deckWithExam();
    const project = async (now: number) => {
      const scope = await loadScope(collection, DECK, now);
      return projectExamScore(planInput(scope, examMoment(scope.options.examDate, scope.rules)!, 0.95, now));
    };
    const start = dayStartOf(learnerDay(T0, rules), rules);
    const morning = await project(start + 4 * HOUR);
    const night = await project(start + 19 * HOUR);
    expect(night).toEqual(morning);
    // Twelve new cards studied this morning: the plan does not introduce them again today.
    for (let i = 0; i < 12; i++) {
      const next = await collection.nextCard(DECK, start + 5 * HOUR + i * ANSWER_MS);
      await collection.answer(next!.card.id, Rating.Good, start + 5 * HOUR + i * ANSWER_MS, ANSWER_MS);
    }
    const after = await project(start + 19 * HOUR);
    expect(after.days[0]!.newCards).toBe(0);
    expect(after.days.slice(1).reduce((sum, day) => sum + day.newCards, 0)).toBe(44 - 12);
  }, 120_000);
});

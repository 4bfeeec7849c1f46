import { describe, expect, it } from 'vitest';
import { Rating, forgetting_curve, fsrs } from 'ts-fsrs';
import type { Card, Deck, Note } from '../../../src/core/collection/model';
import { planForExam, suggestNewCardsPerDay } from '../../../src/core/readiness/projection/examPlan';
import { secondsPerReview } from '../../../src/core/readiness/projection/reviewTime';
import { projectExamScore, type ProjectionInput } from '../../../src/core/readiness/projection/simulate';
import { computeReadiness } from '../../../src/core/readiness/readiness';
import { dayStartOf, learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { DAY, NOW, newCard, noteFor, studiedCard } from './fixtures';

const RULES: DayRules = { zone: 'UTC', dayStartHour: 4 };
/** The start of today's learner day, where the projection begins. */
const TODAY = dayStartOf(learnerDay(NOW, RULES), RULES);
const EXAM = TODAY + 20 * DAY;

function smallCollection(): Card[] {
  const cards: Card[] = [];
  for (let i = 0; i < 12; i++) cards.push(studiedCard(`s${i}`, 1 + i * 3, i % 6, { difficulty: 3 + (i % 5) }));
  for (let i = 0; i < 30; i++) cards.push(newCard(`n${i}`));
  cards.push(studiedCard('away', 1, 40, { suspended: true }));
  return cards;
}

function input(cards: Card[], extra: Partial<ProjectionInput> = {}): ProjectionInput {
  return { cards, now: NOW, examDate: EXAM, rules: RULES, newCardsPerDay: 0, reviewsPerDay: 200, desiredRetention: 0.9, ...extra };
}

describe('projection to the exam day', () => {
  it('gives one point per day from today to the exam', () => {
    const projection = projectExamScore(input(smallCollection()));
    expect(projection.days.map((d) => d.day)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(projection.days.at(-1)?.date).toBe(EXAM);
    expect(projection.examScore).toBe(projection.days.at(-1)?.predictedScore);
  });

  it('without any study predicts what the readiness report predicts', () => {
    const cards = smallCollection();
    const notes: Note[] = cards.map((c) => noteFor(c, []));
    const decks: Deck[] = [{ id: 'deck-a', name: 'A' }];
    const idle = projectExamScore(input(cards, { reviewsPerDay: 0 }));
    const report = computeReadiness({ cards, notes, decks, examDate: EXAM, target: 0.8 });
    expect(idle.examScore).toBeCloseTo(report.overall.predictedRecall, 12);
    expect(idle.days[0]!.predictedScore).toBeCloseTo(
      computeReadiness({ cards, notes, decks, examDate: TODAY, target: 0.8 }).overall.predictedRecall,
      12,
    );
  });

  it('weighs a due review by its chance of success, answered at the start of the learner day', () => {
    const card = studiedCard('due', 4, 6, { difficulty: 6 });
    const exam = TODAY + DAY;
    const projection = projectExamScore(input([card], { examDate: exam }));
    const reference = fsrs();
    const elapsed = (TODAY - card.lastReview!) / DAY;
    const r = forgetting_curve(0.1542, elapsed, 4);
    const afterRecall = reference.next_recall_stability(6, 4, r, Rating.Good);
    const afterLapse = reference.next_state({ difficulty: 6, stability: 4 }, elapsed, Rating.Again, r).stability;
    const expectedStability = r * afterRecall + (1 - r) * afterLapse;
    expect(projection.examScore).toBeCloseTo(forgetting_curve(0.1542, 1, expectedStability), 6);
    expect(projection.days[0]!.answers).toBeCloseTo(1 + (1 - r), 6);
    expect(projection.days[0]!.reviews).toBe(1);
  });

  it('reviewing raises the exam-day score above not reviewing', () => {
    const cards = smallCollection();
    const studying = projectExamScore(input(cards)).examScore;
    const idle = projectExamScore(input(cards, { reviewsPerDay: 0 })).examScore;
    expect(studying).toBeGreaterThan(idle);
  });

  it('never predicts a lower exam-day score for more new cards per day', () => {
    const cards = smallCollection();
    for (let i = 0; i < 170; i++) cards.push(newCard(`more${i}`));
    // 200 new cards over 20 days: 10 a day brings every one of them in before the exam.
    let previous = -1;
    for (let n = 0; n <= 10; n++) {
      const score = projectExamScore(input(cards, { newCardsPerDay: n })).examScore;
      expect(score).toBeGreaterThan(previous);
      previous = score;
    }
  });

  it('rejects a desired retention of 90 (a percentage instead of a share)', () => {
    expect(() => projectExamScore(input(smallCollection(), { desiredRetention: 90 }))).toThrow(/desiredRetention/);
  });
});

describe('new cards per day to reach the target', () => {
  it('suggests the smallest limit that reaches the target', () => {
    const cards = smallCollection();
    // 30 new cards over 20 days: 2 a day brings them all in.
    const ceiling = projectExamScore(input(cards, { newCardsPerDay: 2 })).examScore;
    const target = ceiling - 0.05;
    const suggestion = suggestNewCardsPerDay(input(cards), target);
    expect(suggestion).not.toBeNull();
    const n = suggestion!.newCardsPerDay;
    expect(n).toBeGreaterThan(0);
    expect(projectExamScore(input(cards, { newCardsPerDay: n })).examScore).toBeGreaterThanOrEqual(target);
    expect(projectExamScore(input(cards, { newCardsPerDay: n - 1 })).examScore).toBeLessThan(target);
  });

  it('says plainly whether the learner is on track, needs more new cards, or cannot make it', () => {
    const cards = smallCollection();
    const base = { ...input(cards, { newCardsPerDay: 1 }), secondsPerReview: secondsPerReview([]) };
    const withOne = projectExamScore(input(cards, { newCardsPerDay: 1 })).examScore;
    expect(planForExam({ ...base, target: withOne }).verdict).toBe('on-track');
    const higher = planForExam({ ...base, target: withOne + 0.05 });
    expect(higher.verdict).toBe('needs-more-new-cards');
    expect(higher.suggestion!.newCardsPerDay).toBeGreaterThan(1);
    const impossible = planForExam({ ...base, target: 1 });
    expect(impossible.verdict).toBe('out-of-reach');
    expect(impossible.suggestion).toBeNull();
  });

  it('estimates minutes per day from the learner\'s own answer time', () => {
    const plan = planForExam({
      ...input([newCard('only')], { examDate: TODAY + 2 * DAY, newCardsPerDay: 1 }),
      target: 0.5,
      secondsPerReview: secondsPerReview([9_000, 15_000]),
    });
    expect(plan.secondsPerReview).toBe(12);
    // Day 0: the new card's two learning steps at 12 s; day 1: nothing is due yet.
    expect(plan.current.days.map((d) => d.minutes)).toEqual([0.4, 0, 0]);
    expect(plan.current.minutesPerDay).toBeCloseTo(0.2, 12);
  });
});

describe('seconds per review', () => {
  it('is 8 s without history and caps answers left open at a minute', () => {
    expect(secondsPerReview([])).toBe(8);
    expect(secondsPerReview([10 * 60_000, 20_000])).toBe(40);
  });
});

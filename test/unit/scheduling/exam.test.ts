import { describe, expect, it } from 'vitest';
import { CardState, Rating, newSchedule, type Card, type Schedule } from '../../../src/core/collection/model';
import { recallAfter, forgettingCurve } from '../../../src/core/readiness/forgettingCurve';
import { calendarDay, dayStartOf, learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { planExamReviews } from '../../../src/core/scheduling/exam-plan';
import { fuzzSeed, retrievability, scheduleAfter } from '../../../src/core/scheduling/fsrs';
import { resolveDeckOptions, type DeckOptions } from '../../../src/core/scheduling/options';
import { DEFAULT_FSRS_PARAMETERS } from '../../../src/core/scheduling/parameters';
import { examReviewDay } from '../../../src/core/scheduling/exam';
import { MemoryModel } from '../../../src/core/readiness/projection/memoryModel';

const rules: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
const DAY = 86_400_000;
/** 2026-12-01 10:00 in Tokyo. */
const now = Date.UTC(2026, 11, 1, 1, 0);
const today = learnerDay(now, rules);
const examDate = '2026-12-31';
const examDay = calendarDay(examDate)!;
const examAt = dayStartOf(examDay, rules);
const curve = forgettingCurve();

const wellKnown: Schedule = {
  ...newSchedule(now),
  state: CardState.Review,
  stability: 60,
  difficulty: 4,
  reps: 6,
  lastReview: now - 60 * DAY,
  scheduledDays: 60,
};

describe('exam date', () => {
  it('leaves alone a card already predicted above the target at the exam', () => {
    const withExam = resolveDeckOptions([{ examDate, examTarget: 0.8 }]);
    const plain = resolveDeckOptions([]);
    for (let i = 0; i < 200; i++) {
      const card = `note-${i}/0`;
      const after = scheduleAfter(card, wellKnown, Rating.Good, now, withExam, rules);
      expect(after).toEqual(scheduleAfter(card, wellKnown, Rating.Good, now, plain, rules));
      expect(recallAfter(curve, (examAt - now) / DAY, after.stability)).toBeGreaterThan(0.8);
    }
  });

  it('brings back before the exam a card that would fall below the target, spread so no day carries more than its fair share', () => {
    const options = resolveDeckOptions([{ examDate, examTarget: 0.985 }]);
    const perDay = new Map<number, number>();
    const load = (day: number) => perDay.get(day) ?? 0;
    const cards = 600;
    for (let i = 0; i < cards; i++) {
      const next = scheduleAfter(`note-${i}/0`, wellKnown, Rating.Good, now, options, rules, load);
      const day = learnerDay(next.due, rules);
      expect(day).toBeGreaterThan(today);
      expect(day).toBeLessThan(examDay);
      perDay.set(day, load(day) + 1);
    }
    const counts = [...perDay.values()];
    const mean = cards / counts.length;
    for (const count of counts) expect(count).toBeLessThanOrEqual(mean * 1.5);
    // Nothing piled on the eve because it is last.
    expect(load(examDay - 1)).toBeLessThanOrEqual(mean * 1.5);
    expect(counts.length).toBeGreaterThan(5);
  });

  it('on a collection as busy every day, still brings cards forward but keeps every day near the others', () => {
    // 80 reviews already due on every coming day; a target most cards cannot reach, so nearly every answer could pull its card.
    const options = resolveDeckOptions([{ examDate, examTarget: 0.99, reviewsPerDay: 200 }]);
    const perDay = new Map<number, number>();
    for (let day = today + 1; day <= today + 90; day++) perDay.set(day, 80);
    const load = (day: number) => perDay.get(day) ?? 0;
    for (let i = 0; i < 1500; i++) {
      const stability = 20 + (i % 50) * 4;
      const card: Schedule = { ...wellKnown, stability, lastReview: now - stability * DAY, scheduledDays: Math.round(stability) };
      const day = learnerDay(scheduleAfter(`note-${i}/0`, card, Rating.Good, now, options, rules, load).due, rules);
      perDay.set(day, load(day) + 1);
    }
    const window = Array.from({ length: examDay - today - 1 }, (_, i) => load(today + 1 + i));
    const mean = window.reduce((a, b) => a + b, 0) / window.length;
    expect(mean).toBeGreaterThan(80);
    for (const count of window) expect(count).toBeLessThanOrEqual(1.5 * mean);
  });

  it('shows on the button the day the exam rule stores, and keeps FSRS\'s own interval for after the exam', () => {
    const options = resolveDeckOptions([{ examDate, examTarget: 0.995 }]);
    const plain = resolveDeckOptions([]);
    const after = scheduleAfter('c1', wellKnown, Rating.Good, now, options, rules);
    const normal = scheduleAfter('c1', wellKnown, Rating.Good, now, plain, rules);
    expect(after.scheduledDays).toBe(normal.scheduledDays);
    expect(learnerDay(after.due, rules)).toBeLessThan(examDay);
    expect(learnerDay(normal.due, rules)).toBeGreaterThan(examDay);
  });

  it('picks the same day whatever the hour of the answer, so the Readiness plan (at the day start) and Study (at the learner\'s hour) agree', () => {
    const options = resolveDeckOptions([{ examDate, examTarget: 0.9 }]);
    const dayStart = dayStartOf(today, rules);
    const perDay = new Map<number, number>();
    const load = (day: number) => perDay.get(day) ?? 0;
    let differ = 0;
    for (let i = 0; i < 400; i++) {
      // Cards last seen 5–45 days ago with stabilities around their wait: many sit near the target.
      const waited = 5 + (i % 41);
      const card: Schedule = { ...wellKnown, stability: waited * (0.4 + (i % 13) / 10), lastReview: dayStart - waited * DAY + 3 * 3_600_000 };
      const early = scheduleAfter(`c${i}`, card, Rating.Good, dayStart + 60_000, options, rules, load);
      const late = scheduleAfter(`c${i}`, card, Rating.Good, dayStart + 23 * 3_600_000, options, rules, load);
      if (learnerDay(early.due, rules) !== learnerDay(late.due, rules)) differ++;
      const day = learnerDay(early.due, rules);
      perDay.set(day, load(day) + 1);
    }
    expect(differ).toBe(0);
  });

  it('schedules normally again once the exam day has come', () => {
    const withExam = resolveDeckOptions([{ examDate, examTarget: 0.97 }]);
    const plain = resolveDeckOptions([]);
    for (const when of [now + 30 * DAY, now + 31 * DAY]) {
      expect(learnerDay(when, rules)).toBeGreaterThanOrEqual(examDay);
      const card = { ...wellKnown, lastReview: when - 60 * DAY };
      expect(scheduleAfter('c1', card, Rating.Good, when, withExam, rules)).toEqual(scheduleAfter('c1', card, Rating.Good, when, plain, rules));
    }
  });
});

function reviewCards(count: number, stability: number): Card[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `card-${i}`,
    noteId: `note-${i}`,
    deckId: 'd1',
    template: 0,
    suspended: false,
    buriedUntil: null,
    ...wellKnown,
    stability,
    lastReview: now - 10 * DAY,
    scheduledDays: 50,
    due: dayStartOf(today + 40, rules),
  })) as Card[];
}

/** A deck of `count` new cards studied in one sitting, each answered Good through its learning steps, with Study's running load. */
function studiedInOneSitting(count: number, options: DeckOptions): Schedule[] {
  const perDay = new Map<number, number>();
  const load = (day: number) => perDay.get(day) ?? 0;
  return Array.from({ length: count }, (_, i) => {
    let schedule = newSchedule(now);
    let at = now + i * 10_000;
    while (schedule.state !== CardState.Review) {
      schedule = scheduleAfter(`note-${i}/0`, schedule, Rating.Good, at, options, rules, load);
      at = Math.max(at + 10_000, schedule.due);
    }
    const day = learnerDay(schedule.due, rules);
    perDay.set(day, load(day) + 1);
    return schedule;
  });
}

describe('a deck studied in one sitting before an exam', () => {
  const byDay = (schedules: Schedule[]) => {
    const days = new Map<number, number>();
    for (const schedule of schedules) days.set(learnerDay(schedule.due, rules), (days.get(learnerDay(schedule.due, rules)) ?? 0) + 1);
    return days;
  };

  it('comes back over the following days, more than a week of them, never more than its fair share on a day, each card still at 75 % or more', () => {
    const options = resolveDeckOptions([{ examDate, examTarget: 0.9 }]);
    const schedules = studiedInOneSitting(109, options);
    const days = byDay(schedules);
    // One week of first reviews made 16–21 reviews a day against a mean day of 10 over the weeks to the exam.
    expect(days.size).toBeGreaterThanOrEqual(9);
    expect(Math.max(...days.values())).toBeLessThanOrEqual(Math.ceil((1.5 * 109) / days.size));
    for (const schedule of schedules) {
      expect(learnerDay(schedule.due, rules)).toBeGreaterThan(today);
      expect(learnerDay(schedule.due, rules)).toBeLessThan(examDay);
      expect(recallAfter(curve, learnerDay(schedule.due, rules) - today, schedule.stability)).toBeGreaterThanOrEqual(options.desiredRetention - 0.15);
    }
  });

  it('without an exam comes back on one day, as in Anki, which fuzzes no interval under 2.5 days', () => {
    const days = byDay(studiedInOneSitting(109, resolveDeckOptions([])));
    expect([...days.values()]).toEqual([109]);
  });
});

describe('re-planning for an exam date', () => {
  it('brings forward only the cards below the target, spread over the days before the exam, and restores them when the date is removed', () => {
    const weak = reviewCards(300, 25);
    const strong = reviewCards(50, 400).map((card) => ({ ...card, id: `strong-${card.id}` }));
    const exam = { day: examDay, target: 0.9 };
    const plan = planExamReviews({ cards: [...weak, ...strong], now, rules, exam, reviewsPerDay: 200 });
    expect(plan.beforeExam).toBe(300);
    const moved = new Map(plan.moves.map((move) => [move.cardId, move.due]));
    expect(strong.some((card) => moved.has(card.id))).toBe(false);
    const perDay = new Map<number, number>();
    for (const due of moved.values()) {
      const day = learnerDay(due, rules);
      expect(day).toBeGreaterThan(today);
      expect(day).toBeLessThan(examDay);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const mean = 300 / perDay.size;
    for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(mean * 1.5);

    const planned = weak.map((card) => ({ ...card, due: moved.get(card.id)! }));
    const removed = planExamReviews({ cards: planned, now, rules, exam: null, reviewsPerDay: 200 });
    expect(removed.beforeExam).toBe(0);
    for (const move of removed.moves) expect(learnerDay(move.due, rules)).toBe(today + 40);
    expect(removed.moves).toHaveLength(300);
  });

  it('leaves where FSRS put them the cards the review limit has no room for before the exam', () => {
    const reviewsPerDay = 3;
    const plan = planExamReviews({ cards: reviewCards(300, 25), now, rules, exam: { day: examDay, target: 0.9 }, reviewsPerDay });
    const perDay = new Map<number, number>();
    for (const move of plan.moves) {
      const day = learnerDay(move.due, rules);
      expect(day === today + 40 || (day > today && day < examDay)).toBe(true);
      if (day < examDay) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(reviewsPerDay);
    expect(plan.beforeExam).toBe([...perDay.values()].reduce((a, b) => a + b, 0));
    expect(plan.beforeExam).toBeGreaterThan(0);
  });

  it('never moves a card that is already due, nor one the exam does not concern', () => {
    const due = reviewCards(20, 25).map((card) => ({ ...card, due: now - DAY }));
    expect(planExamReviews({ cards: due, now, rules, exam: { day: examDay, target: 0.9 }, reviewsPerDay: 200 }).moves).toEqual([]);
    const soon = reviewCards(20, 25).map((card) => ({ ...card, due: dayStartOf(today + 5, rules), scheduledDays: 15 }));
    expect(planExamReviews({ cards: soon, now, rules, exam: { day: examDay, target: 0.9 }, reviewsPerDay: 200 }).moves).toEqual([]);
  });
});


/**
 * Parameters an optimiser could fit for a learner whose reviews strengthen memory far more than
 * FSRS-6's defaults assume (w8, w10): a review weeks before the exam still carries to it.
 */
const STRONG_LEARNER: number[] = DEFAULT_FSRS_PARAMETERS.map((w, i) => (i === 8 ? 3.5 : i === 10 ? 1.5 : w));

/**
 * Predicted exam-day recall of `card` when reviewed once more on learner day `day`, as the
 * scheduler itself predicts it: its retrievability then, its own Good and Again answers, and
 * their retrievability at the exam.
 */
function schedulerExamRecall(card: Schedule, day: number, options: DeckOptions): number {
  const at = dayStartOf(day, rules);
  const r = retrievability(card, at, options);
  const good = scheduleAfter('c', card, Rating.Good, at, options, rules);
  const again = scheduleAfter('c', card, Rating.Again, at, options, rules);
  return r * retrievability(good, examAt, options) + (1 - r) * retrievability(again, examAt, options);
}

describe('exam mode on a deck with fitted FSRS parameters', () => {
  const fitted = resolveDeckOptions([{ fsrsParameters: STRONG_LEARNER }]);
  const target = 0.99;
  const withExam = { ...fitted, examDate, examTarget: target };
  const card: Schedule = { ...wellKnown, stability: 5, lastReview: now - 5 * DAY, scheduledDays: 5 };

  it('Study (and so the Readiness plan, which answers through it) picks the exam-day review by the deck\'s parameters', () => {
    const days = new Set<number>();
    let differFromDefaults = 0;
    for (let i = 0; i < 200; i++) {
      const id = `note-${i}/0`;
      const after = scheduleAfter(id, card, Rating.Good, now, withExam, rules);
      const normal = scheduleAfter(id, card, Rating.Good, now, fitted, rules);
      const day = learnerDay(after.due, rules);
      const choice = { memory: { ...normal, lastReview: now }, normalDay: today + normal.scheduledDays, today, exam: { day: examDay, target }, rules, seed: fuzzSeed(id, card.reps) };
      expect(day).toBe(examReviewDay({ ...choice, model: new MemoryModel(STRONG_LEARNER) }));
      if (day !== examReviewDay({ ...choice, model: new MemoryModel() })) differFromDefaults++;
      // The scheduler's own prediction for the exam from a review that day reaches the target.
      expect(schedulerExamRecall(normal, day, fitted)).toBeGreaterThanOrEqual(target);
      days.add(day);
    }
    expect(differFromDefaults).toBeGreaterThan(50);
    // A review a week or more before the exam still carries to it for this learner, so those days share the work.
    expect(Math.min(...days)).toBeLessThanOrEqual(examDay - 8);
  });

  it('re-plans the deck\'s cards by its parameters, as Study would schedule them', () => {
    // Cards just answered Good on this deck: the stability its scheduler gave them, due long after the exam.
    const normal = scheduleAfter('c', card, Rating.Good, now, fitted, rules);
    const cards = reviewCards(60, normal.stability).map((c) => ({ ...c, lastReview: now, scheduledDays: normal.scheduledDays, due: normal.due }));
    const exam = { day: examDay, target };
    const onDefaults = planExamReviews({ cards, now, rules, exam, reviewsPerDay: 200 });
    const plan = planExamReviews({ cards, now, rules, exam, reviewsPerDay: 200, parameters: STRONG_LEARNER });
    const dayOf = (moves: { due: number }[]) => moves.map((move) => learnerDay(move.due, rules));
    expect(plan.beforeExam).toBe(60);
    for (const day of dayOf(plan.moves)) expect(schedulerExamRecall(cards[0]!, day, fitted)).toBeGreaterThanOrEqual(target);
    // FSRS-6's defaults would crowd them into the last days; the deck's parameters spread them wider.
    expect(Math.min(...dayOf(plan.moves))).toBeLessThan(Math.min(...dayOf(onDefaults.moves)));
  });
});

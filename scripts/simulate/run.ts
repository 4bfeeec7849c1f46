import { CardState, Rating, newSchedule, type Card, type Schedule } from '../../src/core/collection/model';
import type { MemoryModel } from '../../src/core/readiness/projection/memoryModel';
import { forgettingCurve, recallAfter } from '../../src/core/readiness/forgettingCurve';
import { reviewHistory, type HistoryReview } from '../../src/core/optimiser/history';
import { rescheduled } from '../../src/core/optimiser/reschedule';
import { decayOf, DEFAULT_FSRS_PARAMETERS } from '../../src/core/scheduling/parameters';
import { dayStartOf, learnerDay, type DayRules } from '../../src/core/scheduling/day';
import { examOf } from '../../src/core/scheduling/exam';
import { planExamReviews } from '../../src/core/scheduling/exam-plan';
import { scheduleAfter } from '../../src/core/scheduling/fsrs';
import { projectExamScore } from '../../src/core/readiness/projection/simulate';
import { resolveDeckOptions, type DeckOptions } from '../../src/core/scheduling/options';
import { seededRandom } from '../../src/core/questions/random';
import type { Fit, LearnerParameters } from './fit';
import { answerCard, trueRecall, type TrueMemory } from './learner';
import { todaysRuleDue } from './todays-rule';

const MINUTE = 60_000;
const DAY = 86_400_000;
export const RULES: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
/** Sessions start at 09:00 Tokyo time: five hours into the learner's day. */
const SESSION_OFFSET = 5 * 60 * MINUTE;

export type Policy = 'no exam date' | "today's rule" | 'exam mode';

export interface Scenario {
  cards: number;
  /** Days of study before the exam date is set (new cards at `newPerDay`); 0: every card is studied once on day 0. */
  daysBefore: number;
  daysToExam: number;
  newPerDay: number;
  reviewsPerDay: number;
  target: number;
  model: MemoryModel;
  seed: number;
  policy: Policy;
  /**
   * The learner's Optimise in Options, looked at before each day's session up to the day the exam
   * date is set: the scheduler and the plan use the fitted parameters from then on, cards
   * rescheduled on change. Not after: the plan made that day is measured against the exam, and a
   * later fit would change the schedule it predicted. Without it, FSRS-6's defaults throughout.
   */
  fit?: Fit;
}

export interface Outcome {
  trueRecall: number;
  /** What the Readiness plan predicted for the exam when the exam date was set (exam mode only). */
  plannedRecall: number;
  predictedRecall: number;
  reviewsBeforeExam: number;
  lastWeekShare: number;
  busiestDay: number;
  meanDay: number;
  dueOnExamDay: number;
  cards: number;
}

interface SimCard {
  card: Card;
  truth: TrueMemory | null;
}

function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function simulate(s: Scenario): Outcome {
  const random = seededRandom(s.seed);
  const firstDay = learnerDay(Date.UTC(2027, 0, 1, 3), RULES);
  const setDay = firstDay + s.daysBefore;
  const examDay = setDay + s.daysToExam;
  const examAt = dayStartOf(examDay, RULES);
  const examDate = isoDate(examDay);
  let base = resolveDeckOptions([{ newPerDay: s.newPerDay, reviewsPerDay: s.reviewsPerDay }]);
  let withExam: DeckOptions = { ...base, examDate, examTarget: s.target };
  const cards: SimCard[] = Array.from({ length: s.cards }, (_, i) => ({
    card: { id: `card-${s.seed}-${i}`, noteId: `note-${i}`, deckId: 'd', template: 0, suspended: false, buriedUntil: null, ...newSchedule(0) },
    truth: null,
  }));
  const loadPerDay = new Map<number, number>();
  const load = (day: number) => loadPerDay.get(day) ?? 0;
  const track = (schedule: Schedule, by: number) => {
    if (schedule.state !== CardState.Review) return;
    const day = learnerDay(schedule.due, RULES);
    loadPerDay.set(day, Math.max(0, load(day) + by));
  };
  const reviewsOn = new Map<number, number>();
  const log: HistoryReview[] = [];
  let learner: LearnerParameters = { parameters: DEFAULT_FSRS_PARAMETERS };

  const answer = (entry: SimCard, at: number, day: number) => {
    const before = entry.card;
    const { good, memory } = answerCard(s.model, entry.truth, at, random);
    entry.truth = memory;
    const examSet = day >= setDay && s.policy !== 'no exam date';
    const options = examSet && s.policy === 'exam mode' ? withExam : base;
    let next = scheduleAfter(before.id, before, good ? Rating.Good : Rating.Again, at, options, RULES, load);
    if (examSet && s.policy === "today's rule" && next.state === CardState.Review) next = { ...next, due: todaysRuleDue(before.id, at, next.due, examDate, RULES) };
    track(before, -1);
    track(next, 1);
    entry.card = { ...before, ...next };
    log.push({ cardId: before.id, time: at, rating: good ? Rating.Good : Rating.Again, stateBefore: before.state });
    if (before.state === CardState.Review) reviewsOn.set(day, (reviewsOn.get(day) ?? 0) + 1);
  };

  let introduced = 0;
  let plannedRecall = Number.NaN;
  // Readiness is opened once the exam date is set; on the built-in decks, after their first session.
  const planDay = s.daysBefore === 0 ? setDay + 1 : setDay;
  for (let day = firstDay; day < examDay; day++) {
    let at = dayStartOf(day, RULES) + SESSION_OFFSET;
    const change = day <= setDay ? (s.fit?.(log, at, learner) ?? null) : null;
    if (change) {
      const refit = change.parameters !== learner.parameters;
      learner = change;
      if (refit) {
        base = { ...base, fsrsParameters: [...change.parameters] };
        withExam = { ...withExam, fsrsParameters: [...change.parameters] };
        const historyOf = new Map(reviewHistory(log, RULES, at).histories.map((history) => [history.cardId, history]));
        for (const entry of cards) {
          track(entry.card, -1);
          entry.card = { ...entry.card, ...rescheduled(entry.card, historyOf.get(entry.card.id), base) };
          track(entry.card, 1);
        }
      }
    }
    if (day === setDay && s.policy === 'exam mode') {
      const plan = planExamReviews({ cards: cards.map((entry) => entry.card), now: at, rules: RULES, exam: examOf(examDate, s.target), reviewsPerDay: s.reviewsPerDay, parameters: base.fsrsParameters });
      const byId = new Map(cards.map((entry) => [entry.card.id, entry]));
      for (const move of plan.moves) {
        const entry = byId.get(move.cardId)!;
        track(entry.card, -1);
        entry.card = { ...entry.card, due: move.due };
        track(entry.card, 1);
      }
    }
    if (day === planDay && s.policy === 'exam mode') {
      plannedRecall = projectExamScore({
        cards: cards.map((entry) => entry.card),
        now: at,
        examDate: examAt,
        rules: RULES,
        options: withExam,
        newCardsPerDay: s.newPerDay,
        reviewsPerDay: s.reviewsPerDay,
        desiredRetention: withExam.desiredRetention,
      }).examScore;
    }
    const dayEnd = dayStartOf(day + 1, RULES);
    const due = cards.filter((entry) => entry.card.state === CardState.Review && entry.card.due < dayEnd).sort((a, b) => a.card.due - b.card.due);
    const newToday = s.daysBefore === 0 && day === firstDay ? s.cards : s.newPerDay;
    const fresh = cards.slice(introduced, introduced + newToday);
    introduced += fresh.length;
    const studied = [...due.slice(0, s.reviewsPerDay), ...fresh];
    for (const entry of studied) {
      answer(entry, at, day);
      at += 10_000;
    }
    // Learning and relearning steps, in the same session, until every card studied today is in review.
    for (let round = 0; round < 6; round++) {
      at += 10 * MINUTE;
      for (const entry of studied) {
        if (entry.card.state === CardState.Learning || entry.card.state === CardState.Relearning) answer(entry, at, day);
      }
    }
  }

  const windowDays = Array.from({ length: s.daysToExam }, (_, i) => reviewsOn.get(setDay + i) ?? 0);
  const reviewsBeforeExam = windowDays.reduce((a, b) => a + b, 0);
  const lastWeek = windowDays.slice(-7).reduce((a, b) => a + b, 0);
  let truth = 0;
  let predicted = 0;
  let dueOnExamDay = 0;
  // What Kioku predicts, with the parameters it schedules by.
  const schedulerCurve = forgettingCurve(decayOf(base.fsrsParameters));
  for (const entry of cards) {
    if (entry.truth) truth += trueRecall(s.model, entry.truth, examAt);
    const { card } = entry;
    if (card.lastReview !== null && card.stability > 0) predicted += recallAfter(schedulerCurve, (examAt - card.lastReview) / DAY, card.stability);
    if (card.state === CardState.Review && learnerDay(card.due, RULES) === examDay) dueOnExamDay++;
  }
  return {
    trueRecall: truth / s.cards,
    plannedRecall,
    predictedRecall: predicted / s.cards,
    reviewsBeforeExam,
    lastWeekShare: reviewsBeforeExam === 0 ? 0 : lastWeek / reviewsBeforeExam,
    busiestDay: Math.max(...windowDays),
    meanDay: reviewsBeforeExam / s.daysToExam,
    dueOnExamDay,
    cards: s.cards,
  };
}

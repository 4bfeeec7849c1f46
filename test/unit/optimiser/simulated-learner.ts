import { forgetting_curve, fsrs, type FSRSState } from 'ts-fsrs';
import { CardState, newSchedule, Rating, type Review, type Schedule } from '../../../src/core/collection/model';
import { DAY, type DayRules } from '../../../src/core/scheduling/day';
import { scheduleAfter } from '../../../src/core/scheduling/fsrs';
import { resolveDeckOptions, type DeckOptions } from '../../../src/core/scheduling/options';

/**
 * A learner whose memory follows FSRS-6 with `trueParameters`, studying with Kioku's own
 * scheduler (`scheduleAfter`) under `options`: each day new cards come in, every due card is
 * answered, learning steps the same day. Recall is drawn from the true memory, so the log is
 * what such a learner would leave; `truth` gives each card's true memory at the end.
 */
export interface SimulatedLog {
  reviews: Review[];
  schedules: Map<string, Schedule>;
  truth: Map<string, { state: FSRSState; lastReview: number }>;
  end: number;
}

export const TOKYO_RULES: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };

/** Park–Miller: the same history on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

export function simulateLearner(input: {
  trueParameters: readonly number[];
  days: number;
  newPerDay: number;
  start: number;
  seed: number;
  options?: Partial<DeckOptions>;
}): SimulatedLog {
  const options = resolveDeckOptions([{ fuzz: false, ...input.options }]);
  const memory = fsrs({ w: [...input.trueParameters], enable_short_term: true });
  const rnd = random(input.seed);
  const schedules = new Map<string, Schedule>();
  const truth = new Map<string, { state: FSRSState; lastReview: number }>();
  const reviews: Review[] = [];
  let cardCount = 0;
  for (let day = 0; day < input.days; day++) {
    const sessionStart = input.start + day * DAY;
    for (let i = 0; i < input.newPerDay; i++) schedules.set(`c${cardCount++}`, newSchedule(sessionStart));
    let now = sessionStart;
    // Answer whatever is due in this session, learning steps included, until nothing is due before evening.
    for (;;) {
      let nextId: string | null = null;
      let nextDue = sessionStart + 12 * 3_600_000;
      for (const [id, schedule] of schedules) {
        if (schedule.due < nextDue) {
          nextDue = schedule.due;
          nextId = id;
        }
      }
      if (nextId === null) break;
      now = Math.max(now + 20_000, nextDue);
      const schedule = schedules.get(nextId)!;
      const known = truth.get(nextId);
      const elapsedDays = known ? Math.floor((now - known.lastReview) / DAY) : 0;
      const recall = known ? forgetting_curve([...input.trueParameters], elapsedDays, known.state.stability) : 0;
      const remembered = known ? rnd() < recall : rnd() < 0.6;
      const draw = rnd();
      const rating: Rating = !remembered ? Rating.Again : draw < 0.1 ? Rating.Hard : draw > 0.93 ? Rating.Easy : Rating.Good;
      const next = scheduleAfter(nextId, schedule, rating, now, options, TOKYO_RULES);
      reviews.push({
        id: `r${reviews.length}`,
        cardId: nextId,
        time: now,
        rating,
        stateBefore: schedule.state,
        stateAfter: next.state,
        dueBefore: schedule.due,
        dueAfter: next.due,
        stabilityAfter: next.stability,
        difficultyAfter: next.difficulty,
        durationMs: 8000,
      });
      truth.set(nextId, { state: memory.next_state(known?.state ?? null, elapsedDays, rating), lastReview: now });
      schedules.set(nextId, next);
    }
  }
  for (const schedule of schedules.values()) if (schedule.state === CardState.New) schedule.lastReview = null;
  return { reviews, schedules, truth, end: input.start + input.days * DAY };
}

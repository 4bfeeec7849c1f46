import { fsrs, type FSRSState } from 'ts-fsrs';
import { CardState, type Schedule } from '../collection/model';
import { DAY } from '../scheduling/day';
import type { DeckOptions } from '../scheduling/options';
import { DEFAULT_FSRS_PARAMETERS } from '../scheduling/parameters';
import type { CardHistory } from './history';

/** A card's memory state replayed from its answers with `parameters`, or null without a history. */
export function replayMemory(history: CardHistory | undefined, parameters: readonly number[]): FSRSState | null {
  if (!history || history.reviews.length === 0) return null;
  const model = fsrs({ w: [...parameters], enable_short_term: true });
  let state: FSRSState | null = null;
  for (const review of history.reviews) state = model.next_state(state, review.deltaT, review.rating);
  return state;
}

/**
 * "Reschedule cards on change", as in Anki: the card's stability and difficulty are replayed from
 * its own answers with the new parameters, and a card in review gets the interval those give at
 * the desired retention, counted from its last answer. Past answers are not changed; a card with
 * no usable history keeps its schedule.
 */
export function rescheduled(schedule: Schedule, history: CardHistory | undefined, options: DeckOptions): Schedule {
  const parameters = options.fsrsParameters ?? [...DEFAULT_FSRS_PARAMETERS];
  const memory = replayMemory(history, parameters);
  if (!memory) return schedule;
  const next = { ...schedule, stability: memory.stability, difficulty: memory.difficulty };
  if (schedule.state !== CardState.Review || schedule.lastReview === null) return next;
  const model = fsrs({ w: [...parameters], request_retention: options.desiredRetention, maximum_interval: options.maximumIntervalDays, enable_fuzz: false });
  const days = model.next_interval(memory.stability, 0);
  return { ...next, scheduledDays: days, due: schedule.lastReview + days * DAY };
}

import * as v from 'valibot';
import type { Card } from '../../../core/collection/model';
import type { CardRow } from './db';

const finiteNumber = v.pipe(v.number(), v.finite());
const whole = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What a stored card must look like before the scheduler trusts it. */
const CardRowSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  noteId: v.pipe(v.string(), v.minLength(1)),
  template: whole,
  deckId: v.pipe(v.string(), v.minLength(1)),
  due: finiteNumber,
  stability: v.pipe(finiteNumber, v.minValue(0)),
  difficulty: v.pipe(finiteNumber, v.minValue(0)),
  elapsedDays: v.pipe(finiteNumber, v.minValue(0)),
  scheduledDays: v.pipe(finiteNumber, v.minValue(0)),
  reps: whole,
  lapses: whole,
  learningSteps: whole,
  state: v.picklist([0, 1, 2, 3]),
  lastReview: v.nullable(finiteNumber),
  suspended: v.boolean(),
  buriedUntil: v.nullable(finiteNumber),
  buriedBy: v.optional(v.picklist(['sibling', 'learner'])),
  queue: v.number(),
});

/** Checks a card read from the database; a corrupt one is reported by id and field, never scheduled. */
export function checkedCard(row: unknown, cardId: string): CardRow {
  const result = v.safeParse(CardRowSchema, row);
  if (!result.success) {
    const issue = result.issues[0];
    const field = issue ? (v.getDotPath(issue) ?? 'card') : 'card';
    throw new Error(`Card ${cardId} in the database is corrupt: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return result.output as CardRow;
}

/** The model's card, without the storage-only `queue`. */
export function toCard(row: CardRow): Card {
  const { queue: _queue, ...card } = row;
  return card;
}

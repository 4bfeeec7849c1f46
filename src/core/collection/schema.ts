import * as v from 'valibot';
import { withOneFlag } from '../cards/flags';
import { FILTERED_ORDERS } from '../scheduling/filtered';

/**
 * The shapes of the collection's records (src/core/collection/model.ts) as stored in files.
 * Every format that carries whole records (Kioku deck JSON, the full backup) checks them here,
 * so a value the collection cannot hold is refused the same way whichever file it came in.
 */

const id = v.pipe(v.string(), v.minLength(1, 'expected a non-empty id'));
export const time = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const cardState = v.picklist([0, 1, 2, 3]);
const rating = v.picklist([1, 2, 3, 4]);

export const deckSchema = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1, 'expected a non-empty deck name')),
  description: v.optional(v.string()),
});

const templateSchema = v.object({ name: v.string(), front: v.string(), back: v.string() });

export const noteTypeSchema = v.object({
  id,
  name: v.string(),
  kind: v.picklist(['standard', 'cloze']),
  fields: v.pipe(v.array(v.string()), v.minLength(1, 'expected at least one field')),
  templates: v.pipe(v.array(templateSchema), v.minLength(1, 'expected at least one template')),
  css: v.optional(v.string()),
  sortField: v.optional(count),
  anki: v.optional(v.object({ mod: time, model: v.record(v.string(), v.unknown()) })),
});

export const noteSchema = v.object({
  id,
  noteTypeId: id,
  deckId: id,
  fields: v.array(v.string()),
  tags: v.array(v.string()),
  modified: time,
  guid: v.optional(v.string()),
  added: v.optional(time),
});

/** What a card from Anki keeps for an export (model.ts `AnkiCardExtra`). */
export const ankiCardSchema = v.object({
  factor: v.number(),
  queue: v.number(),
  ivl: v.number(),
  left: v.number(),
  position: v.number(),
  reps: v.number(),
  data: v.record(v.string(), v.unknown()),
  revlog: v.array(v.object({ id: v.number(), ease: v.number(), ivl: v.number(), lastIvl: v.number(), factor: v.number(), time: v.number(), type: v.number() })),
});

/** A filtered deck's searches, limits, orders, rescheduling and preview delays (core/scheduling/filtered.ts); checkFilteredConfig bounds them. */
const filteredTermEntries = { search: v.string(), limit: count, order: v.picklist([...FILTERED_ORDERS]) };
export const filteredConfigSchema = v.object({
  ...filteredTermEntries,
  reschedule: v.boolean(),
  second: v.optional(v.object(filteredTermEntries)),
  previewDelays: v.optional(v.object({ again: count, hard: count, good: count })),
});

/** A card in a filtered deck keeps its way home: the deck it came from, its due there, its place in the filtered deck. */
export const filteredPlaceEntries = { homeDeckId: v.optional(id), homeDue: v.optional(time), filteredPosition: v.optional(count) };

export const cardFields = v.object({
  id,
  noteId: id,
  template: count,
  deckId: id,
  suspended: v.boolean(),
  buriedUntil: v.nullable(time),
  buriedBy: v.optional(v.picklist(['sibling', 'learner'])),
  due: time,
  stability: v.pipe(v.number(), v.finite()),
  difficulty: v.pipe(v.number(), v.finite()),
  elapsedDays: v.pipe(v.number(), v.finite()),
  scheduledDays: v.pipe(v.number(), v.finite()),
  reps: count,
  lapses: count,
  learningSteps: count,
  state: cardState,
  lastReview: v.nullable(time),
  flag: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7))),
  anki: v.optional(
    v.object({
      ...ankiCardSchema.entries,
      /** Written by Kioku before the flag had one place (`flag`); moved there when read. */
      flags: v.optional(v.number()),
    }),
  ),
});

export const cardSchema = v.pipe(cardFields, v.transform(withOneFlag));

export const reviewSchema = v.object({
  id,
  cardId: id,
  deckId: v.optional(id),
  time,
  rating,
  stateBefore: cardState,
  stateAfter: cardState,
  dueBefore: time,
  dueAfter: time,
  stabilityAfter: v.pipe(v.number(), v.finite()),
  difficultyAfter: v.pipe(v.number(), v.finite()),
  durationMs: v.pipe(v.number(), v.minValue(0)),
  lastReviewBefore: v.optional(time),
  anki: v.optional(v.object({ ease: v.number(), ivl: v.number(), lastIvl: v.number(), factor: v.number(), type: v.number() })),
});

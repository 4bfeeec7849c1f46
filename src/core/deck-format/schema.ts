import * as v from 'valibot';

/** The JSON shape of a Kioku deck file, version 1: CollectionData with media as base64. */

export const DECK_FILE_FORMAT = 'kioku-deck';
export const DECK_FILE_VERSION = 1;

const id = v.pipe(v.string(), v.minLength(1, 'expected a non-empty id'));
const time = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const cardState = v.picklist([0, 1, 2, 3]);
const rating = v.picklist([1, 2, 3, 4]);

const deck = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1, 'expected a non-empty deck name')),
  description: v.optional(v.string()),
});

const template = v.object({ name: v.string(), front: v.string(), back: v.string() });

const noteType = v.object({
  id,
  name: v.string(),
  kind: v.picklist(['standard', 'cloze']),
  fields: v.pipe(v.array(v.string()), v.minLength(1, 'expected at least one field')),
  templates: v.pipe(v.array(template), v.minLength(1, 'expected at least one template')),
  css: v.optional(v.string()),
});

const note = v.object({
  id,
  noteTypeId: id,
  deckId: id,
  fields: v.array(v.string()),
  tags: v.array(v.string()),
  modified: time,
  guid: v.optional(v.string()),
});

const card = v.object({
  id,
  noteId: id,
  template: count,
  deckId: id,
  suspended: v.boolean(),
  buriedUntil: v.nullable(time),
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
});

const review = v.object({
  id,
  cardId: id,
  time,
  rating,
  stateBefore: cardState,
  stateAfter: cardState,
  dueBefore: time,
  dueAfter: time,
  stabilityAfter: v.pipe(v.number(), v.finite()),
  difficultyAfter: v.pipe(v.number(), v.finite()),
  durationMs: v.pipe(v.number(), v.minValue(0)),
});

const media = v.object({
  // A media name is a key, never a path: anything that could climb out of a folder is refused.
  name: v.pipe(
    v.string(),
    v.regex(/^(?!\.{1,2}$)[^/\\]+$/, 'expected a file name without / or \\'),
  ),
  mime: v.string(),
  data: v.string(),
});

export const deckFileSchema = v.object({
  format: v.literal(DECK_FILE_FORMAT),
  version: v.literal(DECK_FILE_VERSION),
  decks: v.array(deck),
  noteTypes: v.array(noteType),
  notes: v.array(note),
  cards: v.optional(v.array(card)),
  reviews: v.optional(v.array(review)),
  media: v.optional(v.array(media)),
});

export type DeckFileJson = v.InferOutput<typeof deckFileSchema>;

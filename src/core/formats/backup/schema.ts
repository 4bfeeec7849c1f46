import * as v from 'valibot';

/** Shapes of the JSON tables in a backup, checked on read so a damaged backup is refused whole. */

const id = v.pipe(v.string(), v.minLength(1));
const time = v.pipe(v.number(), v.finite());
const state = v.picklist([0, 1, 2, 3]);

export const BackupManifest = v.object({
  format: v.literal('kioku-backup'),
  version: v.literal(1),
  created: time,
  hasCards: v.boolean(),
  hasReviews: v.boolean(),
  hasMedia: v.boolean(),
});

export const Decks = v.array(v.object({ id, name: v.string(), description: v.optional(v.string()) }));

export const NoteTypes = v.array(
  v.object({
    id,
    name: v.string(),
    kind: v.picklist(['standard', 'cloze']),
    fields: v.array(v.string()),
    templates: v.array(v.object({ name: v.string(), front: v.string(), back: v.string() })),
    css: v.optional(v.string()),
  }),
);

export const Notes = v.array(
  v.object({
    id,
    noteTypeId: id,
    deckId: id,
    fields: v.array(v.string()),
    tags: v.array(v.string()),
    modified: time,
    guid: v.optional(v.string()),
  }),
);

export const Cards = v.array(
  v.object({
    id,
    noteId: id,
    template: v.pipe(v.number(), v.integer(), v.minValue(0)),
    deckId: id,
    suspended: v.boolean(),
    buriedUntil: v.nullable(time),
    due: time,
    stability: time,
    difficulty: time,
    elapsedDays: time,
    scheduledDays: time,
    reps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    lapses: v.pipe(v.number(), v.integer(), v.minValue(0)),
    learningSteps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    state,
    lastReview: v.nullable(time),
  }),
);

export const Reviews = v.array(
  v.object({
    id,
    cardId: id,
    time,
    rating: v.picklist([1, 2, 3, 4]),
    stateBefore: state,
    stateAfter: state,
    dueBefore: time,
    dueAfter: time,
    stabilityAfter: time,
    difficultyAfter: time,
    durationMs: time,
  }),
);

export const MediaIndex = v.array(v.object({ name: v.string(), mime: v.string(), entry: v.string() }));

export const Settings = v.record(v.string(), v.unknown());

import * as v from 'valibot';
import { withOneFlag } from '../../cards/flags';
import { cardFields, deckSchema, noteSchema, noteTypeSchema, reviewSchema, time } from '../../collection/schema';
import { FILTERED_ORDERS, MAX_FILTERED_LIMIT } from '../../scheduling/filtered';

/** Shapes of the JSON tables in a backup, checked on read so a damaged backup is refused whole. */

export const BackupManifest = v.object({
  format: v.literal('kioku-backup'),
  version: v.literal(1),
  created: time,
  hasCards: v.boolean(),
  hasReviews: v.boolean(),
  hasMedia: v.boolean(),
});

const whole = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Only a backup holds filtered decks: a shared deck file never moves the learner's cards around. */
export const Decks = v.array(
  v.object({
    ...deckSchema.entries,
    filtered: v.optional(v.object({ search: v.string(), limit: v.pipe(whole, v.minValue(1), v.maxValue(MAX_FILTERED_LIMIT)), order: v.picklist([...FILTERED_ORDERS]), reschedule: v.boolean() })),
  }),
);
export const NoteTypes = v.array(noteTypeSchema);
export const Notes = v.array(noteSchema);
/** A card in a filtered deck keeps its way home: the deck it came from, its due there, its place in the filtered deck. */
export const Cards = v.array(
  v.pipe(v.object({ ...cardFields.entries, homeDeckId: v.optional(v.pipe(v.string(), v.minLength(1))), homeDue: v.optional(time), filteredPosition: v.optional(whole) }), v.transform(withOneFlag)),
);
export const Reviews = v.array(reviewSchema);

export const MediaIndex = v.array(v.object({ name: v.string(), mime: v.string(), entry: v.string() }));

export const Settings = v.record(v.string(), v.unknown());

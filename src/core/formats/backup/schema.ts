import * as v from 'valibot';
import { cardSchema, deckSchema, noteSchema, noteTypeSchema, reviewSchema, time } from '../../collection/schema';

/** Shapes of the JSON tables in a backup, checked on read so a damaged backup is refused whole. */

export const BackupManifest = v.object({
  format: v.literal('kioku-backup'),
  version: v.literal(1),
  created: time,
  hasCards: v.boolean(),
  hasReviews: v.boolean(),
  hasMedia: v.boolean(),
});

export const Decks = v.array(deckSchema);
export const NoteTypes = v.array(noteTypeSchema);
export const Notes = v.array(noteSchema);
export const Cards = v.array(cardSchema);
export const Reviews = v.array(reviewSchema);

export const MediaIndex = v.array(v.object({ name: v.string(), mime: v.string(), entry: v.string() }));

export const Settings = v.record(v.string(), v.unknown());

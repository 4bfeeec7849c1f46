import * as v from 'valibot';
import { withOneFlag } from '../../cards/flags';
import { cardFields, deckSchema, filteredConfigSchema, filteredPlaceEntries, noteSchema, noteTypeSchema, reviewSchema, time } from '../../collection/schema';
import { checkFilteredConfig } from '../../scheduling/filtered';

/** Shapes of the JSON tables in a backup, checked on read so a damaged backup is refused whole. */

export const BackupManifest = v.object({
  format: v.literal('kioku-backup'),
  version: v.literal(1),
  created: time,
  hasCards: v.boolean(),
  hasReviews: v.boolean(),
  hasMedia: v.boolean(),
});

/** Only a backup holds filtered decks: a shared deck file never moves the learner's cards around. */
export const Decks = v.array(
  v.object({
    ...deckSchema.entries,
    filtered: v.optional(
      v.pipe(
        filteredConfigSchema,
        v.rawCheck(({ dataset, addIssue }) => {
          if (dataset.typed) for (const message of checkFilteredConfig(dataset.value)) addIssue({ message });
        }),
      ),
    ),
  }),
);
export const NoteTypes = v.array(noteTypeSchema);
export const Notes = v.array(noteSchema);
export const Cards = v.array(v.pipe(v.object({ ...cardFields.entries, ...filteredPlaceEntries }), v.transform(withOneFlag)));
export const Reviews = v.array(reviewSchema);

export const MediaIndex = v.array(v.object({ name: v.string(), mime: v.string(), entry: v.string() }));

export const Settings = v.record(v.string(), v.unknown());

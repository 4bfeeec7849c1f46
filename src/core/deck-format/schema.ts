import * as v from 'valibot';
import { mediaNameProblem } from '../collection/validity';
import { cardSchema, deckSchema, noteSchema, noteTypeSchema, reviewSchema } from '../collection/schema';

/** The JSON shape of a Kioku deck file, version 1: CollectionData with media as base64. */

export const DECK_FILE_FORMAT = 'kioku-deck';
export const DECK_FILE_VERSION = 1;

const media = v.object({
  // A media name is a key, never a path: anything that could climb out of a folder is refused.
  name: v.pipe(
    v.string(),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = dataset.typed ? mediaNameProblem(dataset.value) : null;
      if (problem) addIssue({ message: `a media file name ${problem}` });
    }),
  ),
  mime: v.string(),
  data: v.string(),
});

export const deckFileSchema = v.object({
  format: v.literal(DECK_FILE_FORMAT),
  version: v.literal(DECK_FILE_VERSION),
  decks: v.array(deckSchema),
  noteTypes: v.array(noteTypeSchema),
  notes: v.array(noteSchema),
  cards: v.optional(v.array(cardSchema)),
  reviews: v.optional(v.array(reviewSchema)),
  media: v.optional(v.array(media)),
});

export type DeckFileJson = v.InferOutput<typeof deckFileSchema>;

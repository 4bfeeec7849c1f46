import * as v from 'valibot';
import type { Review } from '../../../../core/collection/model';
import { ImportError } from '../../../../core/formats';
import { Reviews } from '../../../../core/formats/backup/schema';
import { checkDeckOptions, type DeckOptions } from '../../../../core/scheduling/options';

/**
 * What the collection holds beyond CollectionData, kept in the backup's settings entry:
 * every settings row, the options set on each deck, and reviews of cards the learner deleted
 * (the review log is never rewritten, but a backup's cards table no longer has their cards).
 */
export interface BackupExtras {
  settings: Record<string, unknown>;
  deckOptions: Record<string, Partial<DeckOptions>>;
  reviewsOfDeletedCards: Review[];
}

const ExtrasSchema = v.object({
  settings: v.optional(v.record(v.string(), v.unknown()), {}),
  deckOptions: v.optional(v.record(v.string(), v.record(v.string(), v.unknown())), {}),
  reviewsOfDeletedCards: v.optional(Reviews, []),
});

/** Checks the extras of a backup being restored; a backup from elsewhere may have none. */
export function readBackupExtras(raw: Record<string, unknown>, fileName: string): BackupExtras {
  const result = v.safeParse(ExtrasSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    throw new ImportError(fileName, `zip entry "settings.json", ${v.getDotPath(issue) ?? '(top level)'}`, issue.message);
  }
  const deckOptions = result.output.deckOptions as Record<string, Partial<DeckOptions>>;
  for (const [deckId, options] of Object.entries(deckOptions)) {
    const problems = checkDeckOptions(options);
    if (problems.length > 0) throw new ImportError(fileName, `zip entry "settings.json", options of deck ${deckId}`, problems.join('; '));
  }
  return { settings: result.output.settings, deckOptions, reviewsOfDeletedCards: result.output.reviewsOfDeletedCards };
}

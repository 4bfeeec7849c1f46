import * as v from 'valibot';
import type { Review } from '../../../../core/collection/model';
import { ImportError } from '../../../../core/formats';
import { Reviews } from '../../../../core/formats/backup/schema';
import type { ExamAttempt } from '../../../../core/questions';
import { examAttemptSchema } from '../../../../core/questions/attempt-schema';
import { checkDeckOptions, type DeckOptions } from '../../../../core/scheduling/options';
import { APP_KEY, checkSettings, COLLECTION_OPTIONS_KEY, DEFAULT_SETTINGS, PRESETS_KEY, type AppSettings } from '../settings';

/**
 * What the collection holds beyond CollectionData, kept in the backup's settings entry:
 * every settings row, the options set on each deck, and reviews of cards the learner deleted
 * (the review log is never rewritten, but a backup's cards table no longer has their cards),
 * and the mock exam attempts, which Readiness compares with its predictions.
 */
export interface BackupExtras {
  settings: Record<string, unknown>;
  deckOptions: Record<string, Partial<DeckOptions>>;
  /** The preset each deck names (a deck naming none follows its parent's); absent before presets. */
  deckPresets: Record<string, string>;
  reviewsOfDeletedCards: Review[];
  attempts: ExamAttempt[];
}

const ExtrasSchema = v.object({
  settings: v.optional(v.record(v.string(), v.unknown()), {}),
  deckOptions: v.optional(v.record(v.string(), v.record(v.string(), v.unknown())), {}),
  deckPresets: v.optional(v.record(v.string(), v.string()), {}),
  reviewsOfDeletedCards: v.optional(Reviews, []),
  // Backups written before attempts were kept have none.
  attempts: v.optional(v.array(examAttemptSchema), []),
});

/** Checks the extras of a backup being restored; a backup from elsewhere may have none. */
export function readBackupExtras(raw: Record<string, unknown>, fileName: string): BackupExtras {
  const result = v.safeParse(ExtrasSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    throw new ImportError(fileName, `zip entry "settings.json", ${v.getDotPath(issue) ?? '(top level)'}`, issue.message);
  }
  checkStoredSettings(result.output.settings, fileName);
  const deckOptions = result.output.deckOptions as Record<string, Partial<DeckOptions>>;
  for (const [deckId, options] of Object.entries(deckOptions)) {
    const problems = checkDeckOptions(options);
    if (problems.length > 0) throw new ImportError(fileName, `zip entry "settings.json", options of deck ${deckId}`, problems.join('; '));
  }
  const attempts = result.output.attempts as ExamAttempt[];
  return { settings: result.output.settings, deckOptions, deckPresets: result.output.deckPresets, reviewsOfDeletedCards: result.output.reviewsOfDeletedCards, attempts };
}

/**
 * The settings rows the app reads are checked by the same rules as when the learner sets them,
 * so a restored backup cannot leave the deck list or Options unable to open.
 */
function checkStoredSettings(settings: Record<string, unknown>, fileName: string): void {
  const where = (key: string) => `zip entry "settings.json", settings.${key}`;
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const app = settings[APP_KEY];
  if (app !== undefined) {
    if (!isRecord(app)) throw new ImportError(fileName, where(APP_KEY), 'expected an object');
    try {
      checkSettings({ ...DEFAULT_SETTINGS, ...(app as Partial<AppSettings>) });
    } catch (error) {
      throw new ImportError(fileName, where(APP_KEY), (error as Error).message);
    }
  }
  const presets = settings[PRESETS_KEY];
  if (presets !== undefined) {
    const valid = Array.isArray(presets) && presets.every((preset) => isRecord(preset) && typeof preset.id === 'string' && typeof preset.name === 'string' && isRecord(preset.options));
    if (!valid) throw new ImportError(fileName, where(PRESETS_KEY), 'expected a list of presets, each with an id, a name and options');
    for (const preset of presets as { name: string; options: Partial<DeckOptions> }[]) {
      const problems = checkDeckOptions(preset.options);
      if (problems.length > 0) throw new ImportError(fileName, `${where(PRESETS_KEY)} "${preset.name}"`, problems.join('; '));
    }
  }
  const defaults = settings[COLLECTION_OPTIONS_KEY];
  if (defaults !== undefined) {
    if (!isRecord(defaults)) throw new ImportError(fileName, where(COLLECTION_OPTIONS_KEY), 'expected an object');
    const problems = checkDeckOptions(defaults as Partial<DeckOptions>);
    if (problems.length > 0) throw new ImportError(fileName, where(COLLECTION_OPTIONS_KEY), problems.join('; '));
  }
}

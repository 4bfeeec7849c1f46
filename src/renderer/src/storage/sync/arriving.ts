import * as v from 'valibot';
import { cardId } from '../../../../core/cards';
import { ankiCardSchema, deckSchema, filteredConfigSchema, filteredPlaceEntries } from '../../../../core/collection/schema';
import { CARD_NUMBERS, rangeProblem } from '../../../../core/collection/validity';
import type { CardBase } from '../../../../core/sync/replay';

/** A document that arrived and was not kept, with why. */
export interface SkippedRecord {
  id: string;
  reason: string;
}

/*
 * What a document from another device must hold to be kept: it is checked as an import checks a
 * file's records, since whatever wrote it to the server may not be Kioku.
 */
const cardBaseSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  noteId: v.pipe(v.string(), v.minLength(1)),
  template: v.pipe(v.number(), v.integer(), v.minValue(0)),
  deckId: v.pipe(v.string(), v.minLength(1)),
  suspended: v.boolean(),
  flag: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7))),
  ...filteredPlaceEntries,
  buriedUntil: v.optional(v.pipe(v.number(), v.finite())),
  buriedBy: v.optional(v.literal('learner')),
  anki: v.optional(ankiCardSchema),
  since: v.pipe(v.number(), v.finite()),
  base: v.object({
    due: v.pipe(v.number(), v.finite()),
    stability: v.pipe(v.number(), v.finite(), v.minValue(0)),
    difficulty: v.pipe(v.number(), v.finite(), v.minValue(0)),
    elapsedDays: v.pipe(v.number(), v.finite(), v.minValue(0)),
    scheduledDays: v.pipe(v.number(), v.finite(), v.minValue(0)),
    reps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    lapses: v.pipe(v.number(), v.integer(), v.minValue(0)),
    learningSteps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    state: v.picklist([0, 1, 2, 3]),
    lastReview: v.nullable(v.pipe(v.number(), v.finite())),
  }),
});

const whole = v.pipe(v.number(), v.integer(), v.minValue(0));
export const deckRowSchema = v.object({
  ...deckSchema.entries,
  options: v.record(v.string(), v.unknown()),
  presetId: v.optional(v.pipe(v.string(), v.minLength(1))),
  extraToday: v.optional(v.object({ day: v.pipe(v.number(), v.integer()), newCards: whole, reviews: whole })),
  filtered: v.optional(filteredConfigSchema),
});
export const mediaSchema = v.object({ name: v.pipe(v.string(), v.minLength(1)), mime: v.string(), sha1: v.string() });
const presetSchema = v.object({ id: v.pipe(v.string(), v.minLength(1)), name: v.pipe(v.string(), v.minLength(1)), options: v.record(v.string(), v.unknown()) });
export const settingSchema = v.variant('key', [
  v.object({ key: v.literal('deckDefaults'), value: v.record(v.string(), v.unknown()) }),
  v.object({ key: v.literal('presets'), value: v.array(presetSchema) }),
]);

/** The options a synced setting holds: the collection's exam, or each preset's. */
export function settingOptions(setting: v.InferOutput<typeof settingSchema>): Record<string, unknown>[] {
  return setting.key === 'presets' ? setting.value.map((preset) => preset.options) : [setting.value];
}
export const lostSchema = v.object({
  id: v.string(),
  recordId: v.string(),
  kind: v.string(),
  lost: v.unknown(),
  lostStamp: v.string(),
  lostGone: v.boolean(),
  winnerStamp: v.string(),
});

export function problem(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  return `${issue ? (v.getDotPath(issue) ?? 'record') : 'record'}: ${issue?.message ?? 'invalid'}`;
}

/**
 * A card as it arrived, checked as an import checks one: its shape, its id the one its note and
 * template give it, and its numbers in range. A string says why it cannot be kept.
 */
export function cardBaseOf(data: unknown): CardBase | string {
  const result = v.safeParse(cardBaseSchema, data);
  if (!result.success) return problem(result.issues);
  const base = result.output as CardBase;
  if (base.id !== cardId(base.noteId, base.template)) return `its id is not the one note ${base.noteId} gives its card ${base.template + 1}`;
  return rangeProblem(base.base, CARD_NUMBERS) ?? rangeProblem(base, CARD_NUMBERS) ?? base;
}

/**
 * Leeches as Anki handles them (rslib scheduler/states/review.rs, deckconfig defaults): a card
 * forgotten `threshold` times is a leech, and again every half threshold after that (rounded up),
 * so the learner is reminded while it keeps failing. 0 turns leech detection off.
 */
export const DEFAULT_LEECH_THRESHOLD = 8;

/** Anki's two leech actions; its default (rslib deckconfig) is to tag only. */
export type LeechAction = 'tagOnly' | 'suspend';

export const DEFAULT_LEECH_ACTION: LeechAction = 'tagOnly';

/** The tag a leech's note gets, so `tag:leech` finds them. */
export const LEECH_TAG = 'leech';

/** Whether a card that has just lapsed for the `lapses`th time becomes (again) a leech. */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (!(threshold > 0)) return false;
  const half = Math.max(1, Math.ceil(threshold / 2));
  return lapses >= threshold && (lapses - threshold) % half === 0;
}

/**
 * The one rule for what the collection may hold. Every reader checks a file against it before
 * returning anything (src/core/formats/validate.ts) and every writer relies on it, so whatever
 * could be imported can also be backed up, restored and exported again.
 */

/** Anki allows `..` inside a name (`fig..1.png`); only a name that could climb out of a folder is unsafe. */
export function mediaNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return 'must be 1 to 255 characters long';
  if (name === '.' || name === '..') return 'may not be . or ..';
  if (name.includes('/') || name.includes('\\')) return 'may not contain / or \\';
  if (/^[a-zA-Z]:/.test(name)) return 'may not start with a drive letter';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'may not contain control characters';
  return null;
}

/** Deeper than any real deck tree, shallow enough that walking one can never exhaust a stack. */
export const MAX_DECK_DEPTH = 100;
const MAX_DECK_NAME_CHARS = 4096;

/**
 * A deck's full name as Anki writes it (`Parent::Child`), made valid the way Anki makes it:
 * spaces around each part trimmed, control characters dropped and an empty part named "blank".
 */
export function normalizeDeckName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split('::')
    .map((part) => part.trim() || 'blank')
    .join('::');
}

export function deckNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_DECK_NAME_CHARS) return `must be 1 to ${MAX_DECK_NAME_CHARS} characters long`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'may not contain control characters';
  const parts = name.split('::');
  if (parts.some((part) => part.trim() === '')) return 'has an empty part between "::"';
  if (parts.length > MAX_DECK_DEPTH) return `is nested ${parts.length} decks deep; the limit is ${MAX_DECK_DEPTH}`;
  return null;
}

/** Times a Date can show and a calendar can hold: years 1 to 9999, in ms since the epoch. */
export const EARLIEST_TIME = new Date(0).setUTCFullYear(1, 0, 1);
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Intervals and ages in days: Anki caps an interval at 100 years; a thousand leaves room. */
const MAX_DAYS = 365_250;
/** FSRS stability in days, with the same room. */
const MAX_STABILITY = MAX_DAYS;
/** FSRS difficulty runs from 1 to 10; 0 marks a card never reviewed. */
const MAX_DIFFICULTY = 10;
/** One answer held open for a day is already absurd. */
const MAX_DURATION_MS = 86_400_000;

export type NumberKind = 'time' | 'days' | 'stability' | 'difficulty' | 'duration';

const RANGES: Record<NumberKind, [number, number]> = {
  time: [EARLIEST_TIME, LATEST_TIME],
  days: [-MAX_DAYS, MAX_DAYS],
  stability: [0, MAX_STABILITY],
  difficulty: [0, MAX_DIFFICULTY],
  duration: [0, MAX_DURATION_MS],
};

/** Why a number of this kind cannot be kept, or null when it can. */
export function numberProblem(value: unknown, kind: NumberKind): string | null {
  const [low, high] = RANGES[kind];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < low || value > high) {
    return `is ${String(value)}; expected a ${kind === 'time' ? 'time between the years 1 and 9999' : `number from ${low} to ${high}`}`;
  }
  return null;
}

/** The numbers of a card that must lie in a range (a null time: never reviewed, not buried). */
export const CARD_NUMBERS = {
  due: 'time',
  buriedUntil: 'time',
  lastReview: 'time',
  stability: 'stability',
  difficulty: 'difficulty',
  elapsedDays: 'days',
  scheduledDays: 'days',
  homeDue: 'time',
} as const satisfies Record<string, NumberKind>;

export const REVIEW_NUMBERS = {
  time: 'time',
  dueBefore: 'time',
  dueAfter: 'time',
  stabilityAfter: 'stability',
  difficultyAfter: 'difficulty',
  durationMs: 'duration',
  lastReviewBefore: 'time',
} as const satisfies Record<string, NumberKind>;

/** The first of a record's numbers outside its range (`due is NaN; expected …`); null and absent values pass. */
export function rangeProblem<T extends object>(item: T, ranged: Partial<Record<string, NumberKind>>): string | null {
  for (const [key, kind] of Object.entries(ranged) as [string, NumberKind][]) {
    const value = (item as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    const problem = numberProblem(value, kind);
    if (problem) return `${key} ${problem}`;
  }
  return null;
}

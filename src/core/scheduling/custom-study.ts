import type { FilteredDeckConfig } from './filtered';

/**
 * Anki's Custom Study (rslib scheduler/filtered/custom_study.rs): two choices raise today's
 * limits of the deck; the others fill one filtered deck, "Custom Study Session", from a search
 * of the deck, rebuilt each time the learner chooses again.
 */
export type CustomStudy =
  | { kind: 'newLimit'; delta: number }
  | { kind: 'reviewLimit'; delta: number }
  | { kind: 'forgot'; days: number }
  | { kind: 'ahead'; days: number }
  | { kind: 'preview'; days: number }
  | { kind: 'cram'; cards: CramCards; limit: number; tagsIncluded: string[]; tagsExcluded: string[] };

/** Which cards "Study by card state or tag" takes. */
export type CramCards = 'new' | 'due' | 'review' | 'all';

export const CRAM_CARDS: readonly CramCards[] = ['new', 'due', 'review', 'all'];

/** Anki's default card limit of a custom study session and the largest number its days and deltas take. */
export const CUSTOM_STUDY_LIMIT = 99_999;
export const MAX_CUSTOM_DAYS = 365;
export const MAX_LIMIT_DELTA = 9999;

/** A search term that finds exactly this text, quoted and escaped as Anki writes it. */
function quotedTerm(key: string, value: string): string {
  return `${key}:"${value.replace(/[\\"*_]/g, (char) => `\\${char}`)}"`;
}

export function deckTerm(deckName: string): string {
  return quotedTerm('deck', deckName);
}

/** What is wrong with the choice, or null: days 1–365, deltas and card limits 1 and up, as Anki's spin boxes allow. */
export function customStudyProblem(choice: CustomStudy): string | null {
  const within = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;
  switch (choice.kind) {
    case 'newLimit':
    case 'reviewLimit':
      return within(choice.delta, 1, MAX_LIMIT_DELTA) ? null : `a limit grows by 1–${MAX_LIMIT_DELTA} cards`;
    case 'forgot':
    case 'ahead':
    case 'preview':
      return within(choice.days, 1, MAX_CUSTOM_DAYS) ? null : `days must be 1–${MAX_CUSTOM_DAYS}`;
    case 'cram':
      if (!CRAM_CARDS.includes(choice.cards)) return `cards must be one of ${CRAM_CARDS.join(', ')}`;
      return within(choice.limit, 1, CUSTOM_STUDY_LIMIT) ? null : `a session holds 1–${CUSTOM_STUDY_LIMIT} cards`;
  }
}

/**
 * The filtered deck a custom study choice builds from deck `deckName`, as Anki builds it:
 * forgotten cards (answered Again in the last N days) in random order without rescheduling;
 * reviews due in the next N days, by due, rescheduled; new cards added in the last N days as a
 * preview; or cards by state and tag, rescheduled unless all cards are taken.
 * Returns null for the two choices that only raise today's limits.
 */
export function customStudyDeck(deckName: string, choice: CustomStudy): FilteredDeckConfig | null {
  const deck = deckTerm(deckName);
  switch (choice.kind) {
    case 'newLimit':
    case 'reviewLimit':
      return null;
    case 'forgot':
      return { search: `rated:${choice.days}:1 ${deck}`, order: 'random', limit: CUSTOM_STUDY_LIMIT, reschedule: false };
    case 'ahead':
      return { search: `prop:due<=${choice.days} ${deck}`, order: 'due', limit: CUSTOM_STUDY_LIMIT, reschedule: true };
    case 'preview':
      return { search: `is:new added:${choice.days} ${deck}`, order: 'oldestReviewedFirst', limit: CUSTOM_STUDY_LIMIT, reschedule: false };
    case 'cram': {
      const state = { new: 'is:new ', due: 'is:due ', review: '-is:new ', all: '' }[choice.cards];
      const order = ({ new: 'added', due: 'due', review: 'random', all: 'random' } as const)[choice.cards];
      const included = choice.tagsIncluded.map((tag) => quotedTerm('tag', tag));
      const excluded = choice.tagsExcluded.map((tag) => `-${quotedTerm('tag', tag)}`);
      const tags = [included.length > 0 ? `(${included.join(' OR ')})` : '', excluded.length > 0 ? `(${excluded.join(' ')})` : ''].filter(Boolean);
      return { search: [`${state}${deck}`, ...tags].join(' '), order, limit: choice.limit, reschedule: choice.cards !== 'all' };
    }
  }
}

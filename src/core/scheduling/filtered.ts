import { CardState, Rating, type Card } from '../collection/model';
import type { AnswerOutcome } from './fsrs';

/**
 * Filtered decks as Anki keeps them (rslib scheduler/filtered): a search gathers cards that are not
 * suspended, buried or already in a filtered deck; each is moved in with a link to its home deck
 * (Anki's odid) and its due kept (odue), and goes home when it is emptied, rebuilt, or — when the
 * deck reschedules — once it leaves learning; a deck that does not reschedule is a preview: Again
 * and Hard show the card again after a delay, Good and Easy send it home as it was.
 */
export type FilteredOrder =
  | 'oldestReviewedFirst'
  | 'random'
  | 'intervalsAscending'
  | 'intervalsDescending'
  | 'lapses'
  | 'added'
  | 'due'
  | 'reverseAdded'
  | 'retrievability';

export const FILTERED_ORDERS: readonly FilteredOrder[] = [
  'oldestReviewedFirst',
  'random',
  'intervalsAscending',
  'intervalsDescending',
  'lapses',
  'added',
  'due',
  'reverseAdded',
  'retrievability',
];

export interface FilteredDeckConfig {
  search: string;
  /** Anki's default limit 100; 1–99,999. */
  limit: number;
  order: FilteredOrder;
  /** "Reschedule cards based on my answers in this deck". */
  reschedule: boolean;
  /** A deck that does not reschedule: how long after each answer the card comes back; absent, Anki's defaults (PREVIEW_DELAYS). */
  preview?: PreviewDelays;
}

/** Seconds until a previewed card is shown again after Again, Hard and Good; 0 sends it home (rslib states/preview_filter.rs). Easy always sends it home. */
export interface PreviewDelays {
  againSecs: number;
  hardSecs: number;
  goodSecs: number;
}

/** Anki's preview delays for a new filtered deck (rslib decks/filtered.rs): Again 1 min, Hard 10 min; Good returns the card. */
export const PREVIEW_AGAIN_MS = 60_000;
export const PREVIEW_HARD_MS = 600_000;
export const PREVIEW_DELAYS: PreviewDelays = { againSecs: PREVIEW_AGAIN_MS / 1000, hardSecs: PREVIEW_HARD_MS / 1000, goodSecs: 0 };

/** Anki keeps each delay in a u32 of seconds; a year is far past any use. */
export const MAX_PREVIEW_SECS = 365 * 86_400;

export const MAX_FILTERED_LIMIT = 99_999;

/** Anki's filter: never suspended, buried or another filtered deck's cards. */
export function filteredSearch(search: string): string {
  const own = search.trim() === '' ? '' : `(${search}) `;
  return `${own}-is:suspended -is:buried -deck:filtered`;
}

export function checkFilteredConfig(config: FilteredDeckConfig): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(config.limit) && config.limit >= 1 && config.limit <= MAX_FILTERED_LIMIT)) problems.push(`limit must be 1–${MAX_FILTERED_LIMIT}`);
  if (!FILTERED_ORDERS.includes(config.order)) problems.push(`order ${String(config.order)} is not one of Anki's`);
  if (typeof config.reschedule !== 'boolean') problems.push('reschedule must be true or false');
  if (config.preview !== undefined) {
    for (const [key, secs] of Object.entries(config.preview)) {
      if (!(Number.isInteger(secs) && secs >= 0 && secs <= MAX_PREVIEW_SECS)) problems.push(`preview ${key} must be 0–${MAX_PREVIEW_SECS} seconds`);
    }
  }
  return problems;
}

/** What ordering needs of a card besides the card itself. */
export interface OrderFacts {
  /** When its note was added, or null when unknown. */
  addedAt: (card: Card) => number | null;
  retrievability: (card: Card) => number;
  random: (card: Card) => number;
}

function orderKey(order: FilteredOrder, card: Card, facts: OrderFacts): number {
  switch (order) {
    case 'oldestReviewedFirst':
      return card.lastReview ?? -Infinity;
    case 'random':
      return facts.random(card);
    case 'intervalsAscending':
      return card.state === CardState.New ? Infinity : card.scheduledDays;
    case 'intervalsDescending':
      return card.state === CardState.New ? Infinity : -card.scheduledDays;
    case 'lapses':
      return -card.lapses;
    case 'added':
      return facts.addedAt(card) ?? Infinity;
    case 'reverseAdded':
      return -(facts.addedAt(card) ?? -Infinity);
    case 'due':
      // New cards after the others, in the order they were added, as Anki's "order due".
      return card.state === CardState.New ? Number.MAX_SAFE_INTEGER : card.due;
    case 'retrievability':
      return card.state === CardState.New ? Infinity : facts.retrievability(card);
  }
}

/** The cards a filtered deck takes from those its search found, in its order and up to its limit. */
export function gatherFiltered(found: readonly Card[], config: FilteredDeckConfig, facts: OrderFacts): Card[] {
  const keyed = found.map((card) => ({ card, key: orderKey(config.order, card, facts) }));
  keyed.sort((a, b) => a.key - b.key || (a.card.id < b.card.id ? -1 : 1));
  return keyed.slice(0, config.limit).map((entry) => entry.card);
}

/** A card moved into filtered deck `deckId` at `position`: due now unless it is waiting on a learning step. */
export function movedIn(card: Card, deckId: string, position: number, now: number): Card {
  const learning = card.state === CardState.Learning || card.state === CardState.Relearning;
  return { ...card, homeDeckId: card.deckId, homeDue: card.due, filteredPosition: position, deckId, due: learning ? card.due : now };
}

/** A card sent back to its home deck: its due as it was, unless an answer in the filtered deck set a new one. */
export function movedHome(card: Card): Card {
  if (card.homeDeckId === undefined) return card;
  const { homeDeckId, homeDue, filteredPosition: _position, ...rest } = card;
  return { ...rest, deckId: homeDeckId, due: homeDue ?? card.due };
}

/** After an answer in a rescheduling filtered deck: the card stays while in (re)learning, else it goes home. */
export function afterRescheduledAnswer(card: Card): Card {
  const answered = { ...card, homeDue: undefined };
  if (card.state === CardState.Learning || card.state === CardState.Relearning) return answered;
  return movedHome(answered);
}

/** After an answer in a preview deck: the card comes back after the deck's delay for the button, or goes home unchanged when it has none (always on Easy). */
export function afterPreviewAnswer(card: Card, rating: number, now: number, delays: PreviewDelays = PREVIEW_DELAYS): Card {
  const secs = rating === 1 ? delays.againSecs : rating === 2 ? delays.hardSecs : rating === 3 ? delays.goodSecs : 0;
  return secs > 0 ? { ...card, due: now + secs * 1000 } : movedHome(card);
}

/**
 * The answer buttons of a card in a preview deck, as Anki's PreviewState (rslib
 * scheduler/states/preview_filter.rs): Again and Hard show their delays, Good and Easy end the
 * preview. No FSRS interval: the card's schedule is never changed there.
 */
export function previewDeckOutcomes(card: Card, now: number, delays?: PreviewDelays): AnswerOutcome[] {
  return [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy].map((rating) => {
    const after = afterPreviewAnswer(card, rating, now, delays);
    if (after.homeDeckId === undefined) return { rating, schedule: after, intervalMs: 0, endsPreview: true };
    return { rating, schedule: after, intervalMs: after.due - now };
  });
}

/** True when a card answered in deck `deck` is previewed: the deck is filtered and does not reschedule. */
export function inPreviewDeck(card: Pick<Card, 'homeDeckId'>, deck: { filtered?: Pick<FilteredDeckConfig, 'reschedule'> } | undefined): boolean {
  return card.homeDeckId !== undefined && deck?.filtered !== undefined && !deck.filtered.reschedule;
}

/**
 * A filtered deck's cards in the order they are shown at `now`: learning steps due now, then
 * every other card waiting (in the deck's order), then learning steps due within `learnAheadMs`.
 * Filtered decks have no daily limits.
 */
export function filteredQueue(cards: readonly Card[], now: number, learnAheadMs: number): Card[] {
  const showable = cards.filter((card) => !card.suspended && (card.buriedUntil === null || card.buriedUntil <= now));
  const learning = (card: Card) => card.state === CardState.Learning || card.state === CardState.Relearning;
  const byDue = (a: Card, b: Card) => a.due - b.due || (a.id < b.id ? -1 : 1);
  const byPosition = (a: Card, b: Card) => (a.filteredPosition ?? 0) - (b.filteredPosition ?? 0) || (a.id < b.id ? -1 : 1);
  const dueNow = showable.filter((card) => learning(card) && card.due <= now).sort(byDue);
  const rest = showable.filter((card) => !learning(card) && card.due <= now).sort(byPosition);
  const soon = showable.filter((card) => card.due > now && card.due <= now + learnAheadMs).sort(byDue);
  return [...dueNow, ...rest, ...soon];
}

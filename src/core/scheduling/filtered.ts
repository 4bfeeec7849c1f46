import { CardState, Rating, type Card } from '../collection/model';
import type { AnswerOutcome } from './fsrs';

/**
 * Filtered decks as Anki keeps them (rslib scheduler/filtered): a search gathers cards that are not
 * suspended, buried or already in a filtered deck; each is moved in with a link to its home deck
 * (Anki's odid) and its due kept (odue), and goes home when it is emptied, rebuilt, or — when the
 * deck reschedules — once it leaves learning; a deck that does not reschedule is a preview: Again,
 * Hard and Good show the card again after the deck's delays (0 sends it home), Easy sends it home as it was.
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

/** One of a filtered deck's searches (Anki's SearchTerm): what it finds, how many it takes, in which order. */
export interface FilteredTerm {
  search: string;
  /** Anki's default limit 100; 1–99,999. */
  limit: number;
  order: FilteredOrder;
}

/** How long a preview deck waits before showing a card again, per button, in seconds; 0 sends the card home. */
export interface PreviewDelays {
  again: number;
  hard: number;
  good: number;
}

export interface FilteredDeckConfig extends FilteredTerm {
  /** "Reschedule cards based on my answers in this deck". */
  reschedule: boolean;
  /** Anki's "Enable second filter": drawn from after the first search has taken its cards. */
  second?: FilteredTerm;
  /** Used when the deck does not reschedule; absent on decks made before they could be set, which use Anki's defaults. */
  previewDelays?: PreviewDelays;
}

/** Anki's defaults (custom_study_config): Again 1 min, Hard 10 min, Good returns the card. */
export const DEFAULT_PREVIEW_DELAYS: PreviewDelays = { again: 60, hard: 600, good: 0 };

/** Anki's second filter starts at 20 cards, random. */
export const NEW_SECOND_TERM: Omit<FilteredTerm, 'search'> = { limit: 20, order: 'random' };

export const MAX_FILTERED_LIMIT = 99_999;
/** Anki's delay spin boxes stop at 99,999 seconds. */
export const MAX_PREVIEW_DELAY = 99_999;

export function previewDelaysOf(config: Pick<FilteredDeckConfig, 'previewDelays'>): PreviewDelays {
  return config.previewDelays ?? DEFAULT_PREVIEW_DELAYS;
}

/** The deck's searches in the order they draw cards. */
export function filteredTerms(config: FilteredDeckConfig): FilteredTerm[] {
  return config.second ? [config, config.second] : [config];
}

/** Anki's filter: never suspended, buried or another filtered deck's cards. */
export function filteredSearch(search: string): string {
  const own = search.trim() === '' ? '' : `(${search}) `;
  return `${own}-is:suspended -is:buried -deck:filtered`;
}

function termProblems(term: FilteredTerm, which: string): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(term.limit) && term.limit >= 1 && term.limit <= MAX_FILTERED_LIMIT)) problems.push(`${which}limit must be 1–${MAX_FILTERED_LIMIT}`);
  if (!FILTERED_ORDERS.includes(term.order)) problems.push(`${which}order ${String(term.order)} is not one of Anki's`);
  return problems;
}

export function checkFilteredConfig(config: FilteredDeckConfig): string[] {
  const problems = termProblems(config, '');
  if (config.second) problems.push(...termProblems(config.second, 'second filter '));
  if (typeof config.reschedule !== 'boolean') problems.push('reschedule must be true or false');
  for (const [button, seconds] of Object.entries(config.previewDelays ?? {})) {
    if (!(Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_PREVIEW_DELAY)) problems.push(`${button} delay must be 0–${MAX_PREVIEW_DELAY} seconds`);
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

/** The cards one search of a filtered deck takes from those it found, in its order and up to its limit. */
export function gatherFiltered(found: readonly Card[], term: FilteredTerm, facts: OrderFacts): Card[] {
  const keyed = found.map((card) => ({ card, key: orderKey(term.order, card, facts) }));
  keyed.sort((a, b) => a.key - b.key || (a.card.id < b.card.id ? -1 : 1));
  return keyed.slice(0, term.limit).map((entry) => entry.card);
}

/**
 * The cards the whole deck takes, as Anki's build (rslib scheduler/filtered): each search in turn,
 * each up to its own limit and in its own order, a card the first took never taken twice; the
 * second search's cards follow the first's. `foundBy[i]` is what search i found.
 */
export function gatherAllFiltered(foundBy: readonly (readonly Card[])[], config: FilteredDeckConfig, facts: OrderFacts): Card[] {
  const taken: Card[] = [];
  const ids = new Set<string>();
  filteredTerms(config).forEach((term, index) => {
    const free = (foundBy[index] ?? []).filter((card) => !ids.has(card.id));
    for (const card of gatherFiltered(free, term, facts)) {
      ids.add(card.id);
      taken.push(card);
    }
  });
  return taken;
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

/**
 * After an answer in a preview deck, as Anki's PreviewState (rslib scheduler/states/preview_filter.rs):
 * Again, Hard and Good bring the card back after the deck's delay for that button, or send it home
 * unchanged when that delay is 0; Easy always sends it home.
 */
export function afterPreviewAnswer(card: Card, rating: number, now: number, delays: PreviewDelays): Card {
  const seconds = rating === 1 ? delays.again : rating === 2 ? delays.hard : rating === 3 ? delays.good : 0;
  return seconds > 0 ? { ...card, due: now + seconds * 1000 } : movedHome(card);
}

/**
 * The answer buttons of a card in a preview deck: each shows its delay, or ends the preview.
 * No FSRS interval: the card's schedule is never changed there.
 */
export function previewDeckOutcomes(card: Card, now: number, delays: PreviewDelays): AnswerOutcome[] {
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

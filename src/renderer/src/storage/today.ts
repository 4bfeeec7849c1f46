import Dexie from 'dexie';
import { CardState, type Card, type Review } from '../../../core/collection/model';
import { learnerDay, nextDayStart, todayStart, type DayRules } from '../../../core/scheduling/day';
import { retrievability } from '../../../core/scheduling/fsrs';
import { LEARN_AHEAD_MS, todayQueue } from '../../../core/scheduling/queue';
import { filteredQueue, previewDelaysOf, type PreviewDelays } from '../../../core/scheduling/filtered';
import { cappedCounts, SessionLimits, type LimitDeck, type StudiedToday } from '../../../core/scheduling/limits';
import { toCard } from './card-row';
import type { CardRow, DeckRow, KiokuDb } from './db';
import { deckTree, subtreeIds, type DeckNode } from './deck-tree';
import type { DeckOptions } from '../../../core/scheduling/options';
import { resolverFor } from './settings';
import type { DeckSetup } from './setup-cache';

/** How many cards of each kind a deck (with its subdecks) still has for today, after the limits. */
export interface DeckCounts {
  newCount: number;
  learningCount: number;
  reviewCount: number;
  /**
   * Where the deck's own limit holds back cards it or its subdecks have: why a parent can show
   * New 0 while a subdeck shows new cards (the parent's limit counts what its subdecks studied).
   */
  limitedBy?: { newCards: boolean; reviews: boolean };
}

/** Anki's largest daily limit (its options refuse more): also how far the index is read for new cards. */
const MAX_NEW_READ = 9999;

/** Cards studied today per deck: new cards introduced and reviews done, from the review log. */
interface DoneToday {
  introduced: Map<string, number>;
  reviewed: Map<string, number>;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Today's part of the review log (time index), so the limits hold across sessions and restarts
 * without scanning every review ever made.
 */
export function readTodayReviews(db: KiokuDb, now: number, rules: DayRules): Promise<Review[]> {
  return db.reviews.where('time').aboveOrEqual(todayStart(now, rules)).toArray();
}

async function doneToday(db: KiokuDb, todayReviews: Promise<Review[]>): Promise<DoneToday> {
  // Only answers to new and review cards count against a limit.
  const reviews = (await todayReviews).filter((review) => review.stateBefore === CardState.New || review.stateBefore === CardState.Review);
  const withoutDeck = [...new Set(reviews.filter((review) => review.deckId === undefined).map((review) => review.cardId))];
  const cards = withoutDeck.length === 0 ? [] : await db.cards.bulkGet(withoutDeck);
  const deckOf = new Map(cards.filter((card) => card !== undefined).map((card) => [card.id, card.deckId]));
  const done: DoneToday = { introduced: new Map(), reviewed: new Map() };
  for (const review of reviews) {
    const deckId = review.deckId ?? deckOf.get(review.cardId);
    if (deckId === undefined) continue;
    if (review.stateBefore === CardState.New) bump(done.introduced, deckId);
    if (review.stateBefore === CardState.Review) bump(done.reviewed, deckId);
  }
  return done;
}

/**
 * Every deck's limits for learner day `today`: its options', plus what custom study added for
 * today only. A filtered deck has no daily limits, as in Anki.
 */
export function limitDecks(decks: readonly DeckRow[], optionsOf: (deckId: string) => DeckOptions, today: number): LimitDeck[] {
  return decks.map((deck) => {
    const options = optionsOf(deck.id);
    const extra = deck.extraToday?.day === today ? deck.extraToday : null;
    const unlimited = deck.filtered !== undefined;
    return {
      id: deck.id,
      name: deck.name,
      newPerDay: unlimited ? Infinity : options.newPerDay,
      reviewsPerDay: unlimited ? Infinity : options.reviewsPerDay,
      extraNew: extra?.newCards ?? 0,
      extraReviews: extra?.reviews ?? 0,
    };
  });
}

const studiedOf = (done: DoneToday): StudiedToday => ({ newCards: done.introduced, reviews: done.reviewed });

function queueRange(deckId: string, queue: number, upTo: number | typeof Dexie.maxKey) {
  return [
    [deckId, queue, Dexie.minKey],
    [deckId, queue, upTo],
  ] as const;
}

/**
 * Learning, relearning and review cards of these decks due during the learner day after the one
 * holding `now` — not those still due today, which are today's to finish — suspended ones left out.
 */
export async function countDueTomorrow(db: KiokuDb, deckIds: readonly string[], now: number, rules: DayRules): Promise<number> {
  const tomorrow = nextDayStart(now, rules);
  const dayAfter = nextDayStart(tomorrow, rules);
  const counts = await db.transaction('r', db.cards, () =>
    Promise.all(
      deckIds.flatMap((id) =>
        [CardState.Learning, CardState.Relearning, CardState.Review].map((state) =>
          db.cards.where('[deckId+queue+due]').between([id, state, tomorrow], [id, state, dayAfter], true, false).count(),
        ),
      ),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

function inQueue(db: KiokuDb, deckId: string, queue: number, dueBefore: number | null) {
  const [lower, upper] = queueRange(deckId, queue, dueBefore ?? Dexie.maxKey);
  return db.cards.where('[deckId+queue+due]').between(lower, upper, true, dueBefore === null);
}

/**
 * The first `wanted` new cards of a deck that are not buried, and whether the deck may hold more.
 * Read with getAll and a limit, not a filtered cursor: a cursor costs a round trip per card.
 * Buried ones (siblings answered today) are skipped by reading further, which rarely takes more
 * than a second read.
 */
async function newCardsOf(db: KiokuDb, deckId: string, wanted: number, now: number): Promise<{ cards: CardRow[]; more: boolean }> {
  if (wanted <= 0) return { cards: [], more: false };
  let limit = wanted;
  for (;;) {
    const rows = await inQueue(db, deckId, CardState.New, null).limit(limit).toArray();
    const shown = rows.filter((card) => card.buriedUntil === null || card.buriedUntil <= now);
    if (shown.length >= wanted || rows.length < limit) return { cards: shown.slice(0, wanted), more: rows.length >= limit };
    limit += wanted - shown.length;
  }
}

export interface TodayQueue {
  cards: Card[];
  counts: DeckCounts;
  /** Cards waiting today that the limits keep back (read up to the deck's own limit, so a lower bound). */
  heldBack: { newCards: number; reviews: number };
}

/**
 * What today's queue of a deck (with its subdecks) is built from. A study session keeps this in
 * memory and updates it as cards are answered, instead of reading the queue again every time.
 */
export interface TodayPools {
  /** Learning and relearning cards due before the day ends, buried ones included. */
  learning: Card[];
  /** Review cards due before the day ends, buried ones included. */
  reviews: Card[];
  /** The first unburied new cards of each deck, by due time then id. */
  newCards: Card[];
  /** Decks whose unburied new cards were not all read: each read up to the full daily limit. */
  newMayHaveMore: Set<string>;
  /** Each deck's limits left today, a subdeck's capped by the decks above it up to the one studied (Anki v3). */
  limits: SessionLimits;
  /** When the learner's day of this queue ends; past it, the pools must be read again. */
  dayEnd: number;
  rules: DayRules;
  options: DeckOptions;
  optionsOf: (deckId: string) => DeckOptions;
  /** The deck studied is a filtered deck: its cards come in its own order, with no limits. */
  filtered: boolean;
  /** Filtered decks that do not reschedule, with their delays: their cards' buttons show those delays. */
  previewDecks: Map<string, PreviewDelays>;
}

/**
 * Every read that does not depend on another starts at once, so the pools cost about two index
 * round trips however many subdecks there are.
 */
export async function loadTodayPools(db: KiokuDb, deckId: string, now: number, rules: DayRules, setup: DeckSetup): Promise<TodayPools> {
  const optionsOf = resolverFor(setup);
  const options = optionsOf(deckId);
  const deckIds = subtreeIds(setup.decks, deckId);
  const dayEnd = nextDayStart(now, rules);
  const decks = limitDecks(setup.decks, optionsOf, learnerDay(now, rules));
  const root = decks.find((deck) => deck.id === deckId)!;
  const newWanted = Math.min(root.newPerDay + root.extraNew, MAX_NEW_READ);
  // One transaction: the queue and the log it is limited by are read as of one moment, and
  // Chromium's per-transaction cost is paid once instead of once per range.
  const [done, perDeck] = await db.transaction('r', [db.cards, db.reviews], () =>
    Promise.all([
      doneToday(db, readTodayReviews(db, now, rules)),
      // New cards are read up to the full daily limit without waiting for today's log; the queue trims them to what is left.
      Promise.all(
        deckIds.map(async (id) => {
          const [learning, relearning, reviews, newCards] = await Promise.all([
            inQueue(db, id, CardState.Learning, dayEnd).toArray(),
            inQueue(db, id, CardState.Relearning, dayEnd).toArray(),
            inQueue(db, id, CardState.Review, dayEnd).toArray(),
            newCardsOf(db, id, newWanted, now),
          ]);
          return { learning: [...learning, ...relearning], reviews, newCards };
        }),
      ),
    ]),
  );
  const all = (pick: (entry: (typeof perDeck)[number]) => CardRow[]) => perDeck.flatMap(pick).map(toCard);
  return {
    learning: all((entry) => entry.learning),
    reviews: all((entry) => entry.reviews),
    newCards: all((entry) => entry.newCards.cards).sort(byDueThenId),
    newMayHaveMore: new Set(deckIds.filter((_, i) => perDeck[i]?.newCards.more)),
    limits: new SessionLimits(decks, deckId, studiedOf(done)),
    dayEnd,
    rules,
    options,
    optionsOf,
    filtered: setup.decks.some((deck) => deck.id === deckId && deck.filtered !== undefined),
    previewDecks: new Map(setup.decks.flatMap((deck) => (deck.filtered?.reschedule === false ? [[deck.id, previewDelaysOf(deck.filtered)] as const] : []))),
  };
}

function byDueThenId(a: Card, b: Card): number {
  return a.due - b.due || (a.id < b.id ? -1 : 1);
}

/** Today's cards in the order they are shown at `now`, with the counts the learner sees. */
export function queueFromPools(pools: TodayPools, now: number): TodayQueue {
  const notBuried = (card: Pick<Card, 'buriedUntil'>) => card.buriedUntil === null || card.buriedUntil <= now;
  const cards = pools.filtered
    ? filteredQueue([...pools.learning, ...pools.reviews, ...pools.newCards], now, LEARN_AHEAD_MS)
    : todayQueue({
        learning: pools.learning,
        reviews: pools.reviews,
        newCards: pools.newCards,
        newLeft: pools.limits.total('newCards'),
        reviewsLeft: pools.limits.total('reviews'),
        limits: pools.limits,
        now,
        rules: pools.rules,
        order: pools.options.reviewOrder,
        retrievability: (card) => retrievability(card, now, pools.optionsOf(card.deckId)),
      });
  const counts: DeckCounts = {
    newCount: cards.filter((card) => card.state === CardState.New).length,
    learningCount: pools.learning.filter(notBuried).length,
    reviewCount: cards.filter((card) => card.state === CardState.Review).length,
  };
  const waiting = (pool: Card[]) => pool.filter((card) => !card.suspended && notBuried(card)).length;
  const heldBack = { newCards: waiting(pools.newCards) - counts.newCount, reviews: waiting(pools.reviews) - counts.reviewCount };
  return { cards, counts, heldBack };
}

/** Today's cards for a deck and its subdecks, in the order they are shown. */
export async function loadTodayQueue(db: KiokuDb, deckId: string, now: number, rules: DayRules, setup: DeckSetup): Promise<TodayQueue> {
  return queueFromPools(await loadTodayPools(db, deckId, now, rules, setup), now);
}

/**
 * How far each deck's own new and review cards must be counted: its count only ever adds to the
 * totals of the decks whose subtree holds it, each capped by that deck's daily limit. Counted up
 * to the largest of those limits, every capped total comes out the same as with a full count.
 */
interface CountCaps {
  newCards: number;
  reviews: number;
}

function countCaps(decks: DeckRow[], limits: readonly LimitDeck[]): Map<string, CountCaps> {
  const caps = new Map<string, CountCaps>(decks.map((deck) => [deck.id, { newCards: 0, reviews: 0 }]));
  for (const limit of limits) {
    for (const id of subtreeIds(decks, limit.id)) {
      const cap = caps.get(id);
      if (!cap) continue;
      cap.newCards = Math.min(MAX_NEW_READ, Math.max(cap.newCards, limit.newPerDay + limit.extraNew));
      cap.reviews = Math.min(MAX_NEW_READ, Math.max(cap.reviews, limit.reviewsPerDay + limit.extraReviews));
    }
  }
  return caps;
}

/**
 * Cards in a range, read no further than `upTo` keys: an index count walks every entry of the
 * range, tens of thousands in a large deck, where the deck list never shows more than a limit.
 */
async function countUpTo(range: ReturnType<typeof inQueue>, upTo: number): Promise<number> {
  if (upTo <= 0) return 0;
  return (await range.limit(upTo).primaryKeys()).length;
}

/**
 * Cards of one deck alone (no subdecks) waiting today, before limits, counted on the index.
 * New and review cards are counted only up to `caps` beyond the buried ones, so they may come
 * out lower than the deck holds, but never below the cap; learning cards are counted in full.
 */
async function ownCounts(db: KiokuDb, deckId: string, dayEnd: number, caps: CountCaps, buried: Promise<CardRow[]>): Promise<DeckCounts> {
  const learningCounts = Promise.all([
    inQueue(db, deckId, CardState.Learning, dayEnd).count(),
    inQueue(db, deckId, CardState.Relearning, dayEnd).count(),
  ]);
  const hidden = (await buried).filter((card) => card.deckId === deckId && card.queue >= 0);
  const hiddenIn = (queues: number[], dueBefore: number | null) =>
    hidden.filter((card) => queues.includes(card.queue) && (dueBefore === null || card.due < dueBefore)).length;
  const hiddenNew = hiddenIn([CardState.New], null);
  const hiddenReviews = hiddenIn([CardState.Review], dayEnd);
  const [newCount, reviewCount, [learning, relearning]] = await Promise.all([
    countUpTo(inQueue(db, deckId, CardState.New, null), caps.newCards + hiddenNew),
    countUpTo(inQueue(db, deckId, CardState.Review, dayEnd), caps.reviews + hiddenReviews),
    learningCounts,
  ]);
  return {
    newCount: newCount - hiddenNew,
    learningCount: learning + relearning - hiddenIn([CardState.Learning, CardState.Relearning], dayEnd),
    reviewCount: reviewCount - hiddenReviews,
  };
}

/**
 * The deck list: every deck with its new / learning / review counts for today, subdecks included.
 * Only the counts wait for the deck list; every other read starts at once, since the app shows
 * this on every start.
 */
export async function deckTreeWithCounts(
  db: KiokuDb,
  now: number,
  rules: DayRules,
  setup: DeckSetup,
  todayReviews: Promise<Review[]>,
): Promise<DeckNode<DeckCounts>[]> {
  const dayEnd = nextDayStart(now, rules);
  const buried = db.cards.where('buriedUntil').above(now).toArray();
  const doneSoFar = doneToday(db, todayReviews);
  const { decks } = setup;
  const optionsOf = resolverFor(setup);
  const limits = limitDecks(decks, optionsOf, learnerDay(now, rules));
  const caps = countCaps(decks, limits);
  const [counted, done] = await Promise.all([
    Promise.all(decks.map((deck) => ownCounts(db, deck.id, dayEnd, caps.get(deck.id)!, buried))),
    doneSoFar,
  ]);
  const own = new Map(decks.map((deck, i) => [deck.id, counted[i]!]));
  const capped = cappedCounts(limits, own, studiedOf(done));
  return deckTree(decks, (deck: DeckRow) => {
    const learningCount = subtreeIds(decks, deck.id).reduce((sum, id) => sum + (own.get(id)?.learningCount ?? 0), 0);
    const counts = capped.get(deck.id)!;
    return { newCount: counts.newCount, learningCount, reviewCount: counts.reviewCount, limitedBy: counts.limitedBy };
  });
}

export interface TodayTotals {
  /** Answers given today (a card answered twice counts twice, as in Anki). */
  studied: number;
  timeMs: number;
}

/** Cards studied and time spent since the learner's day started, from today's reviews. */
export function todayTotals(todayReviews: readonly Review[]): TodayTotals {
  return { studied: todayReviews.length, timeMs: todayReviews.reduce((sum, review) => sum + review.durationMs, 0) };
}

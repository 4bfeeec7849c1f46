import { customStudyDeck, customStudyProblem, type CustomStudy } from '../../../core/scheduling/custom-study';
import type { DayRules } from '../../../core/scheduling/day';
import { checkFilteredConfig, filteredSearch, filteredTerms, gatherAllFiltered, movedHome, movedIn, type FilteredDeckConfig } from '../../../core/scheduling/filtered';
import { retrievability } from '../../../core/scheduling/fsrs';
import type { DeckOptions } from '../../../core/scheduling/options';
import { learnerDay } from '../../../core/scheduling/day';
import { noteAddedAt } from '../../../core/search/evaluate';
import { searchBrowse, type BrowseCache } from './browse-search';
import { toCard } from './card-row';
import { queueOf, type CardRow, type DeckRow, type KiokuDb } from './db';
import { recountDeckTotals } from './deck-totals';
import { newFilteredDeckName, renameDeck } from './decks';
import { newId } from './ids';

/**
 * Filtered decks as Anki keeps them (see core/scheduling/filtered.ts): building moves the cards a
 * search finds into the deck, each remembering its home deck; emptying sends them all home.
 * Each function is one transaction; the Collection runs it as one undoable step.
 */

/** The tables a build reads and writes: cards and their notes (search), decks, the review log (`rated:`), deck totals. */
const TABLES = (db: KiokuDb) => [db.cards, db.notes, db.noteTypes, db.decks, db.reviews, db.deckTotals];

/** Anki names the deck custom study fills "Custom Study Session"; Kioku keeps it under this id, its name in the learner's language. */
export const CUSTOM_STUDY_DECK_ID = 'custom-study-session';

async function filteredDeck(db: KiokuDb, deckId: string): Promise<DeckRow & { filtered: FilteredDeckConfig }> {
  const deck = await db.decks.get(deckId);
  if (!deck) throw new Error(`No deck with id ${deckId}`);
  if (!deck.filtered) throw new Error(`Deck "${deck.name}" is not a filtered deck`);
  return deck as DeckRow & { filtered: FilteredDeckConfig };
}

/** Sends every card of filtered deck `deckId` home; returns how many went. */
export function emptyFilteredDeck(db: KiokuDb, deckId: string): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    await filteredDeck(db, deckId);
    const inside = await db.cards.where('deckId').equals(deckId).toArray();
    const home = inside.map((row): CardRow => {
      const card = movedHome(toCard(row));
      return { ...card, queue: queueOf(card) };
    });
    await db.cards.bulkPut(home);
    await recountDeckTotals(db, new Set([deckId, ...home.map((card) => card.deckId)]));
    return home.length;
  });
}

/**
 * Empties the deck, then fills it again from its search (and its second search, if it has one):
 * cards not suspended, not buried and in no other filtered deck, in its order, up to its limit.
 * Returns how many cards it holds.
 */
export function buildFilteredDeck(
  db: KiokuDb,
  cache: BrowseCache,
  deckId: string,
  now: number,
  rules: DayRules,
  optionsOf: (deckId: string) => DeckOptions,
  random: () => number = Math.random,
): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    const deck = await filteredDeck(db, deckId);
    await emptyFilteredDeck(db, deckId);
    const foundBy = [];
    for (const term of filteredTerms(deck.filtered)) foundBy.push(await searchBrowse(cache, filteredSearch(term.search), now, rules));
    const found = foundBy.flat();
    const added = new Map(found.map((row) => [row.card.id, noteAddedAt(row.note)]));
    const shuffle = new Map(found.map((row) => [row.card.id, random()]));
    const chosen = gatherAllFiltered(
      foundBy.map((rows) => rows.map((row) => row.card)),
      deck.filtered,
      {
        addedAt: (card) => added.get(card.id) ?? null,
        retrievability: (card) => retrievability(card, now, optionsOf(card.deckId)),
        random: (card) => shuffle.get(card.id) ?? 0,
      },
    );
    const inside = chosen.map((card, position): CardRow => {
      const moved = movedIn(card, deckId, position, now);
      return { ...moved, queue: queueOf(moved) };
    });
    await db.cards.bulkPut(inside);
    await recountDeckTotals(db, new Set([deckId, ...chosen.map((card) => card.deckId)]));
    return inside.length;
  });
}

/**
 * A new filtered deck named `name`, built at once; returns its id and how many cards it holds.
 * A search that finds no card makes no deck (throws NoCardsError), as Anki's Build.
 */
export function createFilteredDeck(
  db: KiokuDb,
  cache: BrowseCache,
  name: string,
  config: FilteredDeckConfig,
  now: number,
  rules: DayRules,
  optionsOf: (deckId: string) => DeckOptions,
): Promise<{ deckId: string; cards: number }> {
  const problems = checkFilteredConfig(config);
  if (problems.length > 0) throw new Error(`Filtered deck "${name}": ${problems.join('; ')}`);
  return db.transaction('rw', TABLES(db), async () => {
    const deckId = `filtered-${newId(now)}`;
    await db.decks.add({ id: deckId, name: await newFilteredDeckName(db, name, now), options: {}, filtered: config });
    await db.deckTotals.put({ deckId, cards: 0 });
    const cards = await buildFilteredDeck(db, cache, deckId, now, rules, optionsOf);
    if (cards === 0) throw new NoCardsError();
    return { deckId, cards };
  });
}

/**
 * Anki's filtered deck Options, then Rebuild: the deck takes its new name and settings and is
 * filled again from them; returns how many cards it holds. A search that finds no card changes
 * nothing (throws NoCardsError), as in Anki.
 */
export function updateFilteredDeck(
  db: KiokuDb,
  cache: BrowseCache,
  deckId: string,
  name: string,
  config: FilteredDeckConfig,
  now: number,
  rules: DayRules,
  optionsOf: (deckId: string) => DeckOptions,
): Promise<number> {
  const problems = checkFilteredConfig(config);
  if (problems.length > 0) throw new Error(`Filtered deck "${name}": ${problems.join('; ')}`);
  return db.transaction('rw', TABLES(db), async () => {
    await filteredDeck(db, deckId);
    await renameDeck(db, deckId, name, now);
    const renamed = await filteredDeck(db, deckId);
    await db.decks.put({ ...renamed, filtered: config });
    const cards = await buildFilteredDeck(db, cache, deckId, now, rules, optionsOf);
    if (cards === 0) throw new NoCardsError();
    return cards;
  });
}

/** Sends the deck's cards home and removes the deck, as deleting a filtered deck does in Anki. */
export function deleteFilteredDeck(db: KiokuDb, deckId: string): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    const sent = await emptyFilteredDeck(db, deckId);
    await db.decks.delete(deckId);
    await db.deckTotals.delete(deckId);
    return sent;
  });
}

/** What a custom study choice did: raised today's limits, or filled the custom study deck with `cards` cards. */
export type CustomStudyResult = { kind: 'limits' } | { kind: 'deck'; deckId: string; cards: number };

/**
 * Anki's Custom Study on deck `deckId`. Raising a limit adds to what custom study already added
 * today; the other choices (re)build the one custom study deck, named `sessionName`. A choice
 * that finds no cards changes nothing and says so (throws NoCardsError).
 */
export function customStudy(
  db: KiokuDb,
  cache: BrowseCache,
  deckId: string,
  choice: CustomStudy,
  sessionName: string,
  now: number,
  rules: DayRules,
  optionsOf: (deckId: string) => DeckOptions,
): Promise<CustomStudyResult> {
  const problem = customStudyProblem(choice);
  if (problem) throw new Error(`Custom study: ${problem}`);
  return db.transaction('rw', TABLES(db), async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new Error(`No deck with id ${deckId}`);
    if (deck.filtered) throw new Error(`Custom study works on a normal deck, not on filtered deck "${deck.name}"`);
    if (choice.kind === 'newLimit' || choice.kind === 'reviewLimit') {
      const today = learnerDay(now, rules);
      const before = deck.extraToday?.day === today ? deck.extraToday : { day: today, newCards: 0, reviews: 0 };
      const extraToday = {
        ...before,
        newCards: before.newCards + (choice.kind === 'newLimit' ? choice.delta : 0),
        reviews: before.reviews + (choice.kind === 'reviewLimit' ? choice.delta : 0),
      };
      await db.decks.put({ ...deck, extraToday });
      return { kind: 'limits' };
    }
    const config = customStudyDeck(deck.name, choice)!;
    const existing = await db.decks.get(CUSTOM_STUDY_DECK_ID);
    if (existing) await emptyFilteredDeck(db, CUSTOM_STUDY_DECK_ID);
    await db.decks.put({ ...(existing ?? { options: {} }), id: CUSTOM_STUDY_DECK_ID, name: sessionName, filtered: config });
    if (!existing) await db.deckTotals.put({ deckId: CUSTOM_STUDY_DECK_ID, cards: 0 });
    const cards = await buildFilteredDeck(db, cache, CUSTOM_STUDY_DECK_ID, now, rules, optionsOf);
    if (cards === 0) throw new NoCardsError();
    return { kind: 'deck', deckId: CUSTOM_STUDY_DECK_ID, cards };
  });
}

/** Anki's "No cards matched the criteria you provided": the whole choice is taken back. */
export class NoCardsError extends Error {
  constructor() {
    super('No cards matched the criteria you provided');
    this.name = 'NoCardsError';
  }
}

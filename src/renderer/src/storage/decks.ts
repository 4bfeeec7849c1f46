import {
  ancestorNames,
  cleanDeckName,
  isInSubtree,
  movedName,
  renamedInSubtree,
  sameDeckName,
  type DeckNameProblem,
} from '../../../core/decks/deck-names';
import { movedHome } from '../../../core/scheduling/filtered';
import { toCard } from './card-row';
import { queueOf, type CardRow, type DeckRow, type KiokuDb } from './db';
import { recountDeckTotals } from './deck-totals';
import { subtreeIds } from './deck-tree';
import { newId } from './ids';

/** A deck name the collection cannot take, with what the learner is told. */
export class DeckNameError extends Error {
  constructor(
    readonly problem: DeckNameProblem | 'taken' | 'into-itself' | 'under-filtered',
    readonly typed: string,
  ) {
    super(`Deck name "${typed}": ${problem}`);
    this.name = 'DeckNameError';
  }
}

/**
 * A note added to, or cards moved into, a filtered deck: as in Anki, its cards come only from its
 * search, each with a home deck to go back to.
 */
export class FilteredDeckTargetError extends Error {
  constructor(readonly deckName: string) {
    super(`"${deckName}" is a filtered deck: it takes cards only from its search`);
    this.name = 'FilteredDeckTargetError';
  }
}

/** Refuses a deck that is filtered as the home of a note or of moved cards. */
export async function checkCardTarget(db: KiokuDb, deckId: string, what: string): Promise<void> {
  const deck = await db.decks.get(deckId);
  if (!deck) throw new Error(`${what}: no deck with id ${deckId}`);
  if (deck.filtered) throw new FilteredDeckTargetError(deck.name);
}

/** Anki's rule: a filtered deck has no subdecks, so no name may go under one. */
function checkNotUnderFiltered(decks: readonly DeckRow[], name: string): void {
  for (const path of ancestorNames(name)) {
    if (decks.some((deck) => deck.filtered && sameDeckName(deck.name, path))) throw new DeckNameError('under-filtered', name);
  }
}

const TABLES = (db: KiokuDb) => [db.decks, db.cards, db.notes, db.deckTotals];

function cleaned(typed: string): string {
  const result = cleanDeckName(typed);
  if ('problem' in result) throw new DeckNameError(result.problem, typed);
  return result.name;
}

/**
 * Adds a deck, and any parent deck its `::` path names that does not exist yet, as Anki does.
 * A name already taken (whatever its case) gives the existing deck's id: "Create" never makes two.
 */
export function createDeck(db: KiokuDb, typed: string, now: number): Promise<string> {
  const name = cleaned(typed);
  return db.transaction('rw', TABLES(db), () => addDeckPath(db, name, now));
}

/** Adds `name` and its missing parents as normal decks; gives the id of the deck named `name`, new or existing. */
async function addDeckPath(db: KiokuDb, name: string, now: number): Promise<string> {
  const decks = await db.decks.toArray();
  checkNotUnderFiltered(decks, name);
  let id = '';
  for (const path of [...ancestorNames(name), name]) {
    const existing = decks.find((deck) => sameDeckName(deck.name, path));
    if (existing) {
      id = existing.id;
      continue;
    }
    id = newId(now);
    const row: DeckRow = { id, name: path, options: {} };
    decks.push(row);
    await db.decks.add(row);
    await db.deckTotals.put({ deckId: id, cards: 0 });
  }
  return id;
}

/**
 * The name a new filtered deck takes, cleaned as any deck name; refused when a deck has it or it
 * would go under a filtered deck. Its missing parents are added as normal decks, as Anki does.
 */
export async function newFilteredDeckName(db: KiokuDb, typed: string, now: number): Promise<string> {
  const name = cleaned(typed);
  const decks = await db.decks.toArray();
  if (decks.some((deck) => sameDeckName(deck.name, name))) throw new DeckNameError('taken', name);
  checkNotUnderFiltered(decks, name);
  const parent = ancestorNames(name).at(-1);
  if (parent !== undefined) await addDeckPath(db, parent, now);
  return name;
}

/**
 * Gives a deck a new whole name; its subdecks move with it. Refused when another deck has the
 * name, or when the deck would go under itself. Missing parents of the new name are created.
 */
export function renameDeck(db: KiokuDb, deckId: string, typed: string, now: number): Promise<void> {
  const name = cleaned(typed);
  return db.transaction('rw', TABLES(db), async () => {
    const decks = await db.decks.toArray();
    const deck = decks.find((candidate) => candidate.id === deckId);
    if (!deck) throw new Error(`Renaming: no deck with id ${deckId}`);
    if (deck.name === name) return;
    if (isInSubtree(name, deck.name) && !sameDeckName(name, deck.name)) throw new DeckNameError('into-itself', name);
    checkNotUnderFiltered(decks, name);
    const moving = decks.filter((candidate) => isInSubtree(candidate.name, deck.name));
    const movingIds = new Set(moving.map((row) => row.id));
    const renamed = moving.map((row) => ({ ...row, name: renamedInSubtree(row.name, deck.name, name) }));
    for (const row of renamed) {
      if (decks.some((other) => !movingIds.has(other.id) && sameDeckName(other.name, row.name))) throw new DeckNameError('taken', row.name);
    }
    // Two steps, as the name index is unique: a subdeck may take the name its parent is leaving.
    await db.decks.bulkDelete([...movingIds]);
    await db.decks.bulkAdd(renamed);
    const others = decks.filter((other) => !movingIds.has(other.id));
    for (const path of ancestorNames(name)) {
      if (others.some((other) => sameDeckName(other.name, path))) continue;
      const id = newId(now);
      others.push({ id, name: path, options: {} });
      await db.decks.add({ id, name: path, options: {} });
      await db.deckTotals.put({ deckId: id, cards: 0 });
    }
  });
}

/** Moves a deck (with its subdecks) under another deck, or to the top level with ''. */
export async function moveDeck(db: KiokuDb, deckId: string, parentId: string, now: number): Promise<void> {
  const [deck, parent] = await Promise.all([db.decks.get(deckId), parentId === '' ? undefined : db.decks.get(parentId)]);
  if (!deck) throw new Error(`Moving: no deck with id ${deckId}`);
  if (parentId !== '' && !parent) throw new Error(`Moving: no deck with id ${parentId}`);
  if (parent && isInSubtree(parent.name, deck.name)) throw new DeckNameError('into-itself', parent.name);
  await renameDeck(db, deckId, movedName(deck.name, parent?.name ?? ''), now);
}

export async function setDeckDescription(db: KiokuDb, deckId: string, description: string): Promise<void> {
  const deck = await db.decks.get(deckId);
  if (!deck) throw new Error(`Description: no deck with id ${deckId}`);
  const text = description.trim();
  const row: DeckRow = { ...deck, description: text };
  if (text === '') delete row.description;
  await db.decks.put(row);
}

/** What deleting a deck takes away: the deck, its subdecks and every card in them. */
export interface DeckDeletion {
  decks: number;
  cards: number;
}

/**
 * The cards a deletion reaches, as Anki's: the cards of the normal decks in the subtree, wherever
 * they are now (a filtered deck holds them for a while); a filtered deck's own cards go home.
 */
async function reachedBy(db: KiokuDb, deckId: string): Promise<{ ids: string[]; homeIds: string[]; borrowed: CardRow[] }> {
  const decks = await db.decks.toArray();
  const ids = subtreeIds(decks, deckId);
  const filteredIds = decks.filter((deck) => deck.filtered).map((deck) => deck.id);
  const inSubtree = new Set(ids);
  const borrowed = filteredIds.length === 0 ? [] : await db.cards.where('deckId').anyOf(filteredIds).toArray();
  return { ids, homeIds: ids.filter((id) => !filteredIds.includes(id)), borrowed: borrowed.filter((card) => inSubtree.has(card.deckId) || inSubtree.has(card.homeDeckId ?? '')) };
}

/** Counted on the kept totals and the few cards in filtered decks, so the question can be asked at once. */
export async function deletionOf(db: KiokuDb, deckId: string): Promise<DeckDeletion> {
  const { ids, homeIds, borrowed } = await reachedBy(db, deckId);
  const totals = await db.deckTotals.bulkGet(homeIds);
  const home = new Set(homeIds);
  const away = borrowed.filter((card) => home.has(card.homeDeckId ?? '')).length;
  return { decks: ids.length, cards: totals.reduce((sum, row) => sum + (row?.cards ?? 0), away) };
}

/**
 * Deletes a deck with its subdecks and their cards; a note left without cards goes too. The
 * review log keeps its answers (it is never rewritten), as after deleting notes.
 */
export function deleteDeck(db: KiokuDb, deckId: string): Promise<DeckDeletion> {
  return db.transaction('rw', TABLES(db), async () => {
    const { ids, homeIds, borrowed } = await reachedBy(db, deckId);
    const home = new Set(homeIds);
    const goingHome = borrowed.filter((card) => !home.has(card.homeDeckId ?? ''));
    const sentHome = goingHome.map((row): CardRow => {
      const card = movedHome(toCard(row));
      return { ...card, queue: queueOf(card) };
    });
    await db.cards.bulkPut(sentHome);
    await recountDeckTotals(db, new Set(sentHome.map((card) => card.deckId)));
    const cards = [...(await db.cards.where('deckId').anyOf(homeIds).toArray()), ...borrowed.filter((card) => home.has(card.homeDeckId ?? ''))];
    const noteIds = [...new Set(cards.map((card) => card.noteId))];
    await db.cards.bulkDelete(cards.map((card) => card.id));
    // A kept card's home deck, not the filtered deck holding it for now.
    const deckOfKept = new Map((await db.cards.where('noteId').anyOf(noteIds).toArray()).map((card) => [card.noteId, card.homeDeckId ?? card.deckId]));
    await db.notes.bulkDelete(noteIds.filter((id) => !deckOfKept.has(id)));
    // A note kept for its cards elsewhere takes one of their decks, so it never names a deck that is gone.
    const kept = (await db.notes.bulkGet([...deckOfKept.keys()])).filter((note) => note !== undefined && ids.includes(note.deckId));
    await db.notes.bulkPut(kept.map((note) => ({ ...note!, deckId: deckOfKept.get(note!.id)! })));
    await db.decks.bulkDelete(ids);
    await db.deckTotals.bulkDelete(ids);
    return { decks: ids.length, cards: cards.length };
  });
}

import type { Card, CollectionData, Deck, Note } from '../../../../core/collection/model';
import { movedHome } from '../../../../core/scheduling/filtered';
import { DEFAULT_DECK_OPTIONS } from '../../../../core/scheduling/options';
import { toCard } from '../card-row';
import type { DeckRow, KiokuDb } from '../db';
import { subtreeIds } from '../deck-tree';
import { resolverFor } from '../settings';
import { readDeckSetup } from '../setup-cache';
import { referencedMedia } from './media-refs';

export interface CollectionSelection {
  /** Decks to take, each with its subdecks; all decks when left out. */
  deckIds?: readonly string[];
  /**
   * Only the notes of these cards (a Browse selection), each note whole with all its cards, as
   * Anki exports selected notes; their decks come along. Overrides `deckIds`.
   */
  cardIds?: readonly string[];
  /** Cards with their schedule and the review log. */
  withScheduling: boolean;
  /**
   * Cards in a filtered deck stay in it, the filtered deck and their home decks coming along, as
   * Anki exports a package with scheduling; otherwise each card travels in its home deck.
   */
  keepFiltered?: boolean;
  /** The media files the selected notes reference. */
  withMedia: boolean;
}

export function plainDeck(row: DeckRow): Deck {
  const { options: _options, presetId: _presetId, ...deck } = row;
  return deck;
}

/**
 * A deck for a file, with the FSRS parameters and desired retention it is scheduled with (its own
 * or inherited) where they are not the defaults, which Anki's default preset has as well.
 */
function deckWithOptions(row: DeckRow, optionsOf: ReturnType<typeof resolverFor>): Deck {
  const { fsrsParameters, desiredRetention } = optionsOf(row.id);
  const options = {
    ...(fsrsParameters ? { fsrsParameters } : {}),
    ...(desiredRetention === DEFAULT_DECK_OPTIONS.desiredRetention ? {} : { desiredRetention }),
  };
  return Object.keys(options).length > 0 ? { ...plainDeck(row), options } : plainDeck(row);
}

/**
 * Reads a chosen part of the collection as plain data, for an export. Must run inside a
 * transaction over the tables it reads (settings included) when the result has to be consistent.
 */
export async function readCollection(db: KiokuDb, selection: CollectionSelection): Promise<CollectionData> {
  const allDecks = await db.decks.toArray();
  if (selection.cardIds !== undefined) return readSelectedNotes(db, allDecks, selection.cardIds, selection);
  const whole = selection.deckIds === undefined;
  const chosen = new Set(whole ? allDecks.map((deck) => deck.id) : selection.deckIds!.flatMap((id) => subtreeIds(allDecks, id)));
  // Whole-table reads filtered in memory: one linear pass, where a query for thousands of keys is not.
  const notes = (await db.notes.toArray()).filter((note) => chosen.has(note.deckId));
  return withSchedulingAndMedia(db, allDecks, chosen, notes, whole, selection);
}

/** The notes of the chosen cards, each with all its cards; cards no longer there are passed over. */
async function readSelectedNotes(db: KiokuDb, allDecks: DeckRow[], cardIds: readonly string[], selection: CollectionSelection): Promise<CollectionData> {
  const picked = (await db.cards.bulkGet([...cardIds])).filter((card) => card !== undefined);
  const notes = (await db.notes.bulkGet([...new Set(picked.map((card) => card.noteId))])).filter((note) => note !== undefined);
  const chosen = new Set(notes.map((note) => note.deckId));
  return withSchedulingAndMedia(db, allDecks, chosen, notes, false, selection);
}

async function withSchedulingAndMedia(
  db: KiokuDb,
  allDecks: DeckRow[],
  chosen: ReadonlySet<string>,
  notes: Note[],
  whole: boolean,
  selection: CollectionSelection,
): Promise<CollectionData> {
  const noteIds = new Set(notes.map((note) => note.id));
  // A filtered deck is a passing view of the learner's own: unless kept, a file carries each card in
  // its home deck, as Kioku reads a card in one of Anki's filtered decks.
  const place = selection.keepFiltered ? (card: Card) => card : movedHome;
  const cards = selection.withScheduling ? (await db.cards.toArray()).filter((card) => noteIds.has(card.noteId)).map((row) => place(toCard(row))) : [];
  const deckIds = new Set([...chosen, ...cards.flatMap((card) => (card.homeDeckId === undefined ? [card.deckId] : [card.deckId, card.homeDeckId]))]);
  const typeIds = new Set(notes.map((note) => note.noteTypeId));
  const noteTypes = (await db.noteTypes.toArray()).filter((type) => whole || typeIds.has(type.id));
  const optionsOf = resolverFor(await readDeckSetup(db));
  const decks = allDecks.filter((deck) => deckIds.has(deck.id) && (deck.filtered === undefined || selection.keepFiltered)).map((deck) => (deck.filtered ? plainDeck(deck) : deckWithOptions(deck, optionsOf)));
  const data: CollectionData = { decks, noteTypes, notes };
  if (selection.withScheduling) {
    const cardIds = new Set(cards.map((card) => card.id));
    data.cards = cards;
    data.reviews = (await db.reviews.toArray()).filter((review) => cardIds.has(review.cardId));
  }
  if (selection.withMedia) {
    const names = [...referencedMedia(notes, noteTypes)].sort();
    data.media = (await db.media.bulkGet(names)).filter((file) => file !== undefined);
  }
  return data;
}

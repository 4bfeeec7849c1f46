import type { BrowseRow } from '../../../core/browse/columns';
import type { Note, NoteType } from '../../../core/collection/model';
import type { DayRules } from '../../../core/scheduling/day';
import { noteSearchText, parseSearch, reviewWindowStart, searchMatcher, type ReviewMark, type SearchItem } from '../../../core/search';
import { toCard } from './card-row';
import type { DeckRow, KiokuDb } from './db';

type Item = SearchItem & BrowseRow;

interface Loaded {
  items: Item[];
  decks: DeckRow[];
}

/**
 * Every card with its note, read once and kept while nothing is written: Browse searches on each
 * keystroke, and reading 50,000 cards and notes again each time costs far more than matching them.
 * The answers a `rated:` search needs are kept the same way, from the oldest time asked for.
 * `db.writes` tells when anything was written, by any part of the app, so no write is missed.
 */
export class BrowseCache {
  private kept: { writes: number; loaded: Promise<Loaded> } | null = null;
  private marks: { writes: number; since: number; read: Promise<Map<string, ReviewMark[]>> } | null = null;

  constructor(private readonly db: KiokuDb) {}

  load(): Promise<Loaded> {
    if (this.kept && this.kept.writes === this.db.writes) return this.kept.loaded;
    const writes = this.db.writes;
    const loaded = readAll(this.db);
    this.kept = { writes, loaded };
    loaded.catch(() => (this.kept = null));
    return loaded;
  }

  /**
   * The answers given since `since`, by card, or more: answers older than a search's window are
   * left out by its matcher, so a list read from further back serves every later, narrower search.
   */
  reviewMarks(since: number): Promise<Map<string, ReviewMark[]>> {
    if (this.marks && this.marks.writes === this.db.writes && this.marks.since <= since) return this.marks.read;
    const writes = this.db.writes;
    const read = reviewMarks(this.db, since);
    this.marks = { writes, since, read };
    read.catch(() => (this.marks = null));
    return read;
  }
}

async function readAll(db: KiokuDb): Promise<Loaded> {
  const [cards, notes, noteTypes, decks] = await db.transaction('r', [db.cards, db.notes, db.noteTypes, db.decks], () =>
    Promise.all([db.cards.toArray(), db.notes.toArray(), db.noteTypes.toArray(), db.decks.toArray()]),
  );
  const notesById = new Map<string, { note: Note; text: string }>(notes.map((note) => [note.id, { note, text: noteSearchText(note) }]));
  const typesById = new Map<string, NoteType>(noteTypes.map((type) => [type.id, type]));
  const deckNames = new Map(decks.map((deck) => [deck.id, deck.name]));
  const items: Item[] = [];
  for (const row of cards) {
    const found = notesById.get(row.noteId);
    if (!found) continue;
    items.push({
      card: toCard(row),
      note: found.note,
      noteType: typesById.get(found.note.noteTypeId),
      noteText: found.text,
      deckName: deckNames.get(row.deckId) ?? '',
    });
  }
  return { items, decks };
}

/**
 * The answers given since `since`, by card, read off the review log's time index in one request
 * (Dexie's getAll): a cursor's callback per review took seconds for a week of 50,000 cards.
 */
async function reviewMarks(db: KiokuDb, since: number): Promise<Map<string, ReviewMark[]>> {
  const marks = new Map<string, ReviewMark[]>();
  const reviews = await db.reviews.where('time').aboveOrEqual(since).toArray();
  for (const review of reviews) {
    const mark: ReviewMark = { time: review.time, rating: review.rating, wasNew: review.stateBefore === 0 };
    const list = marks.get(review.cardId);
    if (list) list.push(mark);
    else marks.set(review.cardId, [mark]);
  }
  return marks;
}

/**
 * The cards a search in Anki's language finds, in card id order. A malformed search throws
 * SearchSyntaxError (from the parser) before anything is read.
 */
export async function searchBrowse(cache: BrowseCache, search: string, now: number, rules: DayRules): Promise<BrowseRow[]> {
  const tree = parseSearch(search);
  const since = reviewWindowStart(tree, now, rules);
  const [loaded, reviews] = await Promise.all([cache.load(), since === null ? undefined : cache.reviewMarks(since)]);
  const decks = loaded.decks.map((deck) => ({ id: deck.id, name: deck.name, filtered: deck.filtered !== undefined }));
  const matches = searchMatcher(tree, { now, rules, decks, reviews });
  return loaded.items.filter(matches);
}

import { stripHtml } from '../../../core/cards';
import { CardState, type Card, type Note } from '../../../core/collection/model';
import { toCard } from './card-row';
import type { KiokuDb } from './db';
import { subtreeIds } from './deck-tree';

export type CardFilterState = 'new' | 'learning' | 'review' | 'suspended';
export type CardSort = 'due' | 'interval' | 'lapses';

export interface CardSearch {
  /** Words that must all appear in the note's fields or tags; full-width and half-width forms match. */
  text?: string;
  /** A deck, its subdecks included. */
  deckId?: string;
  tag?: string;
  state?: CardFilterState;
  /** Only cards due before this time. */
  dueBefore?: number;
  sort?: CardSort;
  descending?: boolean;
}

export interface CardRowView {
  card: Card;
  note: Note;
}

/** NFKC folds full-width Latin and half-width kana, so `ｶﾀｶﾅ` finds `カタカナ` and `ＡＷＳ` finds `aws`. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function stateOf(card: Card): CardFilterState {
  if (card.suspended) return 'suspended';
  if (card.state === CardState.New) return 'new';
  if (card.state === CardState.Review) return 'review';
  return 'learning';
}

const sortKeys: Record<CardSort, (card: Card) => number> = {
  due: (card) => card.due,
  interval: (card) => card.scheduledDays,
  lapses: (card) => card.lapses,
};

/** The Browse screen's search: cards with their notes, filtered and sorted. */
export async function searchCards(db: KiokuDb, search: CardSearch): Promise<CardRowView[]> {
  const decks = search.deckId ? new Set(subtreeIds(await db.decks.toArray(), search.deckId)) : null;
  const words = fold(search.text ?? '').split(/\s+/).filter((word) => word.length > 0);
  const tag = search.tag ? fold(search.tag) : null;
  const notes = new Map<string, Note>();
  await db.notes.each((note) => {
    if (tag !== null && !note.tags.some((t) => fold(t) === tag)) return;
    if (words.length > 0) {
      const haystack = fold([...note.fields.map(stripHtml), ...note.tags].join(' '));
      if (!words.every((word) => haystack.includes(word))) return;
    }
    notes.set(note.id, note);
  });
  const rows: CardRowView[] = [];
  await db.cards.each((row) => {
    const note = notes.get(row.noteId);
    if (!note) return;
    if (decks && !decks.has(row.deckId)) return;
    const card = toCard(row);
    if (search.state && stateOf(card) !== search.state) return;
    if (search.dueBefore !== undefined && !(card.due < search.dueBefore)) return;
    rows.push({ card, note });
  });
  const key = sortKeys[search.sort ?? 'due'];
  const direction = search.descending ? -1 : 1;
  rows.sort((a, b) => direction * (key(a.card) - key(b.card)) || (a.card.id < b.card.id ? -1 : 1));
  return rows;
}

import { cardText } from '../cards';
import { CardState, type Card, type Note, type NoteType } from '../collection/model';
import { DAY_MS, forgettingCurve, recallAfter } from '../readiness/forgettingCurve';

/** The columns a learner may show in Browse, in the order offered. */
export const BROWSE_COLUMNS = [
  'question',
  'answer',
  'deck',
  'noteType',
  'tags',
  'state',
  'due',
  'interval',
  'stability',
  'difficulty',
  'recallNow',
  'recallExam',
  'lapses',
  'reviews',
  'added',
  'modified',
  'flag',
] as const;
export type BrowseColumn = (typeof BROWSE_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly BrowseColumn[] = ['question', 'answer', 'deck', 'due', 'interval', 'recallNow', 'lapses'];

export interface BrowseRow {
  card: Card & { flag?: number };
  note: Note;
  noteType: NoteType | undefined;
  deckName: string;
}

export interface ColumnContext {
  now: number;
  /** When the exam day begins, or null with no exam date. */
  examAt: number | null;
}

const texts = new WeakMap<Note, Map<string, string>>();

/** A row's question or answer as plain text, worked out once per note and card (sorting asks for every row). */
export function rowText(row: BrowseRow, side: 'question' | 'answer'): string {
  let known = texts.get(row.note);
  if (!known) {
    known = new Map();
    texts.set(row.note, known);
  }
  const key = `${row.card.template}:${side}`;
  let text = known.get(key);
  if (text === undefined) {
    text = row.noteType ? cardText(row.noteType, row.note, row.card.template, side) : '';
    known.set(key, text);
  }
  return text;
}

const curve = forgettingCurve();

/** Predicted recall of a studied card at `at`, or null for a card never studied. */
export function recallAt(card: Card, at: number): number | null {
  if (card.state === CardState.New || card.lastReview === null || !(card.stability > 0)) return null;
  return recallAfter(curve, (at - card.lastReview) / DAY_MS, card.stability);
}

/** The value a column sorts by; null sorts after every value, whichever the direction. */
export function sortValue(column: BrowseColumn, row: BrowseRow, context: ColumnContext): string | number | null {
  const { card } = row;
  const studied = card.state !== CardState.New;
  switch (column) {
    case 'question':
    case 'answer':
      return rowText(row, column);
    case 'deck':
      return row.deckName;
    case 'noteType':
      return row.noteType?.name ?? null;
    case 'tags':
      return row.note.tags.join(' ');
    case 'state':
      return card.suspended ? 4 : card.state;
    case 'due':
      return card.due;
    case 'interval':
      return studied ? card.scheduledDays : null;
    case 'stability':
      return studied ? card.stability : null;
    case 'difficulty':
      return studied ? card.difficulty : null;
    case 'recallNow':
      return recallAt(card, context.now);
    case 'recallExam':
      return context.examAt === null ? null : recallAt(card, context.examAt);
    case 'lapses':
      return card.lapses;
    case 'reviews':
      return card.reps;
    case 'added':
      return row.note.id;
    case 'modified':
      return row.note.modified;
    case 'flag':
      return card.flag ?? 0;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true });

/** Rows sorted by a column, ties by card id so the order is stable; each row's value is read once. */
export function sortRows(rows: readonly BrowseRow[], column: BrowseColumn, descending: boolean, context: ColumnContext): BrowseRow[] {
  const keyed = rows.map((row) => ({ row, value: sortValue(column, row, context) }));
  const direction = descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) {
      return direction * (typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value)));
    }
    return a.row.card.id < b.row.card.id ? -1 : a.row.card.id > b.row.card.id ? 1 : 0;
  });
  return keyed.map((entry) => entry.row);
}

/** Notes mode (Anki's toggle): one row per note, its first matching card standing for it. */
export function oneRowPerNote(rows: readonly BrowseRow[]): BrowseRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.note.id) && (seen.add(row.note.id), true));
}

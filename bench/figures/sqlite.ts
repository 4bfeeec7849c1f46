import type { Database, SqlJsStatic } from 'sql.js';
import { CardState, type Card } from '../../src/core/collection/model';
import { timed } from '../repeat';

const COLUMNS = ['id', 'noteId', 'template', 'deckId', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'reps', 'lapses', 'learningSteps', 'state', 'lastReview', 'suspended', 'buriedUntil', 'queue'] as const;

/** The same cards in an in-memory SQLite table with Anki's kind of index: (deck, queue, due). */
export function sqliteCards(sql: SqlJsStatic, cards: readonly (Card & { queue: number })[]): Database {
  const db = new sql.Database();
  db.run(`CREATE TABLE cards (${COLUMNS.map((c) => (c === 'id' ? 'id TEXT PRIMARY KEY' : c)).join(', ')})`);
  db.run('CREATE INDEX ix_cards_queue ON cards (deckId, queue, due)');
  db.run('BEGIN');
  const insert = db.prepare(`INSERT INTO cards VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  for (const card of cards) {
    insert.run(COLUMNS.map((column) => {
      const value = card[column];
      return typeof value === 'boolean' ? Number(value) : value;
    }));
  }
  insert.free();
  db.run('COMMIT');
  return db;
}

function rows(db: Database, query: string, params: (string | number)[]): Record<string, unknown>[] {
  const statement = db.prepare(query);
  statement.bind(params);
  const out: Record<string, unknown>[] = [];
  while (statement.step()) out.push(statement.getAsObject());
  statement.free();
  return out;
}

/** The rows today's queue needs, asked the way Anki asks: one query per kind of card over the deck and its subdecks. */
function queueRows(db: Database, deckIds: readonly string[], dayEnd: number, newLimit: number): number {
  const decks = deckIds.map(() => '?').join(', ');
  const learning = rows(db, `SELECT * FROM cards WHERE deckId IN (${decks}) AND queue IN (${CardState.Learning}, ${CardState.Relearning}) AND due < ?`, [...deckIds, dayEnd]);
  const reviews = rows(db, `SELECT * FROM cards WHERE deckId IN (${decks}) AND queue = ${CardState.Review} AND due < ? ORDER BY due`, [...deckIds, dayEnd]);
  const fresh = rows(db, `SELECT * FROM cards WHERE deckId IN (${decks}) AND queue = ${CardState.New} ORDER BY due LIMIT ?`, [...deckIds, newLimit]);
  return learning.length + reviews.length + fresh.length;
}

export async function measureSqliteQueue(db: Database, deckIds: readonly string[], dayEnd: number, newLimit: number, times: number): Promise<{ samples: number[]; note: string }> {
  let read = 0;
  const samples = await timed(() => {
    read = queueRows(db, deckIds, dayEnd, newLimit);
  }, times);
  return { samples, note: `${read} rows, sql.js in memory with an index on (deckId, queue, due)` };
}

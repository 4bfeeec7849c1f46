import type { Card } from '../../../../core/collection/model';
import { buildExam, poolTopics, questionPool, type Ask, type Question, type QuestionResult } from '../../../../core/questions';
import { computeReadiness } from '../../../../core/readiness/readiness';
import { builtInRelations } from '../../built-in-relations';
import type { Collection } from '../../storage/collection';
import { noteTypes } from '../collection-reads';
import { loadScopeCards, type ReadinessScope } from '../readiness/readiness-data';

export interface ExamScopeData {
  pool: Ask[];
  topics: string[];
  /** Cards of each note in scope, to mark Again and to count the prediction. */
  cardsByNote: Map<string, Card[]>;
  /** Readiness for the scope at a moment (0..1), null when the scope has no cards. */
  predictedAt: (moment: number) => number | null;
  /** The start of a note's question, to find its cards in Browse; null for a note not in scope. */
  searchTextOf: (noteId: string) => string | null;
}

/** What an exam over the scope can ask, and what Readiness predicts for it (neither needs the review log). */
export async function loadExamScope(collection: Collection, scope: ReadinessScope): Promise<ExamScopeData> {
  const [data, types] = await Promise.all([loadScopeCards(collection, scope), noteTypes(collection)]);
  const deckNames = new Map(data.decks.map((deck) => [deck.id, deck.name]));
  const pool = questionPool({ relations: builtInRelations(), notes: data.notes, noteTypes: types, deckNames });
  const notesById = new Map(data.notes.map((note) => [note.id, note]));
  const cardsByNote = new Map<string, Card[]>();
  for (const card of data.cards) cardsByNote.set(card.noteId, [...(cardsByNote.get(card.noteId) ?? []), card]);
  return {
    pool,
    topics: poolTopics(pool),
    cardsByNote,
    // Browse finds a note's cards by its id, whatever its text holds (clozes, quotes, colons).
    searchTextOf: (noteId) => (notesById.has(noteId) ? `nid:${noteId}` : null),
    predictedAt: (moment) => {
      if (data.cards.length === 0) return null;
      // The readiness score Readiness would show with the exam on this very day.
      return computeReadiness({ cards: data.cards, notes: data.notes, decks: data.decks, examDate: moment, target: 0 }).overall.predictedRecall;
    },
  };
}

export function drawExam(data: ExamScopeData, count: number, weights: ReadonlyMap<string, number>, seed: string): Question[] {
  return buildExam(data.pool, { count, weights, seed });
}

/** The cards a result is about: the cloze card it asked, or every card of its notes. */
export function cardsOfResult(data: Pick<ExamScopeData, 'cardsByNote'>, result: Pick<QuestionResult, 'noteIds' | 'template'>): Card[] {
  return result.noteIds.flatMap((id) => (data.cardsByNote.get(id) ?? []).filter((card) => result.template === undefined || card.template === result.template));
}

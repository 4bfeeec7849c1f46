import { buildExam, defaultWeights, poolTopics, questionPool } from '../../src/core/questions';
import { builtInRelations } from '../../src/renderer/src/built-in-relations';
import { drawExam, loadExamScope } from '../../src/renderer/src/screens/exam/exam-data';
import type { Collection } from '../../src/renderer/src/storage/collection';
import { timed } from '../repeat';
import type { PageSamples } from '../page-api';

/** The exam: 100 questions. */
const QUESTIONS = 100;

/**
 * A 100-question exam from the whole collection's notes, already read: the pool (one pass over
 * every note) and the draw, with a new seed each run so no exam is the one before.
 */
export async function measureExam(collection: Collection, times: number): Promise<PageSamples> {
  const [notes, noteTypes, decks] = await Promise.all([collection.db.notes.toArray(), collection.db.noteTypes.toArray(), collection.db.decks.toArray()]);
  const deckNames = new Map(decks.map((deck) => [deck.id, deck.name]));
  let run = 0;
  let asked = 0;
  let poolSize = 0;
  const figure = await timed(() => {
    const pool = questionPool({ relations: builtInRelations(), notes, noteTypes, deckNames });
    const exam = buildExam(pool, { count: QUESTIONS, weights: defaultWeights(poolTopics(pool)), seed: `bench-${run++}` });
    poolSize = pool.length;
    asked = exam.length;
  }, times);
  if (asked !== QUESTIONS) throw new Error(`questions: the exam has ${asked} questions, not ${QUESTIONS}`);
  return { figure, note: `${notes.length} notes → ${poolSize} askable, ${asked} drawn (blueprint E.5–E.10); notes already read` };
}

/** What the mock exam screen does to open and start: read the scope (cards, notes) from IndexedDB, then draw. */
export async function measureExamFromStorage(collection: Collection, times: number): Promise<PageSamples> {
  let run = 0;
  const figure = await timed(async () => {
    const scope = await loadExamScope(collection, '');
    drawExam(scope, QUESTIONS, defaultWeights(scope.topics), `bench-read-${run++}`);
  }, times, 1);
  return { figure, note: 'whole collection read from IndexedDB as the exam screen reads it (cards, notes, note types, decks), then 100 questions drawn' };
}

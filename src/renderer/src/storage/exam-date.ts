import Dexie from 'dexie';
import { CardState } from '../../../core/collection/model';
import type { DayRules } from '../../../core/scheduling/day';
import { examOf } from '../../../core/scheduling/exam';
import { planExamReviews } from '../../../core/scheduling/exam-plan';
import { DEFAULT_EXAM_TARGET, type DeckOptions } from '../../../core/scheduling/options';
import { toCard } from './card-row';
import type { KiokuDb } from './db';
import { resolverFor, setExamAt } from './settings';
import { readDeckSetup } from './setup-cache';

/** Empty string: the collection's exam; otherwise a deck id, that deck then being the home of its exam. */
export type ExamScope = string;

export interface ExamReplan {
  /** Review cards of the decks concerned that now come back before the exam because of it. */
  beforeExam: number;
}

async function resolver(db: KiokuDb): Promise<(deckId: string) => DeckOptions> {
  return resolverFor(await readDeckSetup(db));
}

function examKey(options: DeckOptions): string {
  return `${options.examDate ?? ''}@${options.examTarget ?? DEFAULT_EXAM_TARGET}`;
}

/**
 * Sets (or moves, or removes with null) the exam date and target of a scope, and re-plans the
 * review cards of every deck whose exam that changes. Runs inside the caller's transaction, so
 * the options and the cards change together or not at all.
 */
export function setExamDate(
  db: KiokuDb,
  scope: ExamScope,
  examDate: string | null,
  examTarget: number,
  now: number,
  rules: DayRules,
): Promise<ExamReplan> {
  return replanAround(db, () => setExamAt(db, scope, { examDate, examTarget }), now, rules);
}

/** The deck no longer has an exam of its own: it follows its parent's (or the collection's) again. */
export function followParentExam(db: KiokuDb, deckId: string, now: number, rules: DayRules): Promise<ExamReplan> {
  return replanAround(db, () => setExamAt(db, deckId, null), now, rules);
}

async function replanAround(db: KiokuDb, write: () => Promise<void>, now: number, rules: DayRules): Promise<ExamReplan> {
  const before = await resolver(db);
  await write();
  const after = await resolver(db);
  const decks = (await db.decks.toArray()).filter((deck) => examKey(before(deck.id)) !== examKey(after(deck.id)));
  let beforeExam = 0;
  for (const deck of decks) {
    const options = after(deck.id);
    const rows = await db.cards
      .where('[deckId+queue+due]')
      .between([deck.id, CardState.Review, Dexie.minKey], [deck.id, CardState.Review, Dexie.maxKey])
      .toArray();
    const plan = planExamReviews({
      cards: rows.map(toCard),
      now,
      rules,
      exam: examOf(options.examDate, options.examTarget ?? DEFAULT_EXAM_TARGET),
      reviewsPerDay: options.reviewsPerDay,
      parameters: options.fsrsParameters,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    await db.cards.bulkPut(plan.moves.map((move) => ({ ...byId.get(move.cardId)!, due: move.due })));
    beforeExam += plan.beforeExam;
  }
  return { beforeExam };
}

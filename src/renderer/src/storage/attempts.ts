import type { ExamAttempt } from '../../../core/questions/attempt';
import type { KiokuDb } from './db';

/** Stores a finished attempt in one write; the result screen shows it only once this resolves. */
export async function saveAttempt(db: KiokuDb, attempt: ExamAttempt): Promise<void> {
  await db.attempts.put(attempt);
}

/** Every attempt, oldest first. */
export function listAttempts(db: KiokuDb): Promise<ExamAttempt[]> {
  return db.attempts.orderBy('submittedAt').toArray();
}

/** Records that the attempt's wrong answers were marked Again, so the offer is not made twice. */
export async function markAttemptAgain(db: KiokuDb, id: string): Promise<void> {
  await db.attempts.update(id, { markedAgain: true });
}

import { recallAt } from '../browse/columns';
import { CardState, type Card, type Note, type NoteType, type Rating, type Review } from '../collection/model';
import { DAY_MS, forgettingCurve, recallAfter } from '../readiness/forgettingCurve';
import { noteAddedAt } from '../search';

/** Anki's review kinds (revlog.type): what the card was when it was answered. */
export type ReviewKind = 'learn' | 'review' | 'relearn';

/** One line of the card's history, as Anki's card info lists it. */
export interface HistoryEntry {
  id: string;
  time: number;
  kind: ReviewKind;
  rating: Rating;
  /** The wait this answer set, in days (a learning step is a fraction of a day). */
  intervalDays: number;
  stability: number;
  difficulty: number;
  durationMs: number;
}

/** What Anki's card info shows about one card, worked out from the card and its review log. */
export interface CardInfo {
  cardId: string;
  noteId: string;
  /** When the note was added, or null when its id does not tell. */
  added: number | null;
  firstReview: number | null;
  latestReview: number | null;
  /** The card's current interval in days; null for a new card. */
  intervalDays: number | null;
  /** When the card is due; null for a new card, which has no due date but a place in the new queue. */
  due: number | null;
  reviews: number;
  lapses: number;
  /** null for a card never studied. */
  stability: number | null;
  difficulty: number | null;
  recallNow: number | null;
  recallOnExam: number | null;
  averageMs: number | null;
  totalMs: number;
  /** Newest answer first, as Anki lists it. */
  history: HistoryEntry[];
}

export interface CardInfoContext {
  now: number;
  /** When the exam day begins, or null with no exam date. */
  examAt: number | null;
}

function kindOf(review: Review): ReviewKind {
  if (review.stateBefore === CardState.Review) return 'review';
  if (review.stateBefore === CardState.Relearning) return 'relearn';
  return 'learn';
}

/** The card's template name as Anki shows it, a cloze card's numbered (`Cloze 2`). */
export function cardTypeName(card: Pick<Card, 'template'>, noteType: NoteType | undefined): string {
  if (!noteType) return '';
  if (noteType.kind === 'cloze') return `${noteType.templates[0]?.name ?? 'Cloze'} ${card.template + 1}`;
  return noteType.templates[card.template]?.name ?? String(card.template + 1);
}

/** The card's answers in time order, however the log handed them over. */
function inTimeOrder(reviews: readonly Review[], cardId: string): Review[] {
  return reviews.filter((review) => review.cardId === cardId).sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function cardInfo(card: Card, note: Note, noteType: NoteType | undefined, reviews: readonly Review[], context: CardInfoContext): CardInfo {
  const answers = inTimeOrder(reviews, card.id);
  const studied = card.state !== CardState.New;
  const totalMs = answers.reduce((sum, review) => sum + review.durationMs, 0);
  return {
    cardId: card.id,
    noteId: note.id,
    added: noteAddedAt(note),
    firstReview: answers[0]?.time ?? null,
    latestReview: answers.at(-1)?.time ?? card.lastReview,
    intervalDays: studied ? card.scheduledDays : null,
    due: studied ? card.due : null,
    reviews: card.reps,
    lapses: card.lapses,
    stability: studied ? card.stability : null,
    difficulty: studied ? card.difficulty : null,
    recallNow: recallAt(card, context.now),
    recallOnExam: context.examAt === null ? null : recallAt(card, context.examAt),
    averageMs: answers.length === 0 ? null : totalMs / answers.length,
    totalMs,
    history: answers
      .map((review) => ({
        id: review.id,
        time: review.time,
        kind: kindOf(review),
        rating: review.rating,
        intervalDays: Math.max(0, (review.dueAfter - review.time) / DAY_MS),
        stability: review.stabilityAfter,
        difficulty: review.difficultyAfter,
        durationMs: review.durationMs,
      }))
      .reverse(),
  };
}

/** One point of the predicted recall curve. */
export interface RecallPoint {
  time: number;
  recall: number;
  /** The point is an answer: recall just before it, where the curve jumps back up. */
  review: boolean;
}

/**
 * Predicted recall from the first answer to `until`: after each answer it falls along FSRS's
 * forgetting curve with the stability that answer left, and each answer is a point of its own
 * (recall just before it). `steps` points are spread over the whole span between the answers.
 */
export function recallCurve(reviews: readonly Review[], cardId: string, until: number, steps = 60): RecallPoint[] {
  const answers = inTimeOrder(reviews, cardId).filter((review) => review.stabilityAfter > 0);
  const first = answers[0];
  if (!first) return [];
  const end = Math.max(until, answers.at(-1)!.time);
  const curve = forgettingCurve();
  const step = (end - first.time) / steps;
  const points: RecallPoint[] = [];
  let index = 0;
  const after = (review: Review, time: number) => recallAfter(curve, (time - review.time) / DAY_MS, review.stabilityAfter);
  for (let k = 0; k <= steps; k++) {
    const time = first.time + k * step;
    while (index + 1 < answers.length && answers[index + 1]!.time <= time) {
      const next = answers[index + 1]!;
      points.push({ time: next.time, recall: after(answers[index]!, next.time), review: true });
      index++;
    }
    points.push({ time, recall: after(answers[index]!, time), review: k === 0 });
  }
  return points;
}

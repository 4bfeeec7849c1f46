import type { CardDigest } from '../../../../core/cards/digest';
import { CardState, type Card, type Deck, type Note, type NoteType } from '../../../../core/collection/model';
import type { ExamPlanInput } from '../../../../core/readiness/projection/examPlan';
import { secondsPerReview } from '../../../../core/readiness/projection/reviewTime';
import { calendarDay, dayStartOf, todayStart, type DayRules } from '../../../../core/scheduling/day';
import { resolveDeckOptions, type DeckOptions } from '../../../../core/scheduling/options';
import { readCardDigests } from '../../storage/card-digest';
import { reviewsOfCards } from '../../storage/reviews-of-cards';
import { toCard } from '../../storage/card-row';
import type { Collection } from '../../storage/collection';
import type { ExamReplan } from '../../storage/exam-date';
import { subtreeIds } from '../../storage/deck-tree';

/** The target a learner gets before choosing one: a pass mark common to certification exams. */
export { DEFAULT_EXAM_TARGET } from '../../../../core/scheduling/options';

/** Empty string: the whole collection; otherwise a deck id (its subdecks included). */
export type ReadinessScope = string;

export interface ScopeData {
  cards: Card[];
  notes: Note[];
  /** Every note type, to name a card as its template shows it. */
  noteTypes: NoteType[];
  decks: Deck[];
  /** The learner's mean time per answer over the scope's review log. */
  secondsPerReview: number;
  /** New cards introduced and reviews done today, which today's limits have already spent. */
  doneToday: { newCards: number; reviews: number };
  options: DeckOptions;
  rules: DayRules;
}

/** The learner's day rules, exactly those Study schedules by. */
export function dayRules(collection: Collection): Promise<DayRules> {
  return collection.dayRules();
}

/** The options in force for the scope: the collection defaults, or the deck's resolved options. */
export async function scopeOptions(collection: Collection, scope: ReadinessScope): Promise<DeckOptions> {
  return scope === '' ? resolveDeckOptions([await collection.collectionOptions()]) : collection.deckOptions(scope);
}

/** Sets the exam date and target where the learner chose and re-plans the cards it concerns. */
export function saveExam(collection: Collection, scope: ReadinessScope, examDate: string | null, examTarget: number, now: number): Promise<ExamReplan> {
  return collection.setExam(scope, examDate, examTarget, now);
}

/** The moment the exam day begins for the learner, or null when no (valid) exam date is set. */
export function examMoment(examDate: string | null, rules: DayRules): number | null {
  const day = examDate === null ? null : calendarDay(examDate);
  return day === null ? null : dayStartOf(day, rules);
}

/** The scope's cards with their notes, note types and the deck names: what a mock exam asks from. */
export type ScopeCards = Pick<ScopeData, 'cards' | 'notes' | 'noteTypes' | 'decks'>;

/** bulkGet asks for each note on its own; when every note is wanted, one read of them all is many times faster. */
async function notesInOrder(db: Collection['db'], noteIds: readonly string[]): Promise<(Note | undefined)[]> {
  const byId = new Map((await db.notes.toArray()).map((note) => [note.id, note]));
  return noteIds.map((id) => byId.get(id));
}

/** What a mock exam asks from: the review log is not read, which at 500,000 answers took seconds. */
export async function loadScopeCards(collection: Collection, scope: ReadinessScope): Promise<ScopeCards> {
  const { db } = collection;
  const deckRows = await db.decks.toArray();
  const deckIds = scope === '' ? null : subtreeIds(deckRows, scope);
  const cardRows = deckIds === null ? await db.cards.toArray() : await db.cards.where('deckId').anyOf(deckIds).toArray();
  const cards = cardRows.map(toCard);
  const noteIds = [...new Set(cards.map((card) => card.noteId))];
  const [notes, noteTypes] = await Promise.all([deckIds === null ? notesInOrder(db, noteIds) : db.notes.bulkGet(noteIds), db.noteTypes.toArray()]);
  return {
    cards,
    notes: notes.filter((note): note is Note => note !== undefined),
    noteTypes,
    decks: deckRows.map(({ id, name }) => ({ id, name })),
  };
}

/** What the predicted score needs: the scope's schedules, not its notes, so it shows at once. */
export interface ScopeSchedules {
  cards: CardDigest[];
  options: DeckOptions;
  rules: DayRules;
}

export async function loadScopeSchedules(collection: Collection, scope: ReadinessScope): Promise<ScopeSchedules> {
  const [options, rules, digests, deckIds] = await Promise.all([
    scopeOptions(collection, scope),
    dayRules(collection),
    readCardDigests(collection.db),
    scope === '' ? null : collection.db.decks.toArray().then((decks) => new Set(subtreeIds(decks, scope))),
  ]);
  const cards = deckIds === null ? digests : digests.filter((card) => deckIds.has(card.deckId));
  return { cards, options, rules };
}

/** Everything the topic tables need: no review log, so they show at once. */
export type ScopeBasics = Omit<ScopeData, 'secondsPerReview' | 'doneToday'>;

/** What only the plan needs from the review log. */
export type ReviewPace = Pick<ScopeData, 'secondsPerReview' | 'doneToday'>;

export async function loadScopeBasics(collection: Collection, scope: ReadinessScope): Promise<ScopeBasics> {
  const [options, rules, cards] = await Promise.all([scopeOptions(collection, scope), dayRules(collection), loadScopeCards(collection, scope)]);
  return { ...cards, options, rules };
}

/**
 * The time per answer over the scope's review log and what today's limits have already spent.
 * `cardIds` null: the whole collection.
 */
export async function loadReviewPace(collection: Collection, cardIds: ReadonlySet<string> | null, rules: DayRules, now: number): Promise<ReviewPace> {
  const reviews = await reviewsOfCards(collection.db, cardIds && [...cardIds], ({ durationMs, time, stateBefore }) => ({ durationMs, time, stateBefore }));
  const dayStart = todayStart(now, rules);
  const doneToday = { newCards: 0, reviews: 0 };
  for (const review of reviews) {
    if (review.time < dayStart) continue;
    if (review.stateBefore === CardState.New) doneToday.newCards++;
    if (review.stateBefore === CardState.Review) doneToday.reviews++;
  }
  return { secondsPerReview: secondsPerReview(reviews.map((review) => review.durationMs)), doneToday };
}

/** The cards a scope's review log is filtered by: none for the whole collection. */
export function scopeCardIds(scope: ReadinessScope, cards: readonly Card[]): Set<string> | null {
  return scope === '' ? null : new Set(cards.map((card) => card.id));
}

/**
 * What the plan runs: the scope's cards through Study's queue and scheduler with the options,
 * day rules and today's log Study itself uses, until the exam moment.
 */
export function planInput(data: ScopeData, examAt: number, target: number, now: number): ExamPlanInput {
  const { options } = data;
  return {
    cards: data.cards,
    secondsPerReview: data.secondsPerReview,
    now,
    rules: data.rules,
    options,
    doneToday: data.doneToday,
    examDate: examAt,
    target,
    newCardsPerDay: options.newPerDay,
    reviewsPerDay: options.reviewsPerDay,
    desiredRetention: options.desiredRetention,
    maximumIntervalDays: options.maximumIntervalDays,
    parameters: options.fsrsParameters,
  };
}

/**
 * Every card in the scope with the notes and decks the readiness report reads, and the time per
 * answer from its review log. Only the durations are kept: the log can hold hundreds of thousands
 * of answers, and the plan runs in a worker that would otherwise receive a copy of them all.
 */
export async function loadScope(collection: Collection, scope: ReadinessScope, now = Date.now()): Promise<ScopeData> {
  const basics = await loadScopeBasics(collection, scope);
  const pace = await loadReviewPace(collection, scopeCardIds(scope, basics.cards), basics.rules, now);
  return { ...basics, ...pace };
}

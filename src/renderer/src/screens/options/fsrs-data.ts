import { optimiseSuggestion } from '../../../../core/optimiser/decision';
import { DAY } from '../../../../core/scheduling/day';
import type { DeckOptions } from '../../../../core/scheduling/options';
import type { Collection } from '../../storage/collection';
import { subtreeIds } from '../../storage/deck-tree';
import { examMoment, loadScope } from '../readiness/readiness-data';
import type { OptimiserRequest } from '../../optimiser/messages';
import { startReviewCount } from '../../optimiser/optimiser-job';

export interface FsrsState {
  options: DeckOptions;
  /** The deck's preset sets its own parameters (rather than taking the Default preset's). */
  own: boolean;
  deckIds: string[];
  /** Answers in the deck and its subdecks. */
  reviews: number;
  suggestion: { newReviews: number } | null;
}

/** The count runs in the optimiser's worker; `signal` ends it when its answer is no longer wanted (then this never settles). */
export async function loadFsrsState(collection: Collection, deckId: string, now: number, signal: AbortSignal): Promise<FsrsState> {
  const { db } = collection;
  const [decks, options, presets, setup] = await Promise.all([db.decks.toArray(), collection.deckOptions(deckId), collection.presets(), collection.deckSetupOf(deckId)]);
  const deckIds = subtreeIds(decks, deckId);
  const counting = startReviewCount(db.name, deckIds);
  if (signal.aborted) counting.cancel();
  else signal.addEventListener('abort', counting.cancel, { once: true });
  const reviews = await counting.result;
  const own = presets.find((preset) => preset.id === setup.presetId)?.options.fsrsParameters !== undefined;
  return { options, own, deckIds, reviews, suggestion: optimiseSuggestion(options.fsrsFitted, reviews, now) };
}

/** Without an exam date, the workload table looks a month ahead. */
const WORKLOAD_HORIZON_DAYS = 30;

/** What the workload table projects: the deck's cards under its limits and parameters, until the exam or a month. */
export async function workloadInput(collection: Collection, deckId: string, now: number): Promise<Extract<OptimiserRequest, { kind: 'workload' }>['input']> {
  const scope = await loadScope(collection, deckId);
  const exam = examMoment(scope.options.examDate, scope.rules);
  return {
    cards: scope.cards,
    now,
    examDate: exam !== null && exam > now ? exam : now + WORKLOAD_HORIZON_DAYS * DAY,
    rules: scope.rules,
    options: scope.options,
    doneToday: scope.doneToday,
    newCardsPerDay: scope.options.newPerDay,
    reviewsPerDay: scope.options.reviewsPerDay,
    maximumIntervalDays: scope.options.maximumIntervalDays,
    parameters: scope.options.fsrsParameters,
    secondsPerReview: scope.secondsPerReview,
  };
}

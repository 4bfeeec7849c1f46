import type { OptimiseResult } from '../../../core/optimiser/optimise';
import type { WorkloadRow } from '../../../core/optimiser/workload';
import type { ProjectionInput } from '../../../core/readiness/projection/simulate';
import type { DayRules } from '../../../core/scheduling/day';

/** What the page asks the optimiser worker. */
export type OptimiserRequest =
  | {
      kind: 'optimise';
      /** The database to read the review log from (the worker opens it itself, so the page never holds the log). */
      databaseName: string;
      /** The cards' decks: the deck and its subdecks, or null for the whole collection. */
      deckIds: string[] | null;
      current: number[];
      rules: DayRules;
      now: number;
    }
  | { kind: 'workload'; input: Omit<ProjectionInput, 'desiredRetention'> }
  /** Answers in the decks' cards: for a big deck that is a read of most of the log, kept off the page. */
  | { kind: 'count'; databaseName: string; deckIds: string[] }
  /** The page has drawn that fitting begins: training may start. */
  | { kind: 'fitting-shown' };

/** What the worker answers. `progress` hands over the shared memory the optimiser counts its steps in. */
export type OptimiserReply =
  | { kind: 'reading' }
  /** The log is read; training waits for `fitting-shown`. */
  | { kind: 'fitting' }
  | { kind: 'progress'; buffer: SharedArrayBuffer; pointer: number }
  | { kind: 'judging' }
  | { kind: 'optimised'; result: OptimiseResult; reviews: number }
  | { kind: 'workload'; rows: WorkloadRow[] }
  | { kind: 'counted'; reviews: number }
  | { kind: 'failed'; message: string };

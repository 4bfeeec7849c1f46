import { calendarDay } from './day';
import { checkFsrsParameters } from './parameters';
import { DEFAULT_LEECH_ACTION, DEFAULT_LEECH_THRESHOLD, type LeechAction } from './leech';
import { checkEasyDays, type EasyDays } from './easy-days';

/** `1m`, `10m`, `1h`, `1d`: a learning step as ts-fsrs spells it. */
export type Step = `${number}${'m' | 'h' | 'd'}`;

/** How reviews are ordered among cards due on the same day. */
export type ReviewOrder = 'due' | 'retrievability';

/** The exam score a learner aims for until they choose their own. */
export const DEFAULT_EXAM_TARGET = 0.8;

/** 1 %: the lowest target that still asks for something; the highest is 100 %. */
export const MIN_EXAM_TARGET = 0.01;

/**
 * Why an exam date cannot be set on learner day `today`: not a date, or already past (a past exam
 * would be scored with every card studied since counted as remembered). Null when it can be set.
 */
export function examDateProblem(examDate: string, today: number): 'not-a-date' | 'past' | null {
  const day = calendarDay(examDate);
  if (day === null) return 'not-a-date';
  return day < today ? 'past' : null;
}

export interface DeckOptions {
  /** Chance of remembering a card when it comes back, 0.7–0.99. */
  desiredRetention: number;
  maximumIntervalDays: number;
  learningSteps: Step[];
  relearningSteps: Step[];
  newPerDay: number;
  reviewsPerDay: number;
  fuzz: boolean;
  /** `YYYY-MM-DD`; until this local date, reviews are pulled in to land on or before it. */
  examDate: string | null;
  /** Predicted exam score the learner aims for, 0.01–1 (1–100 %); DEFAULT_EXAM_TARGET when unset. */
  examTarget?: number;
  reviewOrder: ReviewOrder;
  /**
   * FSRS-6's 21 parameters fitted to the learner's own reviews; FSRS-6's defaults when unset.
   * An option like the others, so a deck inherits its parent's and a preset can own them later.
   */
  fsrsParameters?: number[];
  /** When the parameters were last fitted and on how many answers, to suggest fitting again. */
  fsrsFitted?: FsrsFitted;
  /** Lapses after which a card is a leech (Anki's default 8); 0 never. */
  leechThreshold: number;
  leechAction: LeechAction;
  /**
   * How much review load each weekday takes, Monday first, as Anki 24.11's easy days: 1 normal,
   * 0.5 reduced, 0 minimum. The load balancer moves reviews away from the lighter days.
   */
  easyDays: EasyDays;
  /** Sounds play by themselves when a side is shown (Anki's default); R replays them either way. */
  autoplayAudio: boolean;
}

export interface FsrsFitted {
  /** Time of the fit, ms since the epoch. */
  time: number;
  /** Answers in the deck's review log when it was fitted. */
  reviews: number;
}

const defaults: DeckOptions = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  fuzz: true,
  examDate: null,
  reviewOrder: 'due',
  leechThreshold: DEFAULT_LEECH_THRESHOLD,
  leechAction: DEFAULT_LEECH_ACTION,
  easyDays: [1, 1, 1, 1, 1, 1, 1],
  autoplayAudio: true,
};

export const DEFAULT_DECK_OPTIONS: Readonly<DeckOptions> = Object.freeze(defaults);

/** Layers from the most general (collection defaults) to the most specific (the deck itself). */
export function resolveDeckOptions(layers: Partial<DeckOptions>[]): DeckOptions {
  const resolved: DeckOptions = {
    ...DEFAULT_DECK_OPTIONS,
    learningSteps: [...DEFAULT_DECK_OPTIONS.learningSteps],
    relearningSteps: [...DEFAULT_DECK_OPTIONS.relearningSteps],
    easyDays: [...DEFAULT_DECK_OPTIONS.easyDays],
  };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) Object.assign(resolved, { [key]: value });
    }
  }
  return resolved;
}

/** Deck names of every ancestor, root first, then the deck itself: `A`, `A::B`, `A::B::C`. */
export function deckPath(name: string): string[] {
  const parts = name.split('::');
  return parts.map((_, i) => parts.slice(0, i + 1).join('::'));
}

const STEP = /^\d+(\.\d+)?[mhd]$/;

/** Problems with a set of options, each naming the option; empty when they can be saved. */
export function checkDeckOptions(options: Partial<DeckOptions>): string[] {
  const problems: string[] = [];
  const { desiredRetention, maximumIntervalDays, newPerDay, reviewsPerDay, examDate, examTarget } = options;
  if (desiredRetention !== undefined && !(desiredRetention >= 0.7 && desiredRetention <= 0.99)) {
    problems.push(`desiredRetention must be between 0.7 and 0.99, got ${desiredRetention}`);
  }
  if (maximumIntervalDays !== undefined && !(Number.isInteger(maximumIntervalDays) && maximumIntervalDays >= 1)) {
    problems.push(`maximumIntervalDays must be a whole number of days ≥ 1, got ${maximumIntervalDays}`);
  }
  for (const [name, value] of [['newPerDay', newPerDay], ['reviewsPerDay', reviewsPerDay]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      problems.push(`${name} must be a whole number ≥ 0, got ${value}`);
    }
  }
  for (const name of ['learningSteps', 'relearningSteps'] as const) {
    const steps = options[name];
    if (steps !== undefined && !(Array.isArray(steps) && steps.every((step) => typeof step === 'string' && STEP.test(step)))) {
      problems.push(`${name} must look like 1m, 10m, 1h or 1d, got ${Array.isArray(steps) ? steps.join(' ') : String(steps)}`);
    }
  }
  if (examDate !== undefined && examDate !== null && calendarDay(examDate) === null) {
    problems.push(`examDate must be a date as YYYY-MM-DD, got ${examDate}`);
  }
  if (examTarget !== undefined && !(examTarget >= MIN_EXAM_TARGET && examTarget <= 1)) {
    problems.push(`examTarget must be between ${MIN_EXAM_TARGET} and 1, got ${examTarget}`);
  }
  if (options.fsrsParameters !== undefined) {
    const problem = checkFsrsParameters(options.fsrsParameters);
    if (problem) problems.push(`fsrsParameters ${problem}`);
  }
  const { leechThreshold, leechAction, easyDays, autoplayAudio } = options;
  if (leechThreshold !== undefined && !(Number.isInteger(leechThreshold) && leechThreshold >= 0 && leechThreshold <= 99)) {
    problems.push(`leechThreshold must be a whole number of lapses 0–99, got ${leechThreshold}`);
  }
  if (leechAction !== undefined && leechAction !== 'tagOnly' && leechAction !== 'suspend') {
    problems.push(`leechAction must be tagOnly or suspend, got ${String(leechAction)}`);
  }
  if (easyDays !== undefined && !checkEasyDays(easyDays)) {
    problems.push('easyDays must be seven loads, Monday first, each 0, 0.5 or 1');
  }
  if (autoplayAudio !== undefined && typeof autoplayAudio !== 'boolean') problems.push('autoplayAudio must be true or false');
  const fitted = options.fsrsFitted;
  if (fitted !== undefined && !(Number.isFinite(fitted?.time) && Number.isInteger(fitted?.reviews) && fitted.reviews >= 0)) {
    problems.push('fsrsFitted must hold the time of the fit and a whole number of reviews');
  }
  return problems;
}

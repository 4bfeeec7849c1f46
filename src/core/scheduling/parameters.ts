import { CLAMP_PARAMETERS, default_w, FSRS6_DEFAULT_DECAY } from 'ts-fsrs';

/** FSRS-6 has 21 parameters; w[20] is the decay of its forgetting curve. */
export const FSRS6_PARAMETER_COUNT = 21;

/** FSRS-6's defaults, the collection's parameters until the learner fits their own. */
export const DEFAULT_FSRS_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/**
 * The range fsrs-rs keeps each fitted parameter in (short-term memory on, as Kioku schedules).
 * A value outside it did not come from an optimiser and would make intervals meaningless.
 */
const RANGES: readonly (readonly number[])[] = CLAMP_PARAMETERS(2, true).map((range, i) =>
  // FSRS-5's parameters carried over to FSRS-6 have w19 = 0 (no short-term stability exponent), which fsrs-rs accepts.
  i === 19 ? [0, range[1]!] : range,
);

/** Why a parameter list cannot be used, or null when it can: 21 finite numbers, each in fsrs-rs's range. */
export function checkFsrsParameters(parameters: unknown): string | null {
  if (!Array.isArray(parameters)) return 'must be a list of numbers';
  if (parameters.length !== FSRS6_PARAMETER_COUNT) return `must hold ${FSRS6_PARAMETER_COUNT} numbers, got ${parameters.length}`;
  for (const [i, value] of parameters.entries()) {
    const [min, max] = RANGES[i]!;
    if (typeof value !== 'number' || !Number.isFinite(value)) return `w[${i}] must be a number, got ${String(value)}`;
    if (value < min! || value > max!) return `w[${i}] must be between ${min} and ${max}, got ${value}`;
  }
  return null;
}

/** The decay (w[20]) of a parameter list, FSRS-6's default without one. */
export function decayOf(parameters: readonly number[] | undefined): number {
  return parameters?.[20] ?? FSRS6_DEFAULT_DECAY;
}

import { checkParameters, default_w, migrateParameters } from 'ts-fsrs';
import { forgettingCurve, type ForgettingCurve } from '../forgettingCurve';

const S_MIN = 0.001;
const S_MAX = 36_500;

/**
 * FSRS's memory-state updates for the answers a projection needs (Again and Good),
 * written over a plain parameter array. ts-fsrs's own methods read their parameters
 * through a Proxy and round every result; a projection calls these hundreds of
 * thousands of times, so the same formulas are restated here and checked against
 * ts-fsrs in the tests.
 */
export class MemoryModel {
  readonly w: readonly number[];
  readonly curve: ForgettingCurve;
  /** Stability and difficulty after a new card's first answer, Good. */
  readonly firstGoodStability: number;
  readonly firstGoodDifficulty: number;
  private readonly easyDifficulty: number;
  private readonly lapseFloorDivisor: number;

  constructor(parameters?: readonly number[]) {
    const w = parameters ? migrateParameters(checkParameters(parameters)) : [...default_w];
    this.w = w;
    this.curve = forgettingCurve(this.at(20));
    this.firstGoodStability = Math.max(this.at(2), 0.1);
    this.firstGoodDifficulty = clamp(this.initialDifficulty(3), 1, 10);
    this.easyDifficulty = this.initialDifficulty(4);
    this.lapseFloorDivisor = Math.exp(this.at(17) * this.at(18));
  }

  private at(i: number): number {
    return this.w[i] ?? 0;
  }

  private initialDifficulty(grade: number): number {
    return this.at(4) - Math.exp((grade - 1) * this.at(5)) + 1;
  }

  /** Difficulty after answering `grade` (1 Again … 4 Easy), with FSRS's linear damping and mean reversion. */
  nextDifficulty(d: number, grade: number): number {
    const delta = -this.at(6) * (grade - 3);
    const damped = d + (delta * (10 - d)) / 9;
    const w7 = this.at(7);
    return clamp(w7 * this.easyDifficulty + (1 - w7) * damped, 1, 10);
  }

  /** Stability after a successful (Good) review at recall `r`. */
  stabilityAfterRecall(d: number, s: number, r: number): number {
    const w = this.w;
    const growth = Math.exp(w[8]!) * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - r) * w[10]!) - 1);
    return clamp(s * (1 + growth), S_MIN, S_MAX);
  }

  /** Stability after a lapse (Again) at recall `r`; never above the pre-lapse stability shrunk by the short-term factor. */
  stabilityAfterLapse(d: number, s: number, r: number): number {
    const w = this.w;
    const forget = clamp(
      w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp((1 - r) * w[14]!),
      S_MIN,
      S_MAX,
    );
    return clamp(s / this.lapseFloorDivisor, S_MIN, forget);
  }
}

const models = new Map<string, MemoryModel>();

/**
 * The model for a parameter list (FSRS-6's defaults for none), built once: the exam rule asks
 * for it on every answer of a session or plan, with the parameters the scheduler uses.
 */
export function memoryModelFor(parameters: readonly number[] | undefined): MemoryModel {
  const key = parameters?.join() ?? '';
  let model = models.get(key);
  if (!model) {
    model = new MemoryModel(parameters);
    models.set(key, model);
  }
  return model;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

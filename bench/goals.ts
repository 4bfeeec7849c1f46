/**
 * A speed goal as data, so whether it is met is computed from the measured numbers.
 * Every bound given must hold; a goal with no bound is only reported.
 */
export interface Goal {
  /** Median at most this many times the floor's median. */
  maxRatio?: number;
  /** Median strictly below this, in the figure's unit. */
  belowMedian?: number;
  /** 95th percentile strictly below this, in the figure's unit. */
  belowP95?: number;
  /** Throughput: `items` (notes, say) handled in the median time must reach `perSecond`. */
  minRate?: { items: number; perSecond: number; what: string };
}

export type Unit = 'ms' | 'MB';

export interface Measured {
  name: string;
  unit: Unit;
  median: number;
  p95: number;
  /** The floor's median in the same run, or null when the figure has no floor. */
  floor: number | null;
  goal: Goal;
  /** What a reader should know about how it was measured. */
  note?: string;
  load?: Load;
}

/** The machine's one-minute load average just before and just after a figure was measured. */
export interface Load {
  before: number;
  after: number;
}

export interface Figure {
  name: string;
  unit: Unit;
  median: number;
  p95: number;
  floor: number | null;
  ratio: number | null;
  goal: string;
  /** null when the figure is only reported. */
  met: boolean | null;
  note?: string;
  load?: Load;
}

function describeGoal(goal: Goal, unit: Unit): string {
  const parts: string[] = [];
  if (goal.minRate) parts.push(`≥ ${goal.minRate.perSecond.toLocaleString('en-US')} ${goal.minRate.what}/s`);
  if (goal.maxRatio !== undefined) parts.push(`≤ ${goal.maxRatio}× floor`);
  if (goal.belowMedian !== undefined) parts.push(`< ${goal.belowMedian} ${unit}`);
  if (goal.belowP95 !== undefined) parts.push(`p95 < ${goal.belowP95} ${unit}`);
  return parts.length === 0 ? 'reported' : parts.join(', ');
}

/** How many items per second a median time (ms) handles. */
export function ratePerSecond(items: number, medianMs: number): number {
  return medianMs > 0 ? (items * 1000) / medianMs : Number.POSITIVE_INFINITY;
}

export function evaluate(measured: Measured): Figure {
  const { goal, median, p95, floor } = measured;
  const ratio = floor === null || floor <= 0 ? null : median / floor;
  const checks: boolean[] = [];
  if (goal.maxRatio !== undefined) checks.push(ratio !== null && ratio <= goal.maxRatio);
  if (goal.belowMedian !== undefined) checks.push(median < goal.belowMedian);
  if (goal.belowP95 !== undefined) checks.push(p95 < goal.belowP95);
  if (goal.minRate) checks.push(ratePerSecond(goal.minRate.items, median) >= goal.minRate.perSecond);
  const figure: Figure = {
    name: measured.name,
    unit: measured.unit,
    median,
    p95,
    floor,
    ratio,
    goal: describeGoal(goal, measured.unit),
    met: checks.length === 0 ? null : checks.every(Boolean),
  };
  if (measured.note) figure.note = measured.note;
  if (measured.load) figure.load = measured.load;
  return figure;
}

import type { DigestShare } from '../../../../core/cards/digest';
import { DAY, localZone, type DayRules } from '../../../../core/scheduling/day';
import { resolveDeckOptions } from '../../../../core/scheduling/options';
import { cardCountsByState, type CardCounts } from '../../../../core/stats/cardCounts';
import { dueForecast } from '../../../../core/stats/dueForecast';
import { intervalDistribution, stabilityDistribution, type HistogramBucket } from '../../../../core/stats/histogram';
import { reviewsPerDayFromQuarterDays, timePerDayFromQuarterDays, type DayValue } from '../../../../core/stats/perDay';
import type { QuarterDay } from '../../../../core/stats/quarterDays';
import { trueRetentionByWeekFromQuarterDays, type RetentionWeek } from '../../../../core/stats/retention';
import { readDigestShares } from '../../storage/card-digest';
import type { Collection } from '../../storage/collection';
import { readReviewDays } from '../../storage/review-quarters';

/** Weeks of true retention shown: a quarter, enough to see a trend without a wall of gaps. */
export const RETENTION_WEEKS = 12;
export const TIME_DAYS = 30;
/** Days on the calendar heatmap, the chart that reaches furthest back. */
export const HEATMAP_DAYS = 365;
/** Two days more than the heatmap shows cover any zone's offset and any day start hour. */
const QUARTERS_READ_MS = (HEATMAP_DAYS + 2) * DAY;
export type ForecastRange = 30 | 90;

export interface Statistics {
  reviewsPerDay: DayValue[];
  timePerDay: DayValue[];
  retention: RetentionWeek[];
  counts: CardCounts;
  intervals: HistogramBucket[];
  stabilities: HistogramBucket[];
  /** Kept so the forecast can switch between 30 and 90 days without reading the collection again. */
  cards: DigestShare[];
  clock: DayRules;
  now: number;
}

/**
 * The learner's days: the configured start hour, in the zone the app runs in, with each moment's
 * own offset from UTC, so a year of answers lands on the right days across daylight-saving changes.
 */
export function learnerClock(dayStartHour: number): DayRules {
  return { zone: localZone(), dayStartHour };
}

/**
 * The charts from the cards' digest and the log's quarter-hour totals (see src/core/stats/quarters.ts),
 * both read in place, column by column: as objects they were 85,000 of them to build on each open.
 */
export function statisticsOf(cards: DigestShare[], days: readonly QuarterDay[], clock: DayRules, now: number, desiredRetention: number): Statistics {
  return {
    reviewsPerDay: reviewsPerDayFromQuarterDays(days, now, clock, HEATMAP_DAYS),
    timePerDay: timePerDayFromQuarterDays(days, now, clock, TIME_DAYS),
    retention: trueRetentionByWeekFromQuarterDays(days, now, clock, RETENTION_WEEKS, desiredRetention),
    counts: cardCountsByState(cards),
    intervals: intervalDistribution(cards),
    stabilities: stabilityDistribution(cards),
    cards,
    clock,
    now,
  };
}

export async function loadStatistics(collection: Collection, now: number): Promise<Statistics> {
  const [cards, days, settings, options] = await Promise.all([
    readDigestShares(collection.db),
    readReviewDays(collection.db, now - QUARTERS_READ_MS),
    collection.settings(),
    collection.collectionOptions(),
  ]);
  const desiredRetention = resolveDeckOptions([options]).desiredRetention;
  return statisticsOf(cards, days, learnerClock(settings.dayStartHour), now, desiredRetention);
}

export function forecast(stats: Statistics, range: ForecastRange): DayValue[] {
  return dueForecast(stats.cards, stats.now, stats.clock, range);
}

/** `0–1`, `7–14`, `365+`: a histogram bar's days as its axis label. */
export function bucketLabel(bucket: HistogramBucket): string {
  return Number.isFinite(bucket.to) ? `${bucket.from}–${bucket.to}` : `${bucket.from}+`;
}

import { CardState, type Card } from '../collection/model';
import type { DayValue } from './perDay';
import { learnerDay, type DayRules } from '../scheduling/day';
import { checkClock, dayLabel } from './studyDay';

/**
 * Cards coming due on each of the next `days` days (30 or 90 for the chart), today first.
 * Overdue cards count on today, since that is when the learner will see them. New cards
 * are not reviews yet and suspended cards will not come up, so neither is counted;
 * buried cards are, because they come back.
 */
export function dueForecast(cards: readonly Pick<Card, 'state' | 'suspended' | 'due'>[], now: number, clock: DayRules, days = 30): DayValue[] {
  checkClock(clock);
  if (!Number.isInteger(days) || days < 1) throw new Error(`stats: days must be a whole number of at least 1, got ${days}`);
  const today = learnerDay(now, clock);
  const counts = new Float64Array(days);
  for (const card of cards) {
    if (card.suspended || card.state === CardState.New) continue;
    const offset = Math.max(learnerDay(card.due, clock) - today, 0);
    if (offset < days) counts[offset]! += 1;
  }
  return Array.from(counts, (value, i) => ({ date: dayLabel(today + i), value }));
}

import type { DigestShare } from '../cards/digest';
import { CardState } from '../collection/model';
import type { DayValue } from './perDay';
import { DAY, learnerDay, type DayRules } from '../scheduling/day';
import { checkClock, dayLabel } from './studyDay';

/**
 * Offsets from UTC lie between −12 and +14 hours, so two moments' learner days are never more
 * than 26 hours further apart than the moments: a card due two days before now is due today at
 * the latest, one due two days after the chart's last day falls beyond it, and neither needs the
 * zone asked. Most cards of a large collection are one or the other.
 */
const SURELY_ANOTHER_DAY = 2 * DAY;

/**
 * Cards coming due on each of the next `days` days (30 or 90 for the chart), today first.
 * Overdue cards count on today, since that is when the learner will see them. New cards
 * are not reviews yet and suspended cards will not come up, so neither is counted;
 * buried cards are, because they come back.
 */
export function dueForecast(shares: readonly Pick<DigestShare, 'states' | 'suspended' | 'due'>[], now: number, clock: DayRules, days = 30): DayValue[] {
  checkClock(clock);
  if (!Number.isInteger(days) || days < 1) throw new Error(`stats: days must be a whole number of at least 1, got ${days}`);
  const today = learnerDay(now, clock);
  const counts = new Float64Array(days);
  const past = now - SURELY_ANOTHER_DAY;
  const beyond = now + days * DAY + SURELY_ANOTHER_DAY;
  for (const { states, suspended, due } of shares) {
    for (let i = 0; i < states.length; i++) {
      if (suspended[i] === 1 || states[i] === CardState.New) continue;
      const at = due[i]!;
      if (at >= beyond) continue;
      const offset = at < past ? 0 : Math.max(learnerDay(at, clock) - today, 0);
      if (offset < days) counts[offset]! += 1;
    }
  }
  return Array.from(counts, (value, i) => ({ date: dayLabel(today + i), value }));
}

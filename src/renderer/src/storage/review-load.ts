import { CardState, type Card } from '../../../core/collection/model';
import { dayStartOf, learnerDay, type DayRules } from '../../../core/scheduling/day';
import { LOAD_BALANCE_MAX_INTERVAL, type DayLoad } from '../../../core/scheduling/load-balance';
import { queueOf, type KiokuDb } from './db';

/** Days ahead whose reviews are counted: the balancer's longest interval plus its widest fuzz. */
const DAYS_COUNTED = Math.ceil(LOAD_BALANCE_MAX_INTERVAL * 1.1);

/**
 * Review cards due on each of the coming learner days, for the load balancer. Read once on the
 * index (keys only), then kept up to date by each answer, so preview and answer see the same load.
 * Any other write that moves cards calls `forget()`, and the next `ready(now)` reads again.
 */
export class ReviewLoad {
  private perDay = new Map<number, number>();
  private readFor: number | null = null;
  private reading: Promise<void> | null = null;

  constructor(private readonly db: KiokuDb) {}

  /** Reviews due on a learner day. */
  readonly countOn: DayLoad = (day) => this.perDay.get(day) ?? 0;

  async ready(now: number, rules: DayRules, deckIds: readonly string[]): Promise<DayLoad> {
    const today = learnerDay(now, rules);
    if (this.readFor !== today) {
      this.readFor = today;
      this.reading = this.read(today, rules, deckIds);
      this.reading.catch(() => {
        this.readFor = null;
      });
    }
    await this.reading;
    return this.countOn;
  }

  private async read(today: number, rules: DayRules, deckIds: readonly string[]): Promise<void> {
    const from = dayStartOf(today + 1, rules);
    const to = dayStartOf(today + DAYS_COUNTED + 1, rules);
    const dues = await Promise.all(
      deckIds.map((deckId) =>
        this.db.cards
          .where('[deckId+queue+due]')
          .between([deckId, CardState.Review, from], [deckId, CardState.Review, to], true, false)
          .keys(),
      ),
    );
    const perDay = new Map<number, number>();
    for (const keys of dues) {
      for (const key of keys) {
        const day = learnerDay((key as unknown as [string, number, number])[2], rules);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
    }
    this.perDay = perDay;
  }

  /** An answer moved a card: it leaves the day it was due and joins its new day. */
  moved(before: Pick<Card, 'state' | 'suspended' | 'due'>, after: Pick<Card, 'state' | 'suspended' | 'due'>, rules: DayRules): void {
    if (queueOf(before) === CardState.Review) this.add(learnerDay(before.due, rules), -1);
    if (queueOf(after) === CardState.Review) this.add(learnerDay(after.due, rules), 1);
  }

  private add(day: number, by: number): void {
    this.perDay.set(day, Math.max(0, (this.perDay.get(day) ?? 0) + by));
  }

  forget(): void {
    this.readFor = null;
    this.reading = null;
  }
}

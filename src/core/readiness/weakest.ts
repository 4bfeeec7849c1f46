/** How many of a topic's weakest cards a report lists. */
export const WEAKEST_PER_TOPIC = 5;

/**
 * The weakest cards of many slots (groups of cards, or topics) at once, in flat typed arrays:
 * slot `t`'s cards sit sorted in `t * 5 .. t * 5 + 4`, so no slot ever holds more than five.
 * Weakest means lowest recall, ties going to the card that comes first, so merging the
 * lists of several groups gives the same cards as meeting every card in order.
 */
export class WeakestCards {
  readonly count: Uint8Array;
  readonly card: Int32Array;
  readonly recall: Float64Array;

  constructor(slots: number) {
    this.count = new Uint8Array(slots);
    this.card = new Int32Array(slots * WEAKEST_PER_TOPIC);
    this.recall = new Float64Array(slots * WEAKEST_PER_TOPIC);
  }

  consider(slot: number, card: number, recall: number): void {
    const base = slot * WEAKEST_PER_TOPIC;
    const held = this.count[slot]!;
    const { recall: recalls, card: cards } = this;
    if (held === WEAKEST_PER_TOPIC) {
      const last = base + held - 1;
      if (recalls[last]! < recall || (recalls[last] === recall && cards[last]! < card)) return;
    }
    let at = base + (held === WEAKEST_PER_TOPIC ? held - 1 : held);
    while (at > base && (recalls[at - 1]! > recall || (recalls[at - 1] === recall && cards[at - 1]! > card))) {
      recalls[at] = recalls[at - 1]!;
      cards[at] = cards[at - 1]!;
      at--;
    }
    recalls[at] = recall;
    cards[at] = card;
    if (held < WEAKEST_PER_TOPIC) this.count[slot] = held + 1;
  }

  /** Offers slot `from` of `other` to `slot`. */
  merge(slot: number, other: WeakestCards, from: number): void {
    const base = from * WEAKEST_PER_TOPIC;
    for (let k = 0; k < other.count[from]!; k++) this.consider(slot, other.card[base + k]!, other.recall[base + k]!);
  }
}

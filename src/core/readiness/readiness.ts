import type { Card, Deck, Id, Note } from '../collection/model';
import { examRecall } from './examRecall';
import { buildTopicIndex, type TopicFamily, type TopicIndex } from './topicIndex';
import { compareTopicKeys } from './topics';

/** How many of a topic's weakest cards a report lists. */
export const WEAKEST_PER_TOPIC = 5;

export interface WeakCard {
  cardId: Id;
  /** Predicted recall on the exam day, 0..1. */
  recall: number;
}

/** One topic (an NFR item, a kind, a deck, a tag, or the whole scope) as the learner sees it. */
export interface TopicReadiness {
  key: string;
  label: string;
  /** Mean predicted recall on the exam day over the topic's cards, 0..1 (0 when it has no cards). */
  predictedRecall: number;
  cardCount: number;
  /** Cards answered at least once; the rest are predicted to be forgotten. */
  studiedCount: number;
  /** The studied cards with the lowest predicted recall, lowest first, at most five. */
  weakest: WeakCard[];
}

export interface ReadinessInput {
  cards: readonly Card[];
  /** Notes supply the tags that name topics; a card whose note is missing still counts overall and in its deck. */
  notes: readonly Note[];
  /** Deck names label the deck topics. */
  decks: readonly Deck[];
  /** The moment of the exam, ms since the epoch. */
  examDate: number;
  /** The score the learner aims for, 0..1 (e.g. 0.8). */
  target: number;
  /** FSRS decay (w[20]); FSRS-6's default when omitted. */
  decay?: number;
  /** `buildTopicIndex(cards, notes, decks)`, kept while the collection is unchanged; built here when omitted. */
  topicIndex?: TopicIndex;
}

export interface ReadinessReport {
  examDate: number;
  target: number;
  /** Every card in scope; its `predictedRecall` is the predicted exam score. */
  overall: TopicReadiness;
  reachesTarget: boolean;
  /** By NFR item (`nfr::…` tags), kind (`kind::…`), deck and every tag; each sorted by key. */
  byNfr: TopicReadiness[];
  byKind: TopicReadiness[];
  byDeck: TopicReadiness[];
  byTag: TopicReadiness[];
}

function checkInput(input: ReadinessInput): void {
  if (!Number.isFinite(input.examDate)) throw new Error(`readiness: examDate must be a time in ms, got ${input.examDate}`);
  if (!(input.target >= 0 && input.target <= 1)) throw new Error(`readiness: target must be between 0 and 1, got ${input.target}`);
}

/**
 * Running totals for every slot (a group of cards, or a topic) at once, in flat typed arrays;
 * slot `t`'s weakest cards sit sorted in slots `t * 5 .. t * 5 + 4`, so no slot ever holds more
 * than five candidates. Weakest means lowest recall, ties going to the card that comes first,
 * so merging groups gives the same cards as meeting every card in order.
 */
class Totals {
  readonly sum: Float64Array;
  readonly count: Int32Array;
  readonly studied: Int32Array;
  readonly weakCount: Uint8Array;
  readonly weakCard: Int32Array;
  readonly weakRecall: Float64Array;

  constructor(slots: number) {
    this.sum = new Float64Array(slots);
    this.count = new Int32Array(slots);
    this.studied = new Int32Array(slots);
    this.weakCount = new Uint8Array(slots);
    this.weakCard = new Int32Array(slots * WEAKEST_PER_TOPIC);
    this.weakRecall = new Float64Array(slots * WEAKEST_PER_TOPIC);
  }

  add(slot: number, card: number, recall: number, studied: boolean): void {
    this.sum[slot]! += recall;
    this.count[slot]! += 1;
    if (!studied) return;
    this.studied[slot]! += 1;
    this.consider(slot, card, recall);
  }

  /** Adds slot `from` of `other` into `slot`: its totals, and its weakest cards as candidates. */
  merge(slot: number, other: Totals, from: number): void {
    this.sum[slot]! += other.sum[from]!;
    this.count[slot]! += other.count[from]!;
    this.studied[slot]! += other.studied[from]!;
    const base = from * WEAKEST_PER_TOPIC;
    for (let k = 0; k < other.weakCount[from]!; k++) this.consider(slot, other.weakCard[base + k]!, other.weakRecall[base + k]!);
  }

  private consider(slot: number, card: number, recall: number): void {
    const base = slot * WEAKEST_PER_TOPIC;
    const held = this.weakCount[slot]!;
    const { weakRecall, weakCard } = this;
    if (held === WEAKEST_PER_TOPIC) {
      const last = base + held - 1;
      if (weakRecall[last]! < recall || (weakRecall[last] === recall && weakCard[last]! < card)) return;
    }
    let at = base + (held === WEAKEST_PER_TOPIC ? held - 1 : held);
    while (at > base && (weakRecall[at - 1]! > recall || (weakRecall[at - 1] === recall && weakCard[at - 1]! > card))) {
      weakRecall[at] = weakRecall[at - 1]!;
      weakCard[at] = weakCard[at - 1]!;
      at--;
    }
    weakRecall[at] = recall;
    weakCard[at] = card;
    if (held < WEAKEST_PER_TOPIC) this.weakCount[slot] = held + 1;
  }

  result(slot: number, key: string, label: string, cards: readonly Card[]): TopicReadiness {
    const count = this.count[slot]!;
    const base = slot * WEAKEST_PER_TOPIC;
    const weakest: WeakCard[] = [];
    for (let k = 0; k < this.weakCount[slot]!; k++) {
      weakest.push({ cardId: cards[this.weakCard[base + k]!]!.id, recall: this.weakRecall[base + k]! });
    }
    return {
      key,
      label,
      predictedRecall: count === 0 ? 0 : this.sum[slot]! / count,
      cardCount: count,
      studiedCount: this.studied[slot]!,
      weakest,
    };
  }
}

/**
 * How much the learner is predicted to remember on the exam day if they stop reviewing now:
 * overall and topic by topic. Suspended cards are out of scope (see `buildTopicIndex`).
 */
export function computeReadiness(input: ReadinessInput): ReadinessReport {
  checkInput(input);
  const { cards } = input;
  const index = input.topicIndex ?? buildTopicIndex(cards, input.notes, input.decks);
  if (index.cardCount !== cards.length) {
    throw new Error(`readiness: the topic index covers ${index.cardCount} cards but ${cards.length} were given; rebuild it`);
  }
  const recall = examRecall(cards, input.examDate, input.decay);
  const { groupOf, groupStart, groupTopics, studied } = index;
  const groupCount = groupStart.length - 1;
  const groups = new Totals(groupCount);
  for (let i = 0; i < cards.length; i++) {
    const group = groupOf[i]!;
    if (group >= 0) groups.add(group, i, recall[i]!, studied[i] === 1);
  }
  const topicCount = index.topics.length;
  // The overall score is one more topic, after the real ones.
  const overall = topicCount;
  const totals = new Totals(topicCount + 1);
  for (let g = 0; g < groupCount; g++) {
    totals.merge(overall, groups, g);
    for (let m = groupStart[g]!, end = groupStart[g + 1]!; m < end; m++) totals.merge(groupTopics[m]!, groups, g);
  }

  const byFamily: Record<TopicFamily, TopicReadiness[]> = { nfr: [], kind: [], deck: [], tag: [] };
  index.topics.forEach((topic, t) => {
    // A topic seen only on suspended cards has no cards in scope and is left out.
    if (totals.count[t] === 0) return;
    byFamily[topic.family].push(totals.result(t, topic.key, topic.label, cards));
  });
  for (const list of Object.values(byFamily)) list.sort((a, b) => compareTopicKeys(a.key, b.key));
  const overallResult = totals.result(overall, 'all', 'All cards', cards);
  return {
    examDate: input.examDate,
    target: input.target,
    overall: overallResult,
    reachesTarget: overallResult.cardCount > 0 && overallResult.predictedRecall >= input.target,
    byNfr: byFamily.nfr,
    byKind: byFamily.kind,
    byDeck: byFamily.deck,
    byTag: byFamily.tag,
  };
}

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
 * Running totals for every topic at once, in flat typed arrays; topic `t`'s weakest cards
 * sit sorted in slots `t * 5 .. t * 5 + 4`, so no topic ever holds more than five candidates.
 */
class Totals {
  readonly sum: Float64Array;
  readonly count: Int32Array;
  readonly studied: Int32Array;
  readonly weakCount: Uint8Array;
  readonly weakCard: Int32Array;
  readonly weakRecall: Float64Array;

  constructor(topics: number) {
    this.sum = new Float64Array(topics);
    this.count = new Int32Array(topics);
    this.studied = new Int32Array(topics);
    this.weakCount = new Uint8Array(topics);
    this.weakCard = new Int32Array(topics * WEAKEST_PER_TOPIC);
    this.weakRecall = new Float64Array(topics * WEAKEST_PER_TOPIC);
  }

  add(topic: number, card: number, recall: number, studied: boolean): void {
    this.sum[topic]! += recall;
    this.count[topic]! += 1;
    if (!studied) return;
    this.studied[topic]! += 1;
    const base = topic * WEAKEST_PER_TOPIC;
    const held = this.weakCount[topic]!;
    if (held === WEAKEST_PER_TOPIC && recall >= this.weakRecall[base + held - 1]!) return;
    let at = held === WEAKEST_PER_TOPIC ? held - 1 : held;
    while (at > 0 && this.weakRecall[base + at - 1]! > recall) {
      this.weakRecall[base + at] = this.weakRecall[base + at - 1]!;
      this.weakCard[base + at] = this.weakCard[base + at - 1]!;
      at--;
    }
    this.weakRecall[base + at] = recall;
    this.weakCard[base + at] = card;
    if (held < WEAKEST_PER_TOPIC) this.weakCount[topic] = held + 1;
  }

  result(topic: number, key: string, label: string, cards: readonly Card[]): TopicReadiness {
    const count = this.count[topic]!;
    const base = topic * WEAKEST_PER_TOPIC;
    const weakest: WeakCard[] = [];
    for (let k = 0; k < this.weakCount[topic]!; k++) {
      weakest.push({ cardId: cards[this.weakCard[base + k]!]!.id, recall: this.weakRecall[base + k]! });
    }
    return {
      key,
      label,
      predictedRecall: count === 0 ? 0 : this.sum[topic]! / count,
      cardCount: count,
      studiedCount: this.studied[topic]!,
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
  const topicCount = index.topics.length;
  // The overall score is one more topic, after the real ones.
  const overall = topicCount;
  const totals = new Totals(topicCount + 1);
  const { memberStart, members, inScope, studied } = index;
  for (let i = 0; i < cards.length; i++) {
    if (inScope[i] === 0) continue;
    const r = recall[i]!;
    const wasStudied = studied[i] === 1;
    totals.add(overall, i, r, wasStudied);
    for (let m = memberStart[i]!, end = memberStart[i + 1]!; m < end; m++) totals.add(members[m]!, i, r, wasStudied);
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

import type { Card, Deck, Id, Note } from '../collection/model';
import { recallOnExamDay } from './examRecall';
import { DAY_MS, forgettingCurve } from './forgettingCurve';
import { buildTopicIndex, type TopicIndex } from './topicIndex';
import { WeakestCards, WEAKEST_PER_TOPIC } from './weakest';

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
  /** `buildTopicIndex(cards, notes, decks)` of this very `cards` list, kept while the collection is unchanged; built here when omitted. */
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
 * How much the learner is predicted to remember on the exam day if they stop reviewing now:
 * overall and topic by topic. Suspended cards are out of scope (see `buildTopicIndex`).
 */
export function computeReadiness(input: ReadinessInput): ReadinessReport {
  checkInput(input);
  const { cards, examDate } = input;
  const index = input.topicIndex ?? buildTopicIndex(cards, input.notes, input.decks);
  if (index.cards !== cards) throw new Error('readiness: the topic index was built from another list of cards; rebuild it');
  if (index.cardCount !== cards.length) {
    throw new Error(`readiness: the topic index covers ${index.cardCount} cards but ${cards.length} were given; rebuild it`);
  }
  const { groupStart, groupTopics, topics, topicCards, topicStudied } = index;
  const groupCount = groupStart.length - 1;

  // Only studied cards are visited: every other card's recall is 0, which leaves a sum unchanged.
  // Recall is added where it is computed, with no array of every card's recall in between.
  const { factor, decay } = forgettingCurve(input.decay);
  const scale = factor / DAY_MS;
  const { card: studiedCard, group: studiedGroup, lastReview, stability } = index.studied;
  const groupSum = new Float64Array(groupCount);
  const groupWeakest = new WeakestCards(groupCount);
  const { count: weakCount, recall: weakRecall } = groupWeakest;
  const lastWeak = WEAKEST_PER_TOPIC - 1;
  for (let k = 0; k < studiedCard.length; k++) {
    const recall = recallOnExamDay(scale, decay, examDate, lastReview[k]!, stability[k]!);
    const group = studiedGroup[k]!;
    groupSum[group]! += recall;
    // Cards come in order, so one that ties the weakest list's last card loses to it.
    if (weakCount[group]! < WEAKEST_PER_TOPIC || recall < weakRecall[group * WEAKEST_PER_TOPIC + lastWeak]!) {
      groupWeakest.consider(group, studiedCard[k]!, recall);
    }
  }

  // The overall score is one more topic, after the real ones.
  const overall = topics.length;
  const topicSum = new Float64Array(overall + 1);
  const topicWeakest = new WeakestCards(overall + 1);
  for (let g = 0; g < groupCount; g++) {
    const sum = groupSum[g]!;
    topicSum[overall]! += sum;
    topicWeakest.merge(overall, groupWeakest, g);
    for (let m = groupStart[g]!, end = groupStart[g + 1]!; m < end; m++) {
      const t = groupTopics[m]!;
      topicSum[t]! += sum;
      topicWeakest.merge(t, groupWeakest, g);
    }
  }

  const result = (t: number, key: string, label: string): TopicReadiness => {
    const cardCount = topicCards[t]!;
    const base = t * WEAKEST_PER_TOPIC;
    const weakest: WeakCard[] = [];
    for (let k = 0; k < topicWeakest.count[t]!; k++) {
      weakest.push({ cardId: cards[topicWeakest.card[base + k]!]!.id, recall: topicWeakest.recall[base + k]! });
    }
    const predictedRecall = cardCount === 0 ? 0 : topicSum[t]! / cardCount;
    return { key, label, predictedRecall, cardCount, studiedCount: topicStudied[t]!, weakest };
  };
  const family = (ids: Int32Array): TopicReadiness[] =>
    Array.from(ids, (t) => {
      const topic = topics[t]!;
      return result(t, topic.key, topic.label);
    });
  const overallResult = result(overall, 'all', 'All cards');
  return {
    examDate,
    target: input.target,
    overall: overallResult,
    reachesTarget: overallResult.cardCount > 0 && overallResult.predictedRecall >= input.target,
    byNfr: family(index.listed.nfr),
    byKind: family(index.listed.kind),
    byDeck: family(index.listed.deck),
    byTag: family(index.listed.tag),
  };
}

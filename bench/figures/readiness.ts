import type { Card, Deck, Note } from '../../src/core/collection/model';
import { DAY_MS, forgettingCurve, recallAfter } from '../../src/core/readiness/forgettingCurve';
import { computeReadiness } from '../../src/core/readiness/readiness';
import { projectExamScore } from '../../src/core/readiness/projection/simulate';
import { buildTopicIndex } from '../../src/core/readiness/topicIndex';
import type { PageSamples } from '../page-api';
import { timed, timedPair } from '../repeat';
import type { PairSamples } from './queue';

/** Written to, so the engine cannot drop a loop whose result is never used. */
export const sink = { value: 0 };

/** The floor: the forgetting curve over every card in a plain loop, nothing else. */
function plainRecallSum(cards: readonly Card[], examDate: number): number {
  const curve = forgettingCurve();
  let sum = 0;
  for (const card of cards) {
    if (card.lastReview === null) continue;
    sum += recallAfter(curve, (examDate - card.lastReview) / DAY_MS, card.stability);
  }
  return sum;
}

/**
 * The learner moves the exam date: the report is recomputed with the topic index kept from the
 * last time (it depends on the cards' tags, not on the date), as the index's contract says.
 */
export async function measureReadiness(cards: Card[], notes: Note[], decks: Deck[], examDate: number, times: number): Promise<PairSamples> {
  const topicIndex = buildTopicIndex(cards, notes, decks);
  let score = 0;
  const samples = await timedPair(
    () => {
      score = computeReadiness({ cards, notes, decks, examDate, target: 0.8, topicIndex }).overall.predictedRecall;
    },
    () => {
      sink.value += plainRecallSum(cards, examDate);
    },
    times,
  );
  return { ...samples, note: `${cards.length} cards, ${topicIndex.topics.length} topics, predicted score ${(score * 100).toFixed(1)} %` };
}

/** The first report after the collection changed, topic index included. */
export async function measureReadinessCold(cards: Card[], notes: Note[], decks: Deck[], examDate: number, times: number): Promise<PairSamples> {
  const samples = await timedPair(
    () => {
      sink.value += computeReadiness({ cards, notes, decks, examDate, target: 0.8 }).overall.predictedRecall;
    },
    () => {
      sink.value += plainRecallSum(cards, examDate);
    },
    times,
  );
  return { ...samples, note: 'topic index rebuilt each time' };
}

/** The projection chart: every day from today to the exam simulated at the default daily limits. */
export async function measureProjection(cards: Card[], now: number, examDate: number, times: number): Promise<PageSamples> {
  let score = 0;
  const input = { cards, now, examDate, rules: { zone: 'UTC', dayStartHour: 4 }, newCardsPerDay: 20, reviewsPerDay: 200, desiredRetention: 0.9 };
  const figure = await timed(() => {
    score = projectExamScore(input).examScore;
  }, times, 1);
  const days = Math.round((examDate - now) / DAY_MS);
  return { figure, note: `${days} days to the exam, 20 new and 200 reviews a day; projected score ${(score * 100).toFixed(1)} %` };
}

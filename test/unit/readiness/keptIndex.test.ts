import { describe, expect, it } from 'vitest';
import { CardState, type Card, type Deck, type Note } from '../../../src/core/collection/model';
import { examRecall, isStudied } from '../../../src/core/readiness/examRecall';
import { computeReadiness, type ReadinessReport, type TopicReadiness } from '../../../src/core/readiness/readiness';
import { buildTopicIndex } from '../../../src/core/readiness/topicIndex';
import { KIND_PREFIX, NFR_PREFIX, tagValue } from '../../../src/core/readiness/topics';
import { DAY, NOW, newCard, noteFor, studiedCard } from './fixtures';

const decks: Deck[] = [
  { id: 'd0', name: 'Services' },
  { id: 'd1', name: 'Threats' },
  { id: 'd2', name: 'Controls' },
];

/**
 * Cards of every kind, decks interleaved as the database returns them, and stabilities and
 * review days drawn from a few values so that many cards tie on recall across groups.
 */
function mixedCollection(): { cards: Card[]; notes: Note[] } {
  const cards: Card[] = [];
  const notes: Note[] = [];
  for (let i = 0; i < 300; i++) {
    const extra: Partial<Card> = { deckId: `d${i % 3}`, suspended: i % 11 === 5 };
    if (i % 17 === 3) extra.state = CardState.Learning;
    const card = i % 7 === 0 ? newCard(`c${i}`, extra) : studiedCard(`c${i}`, i % 19 === 4 ? 0 : 1 + (i % 4), i % 3, extra);
    cards.push(card);
    // Some cards' notes are missing: they still count overall and in their deck.
    if (i % 13 === 6) continue;
    const tags = [`nfr::E.${i % 5}`, `kind::k${i % 2}`];
    if (i % 4 === 1) tags.push('iam');
    if (i % 11 === 5 && i % 2 === 0) tags.push('only-on-suspended');
    notes.push(noteFor(card, tags));
  }
  return { cards, notes };
}

/** The report's definition, card by card: what the fast path must reproduce. */
function expectedTopic(cards: Card[], recall: Float64Array, belongs: (card: Card) => boolean): Omit<TopicReadiness, 'key' | 'label'> {
  const members = cards.flatMap((card, i) => (!card.suspended && belongs(card) ? [i] : []));
  const studied = members.filter((i) => isStudied(cards[i]!));
  const weakest = [...studied]
    .sort((a, b) => recall[a]! - recall[b]! || a - b)
    .slice(0, 5)
    .map((i) => ({ cardId: cards[i]!.id, recall: recall[i]! }));
  const sum = members.reduce((total, i) => total + recall[i]!, 0);
  return { predictedRecall: members.length === 0 ? 0 : sum / members.length, cardCount: members.length, studiedCount: studied.length, weakest };
}

function checkAgainstDefinition(report: ReadinessReport, cards: Card[], notes: Note[], examDate: number): void {
  const recall = examRecall(cards, examDate);
  const tagsOf = new Map(notes.map((note) => [note.id, note.tags]));
  const tags = (card: Card): string[] => tagsOf.get(card.noteId) ?? [];
  const families: [TopicReadiness[], (card: Card, key: string) => boolean][] = [
    [report.byNfr, (card, key) => tags(card).some((tag) => tagValue(tag, NFR_PREFIX) === key)],
    [report.byKind, (card, key) => tags(card).some((tag) => tagValue(tag, KIND_PREFIX) === key)],
    [report.byDeck, (card, key) => card.deckId === key],
    [report.byTag, (card, key) => tags(card).includes(key)],
  ];
  const topics: [TopicReadiness, (card: Card) => boolean][] = [[report.overall, () => true]];
  for (const [list, belongs] of families) for (const topic of list) topics.push([topic, (card) => belongs(card, topic.key)]);
  for (const [topic, belongs] of topics) {
    const { predictedRecall, ...rest } = expectedTopic(cards, recall, belongs);
    expect({ key: topic.key, ...rest }).toEqual({ key: topic.key, cardCount: topic.cardCount, studiedCount: topic.studiedCount, weakest: topic.weakest });
    expect(topic.predictedRecall).toBeCloseTo(predictedRecall, 12);
  }
}

describe('readiness with a topic index kept across exam dates', () => {
  const { cards, notes } = mixedCollection();
  const index = buildTopicIndex(cards, notes, decks);
  // Before some cards' last review, then ever later.
  const examDates = [NOW - 2 * DAY, NOW + DAY, NOW + 30 * DAY, NOW + 400 * DAY];

  it('gives the report a fresh computation gives, on every exam date', () => {
    for (const examDate of examDates) {
      const kept = computeReadiness({ cards, notes, decks, examDate, target: 0.7, topicIndex: index });
      expect(kept).toEqual(computeReadiness({ cards, notes, decks, examDate, target: 0.7 }));
    }
  });

  it('matches the report worked out card by card, ties going to the earlier card', () => {
    for (const examDate of examDates) {
      const report = computeReadiness({ cards, notes, decks, examDate, target: 0.7, topicIndex: index });
      checkAgainstDefinition(report, cards, notes, examDate);
      expect(report.byTag.map((t) => t.key)).not.toContain('only-on-suspended');
    }
  });

  it('takes a learner’s own decay without rebuilding the index', () => {
    const examDate = NOW + 30 * DAY;
    const own = computeReadiness({ cards, notes, decks, examDate, target: 0.7, decay: 0.5, topicIndex: index });
    expect(own).toEqual(computeReadiness({ cards, notes, decks, examDate, target: 0.7, decay: 0.5 }));
    expect(own.overall.predictedRecall).not.toBe(computeReadiness({ cards, notes, decks, examDate, target: 0.7, topicIndex: index }).overall.predictedRecall);
  });

  it('refuses the index once the cards were reloaded after a review, even with as many cards', () => {
    const reviewed = cards.map((card) => (card.id === 'c1' ? { ...card, stability: 90, lastReview: NOW } : card));
    expect(() => computeReadiness({ cards: reviewed, notes, decks, examDate: NOW + DAY, target: 0.7, topicIndex: index })).toThrow(/rebuild/);
  });

  it('refuses the index once cards were added to the list it was built from', () => {
    const list = [...cards];
    const listIndex = buildTopicIndex(list, notes, decks);
    list.push(studiedCard('late', 3, 1));
    expect(() => computeReadiness({ cards: list, notes, decks, examDate: NOW + DAY, target: 0.7, topicIndex: listIndex })).toThrow(/rebuild/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Card, Deck, Note } from '../../../src/core/collection/model';
import { examRecall } from '../../../src/core/readiness/examRecall';
import { computeReadiness, type TopicReadiness } from '../../../src/core/readiness/readiness';
import { buildTopicIndex } from '../../../src/core/readiness/topicIndex';
import { DAY, NOW, newCard, noteFor, studiedCard } from './fixtures';

const EXAM = NOW + 30 * DAY;
const decks: Deck[] = [
  { id: 'deck-a', name: 'AWS Security::Services' },
  { id: 'deck-b', name: 'AWS Security::Threats' },
];

function collection(): { cards: Card[]; notes: Note[] } {
  const cards: Card[] = [];
  const notes: Note[] = [];
  const add = (card: Card, tags: string[]): void => {
    cards.push(card);
    notes.push(noteFor(card, tags));
  };
  add(studiedCard('a1', 30, 0), ['nfr::E.6', 'kind::threat-service', 'iam']);
  add(studiedCard('a2', 5, 3), ['nfr::E.6', 'kind::service']);
  add(studiedCard('a3', 60, 10, { deckId: 'deck-b' }), ['nfr::E.10', 'kind::threat-service', 'iam']);
  add(studiedCard('a4', 2, 20, { deckId: 'deck-b' }), ['nfr::E.2', 'kind::service']);
  add(newCard('a5'), ['nfr::E.6', 'kind::service']);
  add(newCard('a6', { deckId: 'deck-b' }), ['nfr::E.2', 'kind::threat-service']);
  add(studiedCard('a7', 1, 1, { suspended: true }), ['nfr::E.6', 'kind::service', 'suspended-only']);
  return { cards, notes };
}

function byKey(topics: TopicReadiness[], key: string): TopicReadiness {
  const topic = topics.find((t) => t.key === key);
  if (!topic) throw new Error(`no topic ${key}`);
  return topic;
}

describe('exam readiness report', () => {
  const { cards, notes } = collection();
  const report = computeReadiness({ cards, notes, decks, examDate: EXAM, target: 0.8 });
  const recallOf = (id: string): number => {
    const i = cards.findIndex((c) => c.id === id);
    return examRecall([cards[i]!], EXAM)[0]!;
  };

  it('predicts the score as the mean recall over cards in scope, leaving suspended cards out', () => {
    const inScope = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    const expected = inScope.reduce((sum, id) => sum + recallOf(id), 0) / inScope.length;
    expect(report.overall.cardCount).toBe(6);
    expect(report.overall.studiedCount).toBe(4);
    expect(report.overall.predictedRecall).toBeCloseTo(expected, 12);
    expect(report.overall.weakest.map((w) => w.cardId)).not.toContain('a7');
    expect(report.byTag.map((t) => t.key)).not.toContain('suspended-only');
  });

  it('says whether the target is reached', () => {
    expect(report.reachesTarget).toBe(report.overall.predictedRecall >= 0.8);
    const easy = computeReadiness({ cards, notes, decks, examDate: EXAM, target: 0.1 });
    expect(easy.reachesTarget).toBe(report.overall.predictedRecall >= 0.1);
    const everything = computeReadiness({ cards, notes, decks, examDate: EXAM, target: 1 });
    expect(everything.reachesTarget).toBe(false);
  });

  it('breaks the score down by NFR item, in reading order', () => {
    expect(report.byNfr.map((t) => t.key)).toEqual(['E.2', 'E.6', 'E.10']);
    const e6 = byKey(report.byNfr, 'E.6');
    expect(e6.cardCount).toBe(3);
    expect(e6.studiedCount).toBe(2);
    expect(e6.predictedRecall).toBeCloseTo((recallOf('a1') + recallOf('a2') + 0) / 3, 12);
  });

  it('lists a topic weakest studied cards first', () => {
    const service = byKey(report.byKind, 'service');
    expect(service.weakest.map((w) => w.cardId)).toEqual(['a4', 'a2']);
    expect(service.weakest[0]!.recall).toBeCloseTo(recallOf('a4'), 12);
  });

  it('labels decks by name', () => {
    expect(byKey(report.byDeck, 'deck-b').label).toBe('AWS Security::Threats');
  });

  it('counts a card under every one of its tags', () => {
    const iam = byKey(report.byTag, 'iam');
    expect(iam.cardCount).toBe(2);
    expect(byKey(report.byTag, 'nfr::E.6').cardCount).toBe(3);
  });

  it('combines deck and kind breakdowns back to the overall score', () => {
    for (const grouping of [report.byDeck, report.byKind]) {
      const count = grouping.reduce((n, t) => n + t.cardCount, 0);
      const studied = grouping.reduce((n, t) => n + t.studiedCount, 0);
      const weighted = grouping.reduce((sum, t) => sum + t.predictedRecall * t.cardCount, 0) / count;
      expect(count).toBe(report.overall.cardCount);
      expect(studied).toBe(report.overall.studiedCount);
      expect(weighted).toBeCloseTo(report.overall.predictedRecall, 12);
    }
  });

  it('keeps only the five weakest cards of a large topic', () => {
    // Strongest first, so every newcomer has to push a weaker card into the list.
    const many: Card[] = Array.from({ length: 40 }, (_, i) => studiedCard(`m${i}`, 1 + i, 5, { noteId: 'shared' })).reverse();
    const shared: Note = { ...noteFor(many[0]!, ['nfr::E.1']) };
    const big = computeReadiness({ cards: many, notes: [shared], decks, examDate: EXAM, target: 0.8 });
    const topic = byKey(big.byNfr, 'E.1');
    expect(topic.cardCount).toBe(40);
    expect(topic.weakest.map((w) => w.cardId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('gives the same report from a topic index kept across exam dates', () => {
    const index = buildTopicIndex(cards, notes, decks);
    const later = EXAM + 10 * DAY;
    const reused = computeReadiness({ cards, notes, decks, examDate: later, target: 0.8, topicIndex: index });
    expect(reused).toEqual(computeReadiness({ cards, notes, decks, examDate: later, target: 0.8 }));
    expect(reused.overall.predictedRecall).toBeLessThan(report.overall.predictedRecall);
    expect(() =>
      computeReadiness({ cards: cards.slice(1), notes, decks, examDate: EXAM, target: 0.8, topicIndex: index }),
    ).toThrow(/rebuild/);
  });

  it('still counts a card whose note is missing, overall and in its deck', () => {
    const orphan = studiedCard('orphan', 10, 1, { deckId: 'deck-b', noteId: 'gone' });
    const withOrphan = computeReadiness({ cards: [...cards, orphan], notes, decks, examDate: EXAM, target: 0.8 });
    expect(withOrphan.overall.cardCount).toBe(7);
    expect(byKey(withOrphan.byDeck, 'deck-b').cardCount).toBe(byKey(report.byDeck, 'deck-b').cardCount + 1);
    expect(withOrphan.byNfr.reduce((n, t) => n + t.cardCount, 0)).toBe(report.byNfr.reduce((n, t) => n + t.cardCount, 0));
  });

  it('scores an empty collection 0 without reaching any target', () => {
    const empty = computeReadiness({ cards: [], notes: [], decks, examDate: EXAM, target: 0 });
    expect(empty.overall.predictedRecall).toBe(0);
    expect(empty.reachesTarget).toBe(false);
  });

  it('rejects a target outside 0..1 and an exam date that is not a time', () => {
    expect(() => computeReadiness({ cards, notes, decks, examDate: EXAM, target: 80 })).toThrow(/target/);
    expect(() => computeReadiness({ cards, notes, decks, examDate: Number.NaN, target: 0.8 })).toThrow(/examDate/);
  });

  // Its speed is a goal of `npm run bench` (readiness, < 30 ms), not of a unit test on a shared machine.
  it('scores all 50,000 cards of a large collection', () => {
    const bigCards: Card[] = [];
    const bigNotes: Note[] = [];
    for (let i = 0; i < 50_000; i++) {
      const card = i % 3 === 0 ? newCard(`c${i}`) : studiedCard(`c${i}`, 1 + (i % 50), i % 30, { deckId: `d${i % 7}` });
      bigCards.push(card);
      bigNotes.push(noteFor(card, [`nfr::E.${i % 40}`, `kind::k${i % 5}`, `misc${i % 13}`]));
    }
    const big = computeReadiness({ cards: bigCards, notes: bigNotes, decks, examDate: EXAM, target: 0.8 });
    expect(big.overall.cardCount).toBe(50_000);
  });
});

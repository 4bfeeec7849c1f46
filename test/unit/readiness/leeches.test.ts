import { describe, expect, it } from 'vitest';
import { leechesByTopic } from '../../../src/core/readiness/leeches';
import { computeReadiness } from '../../../src/core/readiness/readiness';
import { DAY, NOW, noteFor, studiedCard } from './fixtures';

describe('leeches per topic, for the readiness screen', () => {
  const iam = studiedCard('iam', 2, 1, { lapses: 9 });
  const kms = studiedCard('kms', 2, 1, { lapses: 12, suspended: true, deckId: 'deck-b' });
  const waf = studiedCard('waf', 2, 1, { lapses: 8 });
  const fine = studiedCard('fine', 30, 1, { lapses: 1 });
  const cards = [iam, kms, waf, fine];
  const notes = [
    noteFor(iam, ['nfr::E.6', 'kind::threat-service', 'Leech']),
    noteFor(kms, ['nfr::E.6', 'NFR::E.6', 'leech']),
    noteFor(waf, ['nfr::E.9', 'leech']),
    noteFor(fine, ['nfr::E.6']),
  ];

  it('lists the cards whose note is tagged leech under each of their topics, the most forgotten first, suspended ones too', () => {
    const leeches = leechesByTopic(cards, notes);
    expect(leeches.nfr.get('E.6')).toEqual([
      { cardId: 'kms', lapses: 12, suspended: true },
      { cardId: 'iam', lapses: 9, suspended: false },
    ]);
    expect(leeches.nfr.get('E.9')?.map((leech) => leech.cardId)).toEqual(['waf']);
    expect(leeches.kind.get('threat-service')?.map((leech) => leech.cardId)).toEqual(['iam']);
    expect(leeches.deck.get('deck-a')?.map((leech) => leech.cardId)).toEqual(['iam', 'waf']);
    expect(leeches.deck.get('deck-b')?.map((leech) => leech.cardId)).toEqual(['kms']);
    expect(leeches.tag.get('leech')?.map((leech) => leech.cardId)).toEqual(['kms', 'waf']);
    // A card with many lapses but no leech tag is not one: Anki's tag is what marks a leech.
    expect([...leeches.nfr.values()].flat().some((leech) => leech.cardId === 'fine')).toBe(false);
  });

  it('uses the readiness report’s own topic keys, so each topic row finds its leeches', () => {
    const report = computeReadiness({ cards, notes, decks: [{ id: 'deck-a', name: 'AWS' }, { id: 'deck-b', name: 'IPA' }], examDate: NOW + 10 * DAY, target: 0.8 });
    const leeches = leechesByTopic(cards, notes);
    expect(report.byNfr.map((topic) => [topic.key, leeches.nfr.get(topic.key)?.length ?? 0])).toEqual([
      ['E.6', 2],
      ['E.9', 1],
    ]);
    expect(report.byDeck.map((topic) => [topic.key, leeches.deck.get(topic.key)?.length ?? 0])).toEqual([['deck-a', 2]]);
  });
});

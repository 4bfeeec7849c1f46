import type { Card, Id, Note } from '../collection/model';
import { LEECH_TAG } from '../scheduling/leech';
import type { TopicFamily } from './topicIndex';
import { topicsOfTag } from './topics';

export interface LeechCard {
  cardId: Id;
  lapses: number;
  /** Set aside by the leech action "tag and suspend" (or by the learner): still a card to rewrite. */
  suspended: boolean;
}

/** The leeches of each topic, under the keys the readiness report gives its topics. */
export type TopicLeeches = Record<TopicFamily, Map<string, LeechCard[]>>;

const isLeechTag = (tag: string) => tag.toLowerCase() === LEECH_TAG;

/**
 * Cards whose note carries Anki's `leech` tag, topic by topic (NFR item, kind, deck, tag), the
 * most forgotten first. Suspended cards are listed too, unlike in the readiness scores: a leech
 * the "tag and suspend" action set aside is exactly the card the learner should rewrite.
 */
export function leechesByTopic(cards: readonly Card[], notes: readonly Note[]): TopicLeeches {
  const leechNotes = new Map<Id, Note>();
  for (const note of notes) if (note.tags.some(isLeechTag)) leechNotes.set(note.id, note);
  const byTopic: TopicLeeches = { nfr: new Map(), kind: new Map(), deck: new Map(), tag: new Map() };
  const add = (family: TopicFamily, key: string, leech: LeechCard) => {
    const list = byTopic[family].get(key);
    if (list) list.push(leech);
    else byTopic[family].set(key, [leech]);
  };
  for (const card of cards) {
    const note = leechNotes.get(card.noteId);
    if (!note) continue;
    const leech: LeechCard = { cardId: card.id, lapses: card.lapses, suspended: card.suspended };
    add('deck', card.deckId, leech);
    // Two tags may name one topic (`nfr::E.6` and `NFR::E.6`): the card is listed there once.
    const seen = new Set<string>();
    for (const { family, key } of note.tags.flatMap(topicsOfTag)) {
      if (seen.has(`${family}\u0000${key}`)) continue;
      seen.add(`${family}\u0000${key}`);
      add(family, key, leech);
    }
  }
  const mostForgotten = (a: LeechCard, b: LeechCard) => b.lapses - a.lapses || (a.cardId < b.cardId ? -1 : 1);
  for (const family of Object.values(byTopic)) for (const list of family.values()) list.sort(mostForgotten);
  return byTopic;
}

import type { Card, Deck, Id, Note } from '../collection/model';
import { isStudied } from './examRecall';
import { KIND_PREFIX, NFR_PREFIX, tagValue } from './topics';

export type TopicFamily = 'nfr' | 'kind' | 'deck' | 'tag';

export interface Topic {
  family: TopicFamily;
  key: string;
  label: string;
}

/**
 * Which topics each card belongs to, worked out once per collection. The exam date and
 * target change far more often than the cards' tags, so the readiness report can be
 * recomputed from this index with typed arrays only.
 * Cards of one deck with the same tags form a group and share its topics: group g's topics are
 * `groupTopics[groupStart[g] .. groupStart[g + 1])`. A report then adds each card once, to its
 * group, and each group once to each of its topics, instead of each card to every topic.
 */
export interface TopicIndex {
  cardCount: number;
  topics: Topic[];
  /** Card i's group, or -1 for a card out of scope (suspended). */
  groupOf: Int32Array;
  groupStart: Int32Array;
  groupTopics: Int32Array;
  /** 1 for a card answered at least once. */
  studied: Uint8Array;
}

/** Suspended cards are out of scope: the learner has set them aside, so they neither count nor show as weak. */
export function buildTopicIndex(cards: readonly Card[], notes: readonly Note[], decks: readonly Deck[]): TopicIndex {
  const topics: Topic[] = [];
  const topicIds = new Map<string, number>();
  const topicId = (family: TopicFamily, key: string, label: string): number => {
    const mapKey = `${family}\u0000${key}`;
    let id = topicIds.get(mapKey);
    if (id === undefined) {
      id = topics.length;
      topics.push({ family, key, label });
      topicIds.set(mapKey, id);
    }
    return id;
  };

  // Thousands of notes share a few dozen tags, so each tag is parsed once and each
  // distinct set of tags gets one list of topics, shared by all its notes.
  const topicsOfTag = new Map<string, number[]>();
  const tagTopics = (tag: string): number[] => {
    let ids = topicsOfTag.get(tag);
    if (ids) return ids;
    ids = [topicId('tag', tag, tag)];
    const item = tagValue(tag, NFR_PREFIX);
    if (item !== null) ids.push(topicId('nfr', item, item));
    const kind = tagValue(tag, KIND_PREFIX);
    if (kind !== null) ids.push(topicId('kind', kind, kind));
    topicsOfTag.set(tag, ids);
    return ids;
  };
  const topicsOfTagSet = new Map<string, number[]>();
  const topicsOfNote = new Map<Id, number[]>();
  for (const note of notes) {
    // Tags never contain spaces (Anki splits tags on them), so the joined list names the set.
    const setKey = note.tags.join(' ');
    let ids = topicsOfTagSet.get(setKey);
    if (!ids) {
      ids = [];
      for (const tag of note.tags) for (const id of tagTopics(tag)) if (!ids.includes(id)) ids.push(id);
      topicsOfTagSet.set(setKey, ids);
    }
    topicsOfNote.set(note.id, ids);
  }
  const deckNames = new Map<Id, string>();
  for (const deck of decks) deckNames.set(deck.id, deck.name);

  const n = cards.length;
  const groupOf = new Int32Array(n);
  const studied = new Uint8Array(n);
  const groups: number[][] = [];
  // Notes with the same tags share one topic list (see above), so the list itself names the group within a deck.
  const groupsOfDeck = new Map<number, Map<number[], number>>();
  const noTopics: number[] = [];
  let lastDeckId: Id | null = null;
  let deckTopic = -1;
  let deckGroups = new Map<number[], number>();
  for (let i = 0; i < n; i++) {
    const card = cards[i]!;
    if (card.suspended) {
      groupOf[i] = -1;
      continue;
    }
    studied[i] = isStudied(card) ? 1 : 0;
    if (card.deckId !== lastDeckId) {
      lastDeckId = card.deckId;
      deckTopic = topicId('deck', card.deckId, deckNames.get(card.deckId) ?? card.deckId);
      deckGroups = groupsOfDeck.get(deckTopic) ?? new Map();
      groupsOfDeck.set(deckTopic, deckGroups);
    }
    const noteTopics = topicsOfNote.get(card.noteId) ?? noTopics;
    let group = deckGroups.get(noteTopics);
    if (group === undefined) {
      group = groups.length;
      groups.push([deckTopic, ...noteTopics]);
      deckGroups.set(noteTopics, group);
    }
    groupOf[i] = group;
  }
  const groupStart = new Int32Array(groups.length + 1);
  const groupTopics = new Int32Array(groups.reduce((sum, group) => sum + group.length, 0));
  groups.forEach((group, g) => {
    groupTopics.set(group, groupStart[g]!);
    groupStart[g + 1] = groupStart[g]! + group.length;
  });
  return { cardCount: n, topics, groupOf, groupStart, groupTopics, studied };
}

import type { Card, Deck, Id, Note } from '../collection/model';
import { isStudied } from './examRecall';
import { compareTopicKeys, topicsOfTag } from './topics';

export type TopicFamily = 'nfr' | 'kind' | 'deck' | 'tag';

export interface Topic {
  family: TopicFamily;
  key: string;
  label: string;
}

/**
 * Which topics each card belongs to, worked out once per collection. The exam date and
 * target change far more often than the cards, so everything that does not depend on them
 * is kept here and the readiness report is recomputed from typed arrays only.
 * Cards of one deck with the same tags form a group and share its topics: group g's topics are
 * `groupTopics[groupStart[g] .. groupStart[g + 1])`. A report then adds each card once, to its
 * group, and each group once to each of its topics, instead of each card to every topic.
 */
export interface TopicIndex {
  /**
   * The very list the index was built from, and its length then. The index copies the cards'
   * schedules, so a report refuses any other list, even a reloaded one of the same length.
   */
  cards: readonly Card[];
  cardCount: number;
  topics: Topic[];
  groupStart: Int32Array;
  groupTopics: Int32Array;
  /** Cards in scope, topic by topic; slot `topics.length` counts every card in scope. */
  topicCards: Int32Array;
  /** Of those, the cards answered at least once; the same slots as `topicCards`. */
  topicStudied: Int32Array;
  /** The topics a report lists (those with cards in scope), family by family, in the order a learner reads their keys. */
  listed: Record<TopicFamily, Int32Array>;
  /**
   * The studied cards in scope, in the order of `cards`: the only ones whose recall on the exam
   * day is not 0, with what their forgetting curve needs, so a report reads no card object.
   */
  studied: StudiedCards;
}

export interface StudiedCards {
  /** Index into `cards`. */
  card: Int32Array;
  group: Int32Array;
  lastReview: Float64Array;
  stability: Float64Array;
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
  const topicIdsOfTag = new Map<string, number[]>();
  const tagTopics = (tag: string): number[] => {
    let ids = topicIdsOfTag.get(tag);
    if (ids) return ids;
    ids = topicsOfTag(tag).map(({ family, key }) => topicId(family, key, key));
    topicIdsOfTag.set(tag, ids);
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
  const groups: number[][] = [];
  const groupCards: number[] = [];
  const groupStudied: number[] = [];
  const studied: StudiedCards = { card: new Int32Array(n), group: new Int32Array(n), lastReview: new Float64Array(n), stability: new Float64Array(n) };
  let studiedCount = 0;
  // Notes with the same tags share one topic list (see above), so the list itself names the group within a deck.
  const groupsOfDeck = new Map<number, Map<number[], number>>();
  const noTopics: number[] = [];
  let lastDeckId: Id | null = null;
  let deckTopic = -1;
  let deckGroups = new Map<number[], number>();
  for (let i = 0; i < n; i++) {
    const card = cards[i]!;
    if (card.suspended) continue;
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
      groupCards.push(0);
      groupStudied.push(0);
      deckGroups.set(noteTopics, group);
    }
    groupCards[group]! += 1;
    if (!isStudied(card)) continue;
    groupStudied[group]! += 1;
    studied.card[studiedCount] = i;
    studied.group[studiedCount] = group;
    studied.lastReview[studiedCount] = card.lastReview;
    studied.stability[studiedCount] = card.stability;
    studiedCount++;
  }

  const groupStart = new Int32Array(groups.length + 1);
  const groupTopics = new Int32Array(groups.reduce((sum, group) => sum + group.length, 0));
  const overall = topics.length;
  const topicCards = new Int32Array(overall + 1);
  const topicStudied = new Int32Array(overall + 1);
  groups.forEach((group, g) => {
    groupTopics.set(group, groupStart[g]!);
    groupStart[g + 1] = groupStart[g]! + group.length;
    for (const t of [overall, ...group]) {
      topicCards[t]! += groupCards[g]!;
      topicStudied[t]! += groupStudied[g]!;
    }
  });
  return {
    cards,
    cardCount: n,
    topics,
    groupStart,
    groupTopics,
    topicCards,
    topicStudied,
    listed: listedTopics(topics, topicCards),
    studied: {
      card: studied.card.slice(0, studiedCount),
      group: studied.group.slice(0, studiedCount),
      lastReview: studied.lastReview.slice(0, studiedCount),
      stability: studied.stability.slice(0, studiedCount),
    },
  };
}

/** A topic seen only on suspended cards has no cards in scope and is left out. */
function listedTopics(topics: readonly Topic[], topicCards: Int32Array): Record<TopicFamily, Int32Array> {
  const ids: Record<TopicFamily, number[]> = { nfr: [], kind: [], deck: [], tag: [] };
  topics.forEach((topic, t) => {
    if (topicCards[t]! > 0) ids[topic.family].push(t);
  });
  const sorted = (family: TopicFamily): Int32Array =>
    Int32Array.from(ids[family].sort((a, b) => compareTopicKeys(topics[a]!.key, topics[b]!.key)));
  return { nfr: sorted('nfr'), kind: sorted('kind'), deck: sorted('deck'), tag: sorted('tag') };
}

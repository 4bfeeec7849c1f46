import type { Card, CardState } from '../collection/model';
import { stableHash } from '../scheduling/hash';

/**
 * What Statistics and the readiness score read of a card: its deck and its schedule, without the
 * note, the learning steps or what came from Anki.
 */
export type CardDigest = Pick<Card, 'id' | 'deckId' | 'state' | 'suspended' | 'due' | 'scheduledDays' | 'stability' | 'lastReview'>;

/**
 * The digests of the cards whose id falls in one share, kept column by column: a few hundred
 * rows of typed arrays are read many times faster than one object per card, and an answer
 * rewrites only the share its card is in.
 */
export interface DigestShare {
  share: number;
  ids: string[];
  deckIds: string[];
  states: Uint8Array;
  suspended: Uint8Array;
  due: Float64Array;
  scheduledDays: Float64Array;
  stability: Float64Array;
  /** NaN for a card never reviewed. */
  lastReview: Float64Array;
}

/** Enough shares that one holds a few hundred cards of a large collection, few enough to read in one go. */
export const DIGEST_SHARES = 256;

export function shareOf(cardId: string): number {
  return stableHash(cardId) % DIGEST_SHARES;
}

export function digestOf(card: CardDigest): CardDigest {
  const { id, deckId, state, suspended, due, scheduledDays, stability, lastReview } = card;
  return { id, deckId, state, suspended, due, scheduledDays, stability, lastReview };
}

function shareFrom(share: number, cards: readonly CardDigest[]): DigestShare {
  const n = cards.length;
  const row: DigestShare = {
    share,
    ids: new Array<string>(n),
    deckIds: new Array<string>(n),
    states: new Uint8Array(n),
    suspended: new Uint8Array(n),
    due: new Float64Array(n),
    scheduledDays: new Float64Array(n),
    stability: new Float64Array(n),
    lastReview: new Float64Array(n),
  };
  cards.forEach((card, i) => {
    row.ids[i] = card.id;
    row.deckIds[i] = card.deckId;
    row.states[i] = card.state;
    row.suspended[i] = card.suspended ? 1 : 0;
    row.due[i] = card.due;
    row.scheduledDays[i] = card.scheduledDays;
    row.stability[i] = card.stability;
    row.lastReview[i] = card.lastReview ?? Number.NaN;
  });
  return row;
}

export function cardsOfShare(row: DigestShare): CardDigest[] {
  return row.ids.map((id, i) => {
    const lastReview = row.lastReview[i]!;
    return {
      id,
      deckId: row.deckIds[i]!,
      state: row.states[i]! as CardState,
      suspended: row.suspended[i] === 1,
      due: row.due[i]!,
      scheduledDays: row.scheduledDays[i]!,
      stability: row.stability[i]!,
      lastReview: Number.isNaN(lastReview) ? null : lastReview,
    };
  });
}

/** Every card's digest, share by share; shares with no card are left out. */
export function digestSharesOf(cards: readonly CardDigest[]): DigestShare[] {
  const byShare = new Map<number, CardDigest[]>();
  for (const card of cards) {
    const share = shareOf(card.id);
    let list = byShare.get(share);
    if (!list) byShare.set(share, (list = []));
    list.push(card);
  }
  return [...byShare].map(([share, list]) => shareFrom(share, list));
}

/** The share after some of its cards were written (added or replaced, by id) and some deleted. */
export function shareWith(row: DigestShare | undefined, share: number, written: readonly CardDigest[], deleted: readonly string[]): DigestShare {
  const cards = new Map((row ? cardsOfShare(row) : []).map((card) => [card.id, card]));
  for (const id of deleted) cards.delete(id);
  for (const card of written) cards.set(card.id, digestOf(card));
  return shareFrom(share, [...cards.values()]);
}

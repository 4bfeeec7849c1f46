/**
 * Daily limits as Anki's v3 scheduler applies them (rslib decks/limits.rs, decks/tree.rs):
 * - every answer to a new or review card counts against its own deck's limit and every parent's,
 *   so a parent's limit caps what all its subdecks together show today;
 * - each subdeck's own limit caps the cards drawn from it, and the limits of decks above the
 *   one being studied do not apply (Anki's default, "limits start from top" off);
 * - custom study's "increase today's limit" raises one deck's limit for that learner day only.
 */
export type LimitKind = 'newCards' | 'reviews';

export interface LimitDeck {
  id: string;
  /** The whole `::` path, which tells the parents. */
  name: string;
  newPerDay: number;
  reviewsPerDay: number;
  /** Today's extra allowance from custom study (0 on other days). */
  extraNew: number;
  extraReviews: number;
}

/** Answers given today that count against limits, per deck the card was in (own deck only). */
export interface StudiedToday {
  newCards: ReadonlyMap<string, number>;
  reviews: ReadonlyMap<string, number>;
}

const sumIn = (map: ReadonlyMap<string, number>, ids: readonly string[]) => ids.reduce((sum, id) => sum + (map.get(id) ?? 0), 0);

function subtreeOf(decks: readonly LimitDeck[], deck: LimitDeck): string[] {
  const prefix = `${deck.name}::`;
  return decks.filter((other) => other.id === deck.id || other.name.startsWith(prefix)).map((other) => other.id);
}

/** What is left of one deck's limit today, its subdecks' answers counted. */
export function remainingOf(decks: readonly LimitDeck[], deck: LimitDeck, studied: StudiedToday, kind: LimitKind): number {
  const ids = subtreeOf(decks, deck);
  const limit = kind === 'newCards' ? deck.newPerDay + deck.extraNew : deck.reviewsPerDay + deck.extraReviews;
  return Math.max(0, limit - sumIn(studied[kind], ids));
}

/**
 * The limits of one study session on `rootId`: a card of deck D may be shown while D and every
 * deck between D and the root (the root included) have some of today's limit left. `take`
 * counts a card shown, so the next cards see less left.
 */
export class SessionLimits {
  private left = new Map<string, { newCards: number; reviews: number }>();
  private readonly chains = new Map<string, string[]>();

  constructor(
    decks: readonly LimitDeck[],
    private readonly rootId: string,
    studied: StudiedToday,
  ) {
    const root = decks.find((deck) => deck.id === rootId);
    if (!root) throw new Error(`No deck with id ${rootId}`);
    const inSession = decks.filter((deck) => deck.id === root.id || deck.name.startsWith(`${root.name}::`));
    const byName = new Map(inSession.map((deck) => [deck.name, deck]));
    for (const deck of inSession) {
      this.left.set(deck.id, { newCards: remainingOf(decks, deck, studied, 'newCards'), reviews: remainingOf(decks, deck, studied, 'reviews') });
      const parts = deck.name.split('::');
      const chain: string[] = [];
      for (let i = parts.length; i >= root.name.split('::').length; i--) {
        const above = byName.get(parts.slice(0, i).join('::'));
        if (above) chain.push(above.id);
      }
      this.chains.set(deck.id, chain);
    }
  }

  /** Cards of deck `deckId` that may still be shown today, the decks above it up to the root considered. */
  available(deckId: string, kind: LimitKind): number {
    const chain = this.chains.get(deckId) ?? [];
    return chain.length === 0 ? 0 : Math.min(...chain.map((id) => this.left.get(id)?.[kind] ?? 0));
  }

  take(deckId: string, kind: LimitKind): void {
    for (const id of this.chains.get(deckId) ?? []) {
      const left = this.left.get(id);
      if (left) left[kind] = Math.max(0, left[kind] - 1);
    }
  }

  /** What the whole session may still show: the root's own remaining limit. */
  total(kind: LimitKind): number {
    return this.left.get(this.rootId)?.[kind] ?? 0;
  }

  /** A copy to try a selection on without counting it. */
  copy(): SessionLimits {
    const copy: SessionLimits = Object.create(SessionLimits.prototype);
    Object.assign(copy, { rootId: this.rootId, chains: this.chains, left: new Map([...this.left].map(([id, left]) => [id, { ...left }])) });
    return copy;
  }
}

/**
 * The cards a session shows out of `cards` (in the order they would come), as far as the limits
 * allow, without counting them taken.
 */
export function withinLimits<T extends { deckId: string }>(cards: readonly T[], limits: SessionLimits, kind: LimitKind): T[] {
  const trial = limits.copy();
  const shown: T[] = [];
  for (const card of cards) {
    if (trial.available(card.deckId, kind) <= 0) continue;
    trial.take(card.deckId, kind);
    shown.push(card);
  }
  return shown;
}

/** A deck list row: one deck's own cards waiting today, before limits. */
export interface OwnCounts {
  newCount: number;
  reviewCount: number;
}

/**
 * The deck list's counts as Anki v3 shows them: a deck's count is its own cards plus its
 * subdecks' counts (each already capped by its own limit), capped by its own remaining limit.
 * A parent may then show 0 new cards while a subdeck shows some: the parent's limit is spent by
 * what was studied in all its subdecks together today, and `limitedBy` says so.
 */
export function cappedCounts(
  decks: readonly LimitDeck[],
  own: ReadonlyMap<string, OwnCounts>,
  studied: StudiedToday,
): Map<string, OwnCounts & { limitedBy: { newCards: boolean; reviews: boolean } }> {
  const result = new Map<string, OwnCounts & { limitedBy: { newCards: boolean; reviews: boolean } }>();
  const childrenOf = (deck: LimitDeck) => decks.filter((other) => nearestParent(decks, other) === deck);
  const visit = (deck: LimitDeck): OwnCounts => {
    const done = result.get(deck.id);
    if (done) return done;
    const mine = own.get(deck.id) ?? { newCount: 0, reviewCount: 0 };
    let newCount = mine.newCount;
    let reviewCount = mine.reviewCount;
    for (const child of childrenOf(deck)) {
      const counted = visit(child);
      newCount += counted.newCount;
      reviewCount += counted.reviewCount;
    }
    const newLeft = remainingOf(decks, deck, studied, 'newCards');
    const reviewsLeft = remainingOf(decks, deck, studied, 'reviews');
    const counts = {
      newCount: Math.min(newCount, newLeft),
      reviewCount: Math.min(reviewCount, reviewsLeft),
      limitedBy: { newCards: newCount > newLeft, reviews: reviewCount > reviewsLeft },
    };
    result.set(deck.id, counts);
    return counts;
  };
  for (const deck of decks) visit(deck);
  return result;
}

/** The nearest existing deck above `deck` (a missing middle deck is skipped, as the tree does). */
function nearestParent(decks: readonly LimitDeck[], deck: LimitDeck): LimitDeck | undefined {
  const parts = deck.name.split('::');
  for (let i = parts.length - 1; i > 0; i--) {
    const name = parts.slice(0, i).join('::');
    const found = decks.find((other) => other.name === name);
    if (found) return found;
  }
  return undefined;
}

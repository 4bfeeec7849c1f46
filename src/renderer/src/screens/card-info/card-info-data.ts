import { cardInfo, recallCurve, type CardInfo, type RecallPoint } from '../../../../core/card-info/card-info';
import type { Collection } from '../../storage/collection';
import type { CardWithNote } from '../../storage/notes';
import { dayRules, examMoment } from '../readiness/readiness-data';

export interface CardInfoData {
  info: CardInfo;
  found: CardWithNote;
  /** The whole deck path, `::` between its parts. */
  deckName: string;
  /** When the card's exam day begins, or null with no exam date. */
  examAt: number | null;
  curve: RecallPoint[];
}

/** How far past today the recall chart looks when no exam date is set: the learner's next month. */
const CHART_AHEAD_MS = 30 * 86_400_000;

/** Everything the card info shows, read from the card, its note and its review log; null for a card no longer there. */
export async function loadCardInfo(collection: Collection, cardId: string, now: number): Promise<CardInfoData | null> {
  const found = await collection.cardWithNote(cardId);
  if (!found) return null;
  const { card, note, noteType } = found;
  const [reviews, deck, options, rules] = await Promise.all([
    collection.db.reviews.where('cardId').equals(cardId).toArray(),
    collection.db.decks.get(card.deckId),
    collection.deckOptions(card.deckId),
    dayRules(collection),
  ]);
  const examAt = examMoment(options.examDate, rules);
  const until = examAt !== null && examAt > now ? examAt : now + CHART_AHEAD_MS;
  return {
    info: cardInfo(card, note, noteType, reviews, { now, examAt }),
    found,
    deckName: deck?.name ?? '',
    examAt,
    curve: recallCurve(reviews, cardId, until),
  };
}

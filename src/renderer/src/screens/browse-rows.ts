import { cardText, shortened, type CardSide } from '../../../core/cards';
import { CardState, type Card, type Note, type NoteType } from '../../../core/collection/model';
import { DAY } from '../../../core/scheduling/day';
import { formatInterval } from '../../../core/time/interval';

export type CardStateName = 'new' | 'learning' | 'review' | 'suspended';

export function stateName(card: Card): CardStateName {
  if (card.suspended) return 'suspended';
  if (card.state === CardState.New) return 'new';
  if (card.state === CardState.Review) return 'review';
  return 'learning';
}

/** A card as one plain line for a table cell or a dialog; a note whose type is missing shows its first field. */
export function cardLine(card: Card, note: Note, noteType: NoteType | undefined, side: CardSide = 'question', maxLength = 80): string {
  const text = noteType ? cardText(noteType, note, card.template, side) : '';
  return shortened(text, maxLength);
}

/** New cards have no interval yet; the table shows a dash for them. */
export function intervalLabel(card: Card): string {
  return card.state === CardState.New ? '—' : formatInterval(card.scheduledDays * DAY);
}

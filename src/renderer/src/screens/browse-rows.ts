import { stripHtml } from '../../../core/cards';
import { CardState, type Card } from '../../../core/collection/model';
import { DAY } from '../../../core/scheduling/day';
import { formatInterval } from '../../../core/time/interval';

export type CardStateName = 'new' | 'learning' | 'review' | 'suspended';

export function stateName(card: Card): CardStateName {
  if (card.suspended) return 'suspended';
  if (card.state === CardState.New) return 'new';
  if (card.state === CardState.Review) return 'review';
  return 'learning';
}

/** The note's first field as one plain line, for a table cell. */
export function notePreview(fields: string[], maxLength = 80): string {
  const text = stripHtml(fields[0] ?? '').replace(/\s+/g, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** New cards have no interval yet; the table shows a dash for them. */
export function intervalLabel(card: Card): string {
  return card.state === CardState.New ? '—' : formatInterval(card.scheduledDays * DAY);
}

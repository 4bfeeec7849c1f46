import { cardText, shortened, type CardSide } from '../../../../core/cards';
import { recallAt, rowText, type BrowseColumn, type BrowseRow, type ColumnContext } from '../../../../core/browse/columns';
import { CardState, type Card, type Note, type NoteType } from '../../../../core/collection/model';
import { noteAddedAt } from '../../../../core/search';
import { noteTypeLabel } from '../../i18n/built-in-names';
import { daysText } from '../../i18n/interval';
import { language, t } from '../../i18n/locale.svelte';

export type CardStateName = 'new' | 'learning' | 'review' | 'suspended';

export function stateName(card: Card): CardStateName {
  if (card.suspended) return 'suspended';
  if (card.state === CardState.New) return 'new';
  if (card.state === CardState.Review) return 'review';
  return 'learning';
}

/** A card as one plain line for a dialog or a message; a note whose type is missing shows nothing. */
export function cardLine(card: Card, note: Note, noteType: NoteType | undefined, side: CardSide = 'question', maxLength = 80): string {
  return shortened(noteType ? cardText(noteType, note, card.template, side) : '', maxLength);
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** A date (and time) as the learner's language writes it. */
export function dateText(time: number, withTime = false): string {
  return new Intl.DateTimeFormat(language(), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(time);
}

/** What a cell shows: always plain text, never card markup. */
export function cellText(column: BrowseColumn, row: BrowseRow, context: ColumnContext): string {
  const { card, note } = row;
  const studied = card.state !== CardState.New;
  switch (column) {
    case 'question':
    case 'answer':
      return shortened(rowText(row, column), 200);
    case 'deck':
      return row.deckName.split('::').join(' › ');
    case 'noteType':
      return row.noteType ? noteTypeLabel(row.noteType) : '';
    case 'tags':
      return note.tags.join(' ');
    case 'state':
      return t(`state.${stateName(card)}`);
    case 'due': {
      if (!studied) return t('browse.newCard');
      const text = dateText(card.due, card.state !== CardState.Review);
      return card.suspended ? `(${text})` : text;
    }
    case 'interval':
      if (!studied) return '—';
      return card.state === CardState.Review ? daysText(card.scheduledDays) : t('browse.inLearning');
    case 'stability':
      return studied ? daysText(card.stability) : '—';
    case 'difficulty':
      return studied ? percent((card.difficulty - 1) / 9) : '—';
    case 'recallNow': {
      const recall = recallAt(card, context.now);
      return recall === null ? '—' : percent(recall);
    }
    case 'recallExam': {
      const recall = context.examAt === null ? null : recallAt(card, context.examAt);
      return recall === null ? '—' : percent(recall);
    }
    case 'lapses':
      return String(card.lapses);
    case 'reviews':
      return String(card.reps);
    case 'added': {
      const added = noteAddedAt(note);
      return added === null ? '—' : dateText(added);
    }
    case 'modified':
      return dateText(note.modified);
    case 'flag':
      return card.flag ? t(`browse.flags.${card.flag}`) : '';
  }
}

export const NUMERIC_COLUMNS: ReadonlySet<BrowseColumn> = new Set(['interval', 'stability', 'difficulty', 'recallNow', 'recallExam', 'lapses', 'reviews']);

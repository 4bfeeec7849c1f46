import { CRAM_CARDS, type CramCards, type CustomStudy } from '../../../../core/scheduling/custom-study';

/** The choices of Anki's Custom Study dialog, in its order. */
export const CUSTOM_STUDY_KINDS = ['newLimit', 'reviewLimit', 'forgot', 'ahead', 'preview', 'cram'] as const;

export type CustomStudyKind = (typeof CUSTOM_STUDY_KINDS)[number];

/** What the dialog's fields hold, as typed. */
export interface CustomStudyForm {
  kind: CustomStudyKind;
  /** Cards (for the two limits) or days (forgotten, ahead, preview); a number input binds a number, or '' when empty. */
  amount: string | number;
  cram: CramCards;
  limit: string | number;
  /** Tags separated by spaces, as Anki writes them. */
  include: string;
  exclude: string;
}

/** Anki's starting values: 10 more cards, 1 day, 100 cards by tag and state. */
export function freshForm(): CustomStudyForm {
  return { kind: 'newLimit', amount: 10, cram: 'due', limit: 100, include: '', exclude: '' };
}

const tags = (text: string) => text.split(/[\s\u3000]+/).filter((tag) => tag !== '');

/** A whole number typed, or null. */
function whole(value: string | number): number | null {
  const text = String(value).trim();
  const number = Number(text);
  return text !== '' && Number.isInteger(number) ? number : null;
}

/** The choice the fields describe, or null when a number is not a whole number (the core checks ranges). */
export function choiceOf(form: CustomStudyForm): CustomStudy | null {
  const amount = whole(form.amount);
  switch (form.kind) {
    case 'newLimit':
    case 'reviewLimit':
      return amount === null ? null : { kind: form.kind, delta: amount };
    case 'forgot':
    case 'ahead':
    case 'preview':
      return amount === null ? null : { kind: form.kind, days: amount };
    case 'cram': {
      const limit = whole(form.limit);
      if (limit === null || !CRAM_CARDS.includes(form.cram)) return null;
      return { kind: 'cram', cards: form.cram, limit, tagsIncluded: tags(form.include), tagsExcluded: tags(form.exclude) };
    }
  }
}

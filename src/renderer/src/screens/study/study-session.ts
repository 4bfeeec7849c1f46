import { Rating, type Card } from '../../../../core/collection/model';
import type { CardWithNote } from '../../storage/notes';

/** Anki's cap: a learner who walked away should not count as ten minutes on one card. */
export const MAX_ANSWER_MS = 60_000;

export function answerDuration(shownAt: number, answeredAt: number): number {
  return Math.min(MAX_ANSWER_MS, Math.max(0, answeredAt - shownAt));
}

export interface SessionAnswer {
  rating: Rating;
  durationMs: number;
}

/** What the summary reports; built only from answers still standing after undo. */
export function sessionTotals(answers: readonly SessionAnswer[]): { studied: number; timeMs: number; againCount: number } {
  return {
    studied: answers.length,
    timeMs: answers.reduce((sum, answer) => sum + answer.durationMs, 0),
    againCount: answers.filter((answer) => answer.rating === Rating.Again).length,
  };
}

/**
 * The notes of the cards likely to come next, read while the learner looks at the current card,
 * so that once an answer has committed the next card shows without waiting for a read. Only
 * notes are read ahead, never what an answer will do. Whoever changes a note calls `forget()`.
 */
export class NotesAhead {
  private notes = new Map<string, Promise<CardWithNote | null>>();

  constructor(private readonly read: (card: Card) => Promise<CardWithNote>) {}

  /** Keeps the note on screen, starts reading those of the cards coming next, and lets any other go. */
  readAhead(shown: CardWithNote, coming: readonly Card[]): void {
    const kept = new Map<string, Promise<CardWithNote | null>>([[shown.note.id, Promise.resolve(shown)]]);
    for (const card of coming) {
      if (kept.has(card.noteId)) continue;
      // A failed read ahead is no error yet: the card reads its note again when it is shown, and fails there.
      kept.set(card.noteId, this.notes.get(card.noteId) ?? this.read(card).catch(() => null));
    }
    this.notes = kept;
  }

  /** The card with its note, as read ahead or, if it was not, read now. */
  async withNote(card: Card): Promise<CardWithNote> {
    const ahead = await this.notes.get(card.noteId);
    return ahead ? { card, note: ahead.note, noteType: ahead.noteType } : this.read(card);
  }

  forget(): void {
    this.notes.clear();
  }
}

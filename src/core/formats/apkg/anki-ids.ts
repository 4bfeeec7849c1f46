/**
 * Kioku ids for things that came from Anki are derived from Anki's own ids, so importing the
 * same package again updates the notes instead of duplicating them (cards follow their note).
 */
export const ankiNoteId = (id: number) => `anki-note-${id}`;
export const ankiNoteTypeId = (id: number) => `anki-notetype-${id}`;
export const ankiDeckId = (id: number) => `anki-deck-${id}`;
export const ankiReviewId = (id: number) => `anki-review-${id}`;

/** The Anki id behind a Kioku id made by the functions above, or null for other ids. */
export function ankiIdOf(kiokuId: string, kind: 'note' | 'notetype' | 'deck'): number | null {
  const match = new RegExp(`^anki-${kind}-(\\d{1,15})$`).exec(kiokuId);
  return match ? Number(match[1]) : null;
}

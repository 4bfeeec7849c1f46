import { sha1Hex } from '../sha1';
import { ankiIdOf } from './anki-ids';

/** Derived ids fall among the millisecond timestamps Anki uses as ids (2001–2286), where Anki's own live. */
const DERIVED_BASE = 1_000_000_000_000;
const DERIVED_SPAN = 9_000_000_000_000;

/** A numeric id that is the same for the same Kioku id on every export. */
function derivedId(kind: string, kiokuId: string): number {
  return DERIVED_BASE + (parseInt(sha1Hex(`${kind}\u001f${kiokuId}`).slice(0, 12), 16) % DERIVED_SPAN);
}

/**
 * Gives every exported item a numeric Anki id. Items that came from Anki keep their id, so a
 * deck going Anki → Kioku → Anki updates the learner's existing notes there. Note types and
 * decks made in Kioku get an id derived from their Kioku id: Anki matches note types by id on
 * import, so the same Kioku note type must arrive with the same id every time for a re-imported
 * deck to update its notes. Other items get fresh ids counted up from the export time, as Anki does.
 */
export function allocateAnkiIds(items: { id: string }[], kind: 'note' | 'notetype' | 'deck' | null, start: number, reserved: number[] = []): Map<string, number> {
  const taken = new Set<number>(reserved);
  const ids = new Map<string, number>();
  for (const item of items) {
    const kept = kind ? ankiIdOf(item.id, kind) : null;
    if (kept !== null && !taken.has(kept)) {
      ids.set(item.id, kept);
      taken.add(kept);
    }
  }
  const stable = kind === 'notetype' || kind === 'deck';
  let next = start;
  for (const item of items) {
    if (ids.has(item.id)) continue;
    let id = stable ? derivedId(kind, item.id) : next;
    while (taken.has(id)) id++;
    if (!stable) next = id + 1;
    ids.set(item.id, id);
    taken.add(id);
  }
  return ids;
}

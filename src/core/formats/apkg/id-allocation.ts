import { ankiIdOf } from './anki-ids';

/**
 * Gives every exported item a numeric Anki id. Items that came from Anki keep their id, so a
 * deck going Anki → Kioku → Anki updates the learner's existing notes there; the rest get fresh
 * ids counted up from the export time, as Anki itself does.
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
  let next = start;
  for (const item of items) {
    if (ids.has(item.id)) continue;
    while (taken.has(next)) next++;
    ids.set(item.id, next);
    taken.add(next);
  }
  return ids;
}

import type { PouchDatabase } from './pouch';

/**
 * How far the server holds every document of this device's copy, kept on the server beside
 * PouchDB's own checkpoints (a `_local` document, never replicated). Kept there, not here, so a
 * database emptied, restored from a backup or made anew under the same address is noticed; the
 * copy's own id notices a copy made anew here.
 */
interface SentMark {
  copy: string;
  seq: number | string;
}

const markId = (device: string) => `_local/kioku-sent-${device}`;

/** The copy's sequence through which the server holds all of it, or null when that is not known. */
export async function sentThrough(remote: PouchDatabase, local: PouchDatabase, device: string): Promise<number | string | null> {
  try {
    const [mark, copy] = await Promise.all([remote.get(markId(device)) as unknown as Promise<SentMark>, local.id()]);
    return mark.copy === copy ? mark.seq : null;
  } catch {
    return null;
  }
}

/** Records that the server holds every document of the copy through `seq`. */
export async function markSent(remote: PouchDatabase, local: PouchDatabase, device: string, seq: number | string): Promise<void> {
  const id = markId(device);
  const rev = await remote.get(id).then(
    (doc) => doc._rev,
    () => undefined,
  );
  await remote.put({ _id: id, ...(rev ? { _rev: rev } : {}), copy: await local.id(), seq } satisfies SentMark & { _id: string; _rev?: string });
}

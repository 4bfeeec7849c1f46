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

/** What the server's mark says: the copy's sequence through which it holds all of it (null when not known), and the mark's revision to write over. */
export interface SentMarkRead {
  through: number | string | null;
  rev: string | undefined;
}

export async function readSentMark(remote: PouchDatabase, local: PouchDatabase, device: string): Promise<SentMarkRead> {
  try {
    const [mark, copy] = await Promise.all([remote.get(markId(device)) as unknown as Promise<SentMark & { _rev: string }>, local.id()]);
    return { through: mark.copy === copy ? mark.seq : null, rev: mark._rev };
  } catch {
    return { through: null, rev: undefined };
  }
}

/**
 * Records that the server holds every document of the copy through `seq`, over the mark read at
 * the start of the sync (`rev`); read again only if the server's mark moved since, or was not read.
 */
export async function markSent(remote: PouchDatabase, local: PouchDatabase, device: string, seq: number | string, rev: string | undefined): Promise<void> {
  const mark = { _id: markId(device), copy: await local.id(), seq } satisfies SentMark & { _id: string };
  try {
    await remote.put(rev ? { ...mark, _rev: rev } : mark);
  } catch (error) {
    if ((error as { status?: number }).status !== 409) throw error;
    await remote.put({ ...mark, _rev: (await readSentMark(remote, local, device)).rev });
  }
}

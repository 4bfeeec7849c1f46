import type { PouchDatabase, StoredDoc } from './pouch';

export type Feed = Awaited<ReturnType<PouchDatabase['changes']>>;

/**
 * Every document this copy changed since `since`, each with its current version and the
 * revisions it conflicts with: one read serves both settling conflicts and merging.
 */
export function readFeed(local: PouchDatabase, since: number | string): Promise<Feed> {
  return local.changes({ since, include_docs: true, conflicts: true });
}

/**
 * What the pulls wrote into a copy that was empty before this sync, kept as it was written, so
 * the merge gets the feed `readFeed` would give without reading every document back.
 */
export class PulledDocs {
  private readonly byId = new Map<string, StoredDoc[]>();

  readonly add = (docs: readonly StoredDoc[]): void => {
    for (const doc of docs) this.byId.set(doc._id, [...(this.byId.get(doc._id) ?? []), doc]);
  };

  /**
   * The copy's changes as a feed. A document pulled in several revisions (in conflict on the
   * server) or also written here is read from the copy, with its conflicts; any other is the one
   * revision the copy holds of it.
   */
  async feed(local: PouchDatabase, writtenHere: ReadonlySet<string>): Promise<Feed> {
    const unsure = [...this.byId].filter(([id, docs]) => docs.length > 1 || writtenHere.has(id)).map(([id]) => id);
    const reread = new Map(unsure.length === 0 ? [] : (await local.allDocs({ keys: unsure, include_docs: true, conflicts: true })).rows.map((row) => [row.key, row]));
    const last_seq = (await local.info()).update_seq;
    const results = [...this.byId].flatMap(([id, docs]): Feed['results'] => {
      const row = reread.get(id);
      if (row?.error || (row && !row.value)) return [];
      const doc: StoredDoc = row ? (row.doc ?? ({ _id: id, _rev: row.value!.rev, _deleted: true } as StoredDoc)) : { ...docs[0]! };
      // The revision history is the replication's, not part of the document.
      delete (doc as { _revisions?: unknown })._revisions;
      return [{ id, seq: last_seq, doc, deleted: doc._deleted, changes: [{ rev: doc._rev! }] }];
    });
    return { results, last_seq };
  }
}

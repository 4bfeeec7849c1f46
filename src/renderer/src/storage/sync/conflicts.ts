import { pickWinner, sameMeaning } from '../../../../core/sync/records';
import { historyDoc } from './outgoing';
import type { PouchDatabase, StoredDoc } from './pouch';

/**
 * Settles every document that replication left with several live revisions: the latest clock
 * stamp stays, the others are removed, and any that held different content is kept as a lost
 * version. Every device settles the same way, so they agree without another round.
 * Returns how many documents were settled.
 */
export async function settleConflicts(local: PouchDatabase, since: number | string): Promise<number> {
  // Every leaf revision is listed without reading the documents: only one with several can be in conflict.
  const changes = await local.changes({ since, include_docs: false, style: 'all_docs' });
  let settled = 0;
  for (const change of changes.results) {
    if (change.changes.length < 2) continue;
    const doc = await local.get(change.id, { conflicts: true });
    if (!doc || doc._deleted || !doc._conflicts || doc._conflicts.length === 0) continue;
    const others = await Promise.all(doc._conflicts.map((rev) => local.get(doc._id, { rev })));
    const { winner, losers } = pickWinner<StoredDoc>([doc, ...others]);
    const history = losers
      .filter((loser) => doc.kind !== 'history' && (loser.gone !== winner.gone || !sameMeaning(doc.kind, loser.data ?? null, winner.data ?? null)))
      .map((loser) => historyDoc(loser, winner));
    for (const loser of losers) await local.remove(loser._id, loser._rev!);
    if (history.length > 0) await local.bulkDocs(history);
    settled++;
  }
  return settled;
}

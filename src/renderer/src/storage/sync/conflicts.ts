import { pickWinner, sameMeaning } from '../../../../core/sync/records';
import { historyDoc } from './outgoing';
import type { Feed } from './feed';
import type { PouchDatabase, StoredDoc } from './pouch';

/**
 * Settles every document of `feed` that replication left with several live revisions: the
 * latest clock stamp stays, the others are removed, and any that held different content is kept
 * as a lost version. Every device settles the same way, so they agree without another round.
 * Returns how many documents were settled.
 */
export async function settleConflicts(local: PouchDatabase, feed: Feed): Promise<number> {
  let settled = 0;
  for (const { doc } of feed.results) {
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

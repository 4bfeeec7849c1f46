import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import { cardsOfShare, digestSharesOf, shareOf, shareWith, type CardDigest, type DigestShare } from '../../../core/cards/digest';
import type { Card } from '../../../core/collection/model';
import type { KiokuDb } from './db';
import { keptInStep } from './kept-in-step';

/** The row of `cardDigest` that says whether the shares match the cards; no share is numbered -1. */
export const DIGEST_STATE_KEY = -1;

export interface DigestState {
  share: typeof DIGEST_STATE_KEY;
  upToDate: boolean;
}

export type DigestRow = DigestShare | DigestState;

const isState = (row: DigestRow): row is DigestState => row.share === DIGEST_STATE_KEY;

/**
 * More cards than an answer, an undo or a few notes' edit write at once: such a write is an
 * import, a restore, a sync or a change over many cards, and rewriting most shares on each of its
 * batches would slow it down more than one rebuild on the next open.
 */
const MOST_KEPT_UP_TO_DATE = 200;

/**
 * Keeps `cardDigest` in step with `cards` inside the very transaction that changes a card, so
 * Statistics and Readiness read a few hundred rows instead of every card. A write it does not
 * follow (a large one, a range delete, one that failed part-way) marks the digest out of date,
 * and the next read rebuilds it from all cards once.
 */
export const cardDigestMiddleware = keptInStep('cardDigest', 'cards', 'cardDigest', async (cards, digest, request) => {
  const result = await cards.mutate(request);
  await apply(digest, request.trans, result.numFailures > 0 ? null : changeOf(request));
  return result;
});

/** The cards written and deleted, or null when the digest cannot follow the write. */
function changeOf(request: DBCoreMutateRequest): { written: CardDigest[]; deleted: string[] } | null {
  if (request.type === 'deleteRange') return null;
  if (request.type === 'delete') return request.keys.length > MOST_KEPT_UP_TO_DATE ? null : { written: [], deleted: request.keys as string[] };
  const written = request.values as Card[];
  return written.length > MOST_KEPT_UP_TO_DATE ? null : { written, deleted: [] };
}

async function apply(digest: DBCoreTable, trans: DBCoreTransaction, change: { written: CardDigest[]; deleted: string[] } | null): Promise<void> {
  const shares = change === null ? [] : sharesOf(change);
  // The state and the shares in one request: an answer waits on every round of requests here.
  const [state, ...rows] = (await digest.getMany({ trans, keys: [DIGEST_STATE_KEY, ...shares.map((share) => share.share)] })) as [DigestState | undefined, ...(DigestShare | undefined)[]];
  if (!state?.upToDate) return;
  if (change === null) {
    await digest.mutate({ type: 'put', trans, values: [{ share: DIGEST_STATE_KEY, upToDate: false } satisfies DigestState] });
    return;
  }
  if (shares.length === 0) return;
  const values = shares.map(({ share, written, deleted }, i) => shareWith(rows[i], share, written, deleted));
  await digest.mutate({ type: 'put', trans, values });
}

/** The shares a write touches, each with its cards written and deleted. */
function sharesOf(change: { written: CardDigest[]; deleted: string[] }): { share: number; written: CardDigest[]; deleted: string[] }[] {
  const byShare = new Map<number, { share: number; written: CardDigest[]; deleted: string[] }>();
  const entry = (share: number) => {
    let found = byShare.get(share);
    if (!found) {
      found = { share, written: [], deleted: [] };
      byShare.set(share, found);
    }
    return found;
  };
  for (const card of change.written) entry(shareOf(card.id)).written.push(card);
  for (const id of change.deleted) entry(shareOf(id)).deleted.push(id);
  return [...byShare.values()];
}

/**
 * Every card's digest, share by share, rebuilt from all cards first when the digest is out of
 * date (the one slow open after an import). Read, or rebuilt, in one transaction, so no answer
 * slips in between.
 */
export async function readDigestShares(db: KiokuDb): Promise<DigestShare[]> {
  // One request: the state row is read with the shares, not waited for before them.
  const rows = await db.cardDigest.toArray();
  const state = rows.find(isState);
  const upToDate = state?.upToDate ? rows.filter((row): row is DigestShare => !isState(row)) : null;
  if (upToDate) return upToDate;
  return db.transaction('rw', [db.cards, db.cardDigest], async () => {
    const shares = digestSharesOf(await db.cards.toArray());
    await db.cardDigest.clear();
    await db.cardDigest.bulkPut([...shares, { share: DIGEST_STATE_KEY, upToDate: true }]);
    return shares;
  });
}

/** Every card's digest, one object a card. */
export async function readCardDigests(db: KiokuDb): Promise<CardDigest[]> {
  return (await readDigestShares(db)).flatMap(cardsOfShare);
}

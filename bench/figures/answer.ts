import { Rating } from '../../src/core/collection/model';
import type { Collection } from '../../src/renderer/src/storage/collection';
import type { PageSamples } from '../page-api';
import { summarize } from '../stats';

/** One readwrite transaction over the stores an answer writes, committing one unchanged card: the least an answer can cost. */
async function commitOnce(db: IDBDatabase, cardRow: unknown): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['cards', 'reviews'], 'readwrite');
    tx.objectStore('cards').put(cardRow);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the floor transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('the floor transaction was aborted'));
  });
  return performance.now() - started;
}

export async function measureCommitFloor(collection: Collection, times: number): Promise<number[]> {
  const row = await collection.db.cards.toCollection().first();
  if (!row) throw new Error('answer floor: the collection has no cards');
  const native = collection.db.backendDB();
  for (let i = 0; i < 3; i++) await commitOnce(native, row);
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await commitOnce(native, row));
  return samples;
}

/**
 * The Collection calls the Study screen makes between the key press and the next card: the
 * answer's commit, then, from the session's queue kept in memory, the next card with its note and
 * its answer previews. Timed call by call, to show where the time goes when the painted figure
 * misses its goal.
 */
export async function measureAnswerCalls(collection: Collection, deckId: string, times: number): Promise<PageSamples> {
  const parts = { answer: [] as number[], nextCard: [] as number[], preview: [] as number[] };
  const figure: number[] = [];
  const queue = await collection.studyQueue(deckId, Date.now());
  let card = queue.today(Date.now()).cards[0];
  for (let i = 0; i < times && card; i++) {
    const t0 = performance.now();
    queue.answered(await collection.answer(card.id, Rating.Good, Date.now(), 4000));
    const t1 = performance.now();
    card = queue.today(Date.now()).cards[0];
    if (card) await collection.withNote(card);
    const t2 = performance.now();
    if (card) queue.preview(card, Date.now());
    const t3 = performance.now();
    parts.answer.push(t1 - t0);
    parts.nextCard.push(t2 - t1);
    parts.preview.push(t3 - t2);
    figure.push(t3 - t0);
  }
  const note = Object.entries(parts)
    .map(([name, values]) => `${name} ${summarize(values).median.toFixed(1)} ms`)
    .join(', ');
  return { figure, note: `medians: ${note}` };
}

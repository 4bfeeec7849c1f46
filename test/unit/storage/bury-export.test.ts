import initSqlJs from 'sql.js';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { parseDeckFile, serializeDeckFile } from '../../../src/core/deck-format';
import { writeApkg } from '../../../src/core/formats';
import { MINUTE, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

/** Anki's queue of each card in a written package, by the note's first field and the card's template. */
async function ankiQueues(apkg: Uint8Array): Promise<Record<string, number>> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(unzipSync(apkg)['collection.anki2']);
  const rows = db.exec("select n.flds, c.ord, c.queue from cards c join notes n on n.id = c.nid")[0]!.values;
  db.close();
  return Object.fromEntries(rows.map(([fields, ord, queue]) => [`${String(fields).split('\u001f')[0]}#${ord}`, Number(queue)]));
}

describe('buried cards going to Anki', () => {
  it('tells a sibling buried by an answer (queue -2) from a card the learner buried (-3), for cards answered in Kioku', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(2), T0);
    const [inu0, inu1] = (await collection.db.cards.where('noteId').equals('jp-inu').sortBy('template'));
    await collection.answer(inu0!.id, Rating.Good, T0, 4000);
    const aws = (await collection.db.cards.where('noteId').equals('aws-0').toArray())[0]!;
    await collection.answer(aws.id, Rating.Easy, T0 + MINUTE, 4000);
    await collection.bury(aws.id, T0 + 2 * MINUTE);
    expect((await collection.db.cards.get(inu1!.id))?.buriedUntil).not.toBeNull();

    const data = await collection.exportData({ withScheduling: true, withMedia: false });
    const queues = await ankiQueues(await writeApkg(data, { withScheduling: true, now: T0 + 3 * MINUTE }));
    expect(queues['犬#1']).toBe(-2);
    expect(queues['Question 0#0']).toBe(-3);
    expect(queues['Question 1#0']).toBe(0);

    // Kept in Kioku's own file (and so in backups) as well.
    const again = parseDeckFile(serializeDeckFile(data), 'kioku.json');
    expect(again.cards?.find((card) => card.id === inu1!.id)?.buriedBy).toBe('sibling');
  });
});

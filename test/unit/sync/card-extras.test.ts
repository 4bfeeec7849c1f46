import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readApkg } from '../../../src/core/formats';
import { T0, MINUTE, NEXT_DAY } from '../storage/helpers';
import { syncServerForFile } from './sync-server';

const { twoDevices } = syncServerForFile('kioku-extras');
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/${name}`));

describe('what a card carries besides its schedule survives a merge', () => {
  it('a card from Anki keeps its export data on both devices after the other device edits its note', async () => {
    const { a, b, close } = await twoDevices();
    const { collection: data } = await readApkg(fixture('anki/update1.apkg'), 'update1.apkg', { withScheduling: true, now: T0 });
    await a.collection.importData(data, { fileName: 'update1.apkg', now: T0, withScheduling: true });
    const imported = (await a.collection.db.cards.toArray()).filter((card) => card.anki);
    expect(imported.length).toBeGreaterThan(0);
    const card = imported[0]!;
    await a.sync();
    await b.sync();
    expect((await b.collection.db.cards.get(card.id))?.anki).toEqual(card.anki);

    const note = (await b.collection.db.notes.get(card.noteId))!;
    await b.collection.updateNote(note.id, { fields: note.fields.map((field, i) => (i === 0 ? `${field} (edited on B)` : field)) }, T0 + MINUTE);
    await b.sync();
    await a.sync();
    expect((await a.collection.db.notes.get(note.id))?.fields[0]).toContain('(edited on B)');
    for (const device of [a, b]) expect((await device.collection.db.cards.get(card.id))?.anki).toEqual(card.anki);
    await close();
  }, 60_000);

  it('a card the learner buried stays buried when the other device edits its note, and the bury reaches that device', async () => {
    const { a, b, close } = await twoDevices();
    await a.collection.bury('aws-1/0', T0);
    await b.collection.updateNote('aws-1', { fields: ['Question 1, edited on B', 'Answer 1'] }, T0 + MINUTE);
    await b.sync();
    await a.sync();
    await b.sync();
    for (const device of [a, b]) {
      const buried = await device.collection.db.cards.get('aws-1/0');
      expect(buried).toMatchObject({ buriedUntil: NEXT_DAY, buriedBy: 'learner' });
      expect((await device.collection.todayQueue('deck-aws', T0 + 2 * MINUTE)).cards.map((row) => row.id)).not.toContain('aws-1/0');
    }

    await a.collection.setBuried(['aws-1/0'], false, T0 + 3 * MINUTE);
    await a.sync();
    await b.sync();
    expect((await b.collection.db.cards.get('aws-1/0'))?.buriedUntil).toBeNull();
    expect((await b.collection.todayQueue('deck-aws', T0 + 4 * MINUTE)).cards.map((row) => row.id)).toContain('aws-1/0');
    await close();
  }, 60_000);
});

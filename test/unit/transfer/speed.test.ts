import { afterEach, describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import { writeApkg } from '../../../src/core/formats';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { importFile } from '../../../src/renderer/src/transfer/service';
import { bigCsv, bigNotes } from './big-bytes';
import { NOW, emptyCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

const secondsSince = (start: number) => (performance.now() - start) / 1000;

// fake-indexeddb is several times slower than Chromium (each import here takes about 2 s); per-row
// transactions or per-row queries take far longer than these bounds, which is what is guarded.
describe('20,000-note imports', { timeout: 90_000 }, () => {
  it('a CSV goes in with one card per note', async () => {
    collection = emptyCollection();
    const start = performance.now();
    const { report } = await importFile(collection, { name: 'huge.csv', bytes: bigCsv(20_000) }, { now: NOW });
    expect(secondsSince(start)).toBeLessThan(15);
    expect(report).toMatchObject({ notesAdded: 20_000, cardsWritten: 20_000 });
    expect(await collection.db.cards.count()).toBe(20_000);
  });

  it('an Anki package goes in, and importing it again finds every note by id and changes nothing', async () => {
    collection = emptyCollection();
    const bytes = await writeApkg({ decks: [{ id: 'big', name: 'Big' }], noteTypes: [BASIC_NOTE_TYPE], notes: bigNotes(20_000) }, { withScheduling: true, now: NOW });
    let start = performance.now();
    await importFile(collection, { name: 'big.apkg', bytes }, { now: NOW });
    expect(secondsSince(start)).toBeLessThan(15);
    start = performance.now();
    const { report } = await importFile(collection, { name: 'big.apkg', bytes }, { now: NOW + 1000 });
    expect(secondsSince(start)).toBeLessThan(15);
    expect(report).toMatchObject({ notesAdded: 0, notesUpdated: 0, notesUnchanged: 20_000, cardsWritten: 0 });
    expect(await collection.db.notes.count()).toBe(20_000);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { importFile, type TransferStage } from '../../../src/renderer/src/transfer/service';
import { bigCsv } from './big-bytes';
import { NOW, emptyCollection, everyRow, studiedCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

describe('long imports', () => {
  it('report progress while reading and while saving, ending at the total', async () => {
    collection = emptyCollection();
    const seen: [number, number, TransferStage][] = [];
    await importFile(collection, { name: 'big.csv', bytes: bigCsv(5000) }, { now: NOW, onProgress: (done, total, stage) => seen.push([done, total, stage]) });
    const reading = seen.filter(([, , stage]) => stage === 'reading');
    const saving = seen.filter(([, , stage]) => stage === 'saving');
    expect(reading.length).toBeGreaterThan(10);
    expect(reading.at(-1)?.[0]).toBe(reading.at(-1)?.[1]);
    expect(saving.length).toBeGreaterThan(3);
    expect(saving.at(-1)).toEqual([saving.at(-1)![1], saving.at(-1)![1], 'saving']);
    expect(saving.map(([done]) => done)).toEqual([...saving.map(([done]) => done)].sort((a, b) => a - b));
    expect(await collection.db.notes.count()).toBe(5000);
  });

  it('cancelled while saving, before the transaction commits, writes nothing', async () => {
    collection = await studiedCollection();
    const before = await everyRow(collection);
    const controller = new AbortController();
    const saved: number[] = [];
    const result = importFile(collection, { name: 'big.csv', bytes: bigCsv(5000) }, {
      now: NOW,
      signal: controller.signal,
      onProgress: (done, _total, stage) => {
        if (stage !== 'saving') return;
        saved.push(done);
        controller.abort();
      },
    });
    await expect(result).rejects.toMatchObject({ name: 'AbortError', message: 'big.csv: cancelled' });
    expect(saved.length).toBeGreaterThan(0);
    expect(await everyRow(collection)).toStrictEqual(before);
  });

  it('cancelled before it starts, reads and writes nothing', async () => {
    collection = emptyCollection();
    const controller = new AbortController();
    controller.abort();
    await expect(importFile(collection, { name: 'big.csv', bytes: bigCsv(10) }, { now: NOW, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await collection.db.notes.count()).toBe(0);
  });
});

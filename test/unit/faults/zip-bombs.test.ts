import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UNCOMPRESSED_BYTES } from '../../../src/core/formats';
import { BACKUP_ENTRIES } from '../../../src/core/formats/backup/entries';
import { NOW, fixture, studiedCollection } from './collection';
import { importEach } from './import-outcome';
import { lyingZipBomb } from './zip-mutations';

const BACKUP_NOTES = BACKUP_ENTRIES.notes;

/**
 * A zstd frame of RLE blocks: each 3-byte block header plus one byte stands for 128 KiB of
 * zeros, so a few KiB expand to gigabytes. `declared` goes in the frame header when given.
 */
function zstdBomb(blocks: number, declared: bigint | null): Uint8Array {
  const blockSize = 128 * 1024;
  const header = declared === null ? [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58] : [0x28, 0xb5, 0x2f, 0xfd, 0xc0, 0x58];
  const size = declared === null ? [] : Array.from({ length: 8 }, (_, i) => Number((declared >> BigInt(8 * i)) & 0xffn));
  const body: number[] = [];
  for (let i = 0; i < blocks; i++) {
    const last = i === blocks - 1 ? 1 : 0;
    const blockHeader = (blockSize << 3) | (1 << 1) | last;
    body.push(blockHeader & 0xff, (blockHeader >> 8) & 0xff, (blockHeader >> 16) & 0xff, 0);
  }
  return Uint8Array.from([...header, ...size, ...body]);
}

describe('archive bombs are refused quickly, before they fill memory', () => {
  it('zip entries that inflate far beyond their declared size, in an Anki package and a backup', async () => {
    const collection = await studiedCollection();
    const { [BACKUP_NOTES]: _notes, ...backup } = unzipSync(await collection.createBackup(NOW));
    collection.close();
    const outcomes = await importEach([
      { name: 'bomb.apkg', how: 'collection.anki2 inflates to 64 MiB, declares 4 KiB', bytes: lyingZipBomb({}, 'collection.anki2', 64 * 1024 * 1024, 4096) },
      { name: 'bomb.kioku-backup', how: 'notes.json inflates to 64 MiB, declares 100 bytes', bytes: lyingZipBomb(backup, BACKUP_NOTES, 64 * 1024 * 1024, 100) },
      { name: 'nested.apkg', how: 'the collection is itself a zip', bytes: zipSync({ 'collection.anki2': fixture('anki/media.apkg') }) },
    ]);
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.messages).toEqual([
      expect.stringMatching(/^bomb\.apkg, zip entry "collection\.anki2": .*declared/),
      expect.stringMatching(/^bomb\.kioku-backup, zip entry "notes\.json": .*declared/),
      expect.stringMatching(/^nested\.apkg, zip entry "collection\.anki2": is not an SQLite database$/),
    ]);
  }, 30_000);

  it('a zstd collection (Anki 2.1.50+) whose frame declares more than the limit', async () => {
    const declared = BigInt(MAX_UNCOMPRESSED_BYTES) * 8n;
    const outcomes = await importEach([
      { name: 'zstd-bomb.apkg', how: 'collection.anki21b declares 4 GiB', bytes: zipSync({ 'collection.anki21b': zstdBomb(32, declared), 'collection.anki2': new Uint8Array(0) }) },
    ]);
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.messages).toEqual([expect.stringMatching(/^zstd-bomb\.apkg, zip entry "collection\.anki21b": declares \d+ bytes .*zip bomb/)]);
  }, 30_000);

  it('a zstd collection that declares no size and expands past the limit', async () => {
    const blocks = MAX_UNCOMPRESSED_BYTES / (128 * 1024) + 16;
    const outcomes = await importEach([
      { name: 'zstd-undeclared.apkg', how: `collection.anki21b: ${blocks} RLE blocks, no declared size`, bytes: zipSync({ 'collection.anki21b': zstdBomb(blocks, null) }) },
    ]);
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.messages).toEqual([expect.stringMatching(/^zstd-undeclared\.apkg, zip entry "collection\.anki21b": decompresses to more than 512 MiB/)]);
  }, 30_000);
});

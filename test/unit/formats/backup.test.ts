import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup } from '../../../src/core/formats';
import { BACKUP_ENTRIES } from '../../../src/core/formats/backup/entries';
import { NOW, sampleCollection } from './helpers/sample-collection';
import { rezip } from './helpers/zip-surgery';

const settings = { dailyNewCards: 20, examDate: '2027-03-01', theme: 'dark', retention: 0.9 };

describe('full backup', () => {
  it('round-trips every table, the settings and every media file exactly', () => {
    const data = sampleCollection();
    const backup = writeBackup(data, { settings, now: NOW });
    const restored = readBackup(backup, 'kioku.kioku-backup');
    expect(restored.collection).toStrictEqual(data);
    expect(restored.settings).toStrictEqual(settings);
    expect(restored.created).toBe(NOW);
  });

  it('keeps a collection without cards, reviews or media as it was', () => {
    const data = sampleCollection();
    delete data.cards;
    delete data.reviews;
    delete data.media;
    expect(readBackup(writeBackup(data), 'b.kioku-backup').collection).toStrictEqual(data);
  });

  it('refuses a zip that is not a Kioku backup', () => {
    const other = rezip(writeBackup(sampleCollection()), (files) => {
      delete files[BACKUP_ENTRIES.manifest];
    });
    expect(() => readBackup(other, 'other.zip')).toThrow(/other\.zip: not a Kioku backup/);
  });

  it('refuses a damaged table, naming the zip entry and the path inside it', () => {
    const damaged = rezip(writeBackup(sampleCollection()), (files) => {
      files[BACKUP_ENTRIES.notes] = strToU8(JSON.stringify([{ id: 'n1', noteTypeId: 't', deckId: 'd', fields: ['a', 7], tags: [], modified: 1 }]));
    });
    expect(() => readBackup(damaged, 'b.kioku-backup')).toThrow(/b\.kioku-backup, zip entry "notes\.json", 0\.fields\.1: /);
    const notJson = rezip(writeBackup(sampleCollection()), (files) => {
      files[BACKUP_ENTRIES.decks] = strToU8('[{');
    });
    expect(() => readBackup(notJson, 'b.kioku-backup')).toThrow(/b\.kioku-backup, zip entry "decks\.json": is not valid JSON/);
  });

  it('refuses invalid UTF-8 inside a table', () => {
    const bad = rezip(writeBackup(sampleCollection()), (files) => {
      files[BACKUP_ENTRIES.settings] = new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]);
    });
    expect(() => readBackup(bad, 'b.kioku-backup')).toThrow(/b\.kioku-backup, zip entry "settings\.json": the text is not valid UTF-8/);
  });

  it('refuses duplicate ids and dangling references as a whole', () => {
    const data = sampleCollection();
    data.notes.push({ ...data.notes[0]! });
    expect(() => readBackup(writeBackup(data), 'b.kioku-backup')).toThrow(/b\.kioku-backup, note n-kms: duplicate note id/);
    const orphan = sampleCollection();
    orphan.cards![0]!.noteId = 'gone';
    expect(() => readBackup(writeBackup(orphan), 'b.kioku-backup')).toThrow(/card n-kms\/0: refers to a note that is not in the file \(gone\)/);
  });

  it('refuses a media name that is a path', () => {
    const data = sampleCollection();
    data.media![1]!.name = 'C:\\x';
    expect(() => readBackup(writeBackup(data), 'b.kioku-backup')).toThrow(/media file name "C:\\\\x" is not allowed/);
  });
});

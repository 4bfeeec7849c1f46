import { describe, expect, it } from 'vitest';
import { hostileAnkiFiles, hostileBackups, hostileCsvFiles, hostileDeckFiles, hostileNotesFiles, misnamedFiles } from './hostile-files';
import { importEach } from './import-outcome';

/** Seeds for the PRNG: change one to explore new files; a failure names the file and damage to reproduce it. */
const SEEDS = { json: 0x6b696f6b, csv: 0x75636173, notes: 0x6e6f7465, apkg: 0x616e6b69, backup: 0x6261636b };

describe('hostile imports: every damaged file is refused with a clear error or imported soundly', () => {
  it('Kioku deck files (.json): 200 damaged copies', async () => {
    const outcomes = await importEach(hostileDeckFiles(200, SEEDS.json));
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(100);
  }, 120_000);

  it('CSV and TSV files: 150 damaged copies', async () => {
    const outcomes = await importEach(hostileCsvFiles(150, SEEDS.csv));
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(30);
  }, 120_000);

  it('Markdown notes (.md): 60 damaged copies', async () => {
    const outcomes = await importEach(hostileNotesFiles(60, SEEDS.notes));
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 120_000);

  it('Anki packages (.apkg): a package from Anki and one from Kioku, each with every hostile SQL change, and 100 damaged at random', async () => {
    const outcomes = await importEach(await hostileAnkiFiles(100, SEEDS.apkg));
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(80);
  }, 120_000);

  it('Kioku backups (.kioku-backup) imported as decks: 60 damaged copies', async () => {
    const outcomes = await importEach(await hostileBackups(60, SEEDS.backup));
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(30);
  }, 120_000);

  it('files named with another format\'s extension', async () => {
    const outcomes = await importEach(await misnamedFiles());
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(15);
  }, 60_000);
});

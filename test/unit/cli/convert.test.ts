import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeckFile, serializeDeckFile } from '../../../src/core/deck-format';
import { sampleCollection } from '../formats/helpers/sample-collection';
import { runCli } from './run-cli';

const scratch = mkdtempSync(join(tmpdir(), 'kioku-convert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const at = (name: string) => join(scratch, name);
const inspect = (file: string) => JSON.parse(runCli('inspect', file).stdout) as Record<string, unknown>;
const fieldsOf = (file: string) => parseDeckFile(readFileSync(file, 'utf8'), file).notes.map((note) => note.fields.join(' | ')).sort();

describe('kioku convert', { timeout: 60_000 }, () => {
  it('CSV → JSON → Anki → backup → JSON keeps every note, deck and media reference', () => {
    const steps = [
      ['test/fixtures/transfer/vocab.csv', at('vocab.json')],
      [at('vocab.json'), at('vocab.apkg')],
      [at('vocab.apkg'), at('vocab.kioku-backup')],
      [at('vocab.kioku-backup'), at('back.json')],
    ];
    for (const [input, output] of steps) {
      const result = runCli('convert', input!, output!);
      expect(result, `${input} → ${output}`).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^wrote ${output!.replace(/[.\\]/g, '\\$&')}: 2 decks, 3 notes, 3 cards, 0 media files\\n$`));
    }
    expect(fieldsOf(at('back.json'))).toEqual(fieldsOf(at('vocab.json')));
    expect(fieldsOf(at('back.json'))).toContain('<img src="kanji.png"> 山 | mountain, hill');
    expect(inspect(at('vocab.kioku-backup'))).toMatchObject({ format: 'kioku-backup', decks: 2, notes: 3, cards: 3 });
    expect((inspect(at('vocab.apkg')).deckNames as string[]).sort()).toEqual(['日本語', '日本語::動物']);
  });

  it('--with-scheduling carries schedules and the review log through an Anki package', () => {
    writeFileSync(at('studied.json'), serializeDeckFile(sampleCollection()));
    expect(runCli('convert', at('studied.json'), at('studied.apkg'), '--with-scheduling').status).toBe(0);
    expect(inspect(at('studied.apkg'))).toMatchObject({ format: 'apkg', notes: 2, cards: 4, reviews: 4, media: 2 });
    expect(runCli('convert', at('studied.apkg'), at('plain.json')).status).toBe(0);
    expect(inspect(at('plain.json'))).toMatchObject({ reviews: 0, cards: 4 });
    expect(runCli('convert', at('studied.apkg'), at('scheduled.json'), '--with-scheduling').status).toBe(0);
    const scheduled = parseDeckFile(readFileSync(at('scheduled.json'), 'utf8'), 'scheduled.json');
    expect(scheduled.reviews).toHaveLength(4);
    expect(scheduled.cards?.filter((card) => card.reps > 0)).toHaveLength(2);
  });

  it('inspect knows CSV, TSV and Anki packages with media', () => {
    expect(inspect('test/fixtures/transfer/vocab.csv')).toMatchObject({ format: 'csv', decks: 2, notes: 3, cards: 3, reviews: 0, media: 0 });
    expect(inspect('test/fixtures/formats/jlpt-n5.tsv')).toMatchObject({ format: 'tsv' });
    expect(inspect('test/fixtures/anki/media.apkg')).toMatchObject({ format: 'apkg', media: 1 });
  });

  it('a bad input is one line naming the file and where, exit code 1, and no output file', () => {
    writeFileSync(at('quotes.csv'), 'front,back\n"never closed,x\n');
    const result = runCli('convert', at('quotes.csv'), at('quotes.json'));
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: `kioku: ${at('quotes.csv')}, row 2: a quoted field is never closed or is malformed (unbalanced " quote)\n` });
    expect(existsSync(at('quotes.json'))).toBe(false);
  });

  it('refuses Markdown or unknown output and wrong arguments with one line', () => {
    expect(runCli('convert', 'test/fixtures/transfer/vocab.csv', at('out.md'))).toMatchObject({
      status: 1,
      stderr: `kioku: ${at('out.md')}: Markdown notes are input only; write .json, .csv, .tsv, .apkg or .kioku-backup\n`,
    });
    expect(runCli('convert', 'test/fixtures/transfer/vocab.csv', at('out.xlsx'))).toMatchObject({
      status: 1,
      stderr: `kioku: ${at('out.xlsx')}: unknown output format (expected .json, .csv, .tsv, .apkg or .kioku-backup)\n`,
    });
    expect(runCli('convert', 'only-one.csv')).toMatchObject({ status: 1, stderr: 'kioku: usage: kioku convert IN OUT [--with-scheduling]\n' });
    expect(existsSync(at('out.md'))).toBe(false);
  });
});

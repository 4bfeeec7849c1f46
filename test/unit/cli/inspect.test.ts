import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const scratch = mkdtempSync(join(tmpdir(), 'kioku-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('kioku inspect', { timeout: 30_000 }, () => {
  it('summarises the real notes as one JSON object', () => {
    const result = runCli('inspect', 'decks/notes/aws-security.md');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ format: 'kioku-notes', decks: 5, reviews: 0 });
    expect(summary.notes).toBeGreaterThan(50);
    expect(summary.cards).toBeGreaterThan(summary.notes as number);
    expect(summary.deckNames).toContain('AWS Security::非機能要求グレード');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('summarises the committed deck file with the same counts as its notes', () => {
    const fromDeck = JSON.parse(runCli('inspect', 'decks/aws-security.json').stdout) as Record<string, unknown>;
    const fromNotes = JSON.parse(runCli('inspect', 'decks/notes/aws-security.md').stdout) as Record<string, unknown>;
    expect(fromDeck.format).toBe('kioku-deck');
    expect([fromDeck.decks, fromDeck.notes, fromDeck.cards]).toEqual([fromNotes.decks, fromNotes.notes, fromNotes.cards]);
  });

  it('lists the items a file leaves out, with their reasons, and counts the rest', () => {
    const file = join(scratch, 'odd rows.csv');
    writeFileSync(file, 'front,back\n猫,cat\n,no front\n猫,again\n犬,dog\n');
    const result = runCli('inspect', file);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { notes: number; skipped: { kind: string; name: string; reason: string; message: string }[] };
    expect(summary.notes).toBe(2);
    expect(summary.skipped.map((item) => [item.kind, item.name, item.reason])).toEqual([['row', '3', 'empty-first-field'], ['row', '4', 'duplicate-row']]);
    expect(result.stderr).toBe(
      `${file}: skipped row 3: the first field is empty\n${file}: skipped row 4: the same first field came earlier in the same deck (row 2, deck "odd rows")\n`,
    );
  });

  it('a broken JSON file gives one line naming the file, line and column, and exit code 1', () => {
    const file = join(scratch, 'broken.json');
    writeFileSync(file, '{\n  "format": "kioku-deck",\n  "decks": [}\n');
    const result = runCli('inspect', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`kioku: ${file}: line 3, column 13: not valid JSON: expected a value, found "}"\n`);
  });

  it('an unknown file gives one line naming the file, and exit code 1', () => {
    const file = join(scratch, 'photo.bin');
    writeFileSync(file, new Uint8Array([0, 1, 2, 3]));
    const result = runCli('inspect', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`kioku: ${file}: unknown file format (expected .json, .md, .csv, .tsv, .txt, .apkg or .kioku-backup)\n`);
  });

  it('a notes file with a broken table still works, warning with file and line on stderr', () => {
    const result = runCli('inspect', 'test/fixtures/notes/broken-table.md');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'kioku-notes' });
    expect(result.stderr).toContain('test/fixtures/notes/broken-table.md:5: table row has 3 cells');
  });

  it('a notes file with nothing to learn is a one-line error naming it', () => {
    const file = join(scratch, 'empty.md');
    writeFileSync(file, '##1.空の節##\n');
    expect(runCli('inspect', file)).toMatchObject({ status: 1, stdout: '', stderr: `kioku: ${file}: no cards could be made from any section\n` });
  });

  it('a missing file or missing argument is a one-line error', () => {
    expect(runCli('inspect', 'no-such-file.json')).toMatchObject({ status: 1, stderr: 'kioku: no-such-file.json: cannot read (ENOENT)\n' });
    expect(runCli('inspect')).toMatchObject({ status: 1, stderr: 'kioku: usage: kioku inspect FILE\n' });
  });
});

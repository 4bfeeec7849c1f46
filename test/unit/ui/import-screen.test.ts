// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardId } from '../../../src/core/cards';
import { readCsv } from '../../../src/core/formats';
import type { BackupReason } from '../../../src/preload/bridge';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Import from '../../../src/renderer/src/screens/Import.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { createWebBackups } from '../../../src/renderer/src/platform/web-backups';
import { fillDisk } from '../faults/full-disk';

const bytes = (text: string) => new TextEncoder().encode(text);

let collection: Collection;
let backups: BackupReason[];

const platform = {
  openFile: async () => null,
  saveBackup: async (_bytes: Uint8Array, info: { cards: number; reason: BackupReason }) => {
    backups.push(info.reason);
    return { saved: true as const, fileName: 'kioku-backup' };
  },
};

beforeEach(() => {
  setLanguage('en');
  backups = [];
  collection = new Collection({ name: `import-screen-${Math.random()}` });
});
afterEach(() => {
  cleanup();
  collection.close();
});

describe('Import screen', () => {
  it('shows a semicolon CSV as read, with its header columns, then imports it and reports what was added', async () => {
    const file = { name: 'aws.csv', bytes: bytes('Front;Back;Tags\nIAM;Identity and Access Management;aws\nS3;Simple Storage Service;aws storage\n') };
    render(Import, { collection, platform, file });
    await waitFor(() => expect(screen.getByTestId('import-notes').textContent).toBe('2'));
    expect((screen.getByRole('combobox', { name: 'Delimiter' }) as HTMLSelectElement).value).toBe(';');
    expect((screen.getByRole('checkbox', { name: 'First row is a header' }) as HTMLInputElement).checked).toBe(true);
    const tags = screen.getByRole('combobox', { name: 'Tags column' }) as HTMLSelectElement;
    expect(tags.selectedOptions[0]?.textContent).toBe('3: Tags');

    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const result = await screen.findByTestId('import-result');
    expect(result.textContent).toMatch(/Notes added\s*2/);
    const notes = await collection.db.notes.toArray();
    expect(notes.map((note) => note.fields[0]).sort()).toEqual(['IAM', 'S3']);
    expect(notes.find((note) => note.fields[0] === 'S3')?.tags).toEqual(['aws', 'storage']);
    // A CSV has no schedules to overwrite, so no backup was needed.
    expect(backups).toEqual([]);
  });

  it('reads the file again when the learner says the first row is not a header', async () => {
    const file = { name: 'words.csv', bytes: bytes('front,back\n犬,dog\n') };
    render(Import, { collection, platform, file });
    await waitFor(() => expect(screen.getByTestId('import-notes').textContent).toBe('1'));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'First row is a header' }));
    await waitFor(() => expect(screen.getByTestId('import-notes').textContent).toBe('2'));
  });

  it('names the file and row of a bad file, says nothing changed, and writes nothing', async () => {
    const file = { name: 'bad.csv', bytes: bytes('front,back\n,empty front\n') };
    render(Import, { collection, platform, file });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.csv: has no rows with a front and back');
    expect(alert.textContent).toContain('Nothing was changed in your collection.');
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await collection.db.notes.count()).toBe(0);
  });

  it('lists the rows it leaves out, with reasons, in English and Japanese, and imports the rest', async () => {
    const file = { name: 'odd.csv', bytes: bytes(`front,back\n猫,cat\n,no front\n犬,dog\n猫,neko\nlong,${'x'.repeat(1024 * 1024 + 1)}\n`) };
    render(Import, { collection, platform, file });
    await waitFor(() => expect(screen.getByTestId('import-notes').textContent).toBe('2'));
    expect(screen.getByRole('heading', { name: 'Left out of this import (3)' })).toBeTruthy();
    const items = () => screen.getAllByRole('listitem').filter((item) => item.closest('[data-testid="import-skipped"]')).map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(items()).toEqual([
      'Row 3: the first field is empty',
      'Row 5: the same first field came earlier in the same deck (row 2, deck “odd”)',
      'Row 6: a field is longer than 1 MiB (the back, 1,048,577 characters)',
    ]);
    expect(await collection.db.notes.count()).toBe(0);
    setLanguage('ja');
    // The details too are worded in the learner's language, from the reader's values, not its English.
    await waitFor(() =>
      expect(items()).toEqual([
        '3 行目: 最初のフィールドが空です',
        '5 行目: 同じデッキに同じ最初のフィールドが先にあります（2 行目、デッキ「odd」）',
        '6 行目: 1 MiB を超えるフィールドがあります（裏面、1,048,577 文字）',
      ]),
    );
    await fireEvent.click(screen.getByRole('button', { name: '読み込む' }));
    await waitFor(async () => expect(await collection.db.notes.count()).toBe(2));
  });

  it("imports Anki's Notes in Plain Text as its header says, with no layout to fix", async () => {
    const text = '#separator:tab\n#html:true\n#guid column:1\n#deck column:2\n#tags column:5\nq1\tAWS::IAM\tIAM\tIdentity\taws\nq2\tAWS::KMS\tKMS\tKeys\t\n';
    render(Import, { collection, platform, file: { name: 'All Decks.txt', bytes: bytes(text) } });
    await waitFor(() => expect(screen.getByTestId('import-notes').textContent).toBe('2'));
    expect(screen.queryByRole('group', { name: 'How the file is read' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(async () => expect(await collection.db.notes.count()).toBe(2));
    expect((await collection.db.decks.toArray()).map((d) => d.name).sort()).toEqual(['AWS::IAM', 'AWS::KMS']);
  });

  it('keeps the collection unchanged when a long import is cancelled', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `word ${i},meaning ${i}`).join('\n');
    render(Import, { collection, platform, file: { name: 'long.csv', bytes: bytes(`front,back\n${rows}`) } });
    await waitFor(() => expect(screen.getByTestId('import-notes').textContent).toBe('6000'), { timeout: 10_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByRole('group', { name: 'Importing long.csv…' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Import cancelled. Nothing was changed in your collection.');
    expect(await collection.db.notes.count()).toBe(0);
    expect(await collection.db.cards.count()).toBe(0);
  });

  function scheduledDeck() {
    const note = { id: 'n1', noteTypeId: 'basic', deckId: 'd1', fields: ['食べる', 'to eat'], tags: [], modified: 1764460800000 };
    const card = {
      id: cardId(note.id, 0), noteId: note.id, template: 0, deckId: 'd1', suspended: false, buriedUntil: null, due: 1765065600000, stability: 12,
      difficulty: 5, elapsedDays: 3, scheduledDays: 7, reps: 4, lapses: 0, learningSteps: 0, state: 2, lastReview: 1764460800000,
    };
    const deck = {
      format: 'kioku-deck',
      version: 1,
      decks: [{ id: 'd1', name: 'Verbs' }],
      noteTypes: [{ id: 'basic', name: 'Basic', kind: 'standard', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{Back}}' }] }],
      notes: [note],
      cards: [card],
    };
    return { name: 'verbs.json', bytes: bytes(JSON.stringify(deck)) };
  }

  it('backs up the collection before importing schedules, and keeps them', async () => {
    render(Import, { collection, platform, file: scheduledDeck() });
    const keep = (await screen.findByRole('checkbox', { name: /Keep schedules/ })) as HTMLInputElement;
    expect(keep.checked).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByTestId('import-result');
    expect(backups).toEqual(['before-import']);
    expect((await collection.db.cards.toArray()).map((card) => [card.state, card.stability])).toEqual([[2, 12]]);
  });

  it('imports every card as new, without a backup, when the learner leaves schedules out', async () => {
    render(Import, { collection, platform, file: scheduledDeck() });
    await fireEvent.click(await screen.findByRole('checkbox', { name: /Keep schedules/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByTestId('import-result');
    expect(backups).toEqual([]);
    expect((await collection.db.cards.toArray()).map((card) => card.state)).toEqual([0]);
  });

  describe('a file reusing the ids of the learner\'s own note and deck', () => {
    const deckFile = (deckName: string, front: string) => ({
      name: 'shared.json',
      bytes: bytes(
        JSON.stringify({
          format: 'kioku-deck',
          version: 1,
          decks: [{ id: 'mine', name: deckName }],
          noteTypes: [{ id: 'plain', name: 'Plain', kind: 'standard', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{Back}}' }] }],
          notes: [{ id: 'n1', noteTypeId: 'plain', deckId: 'mine', fields: [front, 'back'], tags: [], modified: 0 }],
        }),
      ),
    });

    async function learnerHas(): Promise<void> {
      render(Import, { collection, platform, file: deckFile('My deck', 'my own words') });
      await fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
      await screen.findByTestId('import-result');
      cleanup();
    }

    it('says which of the learner\'s items would change, keeps them by default, and makes no backup', async () => {
      await learnerHas();
      render(Import, { collection, platform, file: deckFile('Free JLPT N5', 'PWNED') });
      const clashes = await screen.findByTestId('import-collisions');
      expect(clashes.textContent).toContain('This file would change things you already have');
      const notes = within(clashes).getByRole('radiogroup', { name: 'Notes (1)' });
      expect(clashes.textContent).toContain('Yours: my own words — in the file: PWNED');
      expect(clashes.textContent).toContain('Yours: My deck — in the file: Free JLPT N5');
      expect((within(notes).getByRole('radio', { name: 'Keep mine' }) as HTMLInputElement).checked).toBe(true);
      await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
      await screen.findByTestId('import-result');
      expect((await collection.db.notes.get('n1'))?.fields[0]).toBe('my own words');
      expect((await collection.db.decks.get('mine'))?.name).toBe('My deck');
      expect(backups).toEqual([]);
    });

    it('takes theirs only when chosen, after a backup', async () => {
      await learnerHas();
      render(Import, { collection, platform, file: deckFile('My deck', 'their words') });
      const clashes = await screen.findByTestId('import-collisions');
      await fireEvent.click(within(within(clashes).getByRole('radiogroup', { name: 'Notes (1)' })).getByRole('radio', { name: 'Take theirs' }));
      await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
      await screen.findByTestId('import-result');
      expect((await collection.db.notes.get('n1'))?.fields[0]).toBe('their words');
      expect(backups).toEqual(['before-import']);
    });

    it('keeps both: the file\'s note arrives as a copy beside the learner\'s', async () => {
      await learnerHas();
      render(Import, { collection, platform, file: deckFile('My deck', 'their words') });
      const clashes = await screen.findByTestId('import-collisions');
      await fireEvent.click(within(clashes).getByRole('radio', { name: 'Keep both (theirs as copies)' }));
      await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
      await screen.findByTestId('import-result');
      expect((await collection.db.notes.toArray()).map((note) => note.fields[0]).sort()).toEqual(['my own words', 'their words']);
      expect(backups).toEqual([]);
    });
  });

  it('a full disk during the backup before importing schedules: says the disk is full (not "Import cancelled") and imports nothing', async () => {
    const backupsOnDisk = createWebBackups({ dbName: `import-screen-backups-${Math.random()}`, now: () => 0, zone: 'UTC' });
    render(Import, { collection, platform: { openFile: async () => null, saveBackup: backupsOnDisk.save }, file: scheduledDeck() });
    await screen.findByRole('checkbox', { name: /Keep schedules/ });
    const full = fillDisk({ kind: 'commit refused' });
    try {
      await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Backing up your collection before importing verbs.json: the disk is full. No backup was saved and nothing was imported.');
      expect(alert.textContent).toContain('export your decks');
      expect(screen.queryByText(/Import cancelled/)).toBeNull();
    } finally {
      full.free();
    }
    expect(await collection.db.notes.count()).toBe(0);
    expect(await backupsOnDisk.list()).toEqual([]);
  });

  it('sends a backup file to a confirmed restore, which saves the current collection first', async () => {
    window.matchMedia = (query: string) => ({ matches: false, media: query, addEventListener: () => {}, removeEventListener: () => {} }) as unknown as MediaQueryList;
    const words = (csv: string) => readCsv(csv, 'words.csv', { now: 0 }).collection;
    await collection.importData(words('front,back\n犬,dog\n'), { fileName: 'words.csv', now: 0, withScheduling: false });
    const backup = await collection.createBackup(Date.UTC(2026, 10, 1));
    await collection.importData(words('front,back\n猫,cat\n'), { fileName: 'words.csv', now: 0, withScheduling: false });

    render(Import, { collection, platform, file: { name: 'old.kioku-backup', bytes: backup } });
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog.textContent).toContain('1 notes and 1 cards');
    expect(await collection.db.notes.count()).toBe(2);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await screen.findByText('Backup restored');
    expect(backups).toEqual(['before-restore']);
    expect((await collection.db.notes.toArray()).map((note) => note.fields[0])).toEqual(['犬']);
  });
});

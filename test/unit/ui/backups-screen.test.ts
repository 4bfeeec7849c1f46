// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCsv } from '../../../src/core/formats';
import type { BackupEntry, BackupInfo } from '../../../src/preload/bridge';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Backups from '../../../src/renderer/src/screens/backups/Backups.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';

const NOW = Date.UTC(2026, 10, 30, 9);

/** Backups kept in memory, newest first, as the shell lists them (the content rule lives in the shell and is tested there). */
function memoryShell() {
  const stored: (BackupEntry & { bytes: Uint8Array })[] = [];
  const saved: { name: string; bytes: Uint8Array }[] = [];
  let revealed = 0;
  let picked: { name: string; bytes: Uint8Array } | null = null;
  return {
    stored,
    saved,
    revealed: () => revealed,
    pick: (file: { name: string; bytes: Uint8Array }) => (picked = file),
    platform: {
      listBackups: async () => stored.map(({ bytes, ...entry }) => ({ ...entry, size: bytes.byteLength })),
      saveBackup: async (bytes: Uint8Array, info: BackupInfo) => {
        const fileName = `kioku-${stored.length + 1}.kioku-backup`;
        stored.unshift({ fileName, createdAt: NOW + stored.length * 61_000, ...info, bytes });
        return { saved: true as const, fileName };
      },
      readBackup: async (fileName: string) => {
        const found = stored.find((entry) => entry.fileName === fileName);
        if (!found) throw new Error(`No backup named ${fileName}`);
        return found.bytes;
      },
      revealBackups: async () => {
        revealed++;
      },
      saveFile: async (name: string, bytes: Uint8Array) => (saved.push({ name, bytes }), true),
      openFile: async () => picked,
      backupLocation: async () => ({ kind: 'browser' as const, canChooseFolder: false }),
      chooseBackupFolder: async () => null,
    },
  };
}

async function addWords(collection: Collection, csv: string): Promise<void> {
  const { collection: data } = readCsv(csv, 'words.csv', { now: NOW });
  await collection.importData(data, { fileName: 'words.csv', now: NOW, withScheduling: false });
}

let collection: Collection;

beforeEach(() => {
  setLanguage('en');
  // jsdom has no matchMedia; restoring applies the backup's theme, which may follow the system.
  window.matchMedia = (query: string) => ({ matches: false, media: query, addEventListener: () => {}, removeEventListener: () => {} }) as unknown as MediaQueryList;
  collection = new Collection({ name: `backups-screen-${Math.random()}` });
});
afterEach(() => {
  cleanup();
  collection.close();
});

describe('Backups screen', () => {
  it('backs up now and lists the backup with its card count', async () => {
    await addWords(collection, 'front,back\n犬,dog\n猫,cat\n');
    const shell = memoryShell();
    render(Backups, { collection, platform: shell.platform, desktop: false });
    expect(await screen.findByText('No backups yet.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByText('Backup saved.');
    const row = (await screen.findAllByRole('row'))[1]!;
    expect(within(row).getAllByText('2')).toHaveLength(2);
    expect(within(row).getByText('Backed up by you')).toBeTruthy();
    expect(within(row).getByText(/\d{1,2}:\d{2}:\d{2}/)).toBeTruthy();
    expect(shell.stored.map((entry) => entry.reason)).toEqual(['manual']);
    expect(shell.stored[0]!.contentHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('restores a backup only after confirming, saving the current collection first', async () => {
    await addWords(collection, 'front,back\n犬,dog\n');
    const shell = memoryShell();
    render(Backups, { collection, platform: shell.platform, desktop: false });
    await fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    await screen.findByText('Backup saved.');
    await addWords(collection, 'front,back\n猫,cat\n鳥,bird\n');
    expect(await collection.db.notes.count()).toBe(3);

    await fireEvent.click(await screen.findByRole('button', { name: /^Restore the backup from/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(await collection.db.notes.count()).toBe(3);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));

    await screen.findByText('Backup restored: 1 notes, 1 cards.');
    expect((await collection.db.notes.toArray()).map((note) => note.fields[0])).toEqual(['犬']);
    expect(shell.stored.map((entry) => [entry.reason, entry.cards])).toEqual([
      ['before-restore', 3],
      ['manual', 1],
    ]);
  });

  it('leaves the collection alone when the restore is not confirmed', async () => {
    await addWords(collection, 'front,back\n犬,dog\n');
    const shell = memoryShell();
    render(Backups, { collection, platform: shell.platform, desktop: false });
    await fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    await addWords(collection, 'front,back\n猫,cat\n');
    await fireEvent.click(await screen.findByRole('button', { name: /^Restore the backup from/ }));
    const dialog = await screen.findByRole('dialog');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await collection.db.notes.count()).toBe(2);
    expect(shell.stored).toHaveLength(1);
  });

  it('offers the backups folder only in the desktop app', async () => {
    const shell = memoryShell();
    render(Backups, { collection, platform: shell.platform, desktop: false });
    await screen.findByText('No backups yet.');
    expect(screen.queryByRole('button', { name: 'Open backups folder' })).toBeNull();
    cleanup();
    render(Backups, { collection, platform: shell.platform, desktop: true });
    await fireEvent.click(await screen.findByRole('button', { name: 'Open backups folder' }));
    expect(shell.revealed()).toBe(1);
  });

  it('gives two backups of an unchanged collection the same content hash, and a changed one another', async () => {
    await addWords(collection, 'front,back\n犬,dog\n');
    const shell = memoryShell();
    render(Backups, { collection, platform: shell.platform, desktop: false });
    for (const words of ['', '', 'front,back\n猫,cat\n']) {
      if (words) await addWords(collection, words);
      const before = shell.stored.length;
      await fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
      await vi.waitFor(() => expect(shell.stored).toHaveLength(before + 1));
    }
    const [third, second, first] = shell.stored.map((entry) => entry.contentHash);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it('downloads any listed backup with its own name, and says where web backups live', async () => {
    await addWords(collection, 'front,back\n犬,dog\n');
    const shell = memoryShell();
    render(Backups, { collection, platform: shell.platform, desktop: false });
    expect((await screen.findByTestId('backup-location')).textContent).toMatch(/clearing this site’s data deletes both/);
    await fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await fireEvent.click(await screen.findByRole('button', { name: /^Download the backup from/ }));
    await screen.findByText('Saved kioku-1.kioku-backup.');
    expect(shell.saved).toEqual([{ name: 'kioku-1.kioku-backup', bytes: shell.stored[0]!.bytes }]);
  });

  it('restores from a file the learner picks, after confirming and backing up first', async () => {
    await addWords(collection, 'front,back\n犬,dog\n');
    const file = { name: 'from-my-laptop.kioku-backup', bytes: await collection.createBackup(NOW) };
    await addWords(collection, 'front,back\n猫,cat\n');
    const shell = memoryShell();
    shell.pick(file);
    render(Backups, { collection, platform: shell.platform, desktop: false });
    await fireEvent.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog.textContent).toContain('from-my-laptop.kioku-backup');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await screen.findByText('Backup restored: 1 notes, 1 cards.');
    expect(shell.stored.map((entry) => [entry.reason, entry.notes])).toEqual([['before-restore', 2]]);
  });
});

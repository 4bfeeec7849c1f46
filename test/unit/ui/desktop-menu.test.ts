// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/formats';
import type { BackupReason, KiokuBridge, MenuCommand } from '../../../src/preload/bridge';
import Desktop from '../../../src/renderer/src/desktop/Desktop.svelte';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';

const NOW = Date.UTC(2026, 10, 30, 9);
let collection: Collection;

/** The desktop shell as the page sees it: the test sends menu commands and asks to quit. */
function fakeShell() {
  let menu: ((command: MenuCommand) => void) | undefined;
  let quit: (() => Promise<void> | void) | undefined;
  const reasons: BackupReason[] = [];
  const bridge: KiokuBridge = {
    openFile: async () => null,
    saveFile: async () => true,
    listBackups: async () => [],
    saveBackup: async (_bytes, info) => (reasons.push(info.reason), { saved: true, fileName: 'b' }),
    readBackup: async () => new Uint8Array(),
    revealBackups: async () => undefined,
    backupLocation: async () => ({ kind: 'folder', path: '/backups' }),
    chooseBackupFolder: async () => null,
    appInfo: async () => ({ version: '9.8.7', platform: 'linux', locale: 'en' }),
    loadSyncAccount: async () => null,
    saveSyncAccount: async () => undefined,
    onMenuCommand: (callback) => ((menu = callback), () => (menu = undefined)),
    onQuitRequested: (callback) => ((quit = callback), () => (quit = undefined)),
  };
  return { bridge, reasons, send: (command: MenuCommand) => menu!(command), quit: () => quit!() };
}

function mount(shell: ReturnType<typeof fakeShell>) {
  const went: string[] = [];
  const studied: string[] = [];
  render(Desktop, {
    collection,
    platform: shell.bridge,
    studying: false,
    ongo: (place: string) => went.push(place),
    onstudy: (_deckId: string, deckName: string) => studied.push(deckName),
    ondropfile: () => undefined,
  });
  return { went, studied };
}

beforeEach(async () => {
  setLanguage('en');
  collection = new Collection({ name: `desktop-menu-${Math.random()}` });
  const { collection: data } = readCsv('front,back,deck\n犬,dog,Animals\n', 'words.csv', { now: NOW });
  await collection.importData(data, { fileName: 'words.csv', now: NOW, withScheduling: false });
});
afterEach(() => {
  cleanup();
  collection.close();
});

describe('the app menu in the page', () => {
  it('opens screens, starts studying the first deck with cards, and shows the version', async () => {
    const shell = fakeShell();
    const { went, studied } = mount(shell);
    shell.send('export');
    shell.send('study-stats');
    shell.send('restore-backup');
    expect(went).toEqual(['export', 'stats', 'backups']);
    shell.send('study-start');
    await expect.poll(() => studied).toEqual(['Animals']);
    shell.send('about');
    expect((await screen.findByRole('dialog', { name: 'About Kioku' })).textContent).toContain('Version 9.8.7 (linux)');
  });

  it('backs up from the menu, and when the app quits only what changed since', async () => {
    const shell = fakeShell();
    mount(shell);
    shell.send('backup-now');
    await expect.poll(() => shell.reasons).toEqual(['manual']);
    await shell.quit();
    expect(shell.reasons).toEqual(['manual']);

    const [card] = await collection.db.cards.toArray();
    await collection.answer(card!.id, 3, NOW, 4000);
    await shell.quit();
    expect(shell.reasons).toEqual(['manual', 'quit']);
  });

  it('toggles the theme and remembers it', async () => {
    document.documentElement.dataset.theme = 'light';
    const shell = fakeShell();
    mount(shell);
    shell.send('toggle-theme');
    await expect.poll(() => document.documentElement.dataset.theme).toBe('dark');
    expect((await collection.settings()).theme).toBe('dark');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KiokuBridge } from '../../../src/preload/bridge';
import { Channel } from '../../../src/preload/channels';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => unknown>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => 'answer'),
      send: vi.fn(),
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: electron.ipcRenderer,
}));

await import('../../../src/preload/index');
const kioku = electron.exposed.get('kioku') as KiokuBridge;

function fromMain(channel: string, ...args: unknown[]): Promise<unknown[]> {
  return Promise.all([...(electron.listeners.get(channel) ?? [])].map((listener: Listener) => listener({}, ...args)));
}

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.send.mockClear();
});

describe('preload bridge', () => {
  it('exposes only window.kioku with exactly the bridge methods, and no ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['kioku']);
    expect(Object.keys(kioku).sort()).toEqual(
      [
        'appInfo',
        'backupLocation',
        'chooseBackupFolder',
        'listBackups',
        'loadSyncAccount',
        'onMenuCommand',
        'onQuitRequested',
        'openFile',
        'readBackup',
        'revealBackups',
        'saveBackup',
        'saveFile',
        'saveSyncAccount',
      ].sort(),
    );
    for (const value of Object.values(kioku)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
    }
  });

  it('calls each fixed channel with the learner’s arguments', async () => {
    const bytes = new Uint8Array([1, 2]);
    await kioku.openFile([{ name: 'Anki', extensions: ['apkg'] }]);
    await kioku.saveFile('deck.csv', bytes);
    await kioku.saveBackup(bytes, { cards: 3, notes: 2, reason: 'manual', contentHash: '0123456789abcdef' });
    await kioku.readBackup('kioku-2026-11-30T10-00-00Z-3cards.kioku-backup');
    await kioku.listBackups();
    await kioku.revealBackups();
    await kioku.backupLocation();
    await kioku.chooseBackupFolder();
    expect(await kioku.appInfo()).toBe('answer');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [Channel.openFile, [{ name: 'Anki', extensions: ['apkg'] }]],
      [Channel.saveFile, 'deck.csv', bytes],
      [Channel.saveBackup, bytes, { cards: 3, notes: 2, reason: 'manual', contentHash: '0123456789abcdef' }],
      [Channel.readBackup, 'kioku-2026-11-30T10-00-00Z-3cards.kioku-backup'],
      [Channel.listBackups],
      [Channel.revealBackups],
      [Channel.backupLocation],
      [Channel.chooseBackupFolder],
      [Channel.appInfo],
    ]);
  });

  it('passes on menu commands, drops unknown ones, and stops after unsubscribing', async () => {
    const received: string[] = [];
    const stop = kioku.onMenuCommand((command) => received.push(command));
    await fromMain(Channel.menuCommand, 'import');
    await fromMain(Channel.menuCommand, 'rm -rf');
    await fromMain(Channel.menuCommand, { command: 'import' });
    stop();
    await fromMain(Channel.menuCommand, 'export');
    expect(received).toEqual(['import']);
  });

  it('tells main it may quit once the page’s last backup is done, even if it failed', async () => {
    const order: string[] = [];
    electron.ipcRenderer.send.mockImplementation(() => order.push('ready'));
    const stop = kioku.onQuitRequested(async () => {
      order.push('backup');
      throw new Error('disk full');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fromMain(Channel.quitRequested);
    stop();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    expect(order).toEqual(['backup', 'ready']);
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith(Channel.quitReady);
  });
});

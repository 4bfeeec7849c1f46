import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../src/main/app-origin';
import type { BackupStore } from '../../../src/main/backups/backup-store';
import { registerIpcHandlers, type IpcServices } from '../../../src/main/ipc-handlers';
import { Channel } from '../../../src/preload/channels';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  handlers = new Map<string, Handler>();
  listeners = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }
  on(channel: string, listener: Handler): void {
    this.listeners.set(channel, listener);
  }
  /** Calls a handler as a page at `url` would. */
  async invoke(url: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: url === null ? null : { url }, sender: { id: 1 } }, ...args);
  }
}

const APP = 'app://kioku/index.html';
const BACKUP = 'kioku-2026-11-30T10-00-00Z-12cards.kioku-backup';
const VALID_INFO = { cards: 12, notes: 9, reason: 'before-import', contentHash: '0123456789abcdef', detail: 'AWS 試験.apkg' };

let ipc: FakeIpcMain;
let services: IpcServices;
let backups: { [K in keyof BackupStore]: ReturnType<typeof vi.fn> };

beforeEach(() => {
  ipc = new FakeIpcMain();
  backups = {
    dir: '/backups' as never,
    moveTo: vi.fn(async () => undefined),
    list: vi.fn(async () => []),
    save: vi.fn(async () => ({ saved: true, fileName: BACKUP })),
    read: vi.fn(async () => new Uint8Array([1])),
  };
  services = {
    isTrustedSender: (url) => isAppUrl(url, 'http://localhost:5173'),
    openFile: vi.fn(async () => null),
    saveFile: vi.fn(async () => true),
    backups: backups as unknown as BackupStore,
    revealBackups: vi.fn(async () => undefined),
    chooseBackupFolder: vi.fn(async () => ({ kind: 'folder' as const, path: '/elsewhere' })),
    appInfo: vi.fn(() => ({ version: '0.1.0', platform: 'linux', locale: 'ja' })),
    quitReady: vi.fn(),
    syncAccount: { load: vi.fn(async () => null), save: vi.fn(async () => undefined), origin: async () => null },
  };
  registerIpcHandlers(ipc as unknown as IpcMain, services);
});

describe('IPC handlers', () => {
  it('answer the app’s own page and the dev server', async () => {
    expect(await ipc.invoke(APP, Channel.appInfo)).toEqual({ version: '0.1.0', platform: 'linux', locale: 'ja' });
    expect(await ipc.invoke('http://localhost:5173/', Channel.listBackups)).toEqual([]);
    expect(await ipc.invoke(APP, Channel.readBackup, BACKUP)).toEqual(new Uint8Array([1]));
    expect(backups.read).toHaveBeenCalledWith(BACKUP);
  });

  it.each(['https://evil.example/', 'app://kioku.evil/index.html', 'file:///home/me/page.html', 'about:blank', null])(
    'refuse every call from %s and do nothing',
    async (url) => {
      for (const channel of ipc.handlers.keys()) {
        await expect(ipc.invoke(url, channel)).rejects.toThrow(/refused a call/);
      }
      await expect(ipc.invoke(url, Channel.saveBackup, new Uint8Array([1]), { cards: 12, notes: 9, reason: 'before-import', contentHash: '0123456789abcdef', detail: 'AWS 試験.apkg' })).rejects.toThrow();
      expect(backups.save).not.toHaveBeenCalled();
      expect(backups.list).not.toHaveBeenCalled();
      expect(services.openFile).not.toHaveBeenCalled();
      expect(services.revealBackups).not.toHaveBeenCalled();
      expect(services.chooseBackupFolder).not.toHaveBeenCalled();
    },
  );

  it('covers every channel the preload script uses', () => {
    const invoked = Object.values(Channel).filter((name) => ![Channel.menuCommand, Channel.quitRequested, Channel.quitReady].includes(name as never));
    expect([...ipc.handlers.keys()].sort()).toEqual([...invoked].sort());
    expect([...ipc.listeners.keys()]).toEqual([Channel.quitReady]);
  });

  it.each([
    [Channel.readBackup, ['../../etc/passwd']],
    [Channel.readBackup, ['/etc/passwd']],
    [Channel.readBackup, [`${BACKUP}/../../x`]],
    [Channel.readBackup, [42]],
    [Channel.readBackup, []],
    [Channel.saveBackup, ['not bytes', VALID_INFO]],
    [Channel.saveBackup, [new Uint8Array([1]), { ...VALID_INFO, cards: -1 }]],
    [Channel.saveBackup, [new Uint8Array([1]), { ...VALID_INFO, cards: 1.5 }]],
    [Channel.saveBackup, [new Uint8Array([1]), { ...VALID_INFO, notes: -1 }]],
    [Channel.saveBackup, [new Uint8Array([1]), { ...VALID_INFO, reason: 'because' }]],
    [Channel.saveBackup, [new Uint8Array([1]), { ...VALID_INFO, path: '/tmp/x' }]],
    [Channel.saveBackup, [new Uint8Array([1]), { ...VALID_INFO, contentHash: '../../x' }]],
    [Channel.saveBackup, [new Uint8Array([1]), { ...VALID_INFO, detail: 'x'.repeat(301) }]],
    [Channel.saveBackup, [new Uint8Array([1]), { cards: 1, reason: 'manual' }]],
    [Channel.chooseBackupFolder, ['/tmp/chosen-by-the-page']],
    [Channel.backupLocation, ['x']],
    [Channel.saveFile, ['../outside.csv', new Uint8Array([1])]],
    [Channel.saveFile, ['C:\\Windows\\x.dll', new Uint8Array([1])]],
    [Channel.saveFile, ['', new Uint8Array([1])]],
    [Channel.saveFile, ['deck.csv', [1, 2, 3]]],
    [Channel.openFile, [[{ name: 'Anki', extensions: ['apkg;rm -rf'] }]]],
    [Channel.openFile, [{ name: 'Anki', extensions: ['apkg'] }]],
    [Channel.appInfo, ['extra']],
    [Channel.listBackups, [{}]],
  ])('%s rejects bad arguments %j without acting', async (channel, args) => {
    await expect(ipc.invoke(APP, channel, ...args)).rejects.toThrow(new RegExp(`${channel}: invalid arguments`));
    expect(backups.read).not.toHaveBeenCalled();
    expect(backups.save).not.toHaveBeenCalled();
    expect(services.saveFile).not.toHaveBeenCalled();
    expect(services.openFile).not.toHaveBeenCalled();
    expect(services.appInfo).not.toHaveBeenCalled();
    expect(services.chooseBackupFolder).not.toHaveBeenCalled();
  });

  it('passes valid arguments through', async () => {
    const bytes = new Uint8Array([7, 7]);
    await ipc.invoke(APP, Channel.saveBackup, bytes, VALID_INFO);
    expect(backups.save).toHaveBeenCalledWith(bytes, VALID_INFO);
    expect(await ipc.invoke(APP, Channel.backupLocation)).toEqual({ kind: 'folder', path: '/backups' });
    expect(await ipc.invoke(APP, Channel.chooseBackupFolder)).toEqual({ kind: 'folder', path: '/elsewhere' });
    expect(services.chooseBackupFolder).toHaveBeenCalledWith({ id: 1 });
    await ipc.invoke(APP, Channel.saveFile, 'AWS 試験.csv', bytes);
    expect(services.saveFile).toHaveBeenCalledWith('AWS 試験.csv', bytes, { id: 1 });
    await ipc.invoke(APP, Channel.openFile, [{ name: 'Anki', extensions: ['apkg', 'colpkg'] }]);
    expect(services.openFile).toHaveBeenCalledWith([{ name: 'Anki', extensions: ['apkg', 'colpkg'] }], { id: 1 });
  });

  it('hears the page is ready to quit only from the page itself', () => {
    const listener = ipc.listeners.get(Channel.quitReady)!;
    listener({ senderFrame: { url: 'https://evil.example/' } });
    expect(services.quitReady).not.toHaveBeenCalled();
    listener({ senderFrame: { url: APP } });
    expect(services.quitReady).toHaveBeenCalledOnce();
  });
});

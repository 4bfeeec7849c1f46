import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channel } from '../../../src/preload/channels';

const fake = vi.hoisted(() => {
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    options: unknown;
    webContents = { send: vi.fn() };
    loadURL = vi.fn(async () => undefined);
    destroy = vi.fn();
    maximize = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    show = vi.fn();
    isMinimized = () => true;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 5, y: 6, width: 900, height: 700 });
    constructor(options: unknown) {
      super();
      this.options = options;
      windows.push(this);
    }
    static fromWebContents = () => null;
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    userData: '',
    gotLock: true,
    readyNow: null as null | (() => void),
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => app.gotLock),
    quit: vi.fn(),
    getLocale: () => 'ja',
    getVersion: () => '0.1.0',
    getPath: (name: string) => (name === 'userData' ? app.userData : '/downloads'),
    whenReady: () =>
      new Promise<void>((resolve) => {
        app.readyNow = resolve;
      }),
  });
  return {
    calls,
    windows,
    FakeWindow,
    app,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => calls.push('protocol.handle')),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  protocol: fake.protocol,
  session: fake.session,
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
  },
  dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
  shell: { openExternal: vi.fn(), openPath: vi.fn(async () => '') },
  safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
}));

const userData = mkdtempSync(join(tmpdir(), 'kioku-main-'));
fake.app.userData = userData;
afterAll(() => rmSync(userData, { recursive: true, force: true }));

async function start(): Promise<void> {
  await import('../../../src/main/index');
  fake.app.readyNow?.();
  await vi.waitFor(() => expect(fake.windows.length).toBe(1));
}

describe('main process start-up', () => {
  beforeEach(async () => {
    if (fake.windows.length === 0) await start();
  });

  it('registers the app:// scheme as privileged and turns on the sandbox before the app is ready', () => {
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('protocol.handle'));
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('holds the single-instance lock and focuses the window when Kioku is started again', () => {
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    fake.app.emit('second-instance');
    expect(fake.windows[0]!.restore).toHaveBeenCalled();
    expect(fake.windows[0]!.focus).toHaveBeenCalled();
  });

  it('opens one isolated, sandboxed window on the app:// page', () => {
    const window = fake.windows[0]!;
    expect(window.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://kioku/index.html');
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('denies permissions, guards every web page and answers IPC only through checked handlers', () => {
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.app.emit('web-contents-created', {}, contents);
    let prevented = false;
    contents.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const channels = fake.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels).toContain(Channel.saveBackup);
  });

  it('sets a Japanese menu on a Japanese system', () => {
    const [template] = fake.Menu.buildFromTemplate.mock.calls[0] as [{ label: string }[]];
    expect(template.map((menu) => menu.label)).toContain('ファイル');
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('on close asks the page for a last backup, remembers the window place, then closes', async () => {
    const window = fake.windows[0]!;
    let prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith(Channel.quitRequested);
    expect(window.destroy).not.toHaveBeenCalled();
    const quitReady = fake.ipcMain.on.mock.calls.find(([channel]) => channel === Channel.quitReady)![1] as (event: unknown) => void;
    quitReady({ senderFrame: { url: 'app://kioku/index.html' } });
    await vi.waitFor(() => expect(window.destroy).toHaveBeenCalled());
    const { readWindowState } = await import('../../../src/main/window-state');
    await vi.waitFor(async () => expect(await readWindowState(userData)).toEqual({ x: 5, y: 6, width: 900, height: 700, maximized: false }));
  });
});

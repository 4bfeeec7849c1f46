import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, safeStorage, session, shell } from 'electron';
import { Channel } from '../preload/channels';
import { APP_SCHEME, APP_START_URL, isAppUrl } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { readBackupFolder, writeBackupFolder } from './backups/backup-folder';
import { createBackupStore } from './backups/backup-store';
import { chooseFolderDialog, openFileDialog, saveFileDialog } from './file-dialogs';
import { registerIpcHandlers } from './ipc-handlers';
import { createSyncAccountStore } from './sync-account';
import { lastBackup } from './last-backup';
import { createMainWindow } from './main-window';
import { menuTemplate } from './menu';
import { menuText } from './menu-catalog';
import { denyAllPermissions, guardWebContents, isExternalWebLink } from './web-contents-guard';
import { placeWindow, readWindowState, writeWindowState } from './window-state';

// The dev server is trusted only in an unpackaged app, so a stray environment variable cannot point a release elsewhere.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devOrigin = devUrl ? new URL(devUrl).origin : undefined;
const isOwnPage = (url: string | undefined): boolean => isAppUrl(url, devOrigin);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
const last = lastBackup();

async function askToOpen(url: string): Promise<boolean> {
  const t = menuText(app.getLocale());
  const options = {
    type: 'question' as const,
    buttons: [t.openLinkButton, t.cancel],
    defaultId: 1,
    cancelId: 1,
    message: t.openLinkTitle,
    detail: url,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/**
 * Electronegativity asks for a review of every openExternal with a variable
 * URL; reviewed: only https: links reach it, after the learner said yes.
 */
async function openInBrowser(url: string): Promise<void> {
  if (!isExternalWebLink(url)) throw new Error(`Kioku opens only https: links in the browser, not ${url}`);
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, { isAppUrl: (url) => isOwnPage(url), links: { confirm: askToOpen, open: openInBrowser } });
});

async function createWindow(): Promise<void> {
  const userData = app.getPath('userData');
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const place = placeWindow(await readWindowState(userData), [primary, ...others].map((display) => display.workArea));
  const window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), place);
  mainWindow = window;
  if (place.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let closing = false;
  window.on('close', (event) => {
    // A second close while the page is still saving means "close now".
    if (closing) return;
    event.preventDefault();
    closing = true;
    // Losing the window's place is harmless; it must never keep the app from closing.
    writeWindowState(userData, { ...window.getNormalBounds(), maximized: window.isMaximized() }).catch(() => undefined);
    void last.request(() => window.webContents.send(Channel.quitRequested)).then(() => window.destroy());
  });
  window.on('closed', () => {
    mainWindow = null;
  });

  await window.loadURL(devUrl ?? APP_START_URL);
}

async function revealBackups(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const problem = await shell.openPath(dir);
  if (problem) throw new Error(`Could not open the backups folder ${dir}: ${problem}`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // One window holds the whole study session, so closing it quits on every platform.
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    const syncAccount = createSyncAccountStore(join(app.getPath('userData'), 'sync-account.bin'), safeStorage);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(import.meta.dirname, '../renderer'), () => syncAccount.origin()));
    denyAllPermissions(session.defaultSession);
    const userData = app.getPath('userData');
    const backups = createBackupStore((await readBackupFolder(userData)) ?? join(userData, 'backups'));
    registerIpcHandlers(ipcMain, {
      isTrustedSender: isOwnPage,
      openFile: openFileDialog,
      saveFile: saveFileDialog,
      backups,
      revealBackups: () => revealBackups(backups.dir),
      chooseBackupFolder: async (sender) => {
        const path = await chooseFolderDialog(sender, backups.dir);
        if (path === null) return null;
        await backups.moveTo(path);
        await writeBackupFolder(userData, path);
        return { kind: 'folder', path };
      },
      appInfo: () => ({ version: app.getVersion(), platform: process.platform, locale: app.getLocale() }),
      quitReady: () => last.ready(),
      syncAccount,
    });
    const menu = menuTemplate(
      { locale: app.getLocale(), platform: process.platform, devTools: !app.isPackaged },
      {
        send: (command) => mainWindow?.webContents.send(Channel.menuCommand, command),
        openBackupsFolder: () => void revealBackups(backups.dir).catch((error: unknown) => dialog.showErrorBox('Kioku', String(error))),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
    await createWindow();
  }).catch((error: unknown) => {
    dialog.showErrorBox('Kioku could not start', String(error));
    app.quit();
  });
}

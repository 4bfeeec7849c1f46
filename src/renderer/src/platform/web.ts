import type { BackupLocation, KiokuBridge } from '../../../preload/bridge';
import { version } from '../../../../package.json';
import { createBackupFolderChoice, type BackupFolderChoice } from './backup-folder-choice';
import { copyBackups, createFolderBackups } from './folder-backups';
import { createWebBackups, type WebBackups } from './web-backups';
import { downloadFile, pickFile } from './web-files';
import { createWebSyncAccount } from './web-sync-account';

export interface WebPlatformOptions {
  window?: Window;
  backups?: WebBackups;
  folderChoice?: BackupFolderChoice;
}

/** The desktop bridge, done with what a browser offers: a file chooser, downloads and IndexedDB. */
export function createWebPlatform(options: WebPlatformOptions = {}): KiokuBridge {
  const win = options.window ?? window;
  const browserBackups = options.backups ?? createWebBackups();
  const syncAccount = createWebSyncAccount();
  const folderChoice = options.folderChoice ?? createBackupFolderChoice(win);
  let inFolder: { handle: FileSystemDirectoryHandle; store: WebBackups } | null = null;

  /** The chosen folder while the browser allows writing to it, and this browser's storage otherwise. */
  async function store(): Promise<WebBackups> {
    if (!folderChoice.supported) return browserBackups;
    const chosen = await folderChoice.current();
    if (!chosen?.allowed) return browserBackups;
    if (!inFolder || !(await inFolder.handle.isSameEntry(chosen.handle))) inFolder = { handle: chosen.handle, store: createFolderBackups(chosen.handle) };
    return inFolder.store;
  }

  const backups: WebBackups = {
    list: async () => (await store()).list(),
    save: async (bytes, info) => (await store()).save(bytes, info),
    read: async (fileName) => (await store()).read(fileName),
  };

  async function location(): Promise<BackupLocation> {
    const chosen = folderChoice.supported ? await folderChoice.current() : null;
    if (chosen) return { kind: 'chosen-folder', name: chosen.handle.name, allowed: chosen.allowed };
    return { kind: 'browser', canChooseFolder: folderChoice.supported };
  }

  return {
    openFile: (filters) => pickFile(win.document, filters),
    async saveFile(suggestedName, bytes) {
      downloadFile(win.document, suggestedName, bytes);
      return true;
    },
    listBackups: () => backups.list(),
    saveBackup: (bytes, info) => backups.save(bytes, info),
    readBackup: (fileName) => backups.read(fileName),
    // A browser has no folder to show, so the newest backup is offered as a download instead.
    async revealBackups() {
      const newest = (await backups.list())[0];
      if (newest) downloadFile(win.document, newest.fileName, await backups.read(newest.fileName));
    },
    backupLocation: location,
    async chooseBackupFolder() {
      const chosen = folderChoice.supported ? await folderChoice.current() : null;
      // Backups made while the folder was not allowed stayed in the browser; they follow it there.
      if (chosen && !chosen.allowed && (await folderChoice.allow())) {
        await copyBackups(browserBackups, chosen.handle);
        return location();
      }
      const before = await store();
      const handle = await folderChoice.choose();
      if (!handle) return null;
      await copyBackups(before, handle);
      return location();
    },
    loadSyncAccount: () => syncAccount.load(),
    saveSyncAccount: (account, remember) => syncAccount.save(account, remember),
    async appInfo() {
      return { version, platform: 'web', locale: win.navigator.language };
    },
    // The web page has no app menu; its commands come from the page's own buttons and keys.
    onMenuCommand: () => () => undefined,
    // A closing tab does not wait for promises, so this is a best effort.
    onQuitRequested(callback) {
      const listener = (): void => void callback();
      win.addEventListener('pagehide', listener);
      return () => win.removeEventListener('pagehide', listener);
    },
  };
}

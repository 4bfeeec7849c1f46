import type { KiokuBridge } from '../../../preload/bridge';
import { version } from '../../../../package.json';
import { createWebBackups, type WebBackups } from './web-backups';
import { downloadFile, pickFile } from './web-files';
import { createWebSyncAccount } from './web-sync-account';

export interface WebPlatformOptions {
  window?: Window;
  backups?: WebBackups;
}

/** The desktop bridge, done with what a browser offers: a file chooser, downloads and IndexedDB. */
export function createWebPlatform(options: WebPlatformOptions = {}): KiokuBridge {
  const win = options.window ?? window;
  const backups = options.backups ?? createWebBackups();
  const syncAccount = createWebSyncAccount();
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
    async backupLocation() {
      return { kind: 'browser' } as const;
    },
    async chooseBackupFolder() {
      return null;
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

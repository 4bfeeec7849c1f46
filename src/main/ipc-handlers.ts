import type { IpcMain, WebContents } from 'electron';
import type { AppInfo, BackupLocation, FileFilter, OpenedFile } from '../preload/bridge';
import type { SyncAccountStore } from './sync-account';
import { Channel } from '../preload/channels';
import type { BackupStore } from './backups/backup-store';
import { handleChecked, onChecked, type SenderCheck } from './ipc-guard';
import { ipcArgs } from './ipc-schemas';

export interface IpcServices {
  isTrustedSender: SenderCheck;
  openFile(filters: FileFilter[], sender: WebContents): Promise<OpenedFile | null>;
  saveFile(suggestedName: string, bytes: Uint8Array, sender: WebContents): Promise<boolean>;
  backups: BackupStore;
  revealBackups(): Promise<void>;
  chooseBackupFolder(sender: WebContents): Promise<BackupLocation | null>;
  appInfo(): AppInfo;
  syncAccount: SyncAccountStore;
  /** The page has finished its last backup before quitting. */
  quitReady(): void;
}

/** Every channel the page may use; each checks its sender and arguments first (see ipc-guard). */
export function registerIpcHandlers(ipcMain: IpcMain, services: IpcServices): void {
  const trusted = services.isTrustedSender;
  handleChecked(ipcMain, trusted, Channel.openFile, ipcArgs.openFile, (event, filters) => services.openFile(filters, event.sender));
  handleChecked(ipcMain, trusted, Channel.saveFile, ipcArgs.saveFile, (event, name, bytes) => services.saveFile(name, bytes, event.sender));
  handleChecked(ipcMain, trusted, Channel.listBackups, ipcArgs.none, () => services.backups.list());
  handleChecked(ipcMain, trusted, Channel.saveBackup, ipcArgs.saveBackup, (_event, bytes, info) => services.backups.save(bytes, info));
  handleChecked(ipcMain, trusted, Channel.readBackup, ipcArgs.readBackup, (_event, fileName) => services.backups.read(fileName));
  handleChecked(ipcMain, trusted, Channel.revealBackups, ipcArgs.none, () => services.revealBackups());
  handleChecked(ipcMain, trusted, Channel.backupLocation, ipcArgs.none, () => ({ kind: 'folder', path: services.backups.dir }) satisfies BackupLocation);
  handleChecked(ipcMain, trusted, Channel.chooseBackupFolder, ipcArgs.none, (event) => services.chooseBackupFolder(event.sender));
  handleChecked(ipcMain, trusted, Channel.appInfo, ipcArgs.none, () => services.appInfo());
  handleChecked(ipcMain, trusted, Channel.loadSyncAccount, ipcArgs.none, () => services.syncAccount.load());
  handleChecked(ipcMain, trusted, Channel.saveSyncAccount, ipcArgs.saveSyncAccount, (_event, account) => services.syncAccount.save(account));
  onChecked(ipcMain, trusted, Channel.quitReady, ipcArgs.none, () => services.quitReady());
}

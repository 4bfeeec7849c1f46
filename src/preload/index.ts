import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMenuCommand, type KiokuBridge, type MenuCommand } from './bridge';
import { Channel } from './channels';

/**
 * Each method wraps one fixed channel, so the page can never name a channel
 * itself and ipcRenderer never reaches it. valibot is not bundled here: a
 * sandboxed preload cannot load packages, and main validates every argument anyway.
 */
const bridge: KiokuBridge = {
  openFile: (filters) => ipcRenderer.invoke(Channel.openFile, filters),
  saveFile: (suggestedName, bytes) => ipcRenderer.invoke(Channel.saveFile, suggestedName, bytes),
  listBackups: () => ipcRenderer.invoke(Channel.listBackups),
  saveBackup: (bytes, info) => ipcRenderer.invoke(Channel.saveBackup, bytes, info),
  readBackup: (fileName) => ipcRenderer.invoke(Channel.readBackup, fileName),
  revealBackups: () => ipcRenderer.invoke(Channel.revealBackups),
  backupLocation: () => ipcRenderer.invoke(Channel.backupLocation),
  chooseBackupFolder: () => ipcRenderer.invoke(Channel.chooseBackupFolder),
  appInfo: () => ipcRenderer.invoke(Channel.appInfo),
  loadSyncAccount: () => ipcRenderer.invoke(Channel.loadSyncAccount),
  saveSyncAccount: (account, remember) => ipcRenderer.invoke(Channel.saveSyncAccount, account, remember),
  onMenuCommand(callback) {
    const listener = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) callback(command satisfies MenuCommand);
    };
    ipcRenderer.on(Channel.menuCommand, listener);
    return () => void ipcRenderer.removeListener(Channel.menuCommand, listener);
  },
  onQuitRequested(callback) {
    // A failed last backup must not keep the app from closing: it is reported, then main is told to go on.
    const listener = async (): Promise<void> => {
      try {
        await callback();
      } catch (error) {
        console.error('The last backup before quitting failed:', error);
      }
      ipcRenderer.send(Channel.quitReady);
    };
    ipcRenderer.on(Channel.quitRequested, listener);
    return () => void ipcRenderer.removeListener(Channel.quitRequested, listener);
  },
};

contextBridge.exposeInMainWorld('kioku', bridge);

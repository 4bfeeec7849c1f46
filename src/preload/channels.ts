/** IPC channel names, shared by the preload script and the main process so they cannot drift apart. */
export const Channel = {
  openFile: 'dialog:open-file',
  saveFile: 'dialog:save-file',
  listBackups: 'backup:list',
  saveBackup: 'backup:save',
  readBackup: 'backup:read',
  revealBackups: 'backup:reveal',
  backupLocation: 'backup:location',
  chooseBackupFolder: 'backup:choose-folder',
  appInfo: 'app:info',
  loadSyncAccount: 'sync:load-account',
  saveSyncAccount: 'sync:save-account',
  menuCommand: 'menu:command',
  quitRequested: 'app:quit-requested',
  quitReady: 'app:quit-ready',
} as const;

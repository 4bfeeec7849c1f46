/**
 * The whole surface between the page and the desktop shell. The preload script
 * implements it with IPC; the web page implements it with browser APIs
 * (src/renderer/src/platform/web.ts). Nothing else crosses.
 */

/** Commands the app menu (or the desktop shell) asks the page to carry out. */
export const MENU_COMMANDS = [
  'import',
  'export',
  'backup-now',
  'restore-backup',
  'toggle-theme',
  'study-start',
  'study-undo',
  'study-browse',
  'study-stats',
  'keyboard-shortcuts',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Why a backup is made; the shell refuses periodic backups that come too soon after the last one. */
export const BACKUP_REASONS = ['periodic', 'quit', 'manual', 'before-restore', 'before-import', 'before-sync', 'before-delete'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface FileFilter {
  /** Shown to the learner, e.g. "Anki package". */
  name: string;
  /** Without the dot, e.g. ["apkg", "colpkg"]. */
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface BackupEntry {
  fileName: string;
  /** Milliseconds since the Unix epoch. */
  createdAt: number;
  cards: number;
  /** The rest is known for backups made since names carry it; older backups have only the above. */
  notes?: number;
  reason?: BackupReason;
  /** 16 hex digits of the hash of what the backup holds: equal hashes, equal collections. */
  contentHash?: string;
  /** Bytes on disk. */
  size?: number;
  /** For a backup before an import, the file imported. */
  detail?: string;
}

/** What the page tells the shell about a backup it hands over. */
export interface BackupInfo {
  cards: number;
  notes: number;
  reason: BackupReason;
  contentHash: string;
  detail?: string;
}

export type BackupResult =
  | { saved: true; fileName: string }
  /** `too-soon`: a periodic backup within the minimum interval; `duplicate`: same content as the newest backup. */
  | { saved: false; reason: 'too-soon' | 'duplicate' };

/**
 * Where backups are kept: a folder on the desktop; on the web the browser's own storage, or a
 * folder the learner chose there (only its name is known to a page, and the browser asks again
 * on later visits before the page may write to it).
 */
export type BackupLocation =
  | { kind: 'folder'; path: string }
  | { kind: 'browser'; canChooseFolder: boolean }
  | { kind: 'chosen-folder'; name: string; allowed: boolean };

export interface AppInfo {
  version: string;
  platform: string;
  locale: string;
}

/** Where the learner's collection syncs: a CouchDB server, a database on it, and the learner's account there. */
export interface SyncAccount {
  /** `https://couch.example.org`, without the database. */
  url: string;
  database: string;
  username: string;
  password: string;
}

export interface KiokuBridge {
  /** Asks the learner for one file; null when they cancel. */
  openFile(filters: FileFilter[]): Promise<OpenedFile | null>;
  /** Asks the learner where to save; false when they cancel. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<boolean>;
  /** Newest first. */
  listBackups(): Promise<BackupEntry[]>;
  /**
   * Stores a full backup made by the page. The page decides when: `periodic` every
   * 30 minutes while the collection changed, `before-restore` and `before-import`
   * right before those, `quit` from onQuitRequested. The shell only refuses
   * periodic backups soon after another and content equal to the newest backup's,
   * then thins old backups as Anki does (src/core/backups/retention.ts).
   */
  saveBackup(bytes: Uint8Array, info: BackupInfo): Promise<BackupResult>;
  /** Rejects names that are not in listBackups' pattern, so it can never read another file. */
  readBackup(fileName: string): Promise<Uint8Array>;
  /** Shows where backups are kept (the folder on the desktop). */
  revealBackups(): Promise<void>;
  backupLocation(): Promise<BackupLocation>;
  /**
   * Asks the learner for another backups folder with the shell's own dialog (the page never
   * names a path), copies the backups there and keeps new ones there; null when cancelled or
   * where there is no folder to choose (a browser without the File System Access API). On the
   * web, a chosen folder the browser has stopped allowing is asked for again first.
   */
  chooseBackupFolder(): Promise<BackupLocation | null>;
  appInfo(): Promise<AppInfo>;
  /** The sync account, or null when none is set. Desktop: kept encrypted with the system's keychain (safeStorage). */
  loadSyncAccount(): Promise<SyncAccount | null>;
  /**
   * Keeps the account (null forgets it). `remember`: on the web, keep it after the tab closes
   * (encrypted in IndexedDB); the desktop always keeps it, encrypted, or refuses when it cannot encrypt.
   */
  saveSyncAccount(account: SyncAccount | null, remember: boolean): Promise<void>;
  /** Returns a function that stops listening. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /**
   * Called once when the app is about to close, so the page can save a last backup.
   * The shell waits for the returned promise, but only for a few seconds.
   */
  onQuitRequested(callback: () => Promise<void> | void): () => void;
}

declare global {
  interface Window {
    /** Present only in the desktop app. */
    kioku?: KiokuBridge;
  }
}

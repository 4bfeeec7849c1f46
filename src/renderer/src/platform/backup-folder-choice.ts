import Dexie, { type Table } from 'dexie';

/** The parts of the File System Access API this uses that TypeScript's DOM library does not declare yet. */
interface PermissionAsking {
  queryPermission(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}
type FolderPicker = (options: { id: string; mode: 'readwrite' }) => Promise<FileSystemDirectoryHandle>;

/** The chosen folder, as the browser lets a page keep it: a handle, stored in IndexedDB, no path. */
interface ChosenFolder {
  key: 'chosen';
  handle: FileSystemDirectoryHandle;
}

export interface BackupFolderChoice {
  /** Whether this browser lets a page write to a folder the learner picks (Chromium does; Firefox and Safari do not). */
  readonly supported: boolean;
  /** The chosen folder and whether the page may write to it now; null when none was chosen. */
  current(): Promise<{ handle: FileSystemDirectoryHandle; allowed: boolean } | null>;
  /** Shows the browser's folder picker (needs a click); null when the learner cancels. */
  choose(): Promise<FileSystemDirectoryHandle | null>;
  /** Asks again for the chosen folder (needs a click): browsers forget the permission between visits. */
  allow(): Promise<boolean>;
}

const asking = (handle: FileSystemDirectoryHandle) => handle as unknown as FileSystemDirectoryHandle & PermissionAsking;

export function createBackupFolderChoice(win: Window, dbName = 'kioku-backup-folder'): BackupFolderChoice {
  const picker = (win as unknown as { showDirectoryPicker?: FolderPicker }).showDirectoryPicker;
  const db = new Dexie(dbName);
  db.version(1).stores({ folder: 'key' });
  const table: Table<ChosenFolder, string> = db.table('folder');

  async function stored(): Promise<FileSystemDirectoryHandle | null> {
    return (await table.get('chosen'))?.handle ?? null;
  }

  return {
    supported: typeof picker === 'function',
    async current() {
      const handle = await stored();
      if (!handle) return null;
      return { handle, allowed: (await asking(handle).queryPermission({ mode: 'readwrite' })) === 'granted' };
    },
    async choose() {
      if (typeof picker !== 'function') return null;
      let handle: FileSystemDirectoryHandle;
      try {
        handle = await picker.call(win, { id: 'kioku-backups', mode: 'readwrite' });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return null;
        throw error;
      }
      await table.put({ key: 'chosen', handle });
      return handle;
    },
    async allow() {
      const handle = await stored();
      return !!handle && (await asking(handle).requestPermission({ mode: 'readwrite' })) === 'granted';
    },
  };
}

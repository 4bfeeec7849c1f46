import type { BackupReason, BackupResult } from '../../../preload/bridge';

/** The page backs up every 30 minutes, and only when something changed since the last backup. */
export const PERIODIC_BACKUP_MS = 30 * 60 * 1000;

export interface Clock {
  now(): number;
  every(ms: number, run: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, run) {
    const timer = setInterval(run, ms);
    return () => clearInterval(timer);
  },
};

export interface AutoBackupDeps {
  /** Anything that differs once the collection changed (see changeFingerprint). */
  fingerprint(): Promise<string>;
  save(reason: BackupReason, now: number): Promise<BackupResult>;
  clock: Clock;
  /** Write transactions committed to the collection since the page opened (see watchWrites). */
  writes(): number;
}

export interface AutoBackup {
  /** Backs up now when the collection changed since the last backup; resolves to whether one was saved. */
  tick(): Promise<boolean>;
  /** Backs up regardless of changes (Back up now, before restore or import). */
  backup(reason: BackupReason): Promise<BackupResult>;
  /**
   * The last backup when the app closes, saved only when the collection was written to since
   * the page opened and since the last backup it saved: backing up a large collection takes
   * seconds, and an unchanged one would make every quit (on the web, every reload) wait for a
   * copy of what the previous backups hold. Resolves to whether one was saved.
   */
  quit(): Promise<boolean>;
  /** Starts the 30-minute timer; returns a function that stops it. */
  start(): () => void;
}

/**
 * The collection as it was when the page opened counts as backed up only once a backup of it
 * exists, so the first tick after the first change (or none) saves one. A failed periodic
 * backup is retried at the next tick.
 */
export function createAutoBackup(deps: AutoBackupDeps): AutoBackup {
  let lastSaved: string | null = null;
  let writesSaved = 0;
  let running: Promise<boolean> | null = null;

  async function backup(reason: BackupReason): Promise<BackupResult> {
    const writes = deps.writes();
    const fingerprint = await deps.fingerprint();
    const result = await deps.save(reason, deps.clock.now());
    // A duplicate means the newest backup already holds exactly this collection.
    if (result.saved || result.reason === 'duplicate') {
      lastSaved = fingerprint;
      writesSaved = writes;
    }
    return result;
  }

  async function quit(): Promise<boolean> {
    if (deps.writes() === writesSaved) return false;
    return (await backup('quit')).saved;
  }

  async function periodic(): Promise<boolean> {
    if ((await deps.fingerprint()) === lastSaved) return false;
    return (await backup('periodic')).saved;
  }

  function tick(): Promise<boolean> {
    // A slow backup must not be overlapped by the next timer tick.
    running ??= periodic().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    tick,
    backup,
    quit,
    start: () => deps.clock.every(PERIODIC_BACKUP_MS, () => void tick().catch(() => undefined)),
  };
}

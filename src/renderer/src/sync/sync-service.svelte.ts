import type { KiokuBridge, SyncAccount } from '../../../preload/bridge';
import { SyncError } from '../../../core/sync/errors';
import { saveBackup } from '../desktop/save-backup';
import type { Collection } from '../storage/collection';
import type { PouchDatabase } from '../storage/sync/pouch';
import { readSyncMeta, type LastSync } from '../storage/sync/sync-meta';

/** While the app is open it syncs this often, besides on start, after a study session and on "Sync now". */
export const SYNC_EVERY_MS = 5 * 60 * 1000;

type Platform = Pick<KiokuBridge, 'loadSyncAccount' | 'saveSyncAccount' | 'saveBackup'>;

/**
 * Sync in the background: study never waits for it. One sync at a time; a request while one
 * runs is answered by that one. A failed sync leaves the collection as it was, and the next
 * one resumes where replication stopped.
 */
export class SyncService {
  account = $state<SyncAccount | null>(null);
  syncing = $state(false);
  last = $state<LastSync | null>(null);
  private running: Promise<LastSync | null> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private local: PouchDatabase | null = null;

  constructor(
    private readonly collection: Collection,
    private readonly platform: Platform,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    this.account = await this.platform.loadSyncAccount();
    this.last = (await readSyncMeta(this.collection.db, this.now())).last ?? null;
    if (this.account) void this.syncNow();
    this.timer ??= setInterval(() => void this.syncNow(), SYNC_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async setAccount(account: SyncAccount | null, remember: boolean): Promise<void> {
    await this.platform.saveSyncAccount(account, remember);
    this.account = account;
  }

  /** Resolves to the sync's outcome, or null when no account is set; never throws. */
  syncNow(): Promise<LastSync | null> {
    const account = this.account;
    if (!account) return Promise.resolve(null);
    this.running ??= this.run(account).finally(() => {
      this.running = null;
      this.syncing = false;
    });
    return this.running;
  }

  private async run(account: SyncAccount): Promise<LastSync | null> {
    this.syncing = true;
    try {
      // PouchDB is loaded with the first sync, not parsed on every start.
      this.local ??= (await import('../storage/sync/pouch')).openLocalPouch(`${this.collection.db.name}-sync`);
      this.last = await this.collection.sync({
        local: this.local,
        account,
        now: this.now,
        beforeFirstMerge: async () => void (await saveBackup(this.collection, this.platform, 'before-sync', this.now())),
      });
    } catch (error) {
      if (!(error instanceof SyncError)) console.error('Sync failed:', error);
      this.last = (await readSyncMeta(this.collection.db, this.now())).last ?? null;
    }
    return this.last;
  }
}

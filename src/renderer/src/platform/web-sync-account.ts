import Dexie, { type Table } from 'dexie';
import type { SyncAccount } from '../../../preload/bridge';

interface SecretRow {
  id: 'account';
  key: CryptoKey;
  iv: Uint8Array;
  sealed: ArrayBuffer;
}

class SecretDb extends Dexie {
  secrets!: Table<SecretRow, string>;
  constructor() {
    super('kioku-sync-account');
    this.version(1).stores({ secrets: 'id' });
  }
}

/**
 * The sync account on the web page: held in memory for this tab only, unless the learner asks
 * to be remembered. Then it is sealed with AES-GCM under a key WebCrypto will not let any script
 * read out (non-extractable), and both are kept in IndexedDB, never as text in localStorage.
 */
export function createWebSyncAccount(): { load(): Promise<SyncAccount | null>; save(account: SyncAccount | null, remember: boolean): Promise<void> } {
  let session: SyncAccount | null = null;
  const db = new SecretDb();
  return {
    async load() {
      if (session) return session;
      const row = await db.secrets.get('account').catch(() => undefined);
      if (!row) return null;
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv as Uint8Array<ArrayBuffer> }, row.key, row.sealed);
        session = JSON.parse(new TextDecoder().decode(plain)) as SyncAccount;
        return session;
      } catch {
        return null;
      }
    },
    async save(account, remember) {
      session = account;
      await db.secrets.delete('account');
      if (!account || !remember) return;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(account)));
      await db.secrets.put({ id: 'account', key, iv, sealed });
    },
  };
}

import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { SyncAccount } from '../preload/bridge';

/** Electron's safeStorage: the operating system's keychain (Keychain, DPAPI, libsecret). */
export interface Encryption {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

export interface SyncAccountStore {
  load(): Promise<SyncAccount | null>;
  save(account: SyncAccount | null): Promise<void>;
  /** The server's origin, the one address the page's CSP lets it connect to; null when none is set. */
  origin(): Promise<string | null>;
}

function originOf(account: SyncAccount | null): string | null {
  if (!account) return null;
  try {
    return new URL(account.url).origin;
  } catch {
    return null;
  }
}

/**
 * The sync account in one file, encrypted by the system's keychain; the password never sits on
 * disk in the clear. Where the system offers no encryption (a Linux session without a keyring),
 * saving is refused with a message rather than storing it readable.
 */
export function createSyncAccountStore(file: string, encryption: Encryption): SyncAccountStore {
  let current: SyncAccount | null = null;
  // Read once, in the background: the window's first page waits for it (for its CSP), nothing else does.
  const loaded = readFile(file)
    .then((data) => {
      current = JSON.parse(encryption.decryptString(data)) as SyncAccount;
    })
    .catch(() => {
      current = null;
    });
  return {
    async load() {
      await loaded;
      return current;
    },
    async save(account) {
      await loaded;
      if (account === null) {
        await rm(file, { force: true });
        current = null;
        return;
      }
      if (!encryption.isEncryptionAvailable()) {
        throw new Error('This system offers no keychain to encrypt the password with, so Kioku will not store it.');
      }
      await writeFile(`${file}.tmp`, encryption.encryptString(JSON.stringify(account)));
      await rename(`${file}.tmp`, file);
      current = account;
    },
    async origin() {
      await loaded;
      return originOf(current);
    },
  };
}

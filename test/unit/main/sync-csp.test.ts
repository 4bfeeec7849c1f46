import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../src/main/app-protocol';
import { buildSyncOrigin, metaContentSecurityPolicy } from '../../../src/main/security-headers';
import { createSyncAccountStore, type Encryption } from '../../../src/main/sync-account';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kioku-sync-csp-'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}"><title>Kioku</title>`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const connectSrc = (policy: string) => policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('connect-src'));

/** A keychain that really changes the bytes, so a test can see the password is not on disk in the clear. */
const keychain = (available = true): Encryption => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
});

describe('the one sync server in the Content-Security-Policy', () => {
  it('without a server, the page may connect to itself only', async () => {
    const response = await createAppProtocolHandler(root)({ url: 'app://kioku/index.html', method: 'GET' } as Request);
    expect(connectSrc(response.headers.get('content-security-policy')!)).toBe("connect-src 'self'");
  });

  it('with a saved server, header and page both allow that origin and no other', async () => {
    const handler = createAppProtocolHandler(root, () => 'https://couch.example.org');
    const response = await handler({ url: 'app://kioku/index.html', method: 'GET' } as Request);
    expect(connectSrc(response.headers.get('content-security-policy')!)).toBe("connect-src 'self' https://couch.example.org");
    const page = await response.text();
    expect(page).toContain("connect-src 'self' https://couch.example.org;");
    expect(page).not.toContain("connect-src 'self';");
  });

  it('a web build names its server when built, as an origin only', () => {
    expect(buildSyncOrigin(undefined)).toBeNull();
    expect(buildSyncOrigin('https://couch.example.org:6984/kioku')).toBe('https://couch.example.org:6984');
    expect(() => buildSyncOrigin('javascript:alert(1)')).toThrow('KIOKU_SYNC_ORIGIN must be an http(s) address');
  });
});

describe('the desktop keeps the sync account encrypted', () => {
  it('stores it through the keychain, reads it back after a restart, and gives its origin for the CSP', async () => {
    const file = join(root, 'sync-account.bin');
    const account = { url: 'https://couch.example.org', database: 'userdb-6c', username: 'learner', password: 'p4ss-word' };
    const store = createSyncAccountStore(file, keychain());
    await store.save(account);
    expect(readFileSync(file).toString('utf8')).not.toContain('p4ss-word');
    const reopened = createSyncAccountStore(file, keychain());
    expect(await reopened.load()).toEqual(account);
    expect(await reopened.origin()).toBe('https://couch.example.org');
    await reopened.save(null);
    expect(await createSyncAccountStore(file, keychain()).load()).toBeNull();
  });

  it('refuses to store a password where the system offers no keychain', async () => {
    const store = createSyncAccountStore(join(root, 'none.bin'), keychain(false));
    await expect(store.save({ url: 'https://x.org', database: 'db', username: 'u', password: 'p' })).rejects.toThrow('no keychain');
    expect(await store.origin()).toBeNull();
  });
});

import { chromium, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStore } from './app-db';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath, importThroughUi, openDeckList, screenshotDir, serveApp } from './browser';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/**
 * Chromium's own quota for the app's origin, set through DevTools before the app first stores
 * anything (Chromium reads it when the origin's storage is first opened).
 */
// Room for the service worker's precache of the app (several MiB, same origin quota) and the collection.
const QUOTA = 24 * 1024 * 1024;

async function openWithQuota() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin, quotaSize: QUOTA });
  return { page, close: () => browser.close() };
}

/**
 * Fills what is left of the quota with another database of random bytes, in small pieces until
 * Chromium refuses one: from then on the origin is full, as with a full disk, and every write of
 * the app fails with a real QuotaExceededError. Deleting that database is "freeing disk space".
 */
async function fillDisk(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('filler');
        open.onupgradeneeded = () => open.result.createObjectStore('bytes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          let pieces = 0;
          const next = (size: number) => {
            const data = new Uint8Array(size);
            for (let i = 0; i < size; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(size, i + 65536)));
            const tx = db.transaction('bytes', 'readwrite');
            tx.objectStore('bytes').put(data, pieces);
            tx.oncomplete = () => {
              pieces++;
              next(size);
            };
            tx.onabort = () => {
              if (tx.error?.name !== 'QuotaExceededError') reject(tx.error);
              else if (size > 4096) next(size / 4);
              else {
                db.close();
                resolve(pieces);
              }
            };
          };
          next(256 * 1024);
        };
      }),
  );
}

function freeDisk(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const deleting = indexedDB.deleteDatabase('filler');
        deleting.onsuccess = () => resolve();
        deleting.onerror = () => reject(deleting.error);
      }),
  );
}

/**
 * Whether the origin takes a write of `bytes` now, tried in a scratch database that is deleted
 * again. Chromium counts a deleted database's space as free only once its quota bookkeeping has
 * caught up, which on a busy machine can be after the deletion reports success.
 */
function hasRoomFor(page: Page, bytes: number): Promise<boolean> {
  return page.evaluate(
    (bytes) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('room-probe');
        open.onupgradeneeded = () => open.result.createObjectStore('bytes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const data = new Uint8Array(bytes);
          for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(bytes, i + 65536)));
          const tx = db.transaction('bytes', 'readwrite');
          tx.objectStore('bytes').put(data, 0);
          const done = (room: boolean) => {
            db.close();
            const deleting = indexedDB.deleteDatabase('room-probe');
            deleting.onsuccess = () => resolve(room);
            deleting.onerror = () => reject(deleting.error);
          };
          tx.oncomplete = () => done(true);
          tx.onabort = () => (tx.error?.name === 'QuotaExceededError' ? done(false) : reject(tx.error));
        };
      }),
    bytes,
  );
}

/** A CSV of `rows` notes of about 1 KB each. */
function bigCsv(rows: number): Buffer {
  const lines = ['front,back'];
  for (let i = 0; i < rows; i++) lines.push(`question ${i} ${'あ'.repeat(150)},answer ${i} ${'い'.repeat(150)}`);
  return Buffer.from(lines.join('\n'));
}

const WHAT_TO_DO = 'Free some disk space (or export your decks to another drive to keep a copy), then try again.';

describe('a full disk, as Chromium reports it when the origin\'s quota is used up', () => {
  it('an import and a backup say the disk is full and what to do; nothing is half-written; with room again both work', async () => {
    const browser = await openWithQuota();
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const notes = await countStore(page, 'notes');
      const cards = await countStore(page, 'cards');

      expect(await fillDisk(page)).toBeGreaterThan(0);
      await importThroughUi(page, 'big.csv', bigCsv(3000), 'text/csv');
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(`Importing big.csv: the disk is full. Nothing was changed. ${WHAT_TO_DO}`);
      expect(await page.getByText(/Import cancelled/).count()).toBe(0);
      await page.screenshot({ path: join(screenshotDir, 'disk-full-import-en-light.png') });
      expect(await countStore(page, 'notes')).toBe(notes);
      expect(await countStore(page, 'cards')).toBe(cards);

      await page.getByRole('navigation').getByRole('button', { name: 'Backups', exact: true }).click();
      await page.getByRole('button', { name: 'Back up now' }).click();
      const backupAlert = page.getByRole('alert');
      await backupAlert.waitFor();
      expect(await backupAlert.innerText()).toContain(`Backing up your collection: the disk is full. No backup was saved and nothing was changed. ${WHAT_TO_DO}`);
      await page.screenshot({ path: join(screenshotDir, 'disk-full-backup-en-light.png') });

      await freeDisk(page);
      await expect.poll(() => hasRoomFor(page, 8 * 1024 * 1024), { timeout: 30_000 }).toBe(true);
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page.getByRole('status').filter({ hasText: /saved/i }).waitFor();
      await importThroughUi(page, 'big.csv', bigCsv(3000), 'text/csv');
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();
      expect(await countStore(page, 'notes')).toBe(notes + 3000);
    } finally {
      await browser.close();
    }
  });
});

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchServer, LEARNER } from '../unit/sync/couch-server';
import { readStore } from './app-db';
import { openBrowser, openDeckList, screenshotDir, serveApp, type AppBrowser } from './browser';
import { studyFirstDeck } from './study-first-deck';

const DATABASE = 'kioku-e2e';
let couch: CouchServer;
let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  couch = await CouchServer.start();
  await couch.setUp(DATABASE);
  app = await serveApp({ proxy: { '/couch': couch.url } });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await couch?.stop();
});

const TEXT = {
  'en-US': { nav: 'Sync', url: 'Server address', database: 'Database', user: 'User name', password: 'Password', save: 'Save and sync', now: 'Sync now', reveal: 'Show answer' },
  'ja-JP': { nav: '同期', url: 'サーバーのアドレス', database: 'データベース', user: 'ユーザー名', password: 'パスワード', save: '保存して同期', now: '今すぐ同期', reveal: '答えを表示' },
} as const;
type Locale = keyof typeof TEXT;

async function openSync(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: TEXT[locale].nav, exact: true }).click();
}

/** Fills in the account on the Sync screen as a learner would, and saves it (which starts a sync). */
async function signIn(page: Page, locale: Locale): Promise<void> {
  const text = TEXT[locale];
  await openSync(page, locale);
  await page.getByLabel(text.url).fill(new URL('couch', app.url).href);
  await page.getByLabel(text.database).fill(DATABASE);
  await page.getByLabel(text.user).fill(LEARNER.username);
  await page.getByLabel(text.password).fill(LEARNER.password);
  await page.getByRole('button', { name: text.save }).click();
  await waitForSync(page, locale);
}

/** Waits for the running sync (if any) to end, then presses "Sync now" and waits for that one. */
async function syncNow(page: Page, locale: Locale): Promise<void> {
  await openSync(page, locale);
  await waitForSync(page, locale);
  await page.getByRole('button', { name: TEXT[locale].now }).click();
  await waitForSync(page, locale);
}

async function waitForSync(page: Page, locale: Locale): Promise<void> {
  const button = page.getByRole('button', { name: TEXT[locale].now });
  await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
  await expect(page.locator('.state [role="alert"]').count()).resolves.toBe(0);
}

interface Row {
  id: string;
}
const byId = <T extends Row>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What the learner has on a device: every review, and every card with its schedule. */
async function collectionOf(page: Page) {
  return { reviews: byId(await readStore<Row>(page, 'reviews')), cards: byId(await readStore<Row>(page, 'cards')) };
}

describe('sync between two browsers through a CouchDB server', { timeout: 300_000 }, () => {
  it('device A studies and syncs, device B sees the reviews; both study offline, sync, and end with the same collection, every answer kept', async () => {
    const devices: AppBrowser[] = [];
    try {
      // Two Chromium profiles, each with its own IndexedDB: two devices of one learner.
      const a = await openBrowser({ locale: 'en-US' });
      devices.push(a);
      const b = await openBrowser({ locale: 'ja-JP', colorScheme: 'dark' });
      devices.push(b);
      await openDeckList(a.page, app.url);
      await openDeckList(b.page, app.url);
      await signIn(a.page, 'en-US');
      await signIn(b.page, 'ja-JP');
      // Both installed the built-in decks when first opened, seconds apart: the same notes, so none was "edited on another device".
      await b.page.getByRole('navigation').getByRole('button', { name: 'デッキ', exact: true }).click();
      await openSync(b.page, 'ja-JP');
      await expect.poll(() => b.page.locator('.lost .status').count()).toBe(1);
      expect(await b.page.locator('[data-lost]').count()).toBe(0);

      await a.page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await studyFirstDeck(a.page, ['3', '3', '4'], TEXT['en-US'].reveal);
      await syncNow(a.page, 'en-US');
      await syncNow(b.page, 'ja-JP');
      const studiedOnA = await collectionOf(a.page);
      expect(studiedOnA.reviews).toHaveLength(3);
      expect((await collectionOf(b.page)).reviews).toEqual(studiedOnA.reviews);

      // Offline, both study the first deck again, differently; the sync after each session fails quietly.
      await a.context.setOffline(true);
      await b.context.setOffline(true);
      await a.page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await studyFirstDeck(a.page, ['1', '3'], TEXT['en-US'].reveal);
      await b.page.getByRole('navigation').getByRole('button', { name: 'デッキ', exact: true }).click();
      await studyFirstDeck(b.page, ['2', '4'], TEXT['ja-JP'].reveal);
      await a.context.setOffline(false);
      await b.context.setOffline(false);

      await syncNow(a.page, 'en-US');
      await syncNow(b.page, 'ja-JP');
      await syncNow(a.page, 'en-US');

      const onA = await collectionOf(a.page);
      const onB = await collectionOf(b.page);
      expect(onA.reviews).toHaveLength(7);
      expect(onB.reviews).toEqual(onA.reviews);
      expect(onB.cards).toEqual(onA.cards);

      await a.page.screenshot({ path: join(screenshotDir, 'sync-en-light.png'), fullPage: true });
      await b.page.screenshot({ path: join(screenshotDir, 'sync-ja-dark.png'), fullPage: true });
    } finally {
      for (const device of devices) await device.close();
    }
  });
});

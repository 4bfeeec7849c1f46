import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, openBrowser, serveApp } from './browser';
import { countStore } from './app-db';
import { topBuiltInDeck } from './built-in-counts';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/**
 * From now on every IndexedDB write fails the way Chromium fails it when the disk or the
 * origin's quota is full; `false` lets writes through again.
 */
function fillDisk(page: Page, full: boolean): Promise<void> {
  return page.evaluate((on) => {
    const store = IDBObjectStore.prototype as IDBObjectStore & { __kiokuWrites?: Pick<IDBObjectStore, 'put' | 'add'> };
    store.__kiokuWrites ??= { put: store.put, add: store.add };
    const original = store.__kiokuWrites;
    const refuse = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    store.put = on ? refuse : original.put;
    store.add = on ? refuse : original.add;
  }, full);
}

describe('a full disk while studying', () => {
  it('tells the learner, keeps the card on screen, stores nothing, and saves the answer once there is room again', async () => {
    const root = topBuiltInDeck();
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await page.goto(app.url);
      await page.getByRole('button', { name: `Study ${root.label}` }).click();
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      const remainingNew = await page.getByTestId('remaining-new').innerText();

      await fillDisk(page, true);
      await page.keyboard.press('Space');
      const grades = page.getByRole('group', { name: 'Grade your answer' });
      await grades.waitFor();
      const back = await cardText(page);
      await page.keyboard.press('3');
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: 'the disk is full' }).waitFor();
      expect(await alert.innerText()).toMatch(/^Saving your answer: the disk is full\. Nothing was changed\. Free some disk space \(or export your decks to another drive to keep a copy\), then try again\.$/);
      expect(await grades.isVisible()).toBe(true);
      expect(await cardText(page)).toBe(back);
      expect(await page.getByTestId('remaining-new').innerText()).toBe(remainingNew);
      await fillDisk(page, false);
      expect(await countStore(page, 'reviews')).toBe(0);

      await page.keyboard.press('3');
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await countStore(page, 'reviews')).toBe(1);
      expect(Number(await page.getByTestId('remaining-new').innerText())).toBe(Number(remainingNew) - 1);
    } finally {
      await browser.close();
    }
  });
});

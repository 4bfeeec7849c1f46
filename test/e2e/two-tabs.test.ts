import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { studyFirstDeck } from './study-first-deck';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

describe('two tabs on one collection', () => {
  it('the second tab says the collection is open elsewhere and cannot study; the first still studies', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const first = browser.page;
      await openDeckList(first, app.url);

      const second = await browser.context.newPage();
      await second.goto(app.url);
      await expect.poll(() => second.getByRole('alert').innerText().catch(() => '')).toContain('open in another tab');
      await second.screenshot({ path: join(screenshotDir, 'two-tabs-en.png') });
      expect(await second.locator('tr[data-deck-id]').count()).toBe(0);

      await studyFirstDeck(first, ['3', '3'], 'Show answer');
      expect(await second.locator('tr[data-deck-id]').count()).toBe(0);

      // When the first tab goes, the waiting tab takes the collection over by itself.
      await first.close();
      await second.locator('tr[data-deck-id]').first().waitFor();
      expect(await second.getByRole('alert').count()).toBe(0);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('speaks Japanese to a Japanese learner', async () => {
    const browser = await openBrowser({ locale: 'ja-JP' });
    try {
      await openDeckList(browser.page, app.url);
      const second = await browser.context.newPage();
      await second.goto(app.url);
      await expect.poll(() => second.getByRole('alert').innerText().catch(() => '')).toContain('別のタブで開かれています');
      await second.screenshot({ path: join(screenshotDir, 'two-tabs-ja.png') });
    } finally {
      await browser.close();
    }
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, openDeckList, serveApp } from './browser';
import { topBuiltInDeck } from './built-in-counts';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

describe('options', () => {
  it('switches language and theme, keeps them after a reload, and applies a deck limit', async () => {
    const root = topBuiltInDeck();
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Options', exact: true }).click();

      await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('-3');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('New cards per day must be a number from 0 to 9999.').waitFor();
      await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('5');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Options saved.' }).first().waitFor();

      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
      await page.getByRole('button', { name: 'デッキ', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');

      await page.reload();
      await page.locator('tr[data-deck-id]').first().waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('デッキ');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const rootRow = page.locator('tr[data-deck-id]').first();
      expect(Number(await rootRow.getByTestId('deck-new').innerText())).toBe(Math.min(5, root.cards));
    } finally {
      await browser.close();
    }
  });
});

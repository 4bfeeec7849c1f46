import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, openDeckList, screenshotDir, serveApp } from './browser';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

describe('Create Filtered Deck from the deck list (F), as a preview', () => {
  it('F, a search, reschedule off, Build: the deck opens apart, its buttons show the preview delays, Good sends the card home', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.keyboard.press('f');
      const dialog = page.getByRole('dialog', { name: 'Create Filtered Deck' });
      expect(await dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Filtered Deck 1');
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Exam week');
      await dialog.getByRole('textbox', { name: 'Search' }).fill('is:new');
      await dialog.getByRole('spinbutton', { name: 'Limit to' }).fill('3');
      await dialog.getByRole('combobox', { name: 'Cards selected by' }).selectOption('added');
      await dialog.getByRole('checkbox', { name: 'Reschedule cards based on my answers in this deck' }).uncheck();
      await page.screenshot({ path: join(screenshotDir, 'filtered-deck-dialog.png') });
      await dialog.getByRole('button', { name: 'Build' }).click();

      await page.getByText('Built “Exam week”: 3 cards.').waitFor();
      expect(await page.getByTestId('overview-cards').innerText()).toBe('3');
      await page.keyboard.press('Enter');
      await page.locator('article.card').waitFor();
      await page.keyboard.press('Space');
      const answers = page.locator('.answers');
      await answers.waitFor();
      // Anki's preview delays, no FSRS interval: Again 1 min, Hard 10 min, Good and Easy end the preview.
      expect(await answers.locator('.interval').allInnerTexts()).toEqual(['1m', '10m', '(end)', '(end)']);
      await page.keyboard.press('3');
      await page.getByTestId('remaining-new').filter({ hasText: '2' }).waitFor();

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      const row = page.locator('tr[data-deck-id]', { has: page.getByTestId('filtered-badge') });
      expect(await row.getByTestId('deck-name').innerText()).toBe('Exam week');
      expect(await row.getByTestId('deck-cards').innerText()).toBe('2');
    } finally {
      await browser.close();
    }
  }, 60_000);
});

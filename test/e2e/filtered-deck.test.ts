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

describe("A filtered deck's Options, as Anki's", () => {
  it('Options on the overview: a second filter, reschedule off with its own delays, Rebuild; the buttons show those delays; the deck list menu opens them again', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.keyboard.press('f');
      let dialog = page.getByRole('dialog', { name: 'Create Filtered Deck' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Cram');
      await dialog.getByRole('textbox', { name: 'Search' }).fill('is:new');
      await dialog.getByRole('spinbutton', { name: 'Limit to' }).fill('2');
      await dialog.getByRole('button', { name: 'Build' }).click();
      await page.getByText('Built “Cram”: 2 cards.').waitFor();

      await page.getByRole('region', { name: 'Filtered deck' }).getByRole('button', { name: 'Options', exact: true }).click();
      dialog = page.getByRole('dialog', { name: 'Options for Cram' });
      expect(await dialog.getByRole('textbox', { name: 'Search' }).inputValue()).toBe('is:new');
      expect(await dialog.getByRole('spinbutton', { name: 'Limit to' }).inputValue()).toBe('2');
      await dialog.getByRole('spinbutton', { name: 'Limit to' }).fill('1');
      await dialog.getByRole('checkbox', { name: 'Enable second filter' }).check();
      const second = dialog.getByRole('group', { name: 'Second filter' });
      await second.getByRole('textbox', { name: 'Search' }).fill('is:new');
      await second.getByRole('spinbutton', { name: 'Limit to' }).fill('3');
      await dialog.getByRole('checkbox', { name: 'Reschedule cards based on my answers in this deck' }).uncheck();
      await dialog.getByRole('spinbutton', { name: 'Again delay (seconds)' }).fill('120');
      await dialog.getByRole('spinbutton', { name: 'Hard delay (seconds)' }).fill('0');
      await dialog.getByRole('spinbutton', { name: 'Good delay (seconds)' }).fill('300');
      await dialog.getByRole('button', { name: 'Rebuild' }).click();

      // One card from the first search, three more from the second.
      await page.getByText('Saved and rebuilt “Cram”: 4 cards.').waitFor();
      await page.getByTestId('overview-cards').filter({ hasText: /^4$/ }).waitFor();
      await page.getByText('Your answers here do not change the cards’ schedules.').waitFor();
      await page.locator('button.study').click();
      await page.locator('article.card').waitFor();
      await page.keyboard.press('Space');
      const answers = page.locator('.answers');
      await answers.waitFor();
      expect(await answers.locator('.interval').allInnerTexts()).toEqual(['2m', '(end)', '5m', '(end)']);

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      const row = page.locator('tr[data-deck-id]', { has: page.getByTestId('filtered-badge') });
      await row.locator('summary').click();
      await row.getByRole('menuitem', { name: 'Options' }).click();
      dialog = page.getByRole('dialog', { name: 'Options for Cram' });
      expect(await dialog.getByRole('group', { name: 'Second filter' }).getByRole('spinbutton', { name: 'Limit to' }).inputValue()).toBe('3');
      expect(await dialog.getByRole('spinbutton', { name: 'Good delay (seconds)' }).inputValue()).toBe('300');
    } finally {
      await browser.close();
    }
  }, 90_000);
});

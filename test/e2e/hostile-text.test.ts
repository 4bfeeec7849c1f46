import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileFields, hostileTextDeck } from '../fixtures/hostile/generated';
import { cardText, importThroughUi, openBrowser, openDeckList, serveApp } from './browser';

const FIELDS = hostileFields();
/** One Basic and one Cloze note per hostile field, each one card. */
const CARDS = FIELDS.length * 2;

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/**
 * Fields of 1 MiB built to make a parser or a layout work hardest (#12 item 7): before, one such
 * field froze the answer reveal for 79 s, and 「漢[」 and 100,000 nested elements froze Chromium's
 * own layout and parser for minutes. Through the real UI, each card must import, show, reveal and
 * be answered with a click on its own Easy button (nothing drawn over it), without the page
 * scrolling sideways. How long each takes is the bench's figure (hostileText); here the whole
 * deck must get through within the test's time.
 */
describe('a deck of 1 MiB hostile fields', () => {
  it('imports, studies card by card and browses in Chromium', { timeout: 240_000 }, async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      page.setDefaultTimeout(30_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await openDeckList(page, app.url);

      await importThroughUi(page, 'hostile-text.json', Buffer.from(hostileTextDeck(), 'utf8'));
      await expect.poll(() => page.getByTestId('import-notes').textContent(), { timeout: 30_000 }).toBe(String(CARDS));
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      const result = page.getByTestId('import-result');
      await result.waitFor();
      expect(await result.innerText()).toMatch(new RegExp(`Notes added\\s+${CARDS}`));

      // All its cards are new: the default 20 new cards a day would leave some for tomorrow.
      await page.getByRole('navigation').getByRole('button', { name: 'Options', exact: true }).click();
      await page.getByRole('combobox', { name: 'Deck', exact: true }).selectOption({ label: 'Hostile text' });
      await page.getByTestId('preset-users').waitFor();
      await page.getByRole('spinbutton', { name: 'New cards per day' }).fill(String(CARDS));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Options saved.' }).first().waitFor();

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id="hostile-text"] td.action > button').click();
      const fronts: string[] = [];
      let answered = 0;
      for (; answered < CARDS + 1; answered++) {
        const showAnswer = page.getByRole('button', { name: 'Show answer' });
        const summary = page.locator('.summary');
        await showAnswer.or(summary).first().waitFor();
        if (await summary.isVisible()) break;
        fronts.push((await cardText(page)).slice(0, 200));
        await showAnswer.click();
        // Easy: the card leaves today's queue rather than coming back from a learning step.
        const easy = page.locator('.answers').getByRole('button', { name: /^Easy/ });
        await easy.waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
        // A click lands on the app's own button: no card content is drawn over it.
        await easy.click();
      }
      expect(answered).toBe(CARDS);
      for (const { name } of FIELDS) expect(fronts.some((front) => front.includes(name))).toBe(true);

      // Browse lists every card, each cell a short line of plain text, searches the 1 MiB fields
      // and opens a card's info. Before, normalising 1 MiB of combining marks for the search text
      // held the page for many minutes and Browse never drew a row.
      await page.getByRole('navigation').getByRole('button', { name: 'Browse', exact: true }).click();
      await page.locator('tbody tr[data-card]').first().waitFor();
      const search = page.getByRole('searchbox', { name: 'Search' });
      await search.fill('"deck:Hostile text"');
      await page.getByTestId('browse-count').filter({ hasText: new RegExp(`^Matching cards: ${CARDS}$`) }).waitFor();
      const longestCell = await page.locator('tbody td').evaluateAll((cells) => Math.max(...cells.map((cell) => (cell as HTMLElement).innerText.length)));
      expect(longestCell).toBeLessThanOrEqual(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
      await search.fill('"deck:Hostile text" combining');
      await page.getByTestId('browse-count').filter({ hasText: /^Matching cards: 2$/ }).waitFor();
      await page.locator('tbody tr[data-card]').first().click();
      await page.keyboard.press('Control+Shift+I');
      const info = page.getByRole('dialog', { name: 'Card info' });
      await info.waitFor();
      expect(await page.getByTestId('card-info').locator('[data-fact="reviews"] dd').innerText()).toBe('1');
      expect(await page.getByTestId('card-info-question').innerText()).toContain('combining marks');
      await page.keyboard.press('Escape');
      await info.waitFor({ state: 'detached' });

      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

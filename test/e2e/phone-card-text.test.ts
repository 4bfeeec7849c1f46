import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { midWordBreaks, PHONES } from './phone';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

const phone = PHONES[1]!;
/** The built-in deck's first cards: Japanese questions, most of them several lines on a phone. */
const CARDS = 4;

describe('Japanese card text on a phone', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`breaks lines between words, whatever the screen's language (${locale}, ${colorScheme})`, async () => {
      const browser = await openBrowser({ locale, colorScheme, phone });
      const cut: string[] = [];
      // The check means something only for Japanese that fills more than one line.
      let wrapped = 0;
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await page.locator('tr[data-deck-id] td.action button').first().tap();
        const card = page.locator('article.card');
        const lines = () => page.locator('article.card .face').evaluate((face) => face.getBoundingClientRect().height / parseFloat(getComputedStyle(face).lineHeight));
        for (let shown = 1; shown <= CARDS; shown++) {
          await card.waitFor();
          if (/\p{Script=Hiragana}/u.test(await cardText(page)) && (await lines()) > 1.5) wrapped++;
          cut.push(...(await midWordBreaks(page, 'article.card')));
          if (shown === 1) await page.screenshot({ path: join(screenshotDir, `phone-card-text-${locale}-${colorScheme}.png`) });
          await card.tap();
          const grades = page.locator('.answers');
          await grades.waitFor();
          cut.push(...(await midWordBreaks(page, 'article.card')));
          await grades.getByRole('button').nth(2).tap();
          await expect.poll(() => grades.isVisible()).toBe(false);
        }
      } finally {
        await browser.close();
      }
      expect(wrapped).toBeGreaterThanOrEqual(2);
      expect(cut).toEqual([]);
    });
  }
});

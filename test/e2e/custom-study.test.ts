import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { topBuiltInDeck } from './built-in-counts';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

describe('Custom Study from a deck overview, and the filtered deck it builds', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`C, "Study by card state or tag", study the session, Empty (${locale}, ${colorScheme})`, async () => {
      const ja = locale.startsWith('ja');
      const tag = `${ja ? 'ja' : 'en'}-${colorScheme}`;
      const root = topBuiltInDeck();
      const browser = await openBrowser({ locale, colorScheme });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await page.locator('tr[data-deck-id] [data-testid=deck-name]').first().click();
        await page.getByTestId('overview-new').waitFor();
        await page.keyboard.press('c');
        await page.getByRole('radio', { name: ja ? 'カードの状態やタグで学習する' : 'Study by card state or tag' }).check();
        await page.getByRole('combobox', { name: ja ? 'カード' : 'Cards', exact: true }).selectOption('new');
        await page.getByRole('spinbutton', { name: ja ? '選ぶカードの最大枚数' : 'Select up to this many cards' }).fill('5');
        await page.screenshot({ path: join(screenshotDir, `custom-study-dialog-${tag}.png`) });
        await page.getByRole('button', { name: 'OK', exact: true }).click();

        await page.getByText(ja ? 'カスタム学習セッションに 5 枚のカードを入れました。' : 'Custom Study Session holds 5 cards.').waitFor();
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(ja ? 'カスタム学習セッション' : 'Custom Study Session');
        expect(await page.getByTestId('overview-new').innerText()).toBe('5');
        await page.screenshot({ path: join(screenshotDir, `filtered-overview-${tag}.png`), fullPage: true });

        // One card studied in the session: it reschedules, so Good moves the new card into learning there.
        await page.keyboard.press('Enter');
        await page.getByTestId('remaining-new').filter({ hasText: '5' }).waitFor();
        await page.locator('article.card').waitFor();
        await page.keyboard.press('Space');
        await page.locator('.answers').waitFor();
        await page.keyboard.press('3');
        await page.getByTestId('remaining-new').filter({ hasText: '4' }).waitFor();
        await page.getByRole('navigation').getByRole('button', { name: ja ? 'デッキ' : 'Decks', exact: true }).click();
        await page.locator('tr[data-deck-id]').first().waitFor();
        await page.locator('tr[data-deck-id] [data-testid=deck-name]', { hasText: ja ? 'カスタム学習セッション' : 'Custom Study Session' }).click();
        await page.getByTestId('overview-new').waitFor();
        await page.keyboard.press('e');
        await page.getByText(ja ? '5 枚のカードを元のデッキに戻しました。' : '5 cards went back to their decks.').waitFor();
        await page.getByTestId('overview-cards').filter({ hasText: /^0$/ }).waitFor();
        await page.getByRole('navigation').getByRole('button', { name: ja ? 'デッキ' : 'Decks', exact: true }).click();
        const rootRow = page.locator('tr[data-deck-id]').first();
        await rootRow.waitFor();
        // The card answered came home in learning; the others are new as before (a filtered deck's answers do not use the home deck's limit).
        expect(Number(await rootRow.getByTestId('deck-learning').innerText())).toBe(1);
        expect(Number(await rootRow.getByTestId('deck-new').innerText())).toBe(Math.min(root.newToday, root.cards));
      } finally {
        await browser.close();
      }
    }, 60_000);
  }
});

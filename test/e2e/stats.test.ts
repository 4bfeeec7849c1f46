import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsAtZoom200, LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { studyFirstDeck } from './study-first-deck';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

const text = {
  'en-US': { stats: 'Statistics', showAnswer: 'Show answer', table: 'Show the numbers as a table', days90: '90 days', today: 'Reviews per day' },
  'ja-JP': { stats: '統計', showAnswer: '答えを表示', table: '数値を表で見る', days90: '90日', today: '日ごとの回答数' },
} as const;

describe('statistics', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`draws every chart with a caption and a table of its numbers (${locale}, ${colorScheme})`, async () => {
      const words = text[locale];
      const browser = await openBrowser({ locale, colorScheme });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await studyFirstDeck(page, ['1', '3', '3', '1', '3', '3'], words.showAnswer);
        await page.getByRole('navigation').getByRole('button', { name: words.stats, exact: true }).click();

        const figures = page.locator('figure');
        await figures.first().waitFor();
        expect(await figures.count()).toBe(7);
        for (const caption of await page.locator('figcaption .caption').allInnerTexts()) expect(caption.trim().length).toBeGreaterThan(10);
        const canvases = await page.locator('figure canvas').evaluateAll((els) => els.map((el) => (el as HTMLCanvasElement).width));
        expect(canvases).toHaveLength(6);
        for (const width of canvases) expect(width).toBeGreaterThan(100);

        // Today's six answers show as the one coloured day of the calendar and in its table.
        expect(await page.locator('.heatmap .grid .cell:not(.level-0)').count()).toBe(1);
        const heatmap = page.locator('figure').filter({ hasText: words.today });
        await heatmap.getByText(words.table).click();
        expect(await heatmap.locator('tbody tr').count()).toBe(1);
        expect(await heatmap.locator('tbody td').innerText()).toBe('6');

        const forecast = page.locator('figure').nth(1);
        await forecast.getByText(words.table).click();
        expect(await forecast.locator('tbody tr').count()).toBe(30);
        await forecast.getByRole('button', { name: words.days90 }).click();
        await expect.poll(() => forecast.locator('tbody tr').count()).toBe(90);

        const counts = page.locator('figure').nth(4);
        await counts.getByText(words.table).click();
        const states = await counts.locator('tbody td').allInnerTexts();
        expect(states.map(Number).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(6);

        await expectFitsAtZoom200(page, `stats-${locale}-${colorScheme}`);
      } finally {
        await browser.close();
      }
    });
  }
});

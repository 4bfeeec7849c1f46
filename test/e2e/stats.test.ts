import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
  'en-US': { stats: 'Statistics', showAnswer: 'Show answer', table: 'Show the numbers as a table', days90: '90 days', today: 'Reviews per day', noData: 'No data yet' },
  'ja-JP': { stats: '統計', showAnswer: '答えを表示', table: '数値を表で見る', days90: '90日', today: '日ごとの回答数', noData: 'まだデータがありません' },
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
        // A first session answers no card in review yet, so true retention has nothing to draw.
        const retention = page.locator('figure').nth(2);
        expect(await retention.getByTestId('chart-empty').innerText()).toContain(words.noData);
        const canvases = await page.locator('figure canvas').evaluateAll((els) => els.map((el) => (el as HTMLCanvasElement).width));
        expect(canvases).toHaveLength(7 - 1 - (await page.getByTestId('chart-empty').count()));
        for (const width of canvases) expect(width).toBeGreaterThan(100);

        // Today's six answers show as the one coloured day of the calendar, ringed as today, and in its table.
        expect(await page.locator('.heatmap .grid .cell:not(.level-0)').count()).toBe(1);
        expect(await page.locator('.heatmap .grid .cell.today:not(.level-0)').count()).toBe(1);
        const heatmap = page.locator('figure').filter({ hasText: words.today });
        // A chart's table is built when it is opened.
        await heatmap.getByText(words.table).click();
        await heatmap.locator('tbody tr').first().waitFor();
        expect(await heatmap.locator('tbody tr').count()).toBe(1);
        expect(await heatmap.locator('tbody td').innerText()).toBe('6');

        const forecast = page.locator('figure').nth(1);
        await forecast.getByText(words.table).click();
        await forecast.locator('tbody tr').first().waitFor();
        expect(await forecast.locator('tbody tr').count()).toBe(30);
        await forecast.getByRole('button', { name: words.days90 }).click();
        await expect.poll(() => forecast.locator('tbody tr').count()).toBe(90);

        const counts = page.locator('figure').nth(4);
        await counts.getByText(words.table).click();
        await counts.locator('tbody tr').first().waitFor();
        const states = await counts.locator('tbody td').allInnerTexts();
        expect(states.map(Number).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(6);

        await expectFitsAtZoom200(page, `stats-${locale}-${colorScheme}`);
      } finally {
        await browser.close();
      }
    });
  }

  for (const locale of ['en-US', 'ja-JP'] as const) {
    it(`says "no data yet" where a new learner has nothing to chart, instead of bare axes (${locale})`, async () => {
      const words = text[locale];
      const browser = await openBrowser({ locale });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await page.getByRole('navigation').getByRole('button', { name: words.stats, exact: true }).click();
        await page.locator('figure').first().waitFor();
        const empty = page.getByTestId('chart-empty');
        // Every card is new: only the card counts have something to draw.
        await expect.poll(() => empty.count()).toBe(6);
        for (const message of await empty.allInnerTexts()) expect(message).toContain(words.noData);
        expect(await page.locator('figure').nth(4).getByTestId('chart-empty').count()).toBe(0);
        await page.screenshot({ path: join(screenshotDir, `stats-empty-${locale}.png`), fullPage: true });
      } finally {
        await browser.close();
      }
    });
  }
});

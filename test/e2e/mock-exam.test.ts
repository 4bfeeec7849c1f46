import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsAtZoom200, LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { countStore, readStore } from './app-db';
import { studyFirstDeck } from './study-first-deck';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

const text = {
  'en-US': {
    exam: 'Mock exam',
    readiness: 'Readiness',
    start: 'Start the exam',
    showAnswer: 'Show answer',
    progress: (n: number) => `Question ${n} of 10`,
    openCards: 'Open its cards in Browse',
    search: 'Search',
    predicted: /^Kioku predicted (\d+)% for this scope today; you scored (\d+)%\.$/,
    latest: /Kioku predicted (\d+)%, you scored (\d+)%/,
  },
  'ja-JP': {
    exam: '模擬試験',
    readiness: '準備度',
    start: '試験を始める',
    showAnswer: '答えを表示',
    progress: (n: number) => `第 ${n} 問 / 全 10 問`,
    openCards: 'ブラウズでカードを開く',
    search: '検索',
    predicted: /^この範囲の今日の予測は (\d+)%、あなたの得点は (\d+)% でした。$/,
    latest: /Kioku の予測は (\d+)%、あなたの得点は (\d+)%/,
  },
} as const;

const BLUEPRINT = ['E.5', 'E.6', 'E.7', 'E.8', 'E.9', 'E.10'];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

describe('mock exam', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`takes a 10-question exam by keyboard, scores it per topic, opens a wrong answer's card, and shows it on Readiness (${locale}, ${colorScheme})`, async () => {
      const words = text[locale];
      const tag = `${locale}-${colorScheme}`;
      const browser = await openBrowser({ locale, colorScheme });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await studyFirstDeck(page, ['3', '3', '3', '3', '3'], words.showAnswer);
        const reviewsBefore = await countStore(page, 'reviews');

        await page.getByRole('navigation').getByRole('button', { name: words.exam, exact: true }).click();
        await page.locator('tr[data-topic="E.10"]').waitFor();
        const weighted = await page.locator('tr[data-topic]').evaluateAll((rows) =>
          rows.flatMap((row) => (Number(row.querySelector('input')?.value) > 0 ? [row.getAttribute('data-topic')] : [])),
        );
        expect(weighted).toEqual(BLUEPRINT);
        await shot(page, `exam-setup-${tag}`);
        await page.getByRole('button', { name: words.start }).focus();
        await page.keyboard.press('Enter');

        // Keyboard only: the first option each time (A, then 1, in turn), a flag on question 2, one step back.
        for (let n = 1; n <= 10; n++) {
          await page.getByTestId('exam-progress').filter({ hasText: words.progress(n) }).waitFor();
          await page.keyboard.press(n % 2 === 0 ? '1' : 'a');
          if (n === 2) {
            await page.keyboard.press('f');
            await page.keyboard.press('ArrowLeft');
            await page.getByTestId('exam-progress').filter({ hasText: words.progress(1) }).waitFor();
            expect(await page.locator('.option[aria-checked="true"]').count()).toBe(1);
            await page.keyboard.press('Enter');
            await page.getByTestId('exam-progress').filter({ hasText: words.progress(2) }).waitFor();
          }
          if (n === 3) await shot(page, `exam-question-${tag}`);
          await page.keyboard.press('Enter');
        }

        await page.getByTestId('exam-score').waitFor();
        const topics = await page.locator('tr[data-topic]').evaluateAll((rows) =>
          rows.map((row) => [row.getAttribute('data-topic'), row.querySelector('td')?.textContent ?? '']),
        );
        expect(topics.every(([topic]) => BLUEPRINT.includes(topic!))).toBe(true);
        expect(topics.reduce((sum, [, cell]) => sum + Number((cell ?? '').split('/')[1]), 0)).toBe(10);
        const prediction = words.predicted.exec(await page.getByTestId('exam-prediction').innerText());
        expect(prediction).not.toBeNull();
        await expectFitsAtZoom200(page, `exam-result-${tag}`);
        await page.setViewportSize({ width: 1280, height: 720 });

        const [attempt] = await readStore<{ results: { flagged: boolean; chosen: number[] }[]; predicted: number }>(page, 'attempts');
        expect(attempt!.results).toHaveLength(10);
        expect(attempt!.results.map((r) => r.flagged)).toEqual([false, true, false, false, false, false, false, false, false, false]);
        expect(attempt!.results.every((r) => r.chosen.length === 1)).toBe(true);
        expect(await countStore(page, 'reviews')).toBe(reviewsBefore);

        const wrong = page.getByTestId('wrong-answer').first();
        await wrong.waitFor();
        await wrong.getByRole('button', { name: words.openCards }).click();
        const search = await page.getByRole('searchbox', { name: words.search }).inputValue();
        expect(search).toMatch(/^nid:\S+$/);
        await page.getByTestId('browse-count').filter({ hasText: /[1-9]/ }).waitFor();
        const noteId = search.slice('nid:'.length);
        const shownCards = await page.locator('tbody tr[data-card]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-card')));
        expect(shownCards.length).toBeGreaterThan(0);
        const cards = await readStore<{ id: string; noteId: string }>(page, 'cards');
        for (const id of shownCards) expect(cards.find((card) => card.id === id)?.noteId).toBe(noteId);

        await page.getByRole('navigation').getByRole('button', { name: words.readiness, exact: true }).click();
        await page.locator('tr[data-attempt]').waitFor();
        expect(await page.getByTestId('attempt-predicted').innerText()).toBe(`${prediction![1]}%`);
        expect(await page.getByTestId('attempt-actual').innerText()).toBe(`${prediction![2]}%`);
        expect(words.latest.exec(await page.getByTestId('calibration-latest').innerText())?.slice(1)).toEqual([prediction![1], prediction![2]]);
        await page.getByTestId('calibration').screenshot({ path: join(screenshotDir, `exam-calibration-${tag}.png`) });
      } finally {
        await browser.close();
      }
    });
  }
});

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsAtZoom200, LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { studyFirstDeck } from './study-first-deck';
import { countStore, readStore } from './app-db';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

const DAY = 86_400_000;

/** A date as the date input takes it, `days` from now. */
function dateIn(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

const text = {
  'en-US': {
    readiness: 'Readiness',
    examDate: 'Exam date',
    target: 'Target score (%)',
    save: 'Save',
    saved: 'Exam date and target saved.',
    showAnswer: 'Show answer',
    weakest: 'Study weakest cards',
    browse: 'Browse',
    verdict: /^(On track|Not yet|Out of reach): /,
    plan: 'Plan until the exam',
  },
  'ja-JP': {
    readiness: '準備度',
    examDate: '試験日',
    target: '目標スコア（%）',
    save: '保存',
    saved: '試験日と目標を保存しました。',
    showAnswer: '答えを表示',
    weakest: '弱いカードを学習',
    browse: 'ブラウズ',
    verdict: /^(順調です|まだ足りません|届きません): /,
    plan: '試験までの計画',
  },
} as const;

async function openReadiness(page: Page, words: (typeof text)[keyof typeof text]): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: words.readiness, exact: true }).click();
  await page.getByLabel(words.examDate, { exact: true }).waitFor();
}

describe('exam readiness', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`sets an exam date and target, shows topics, the projection and a verdict (${locale}, ${colorScheme})`, async () => {
      const words = text[locale];
      const browser = await openBrowser({ locale, colorScheme });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await openReadiness(page, words);
        await page.getByLabel(words.examDate, { exact: true }).fill(dateIn(30));
        await page.getByLabel(words.target, { exact: true }).fill('85');
        await page.getByRole('button', { name: words.save, exact: true }).click();
        await page.getByRole('status').filter({ hasText: words.saved }).waitFor();

        await page.getByRole('navigation').getByRole('button').first().click();
        await studyFirstDeck(page, ['3', '3', '3', '3', '3'], words.showAnswer);
        await openReadiness(page, words);
        await page.getByTestId('predicted-score').waitFor();
        expect(await page.getByLabel(words.examDate, { exact: true }).inputValue()).toBe(dateIn(30));
        expect(await page.getByLabel(words.target, { exact: true }).inputValue()).toBe('85');

        const score = await page.getByTestId('predicted-score').innerText();
        expect(Number(score.replace('%', ''))).toBeGreaterThan(0);
        // The score shows first, from the cards' schedules; the topics follow once the notes are read.
        await page.locator('tr[data-topic^="E."]').first().waitFor();
        const nfrRows = await page.locator('tr[data-topic^="E."]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-topic')));
        expect(nfrRows).toEqual(['E.5', 'E.6', 'E.7', 'E.8', 'E.9', 'E.10']);
        expect(await page.locator('tr[data-topic="threat-service"] th').innerText()).not.toContain('threat-service');

        const verdict = page.getByTestId('verdict');
        await verdict.waitFor({ timeout: 30_000 });
        expect(await verdict.innerText()).toMatch(words.verdict);
        const canvas = page.getByRole('region', { name: words.plan, exact: true }).locator('canvas');
        const size = await canvas.evaluate((el: HTMLCanvasElement) => ({ width: el.width, height: el.height }));
        expect(size.width).toBeGreaterThan(100);
        expect(size.height).toBeGreaterThan(100);
        await expectFitsAtZoom200(page, `readiness-${locale}-${colorScheme}`);
      } finally {
        await browser.close();
      }
    });
  }

  it('studies the weakest cards whether due or not, recording reviews, and opens a weak card in Browse', async () => {
    const words = text['en-US'];
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await studyFirstDeck(page, ['3', '3', '3', '3'], words.showAnswer);
      await openReadiness(page, words);
      await page.getByLabel(words.examDate, { exact: true }).fill(dateIn(20));
      await page.getByRole('button', { name: words.save, exact: true }).click();
      await page.getByRole('status').filter({ hasText: words.saved }).waitFor();

      expect((await page.locator('ul.weak button').first().innerText()).trim().length).toBeGreaterThan(0);

      await page.getByRole('button', { name: words.weakest }).click();
      await page.getByRole('heading', { name: 'Study: Weakest cards' }).waitFor();
      await page.getByRole('button', { name: words.showAnswer }).waitFor();
      // Only the four studied cards are in the session, none of them due yet.
      expect(await page.getByTestId('remaining-review').innerText()).toBe('4');
      const reviewsBefore = await countStore(page, 'reviews');
      await page.keyboard.press('Space');
      await page.locator('.answers').waitFor();
      await page.keyboard.press('3');
      await page.getByRole('button', { name: words.showAnswer }).waitFor();
      expect(await page.getByTestId('remaining-review').innerText()).toBe('3');
      const reviewsAfter = await countStore(page, 'reviews');
      expect(reviewsAfter).toBe(reviewsBefore + 1);

      await page.keyboard.press('Escape');
      await page.locator('.summary').waitFor();
      await page.keyboard.press('Escape');
      await page.getByLabel(words.examDate, { exact: true }).waitFor();

      // Studying changed which cards are weakest, so the link is read again.
      const link = page.locator('ul.weak button').first();
      const question = (await link.innerText()).trim();
      await link.click();
      const search = page.getByLabel('Search', { exact: true });
      await search.waitFor();
      expect(await search.inputValue()).toMatch(/^cid:/);
      // Exactly the weak card, named in Browse as in Readiness.
      await page.getByTestId('browse-count').filter({ hasText: /^Matching cards: 1$/ }).waitFor();
      expect((await page.locator('tbody tr[data-card] td').first().innerText()).trim()).toBe(question);
    } finally {
      await browser.close();
    }
  });

  it('sets an exam date through Readiness, says how many cards it brought forward, and plans the same at 08:00 and 23:00', async () => {
    const words = text['en-US'];
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      // A fixed morning on the browser's own clock, in the machine's time zone as the app sees it.
      await page.clock.install({ time: new Date(2027, 2, 10, 8, 0) });
      await openDeckList(page, app.url);
      // Easy: five cards go straight to review, due in about a week.
      await studyFirstDeck(page, ['4', '4', '4', '4', '4'], words.showAnswer);
      await openReadiness(page, words);
      await page.getByLabel(words.examDate, { exact: true }).fill('2027-03-16');
      await page.getByLabel(words.target, { exact: true }).fill('99');
      await page.getByRole('button', { name: words.save, exact: true }).click();
      const replanned = await page.getByTestId('replanned').innerText();
      const count = Number(/: (\d+)\./.exec(replanned)?.[1]);
      // The count said is what the database now holds: review cards due before the exam day whose own interval ends after it.
      const examDayStart = new Date(2027, 2, 16, 4, 0).getTime();
      const cards = await readStore<{ state: number; due: number; lastReview: number | null; scheduledDays: number }>(page, 'cards');
      const broughtForward = cards.filter((card) => card.state === 2 && card.lastReview !== null && card.due < examDayStart && card.lastReview + card.scheduledDays * DAY >= examDayStart);
      expect(count).toBeGreaterThan(0);
      expect(broughtForward).toHaveLength(count);

      const planTable = async (): Promise<string> => {
        const plan = page.getByRole('region', { name: words.plan, exact: true });
        await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
        await plan.locator('summary').click();
        return plan.locator('tbody').innerText();
      };
      const morning = await planTable();
      // The plan shows the reviews the exam brought forward, on the days Study will show them.
      const reviewsPlanned = morning.split('\n').map((row) => Number(row.split('\t')[2])).reduce((a, b) => a + b, 0);
      expect(reviewsPlanned).toBeGreaterThanOrEqual(count);

      await page.clock.setSystemTime(new Date(2027, 2, 10, 23, 0));
      await page.getByRole('navigation').getByRole('button').first().click();
      await openReadiness(page, words);
      expect(await planTable()).toBe(morning);
    } finally {
      await browser.close();
    }
  });
});

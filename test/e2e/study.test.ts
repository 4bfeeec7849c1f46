import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { readStore } from './app-db';
import { topBuiltInDeck } from './built-in-counts';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

interface StoredReview {
  cardId: string;
  rating: number;
  durationMs: number;
}

interface StoredCard {
  id: string;
  suspended: boolean;
  buriedUntil: number | null;
  state: number;
}

/** Moves focus with Tab only, as a keyboard user would, until the named control has it. */
async function tabTo(page: Page, accessibleName: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());
    if (name === accessibleName) return;
  }
  throw new Error(`Tab never reached "${accessibleName}"`);
}

async function frontShown(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
}

async function revealAndAnswer(page: Page, key: string): Promise<string> {
  await frontShown(page);
  await page.keyboard.press('Space');
  const button = page.getByRole('group', { name: 'Grade your answer' }).getByRole('button').nth(Number(key) - 1);
  await button.waitFor();
  const label = (await button.getAttribute('aria-label')) ?? '';
  await page.keyboard.press(key);
  return label;
}

function remaining(page: Page): Promise<number[]> {
  return Promise.all(
    ['remaining-new', 'remaining-learning', 'remaining-review'].map(async (id) => Number(await page.getByTestId(id).innerText())),
  );
}

describe('studying a built-in deck by keyboard', () => {
  it('grades, undoes, buries, suspends, summarises, and keeps it all after a reload', async () => {
    const root = topBuiltInDeck();
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await tabTo(page, `Study ${root.label}`);
      await page.keyboard.press('Enter');

      await frontShown(page);
      expect(await remaining(page)).toEqual([root.newToday, 0, 0]);
      await page.keyboard.press('Space');
      await page.getByRole('group', { name: 'Grade your answer' }).waitFor();
      await page.screenshot({ path: join(screenshotDir, 'study-answer-en-light.png') });

      await page.keyboard.press('Escape');
      expect(await page.getByRole('heading', { name: 'Decks', level: 1 }).count()).toBe(1);
      await tabTo(page, `Study ${root.label}`);
      await page.keyboard.press('Enter');

      const labels: string[] = [];
      for (const key of ['1', '2', '3', '4']) labels.push(await revealAndAnswer(page, key));
      expect(labels.map((label) => label.split(',')[0])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
      for (const label of labels) expect(label).toMatch(/, next in (<1m|\d+(m|h|d)|\d+(\.\d)?(mo|y))$/);
      await frontShown(page);
      expect(await remaining(page)).toEqual([root.newToday - 4, 3, 0]);

      await page.keyboard.press('Control+z');
      await page.getByRole('status').filter({ hasText: 'Undone: Answer.' }).waitFor();
      expect(await remaining(page)).toEqual([root.newToday - 3, 3, 0]);

      const beforeBury = await page.locator('.card-area').innerText();
      await page.keyboard.press('-');
      await page.getByRole('status').filter({ hasText: 'Card buried until tomorrow.' }).waitFor();
      await page.getByRole('button', { name: 'Undo Bury' }).waitFor();
      await page.keyboard.press('Control+z');
      await page.getByRole('status').filter({ hasText: 'Undone: Bury.' }).waitFor();
      expect(await page.locator('.card-area').innerText()).toBe(beforeBury);
      await page.keyboard.press('Control+Shift+z');
      await page.getByRole('status').filter({ hasText: 'Redone: Bury.' }).waitFor();
      await page.keyboard.press('Control+z');
      await page.getByRole('status').filter({ hasText: 'Undone: Bury.' }).waitFor();

      await page.keyboard.press('-');
      await page.getByRole('status').filter({ hasText: 'Card buried until tomorrow.' }).waitFor();
      await page.keyboard.press('@');
      await page.getByRole('status').filter({ hasText: 'Card suspended.' }).waitFor();

      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      expect(await page.getByRole('dialog').count()).toBe(0);

      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Session finished' }).waitFor();
      expect(await page.getByTestId('summary-studied').innerText()).toBe('3');
      expect(await page.getByTestId('summary-again-rate').innerText()).toBe('33%');
      await page.screenshot({ path: join(screenshotDir, 'summary-en-light.png') });

      const reviews = await readStore<StoredReview>(page, 'reviews');
      expect(reviews.map((review) => review.rating).sort()).toEqual([1, 2, 3]);
      for (const review of reviews) expect(review.durationMs).toBeGreaterThan(0);
      for (const review of reviews) expect(review.durationMs).toBeLessThanOrEqual(60_000);

      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Decks', level: 1 }).waitFor();

      await page.reload();
      await page.locator('tr[data-deck-id]').first().waitFor();
      expect(await page.getByTestId('today-totals').innerText()).toMatch(/^Cards studied: 3 · Time: (\d+ s|\d+ min \d+ s)$/);
      const rootRow = page.locator('tr[data-deck-id]').first();
      const buried = (await readStore<StoredCard>(page, 'cards')).filter((card) => card.buriedUntil !== null && card.buriedUntil > Date.now());
      const suspended = (await readStore<StoredCard>(page, 'cards')).filter((card) => card.suspended);
      expect(suspended).toHaveLength(1);
      expect(buried.length).toBeGreaterThanOrEqual(1);
      expect(await readStore<StoredReview>(page, 'reviews')).toHaveLength(3);
      const newLeft = root.cards - 3 - suspended.length - buried.filter((card) => card.state === 0).length;
      expect(Number(await rootRow.getByTestId('deck-new').innerText())).toBe(Math.min(newLeft, root.newToday - 3));
      expect(Number(await rootRow.getByTestId('deck-learning').innerText())).toBe(3);
      expect(Number(await rootRow.getByTestId('deck-due').innerText())).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('edits the note in place with E and shows the change on the card', async () => {
    const root = topBuiltInDeck();
    const browser = await openBrowser({ locale: 'ja-JP' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: `「${root.label}」を学習する` }).click();
      await page.getByRole('button', { name: '答えを表示' }).waitFor();
      await page.keyboard.press('e');
      const dialog = page.getByRole('dialog', { name: 'ノートを編集' });
      await dialog.waitFor();
      // The first field by its label: the rich editor's colour box counts as a textbox too.
      const first = dialog.getByRole('textbox', { name: '表面', exact: true });
      // TipTap takes focus on the next animation frame.
      await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
      // Typed into the rich editor, markup is text: shown as typed, never run.
      const typed = '書き直した問題<script>window.hacked = true</script>';
      await first.fill(typed);
      await dialog.getByRole('button', { name: '保存' }).click();
      await page.getByRole('status').filter({ hasText: 'ノートを保存しました。' }).waitFor();
      expect(await cardText(page)).toBe(typed);
      expect(await page.evaluate(() => 'hacked' in window)).toBe(false);
      await page.reload();
      await page.getByRole('button', { name: `「${root.label}」を学習する` }).click();
      await page.getByRole('button', { name: '答えを表示' }).waitFor();
      expect(await cardText(page)).toBe(typed);
    } finally {
      await browser.close();
    }
  });
});

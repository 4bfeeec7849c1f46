import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './app-db';
import { cardText, openBrowser, openDeckList, serveApp } from './browser';
import { layoutProblems, PHONES } from './phone';
import { studyFirstDeck } from './study-first-deck';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

interface StoredReview {
  cardId: string;
  rating: number;
  durationMs: number;
}

function fact(page: Page, name: string): Promise<string> {
  return page.getByTestId('card-info').locator(`[data-fact="${name}"] dd`).innerText();
}

function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('card info', () => {
  it('shows a card’s history from Browse, Study, Readiness and a mock exam’s wrong answer', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await studyFirstDeck(page, ['1', '3', '4'], 'Show answer');
      const reviews = await readStore<StoredReview>(page, 'reviews');
      const again = reviews.find((review) => review.rating === 1)!;

      // Browse: the card answered Again, by Anki's shortcut.
      await page.getByRole('navigation').getByRole('button', { name: 'Browse', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search' }).fill(`cid:${again.cardId}`);
      await page.getByTestId('browse-count').filter({ hasText: /^Matching cards: 1$/ }).waitFor();
      await page.locator('tbody tr[data-card]').first().click();
      await page.keyboard.press('Control+Shift+I');
      const dialog = page.getByRole('dialog', { name: 'Card info' });
      await dialog.waitFor();
      const history = page.getByTestId('card-info-history').locator('tbody tr');
      await history.first().waitFor();
      const mine = reviews.filter((review) => review.cardId === again.cardId);
      expect(await history.count()).toBe(mine.length);
      expect(await history.first().locator('td').nth(1).innerText()).toBe('Learn');
      expect(await history.first().locator('td').nth(2).innerText()).toBe('Again');
      expect(await fact(page, 'reviews')).toBe(String(mine.length));
      expect(await fact(page, 'lapses')).toBe('0');
      expect(await fact(page, 'cardId')).toBe(again.cardId);
      expect(await fact(page, 'firstReview')).not.toBe('—');
      expect(await page.getByTestId('card-info').locator('canvas').count()).toBe(1);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // Ctrl+Shift+A adds tags, as the help list says (it used to select every card instead).
      await page.keyboard.press('Control+Shift+A');
      await page.getByRole('dialog', { name: 'Add tags to the notes of 1 card' }).waitFor();
      await page.keyboard.press('Escape');
      // Anki's keys for the other bulk actions, as the help list names them.
      await page.keyboard.press('Control+Alt+Shift+A');
      await page.getByRole('dialog', { name: 'Remove tags from the notes of 1 card' }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+e');
      await page.getByRole('dialog', { name: 'Export the notes of 1 card' }).waitFor();
      await page.keyboard.press('Escape');

      // Study: I, as in Anki, on the card on screen.
      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id] td.action button').first().click();
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      const front = await cardText(page);
      await page.keyboard.press('i');
      await dialog.waitFor();
      const question = await page.getByTestId('card-info-question').innerText();
      expect(question.length).toBeGreaterThan(0);
      expect(front.replace(/\s+/g, ' ')).toContain(question.replace(/\s+/g, ' ').replace(/…$/, ''));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // The dialog took the key: the card is still on its front.
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.summary, tr[data-deck-id]').first().waitFor();

      // Readiness: a weak card's info, with its recall on the exam day.
      await page.getByRole('navigation').getByRole('button', { name: 'Readiness', exact: true }).click();
      await page.getByLabel('Exam date', { exact: true }).fill(dateIn(20));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const info = page.locator('ul.weak button[aria-label^="Card info"]').first();
      await info.click();
      await dialog.waitFor();
      expect(await fact(page, 'recallOnExam')).toMatch(/^\d+% \(/);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // Mock exam: every answer A, then a wrong answer's card info.
      await page.getByRole('navigation').getByRole('button', { name: 'Mock exam', exact: true }).click();
      await page.locator('tr[data-topic]').first().waitFor();
      await page.getByRole('button', { name: 'Start the exam' }).click();
      for (let n = 1; n <= 10; n++) {
        await page.getByTestId('exam-progress').filter({ hasText: `Question ${n} of` }).waitFor();
        await page.keyboard.press('a');
        await page.keyboard.press('Enter');
      }
      await page.getByTestId('exam-score').waitFor();
      const wrong = page.getByTestId('wrong-answer').first();
      await wrong.getByRole('button', { name: 'Card info' }).click();
      await dialog.waitFor();
      const [attempt] = await readStore<{ results: { chosen: number[]; correct: number[]; noteIds: string[] }[] }>(page, 'attempts');
      const firstWrong = attempt!.results.find((result) => result.chosen.join() !== result.correct.join())!;
      const cards = await readStore<{ id: string; noteId: string }>(page, 'cards');
      const shownCard = await fact(page, 'cardId');
      expect(firstWrong.noteIds).toContain(cards.find((card) => card.id === shownCard)?.noteId);
    } finally {
      await browser.close();
    }
  });

  it('is a full-screen sheet on a phone, above the tab bar, its history fitting without sideways scrolling', async () => {
    const phone = PHONES[0]!;
    const browser = await openBrowser({ locale: 'ja-JP', phone });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await studyFirstDeck(page, ['1', '3'], '答えを表示');
      // The tab bar hides while studying; the summary's Esc brings it back.
      await page.keyboard.press('Escape');
      await page.getByRole('navigation').getByRole('button', { name: 'ブラウズ', exact: true }).tap();
      await page.getByRole('searchbox', { name: '検索' }).fill('rated:1:1');
      await page.getByTestId('browse-count').filter({ hasText: /^1枚のカード$/ }).waitFor();
      // ↓ leaves the search box for the rows, where Ctrl+A selects every card found.
      await page.getByRole('searchbox', { name: '検索' }).press('ArrowDown');
      await page.keyboard.press('Control+a');
      // A phone's toolbar keeps the bulk actions in a sheet: the cards Ctrl+A chose show as chosen, and Actions… reaches them.
      await page.locator('tbody tr[aria-selected="true"] .box').first().waitFor();
      await page.getByRole('button', { name: '操作…', exact: true }).tap();
      await page.getByRole('dialog', { name: '1枚を選択中' }).getByRole('button', { name: 'カード情報', exact: true }).tap();
      const dialog = page.getByRole('dialog', { name: 'カード情報' });
      await page.getByTestId('card-info-history').locator('tbody tr').first().waitFor();
      expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: phone.width, height: phone.height });
      // The tab bar covered the sheet's last lines, and a tap there left the dialog for another screen.
      const onTop = await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[role="dialog"]'), [phone.width / 2, phone.height - 10]);
      expect(onTop).toBe(true);
      await dialog.evaluate((sheet) => (sheet.scrollTop = sheet.scrollHeight));
      const problems = await layoutProblems(page);
      expect(problems.overflow, problems.widest.join('; ')).toBe(0);
      const history = page.getByTestId('card-info-history');
      expect(await history.evaluate((table) => table.getBoundingClientRect().right)).toBeLessThanOrEqual(phone.width);
    } finally {
      await browser.close();
    }
  });
});

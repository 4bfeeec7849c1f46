import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { builtInCardCount } from './built-in-counts';
import { browseDoneReading, firstRow, firstRowNow, recordFirstRow } from './first-rows';
import { layoutProblems, PHONES } from './phone';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

const phone = PHONES[0]!;

const WORDS = {
  'ja-JP': {
    browse: 'ブラウズ',
    close: '閉じる',
    select: '選択',
    all: 'すべて選択',
    actions: '操作…',
    done: '完了',
    suspend: '保留',
    selected: (n: number) => `${n}枚を選択中`,
    suspended: '3枚のカードを保留しました。',
  },
  'en-US': {
    browse: 'Browse',
    close: 'Close',
    select: 'Select',
    all: 'Select all',
    actions: 'Actions…',
    done: 'Done',
    suspend: 'Suspend',
    selected: (n: number) => `Selected: ${n}`,
    suspended: 'Suspended 3 cards.',
  },
} as const;

/** A finger resting on the element's middle for `ms`, then lifted, as Chromium's touch input (CDP) delivers it. */
async function press(page: Page, selector: string, ms: number): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.waitForTimeout(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const row = (n: number) => `[role="grid"] tbody tr[aria-rowindex="${n + 1}"]`;

describe('Browse on a phone', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`chooses several cards by touch and suspends them from the actions sheet (${locale}, ${colorScheme})`, async () => {
      const words = WORDS[locale];
      const browser = await openBrowser({ locale, colorScheme, phone });
      const { page } = browser;
      const shot = (name: string) => page.screenshot({ path: join(screenshotDir, `phone-browse-${name}-${locale}-${colorScheme}.png`), fullPage: true });
      try {
        await openDeckList(page, app.url);
        await page.getByRole('navigation').getByRole('button', { name: words.browse, exact: true }).tap();
        await page.locator(row(3)).waitFor();
        const count = page.getByTestId('browse-selected');

        // A tap still opens the card's note, as before.
        await page.locator(row(1)).tap();
        await page.getByRole('dialog').getByRole('button', { name: words.close, exact: true }).tap();
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

        // A finger held on a row chooses it, and opens nothing; taps then add rows or take them off.
        await press(page, row(1), 800);
        await expect.poll(() => page.locator(row(1)).getAttribute('aria-selected')).toBe('true');
        expect(await page.getByRole('dialog').count()).toBe(0);
        await page.locator(row(2)).tap();
        await page.locator(row(3)).tap();
        await page.locator(row(2)).tap();
        await expect.poll(() => count.innerText()).toBe(words.selected(2));
        await page.locator(row(2)).tap();
        await expect.poll(() => count.innerText()).toBe(words.selected(3));
        expect(await page.getByRole('dialog').count()).toBe(0);
        await shot('selecting');

        // The bulk actions open as a sheet, each a finger-sized button.
        await page.getByRole('button', { name: words.actions }).tap();
        const sheet = page.getByRole('dialog');
        await sheet.getByRole('button', { name: words.suspend, exact: true }).waitFor();
        await page.waitForTimeout(300);
        await shot('actions');
        const problems = await layoutProblems(page);
        expect(problems.overflow).toBe(0);
        expect(problems.small).toEqual([]);
        const chosen = await Promise.all([1, 2, 3, 4].map((n) => page.locator(row(n)).getAttribute('data-card')));
        await sheet.getByRole('button', { name: words.suspend, exact: true }).tap();
        await page.getByRole('status').filter({ hasText: words.suspended }).waitFor();
        // Suspended cards show muted once the search runs again (the rows may have moved).
        const suspended = (id: string | null) => page.locator(`tr[data-card="${id}"]`).evaluate((tr) => tr.classList.contains('suspended'));
        for (const id of chosen.slice(0, 3)) await expect.poll(() => suspended(id)).toBe(true);
        expect(await suspended(chosen[3]!)).toBe(false);

        // "Done" ends choosing: a tap opens a note again. "Select" starts choosing without a long press.
        await page.getByRole('button', { name: words.done, exact: true }).tap();
        await expect.poll(() => count.innerText()).toBe(words.selected(0));
        await page.getByRole('button', { name: words.select, exact: true }).tap();
        await page.getByRole('button', { name: words.all, exact: true }).tap();
        const found = Number((await page.getByTestId('browse-count').innerText()).match(/\d+/)![0]);
        await expect.poll(() => count.innerText()).toBe(words.selected(found));
      } finally {
        await browser.close();
      }
    });
  }

  for (const locale of ['ja-JP', 'en-US'] as const) {
    it(`keeps the first rows under the finger while the rest is read: a tap where row 1 was first drawn opens its note (${locale})`, async () => {
      const words = WORDS[locale];
      const cards = builtInCardCount();
      const browser = await openBrowser({ locale, phone });
      const { page } = browser;
      try {
        await recordFirstRow(page);
        await openDeckList(page, app.url);
        await page.getByRole('navigation').getByRole('button', { name: words.browse, exact: true }).tap();
        const first = await firstRow(page);
        await browseDoneReading(page, cards);
        expect(await firstRowNow(page)).toEqual({ ...first, inPage: true });
        // Had the rows moved down meanwhile, this finger would be taken by the column headings above row 1.
        await page.touchscreen.tap(first.x + first.width / 2, first.y + first.height / 2);
        await page.getByRole('dialog').getByRole('button', { name: words.close, exact: true }).waitFor({ timeout: 10_000 });
        expect(await page.locator('[role="grid"] tbody tr.cursor').getAttribute('data-card')).toBe(first.card);
      } finally {
        await browser.close();
      }
    });
  }
});

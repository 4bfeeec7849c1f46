import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { PHONES } from './phone';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

const phone = PHONES[1]!;

/** A finger stroke from one point to another, as Chromium's touch input (CDP) delivers it. */
async function stroke(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const steps = 4;
  const point = (i: number) => ({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(0)] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(i)] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function cardCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('article.card').boundingBox();
  if (!box) throw new Error('no card on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const newCount = async (page: Page) => Number(await page.getByTestId('remaining-new').textContent());

describe('studying on a phone', () => {
  it('studies a session by taps only: tap the card to see the answer, tap a large grade button at the bottom', async () => {
    const browser = await openBrowser({ locale: 'ja-JP', phone });
    try {
      const { page } = browser;
      const keys: string[] = [];
      await page.exposeFunction('recordKey', (key: string) => keys.push(key));
      await page.addInitScript(() => window.addEventListener('keydown', (event) => (window as unknown as { recordKey: (k: string) => void }).recordKey(event.key), true));
      await openDeckList(page, app.url);
      // A tap acts at once: the browser need not wait to see whether a double tap (zoom) follows.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).touchAction)).toBe('manipulation');

      await page.locator('tr[data-deck-id] td.action button').first().tap();
      await page.locator('article.card').waitFor();
      const startNew = await newCount(page);
      for (let answered = 1; answered <= 3; answered++) {
        await page.locator('article.card').tap();
        const grades = page.getByRole('group', { name: '答えを評価' });
        await grades.waitFor();
        const good = grades.getByRole('button').nth(2);
        const box = (await good.boundingBox())!;
        // Within a thumb's reach: the lowest fifth of the screen, and large.
        expect(box.y + box.height).toBeGreaterThan(phone.height * 0.8);
        expect(box.height).toBeGreaterThanOrEqual(56);
        if (answered === 1) await page.screenshot({ path: join(screenshotDir, `phone-study-taps-${phone.width}.png`) });
        await good.tap();
        await expect.poll(() => newCount(page)).toBe(startNew - answered);
      }
      await page.getByRole('button', { name: '学習をやめる' }).tap();
      await page.locator('.summary').waitFor();
      await page.locator('.summary button').first().tap();
      await page.locator('tr[data-deck-id]').first().waitFor();
      expect(await page.getByTestId('today-totals').textContent()).toContain('3');
      expect(keys).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('answers with a sideways swipe once turned on, and never before the answer shows or when the finger scrolls', async () => {
    const browser = await openBrowser({ locale: 'en-US', phone });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('navigation').getByRole('button', { name: 'More' }).tap();
      await page.getByRole('group', { name: 'More' }).getByRole('button', { name: 'Options' }).tap();
      await page.getByLabel(/Swipe to answer/).tap();
      expect(await page.getByLabel(/Swipe to answer/).isChecked()).toBe(true);
      await page.getByRole('navigation').getByRole('button', { name: 'Decks' }).tap();
      await page.locator('tr[data-deck-id] td.action button').first().tap();
      await page.locator('article.card').waitFor();
      const startNew = await newCount(page);

      // Before the answer is shown a swipe grades nothing.
      let centre = await cardCentre(page);
      const url = page.url();
      await stroke(page, centre, { x: centre.x + 150, y: centre.y });
      await page.waitForTimeout(300);
      // Nor does it take the browser back a page, out of the app.
      expect(page.url()).toBe(url);
      expect(await newCount(page)).toBe(startNew);

      await page.locator('article.card').tap();
      await page.getByRole('group', { name: 'Grade your answer' }).waitFor();
      // A scroll is an up or down stroke, even a slanted one: it grades nothing.
      centre = await cardCentre(page);
      await stroke(page, centre, { x: centre.x + 60, y: centre.y - 200 });
      await page.waitForTimeout(300);
      expect(await newCount(page)).toBe(startNew);
      expect(await page.getByRole('group', { name: 'Grade your answer' }).isVisible()).toBe(true);

      // Right is Good: a new card leaves the new count.
      await stroke(page, { x: centre.x - 100, y: centre.y }, { x: centre.x + 100, y: centre.y + 10 });
      await expect.poll(() => newCount(page)).toBe(startNew - 1);
    } finally {
      await browser.close();
    }
  });

  it('keeps the screen awake while cards are shown, and lets it sleep once the session ends', async () => {
    const browser = await openBrowser({ locale: 'en-US', phone });
    try {
      const { page } = browser;
      // Headless Chromium has no screen to keep on; a stand-in records what the page asks of the Wake Lock API.
      await page.addInitScript(() => {
        const log: string[] = [];
        (window as unknown as { wakeLog: string[] }).wakeLog = log;
        Object.defineProperty(navigator, 'wakeLock', {
          value: {
            request: async (type: string) => {
              log.push(`request ${type}`);
              const sentinel = {
                released: false,
                release: async () => {
                  sentinel.released = true;
                  log.push('release');
                },
              };
              return sentinel;
            },
          },
        });
      });
      const wakeLog = () => page.evaluate(() => (window as unknown as { wakeLog: string[] }).wakeLog);
      await openDeckList(page, app.url);
      expect(await wakeLog()).toEqual([]);
      await page.locator('tr[data-deck-id] td.action button').first().tap();
      await page.locator('article.card').waitFor();
      await expect.poll(wakeLog).toEqual(['request screen']);
      await page.locator('article.card').tap();
      await page.getByRole('group', { name: 'Grade your answer' }).getByRole('button').nth(2).tap();
      await page.getByRole('button', { name: 'Leave study' }).tap();
      await page.locator('.summary').waitFor();
      await expect.poll(wakeLog).toEqual(['request screen', 'release']);
    } finally {
      await browser.close();
    }
  });
});

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, importThroughUi, openBrowser, openDeckList, serveApp } from './browser';

const fixtures = resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures', 'hostile');
const hostileDeck = readFileSync(join(fixtures, 'hostile-deck.json'));
const NOTES_IN_FIXTURE = (JSON.parse(hostileDeck.toString('utf8')) as { notes: unknown[] }).notes.length;

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/** Anything that is not this app's own server, or data held in the page itself. */
function leavesTheMachine(url: string, appOrigin: string): boolean {
  return !(url.startsWith(appOrigin) || url.startsWith('data:') || url.startsWith('blob:'));
}

describe('a deck built to attack the app', () => {
  it('imports, studies and browses every card without running its code, loading from outside or navigating away', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    const appOrigin = new URL(app.url).origin;
    const requests: string[] = [];
    const navigations: string[] = [];
    const dialogs: string[] = [];
    try {
      const { page, context } = browser;
      // The context sees requests of every page and frame, popups included.
      context.on('request', (request) => requests.push(request.url()));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await openDeckList(page, app.url);
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });

      await importThroughUi(page, 'hostile-deck.json', hostileDeck);
      await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe(String(NOTES_IN_FIXTURE));
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      const result = page.getByTestId('import-result');
      await result.waitFor();
      expect(await result.innerText()).toMatch(new RegExp(`Notes added\\s+${NOTES_IN_FIXTURE}`));

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id="hostile-deck"] td.action > button').click();
      const shown: string[] = [];
      let revealed = 0;
      for (; revealed < NOTES_IN_FIXTURE + 5; revealed++) {
        const showAnswer = page.getByRole('button', { name: 'Show answer' });
        const summary = page.locator('.summary');
        await showAnswer.or(summary).first().waitFor();
        if (await summary.isVisible()) break;
        await page.keyboard.press('Space');
        await page.locator('.answers').waitFor();
        shown.push(await cardText(page));
        // Give every vector time to fire: image errors, autofocus, meta refresh.
        await page.waitForTimeout(150);
        await page.keyboard.press('4');
      }
      expect(revealed).toBe(NOTES_IN_FIXTURE);
      // Every note's front, numbered 01…, was on screen with its answer.
      for (let n = 1; n <= NOTES_IN_FIXTURE; n++) expect(shown.some((text) => text.includes(`${String(n).padStart(2, '0')} `))).toBe(true);

      await page.getByRole('navigation').getByRole('button', { name: 'Browse', exact: true }).click();
      await page.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'Hostile <img src=x onerror=window.__pwned=1>' });
      await expect.poll(() => page.locator('tbody tr[data-card]').count()).toBe(NOTES_IN_FIXTURE);
      for (let row = 0; row < NOTES_IN_FIXTURE; row++) {
        await page.locator('tbody tr[data-card]').nth(row).dblclick();
        await page.getByRole('dialog').waitFor();
        await page.waitForTimeout(50);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }

      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as Window & { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(navigations).toEqual([]);
      expect(requests.filter((url) => leavesTheMachine(url, appOrigin))).toEqual([]);

      // The monitor itself works: a request a page of this browser makes to the outside is seen.
      // (From a blank page: the app's own Content-Security-Policy would refuse it before it is made.)
      const probe = await context.newPage();
      await probe.evaluate(() => fetch('http://evil.example/control').catch(() => undefined));
      await expect.poll(() => requests.filter((url) => leavesTheMachine(url, appOrigin))).toEqual(['http://evil.example/control']);
    } finally {
      await browser.close();
    }
  });

  for (const [fixture, where] of [
    ['media-path.json', 'media[0].name'],
    ['media-drive.json', 'media[0].name'],
  ] as const) {
    it(`refuses a media name that looks like a path (${fixture}) and names where it is`, async () => {
      const browser = await openBrowser({ locale: 'en-US' });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await importThroughUi(page, fixture, readFileSync(join(fixtures, fixture)));
        const alert = page.getByRole('alert');
        await alert.waitFor();
        const text = await alert.innerText();
        expect(text).toContain(`${fixture}: ${where}`);
        expect(text).toContain('Nothing was changed in your collection.');
        expect(await page.getByTestId('import-preview').count()).toBe(0);
        await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
        await page.locator('tr[data-deck-id]').first().waitFor();
        expect(await page.locator('tr[data-deck-id="media-deck"]').count()).toBe(0);
      } finally {
        await browser.close();
      }
    });
  }
});

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importThroughUi, openBrowser, openDeckList, serveApp } from './browser';

const ankiMedia = readFileSync(join(resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures'), 'anki', 'media.apkg'));

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

describe('media from an Anki package', () => {
  it('does not hand the player a file named .wav that is not a sound, and never asks the server for it', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await openDeckList(page, app.url);

      await importThroughUi(page, 'media.apkg', ankiMedia, 'application/zip');
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.getByRole('button', { name: 'Study Default' }).click();
      const sound = page.locator('article audio');
      await sound.waitFor({ state: 'attached' });
      // The package's foo.wav is the four bytes "abc\n": its type is read from its content, and it is none of the allowed ones.
      await page.waitForTimeout(300);
      expect(await sound.getAttribute('src')).toBeNull();
      expect(asked.filter((url) => url.includes('foo.wav'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

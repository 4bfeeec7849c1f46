import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, openDeckList, serveApp } from './browser';

const ankiMedia = readFileSync(join(resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures'), 'anki', 'media.apkg'));

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

describe('media from an Anki package', () => {
  it('gives the card’s player the sound it names, from the collection, without asking the server for it', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await openDeckList(page, app.url);

      await page.getByRole('navigation').getByRole('button', { name: 'Import', exact: true }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      await (await chooser).setFiles({ name: 'media.apkg', mimeType: 'application/zip', buffer: ankiMedia });
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.getByRole('button', { name: 'Study Default' }).click();
      const sound = page.locator('article audio');
      await expect.poll(() => sound.getAttribute('src')).toMatch(/^blob:/);
      // The package's foo.wav is four bytes, not a real sound: check the player holds exactly the stored file.
      const file = await sound.evaluate(async (audio: HTMLAudioElement) => {
        const blob = await (await fetch(audio.src)).blob();
        return { type: blob.type, size: blob.size };
      });
      expect(file).toEqual({ type: 'audio/wav', size: 4 });
      expect(asked.filter((url) => url.includes('foo.wav'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, importThroughUi, openBrowser, openDeckList, serveApp } from './browser';

const fixtures = resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures', 'hostile');
const isolationDeck = readFileSync(join(fixtures, 'isolation-deck.json'), 'utf8');
const NOTES_IN_FIXTURE = (JSON.parse(isolationDeck) as { notes: unknown[] }).notes.length;

/** Another port on the loopback stands in for the outside world: every request that reaches it is a leak. */
interface Outside {
  origin: string;
  host: string;
  hits: string[];
  close: () => Promise<void>;
}

async function listenOutside(): Promise<Outside> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    response.end('outside');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    hits,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

let app: { url: string; close: () => Promise<void> };
let outside: Outside;

beforeAll(async () => {
  app = await serveApp();
  outside = await listenOutside();
});
afterAll(async () => {
  await app.close();
  await outside.close();
});

/** Whether the point at the middle of `selector`'s box shows that element (or something inside it) and not something drawn over it. */
function onTop(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  }, selector);
}

interface CardMedia {
  tag: string;
  src: string;
}

/** The src of every element in the shown card, read inside its shadow root. */
function cardSources(page: Page): Promise<CardMedia[]> {
  return page.locator('article.card').evaluate((host) =>
    [...(host.shadowRoot ?? host).querySelectorAll('[src]')].map((element) => ({ tag: element.localName, src: element.getAttribute('src') ?? '' })),
  );
}

/** Opens a card's media URL as a page, as "Open image in new tab" does, and reports what it became. */
async function openAsPage(context: BrowserContext, url: string): Promise<{ type: string; pwned: unknown } | null> {
  const tab = await context.newPage();
  try {
    await tab.goto(url);
    return await tab.evaluate(() => ({ type: document.contentType, pwned: (window as Window & { __pwned?: unknown }).__pwned }));
  } catch {
    // The browser refused to open it as a page at all.
    return null;
  } finally {
    await tab.close();
  }
}

describe('a deck built to reach the app from its media and layout', () => {
  it('serves the web build with the same Content-Security-Policy as the desktop app, as a header and a <meta>', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const response = await browser.page.goto(app.url);
      const headers = response?.headers() ?? {};
      expect(headers['x-content-type-options']).toBe('nosniff');
      const policy = headers['content-security-policy'] ?? '';
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(policy).toContain("style-src 'self';");
      expect(policy).toContain("frame-ancestors 'none'");
      const meta = await browser.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(meta).toBe(
        policy
          .split(';')
          .map((part) => part.trim())
          .filter((part) => part !== '' && !part.startsWith('frame-ancestors'))
          .join('; '),
      );
    } finally {
      await browser.close();
    }
  });

  it('studies every card by mouse: no deck script runs as the app, nothing covers its buttons, nothing is asked of another host', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    const appOrigin = new URL(app.url).origin;
    const requests: string[] = [];
    const navigations: string[] = [];
    const opened: { url: string; as: { type: string; pwned: unknown } | null }[] = [];
    try {
      const { page, context } = browser;
      context.on('request', (request) => requests.push(request.url()));
      await openDeckList(page, app.url);
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });

      const deck = isolationDeck.replaceAll('{{OUTSIDE}}', outside.origin).replaceAll('{{OUTSIDE_HOST}}', outside.host);
      await importThroughUi(page, 'isolation-deck.json', Buffer.from(deck));
      await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe(String(NOTES_IN_FIXTURE));
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id="isolation-deck"] td.action > button').click();
      let answered = 0;
      for (; answered < NOTES_IN_FIXTURE + 2; answered++) {
        const showAnswer = page.getByRole('button', { name: 'Show answer' });
        const summary = page.locator('.summary');
        await showAnswer.or(summary).first().waitFor();
        if (await summary.isVisible()) break;
        await showAnswer.click();
        const easy = page.getByRole('group', { name: 'Grade your answer' }).getByRole('button').nth(3);
        await easy.waitFor();
        // Pictures are looked up and drawn after the card shows; give every vector time to fire.
        await page.waitForTimeout(300);
        const front = await cardText(page);

        for (const { src } of await cardSources(page)) {
          if (src.startsWith('blob:')) opened.push({ url: src, as: await openAsPage(context, src) });
        }
        const links = await page.locator('article.card').evaluate((host) =>
          [...(host.shadowRoot ?? host).querySelectorAll('a[href], area[href]')].map((link) => link.getAttribute('target')),
        );
        expect(links.every((target) => target === '_blank'), `${front}: links open outside the app`).toBe(true);
        expect(await onTop(page, 'nav button'), `${front}: the navigation is not covered`).toBe(true);
        expect(await onTop(page, '.answers button:nth-child(4)'), `${front}: Easy is not covered`).toBe(true);

        // A real click where Easy is drawn: it grades the card, and nothing drawn over it takes the click.
        const box = await easy.boundingBox();
        if (!box) throw new Error('Easy has no box');
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await expect.poll(() => page.getByRole('group', { name: 'Grade your answer' }).count()).toBe(0);
      }
      expect(answered).toBe(NOTES_IN_FIXTURE);

      // Every stored file the cards showed was a picture, a sound or a film when opened as a page; none ran.
      expect(opened.length).toBeGreaterThanOrEqual(3);
      for (const { url, as } of opened) {
        if (as === null) continue;
        expect(as.type, url).toMatch(/^(image\/(png|jpeg|gif|webp|bmp|avif)|audio\/|video\/)/);
        expect(as.pwned, url).toBeUndefined();
      }

      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as Window & { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(navigations).toEqual([]);
      expect(outside.hits).toEqual([]);
      expect(requests.filter((url) => !(url.startsWith(appOrigin) || url.startsWith('data:') || url.startsWith('blob:')))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('needs no inline style or script of its own: every screen and a built-in card show without a policy report', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    const reports: string[] = [];
    try {
      const { page } = browser;
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) reports.push(message.text());
      });
      await openDeckList(page, app.url);
      const tabs = page.getByRole('navigation').getByRole('button');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await page.waitForTimeout(400);
      }
      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id] td.action > button').first().click();
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('group', { name: 'Grade your answer' }).waitFor();
      expect(await cardText(page)).not.toBe('');
      expect(reports).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

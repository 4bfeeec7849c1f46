import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath, openDeckList, serveApp } from './browser';
import { readStore } from './app-db';
import { topBuiltInDeck } from './built-in-counts';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

interface RunningChromium {
  process: ChildProcess;
  browser: Browser;
  page: Page;
}

/**
 * Chromium started by hand rather than through Playwright's launcher, so the test holds the
 * real browser PID and can kill it the way a crash or power cut would, with no chance to close.
 */
async function startChromium(userDataDir: string): Promise<RunningChromium> {
  const child = spawn(
    chromiumPath(),
    [...chromiumArgs, '--lang=en-US', '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, '--window-size=1280,720', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, LANGUAGE: 'en_US', LANG: 'en_US.UTF-8' } },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not report its DevTools address:\n${seen}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it was ready:\n${seen}`));
    });
  });
  // Keep draining stderr so a chatty Chromium never blocks on a full pipe.
  child.stderr?.resume();
  try {
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium started without its default (persistent) context');
    const page = context.pages()[0] ?? (await context.newPage());
    return { process: child, browser, page };
  } catch (error) {
    process.kill(-child.pid!, 'SIGKILL');
    throw error;
  }
}

/** SIGKILL: no unload handlers, no IndexedDB close, no profile flush. Waits until the process is gone. */
async function killChromium(running: RunningChromium): Promise<void> {
  const { process: child } = running;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
  // Helper processes (renderer, GPU, zygote) share the group we created with `detached`.
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // Already gone with the browser process.
  }
}

interface StoredReview {
  id: string;
  cardId: string;
  rating: number;
  stateAfter: number;
  dueAfter: number;
}

interface StoredCard {
  id: string;
  state: number;
  due: number;
  reps: number;
  buriedUntil: number | null;
}

/**
 * Every built-in card starts new, and each answer adds one review and one rep to its card in the
 * same transaction: cards and review log must agree, or a write was torn. Returns the mismatches.
 */
function answeredConsistently(cards: StoredCard[], reviews: StoredReview[]): string[] {
  const problems: string[] = [];
  for (const card of cards) {
    const own = reviews.filter((review) => review.cardId === card.id).sort((a, b) => a.id.localeCompare(b.id));
    if (own.length !== card.reps) problems.push(`card ${card.id}: ${card.reps} reps but ${own.length} reviews`);
    const last = own.at(-1);
    if (last && (last.stateAfter !== card.state || last.dueAfter !== card.due)) problems.push(`card ${card.id}: state and due differ from its last review`);
  }
  return problems;
}

function deckCounts(page: Page, deckName: string): Promise<number[]> {
  const row = page.locator('tr[data-deck-id]').filter({ has: page.getByRole('button', { name: `Study ${deckName}` }) }).first();
  return Promise.all(['deck-new', 'deck-learning', 'deck-due'].map(async (id) => Number(await row.getByTestId(id).innerText())));
}

const ANSWERS = 30;

describe('killing the browser in the middle of a study session', () => {
  it('keeps all 30 answers and the card states after a SIGKILL and a restart on the same profile, and never tears an answer in flight', async () => {
    const root = topBuiltInDeck();
    expect(root.cards).toBeGreaterThanOrEqual(ANSWERS);
    const userDataDir = mkdtempSync(join(tmpdir(), 'kioku-e2e-kill-'));
    let running: RunningChromium | undefined;
    try {
      running = await startChromium(userDataDir);
      let { page } = running;
      await openDeckList(page, app.url);

      // The default limit of 20 new cards a day would end the session before 30 answers.
      await page.getByRole('button', { name: 'Options', exact: true }).click();
      await page.getByRole('spinbutton', { name: 'New cards per day' }).fill(String(root.cards));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Options saved.' }).first().waitFor();
      await page.getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id]').first().waitFor();

      await page.getByRole('button', { name: `Study ${root.label}` }).click();
      const grades = page.getByRole('group', { name: 'Grade your answer' });
      for (let i = 0; i < ANSWERS; i++) {
        await page.getByRole('button', { name: 'Show answer' }).waitFor();
        await page.keyboard.press('Space');
        await grades.waitFor();
        // All four grades in turn, so the cards end up in different states.
        await page.keyboard.press(String((i % 4) + 1));
        await grades.waitFor({ state: 'detached' });
      }
      // The next card shows only once the answer has committed: this is the state the kill must not lose.
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      const cardsBefore = await readStore<StoredCard>(page, 'cards');
      const reviewsBefore = await readStore<StoredReview>(page, 'reviews');
      expect(reviewsBefore).toHaveLength(ANSWERS);
      expect(reviewsBefore.map((review) => review.rating).sort()).toEqual(
        Array.from({ length: ANSWERS }, (_, i) => (i % 4) + 1).sort(),
      );

      await killChromium(running);
      running = await startChromium(userDataDir);
      page = running.page;
      await openDeckList(page, app.url);

      const reviewsAfter = await readStore<StoredReview>(page, 'reviews');
      expect(reviewsAfter.sort((a, b) => a.id.localeCompare(b.id))).toEqual(reviewsBefore.sort((a, b) => a.id.localeCompare(b.id)));
      const cardsAfter = await readStore<StoredCard>(page, 'cards');
      expect(cardsAfter.sort((a, b) => a.id.localeCompare(b.id))).toEqual(cardsBefore.sort((a, b) => a.id.localeCompare(b.id)));
      const answered = cardsAfter.filter((card) => card.reps > 0);
      expect(answered.length).toBeGreaterThan(0);

      expect(await page.getByTestId('today-totals').innerText()).toMatch(new RegExp(`^Cards studied: ${ANSWERS} · `));
      // Answering a card buries its siblings until tomorrow, so they leave today's new count too.
      const now = Date.now();
      const newLeft = cardsAfter.filter((card) => card.state === 0 && !(card.buriedUntil !== null && card.buriedUntil > now)).length;
      const [newCount, learning] = await deckCounts(page, root.label);
      expect(newCount).toBe(newLeft);
      expect(newCount).toBeLessThanOrEqual(root.cards - answered.length);
      expect(learning).toBe(answered.filter((card) => card.state === 1 || card.state === 3).length);
      expect(answeredConsistently(cardsAfter, reviewsAfter)).toEqual([]);

      // Now a kill while the next answer may be in flight: it is saved whole or not at all.
      await page.getByRole('button', { name: `Study ${root.label}` }).click();
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await page.keyboard.press('Space');
      await page.getByRole('group', { name: 'Grade your answer' }).waitFor();
      await page.keyboard.press('3');
      await killChromium(running);
      running = await startChromium(userDataDir);
      page = running.page;
      await openDeckList(page, app.url);
      const reviewsLast = await readStore<StoredReview>(page, 'reviews');
      expect([ANSWERS, ANSWERS + 1]).toContain(reviewsLast.length);
      expect(answeredConsistently(await readStore<StoredCard>(page, 'cards'), reviewsLast)).toEqual([]);
    } finally {
      if (running) await killChromium(running);
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});

import { DATABASE_NAME } from '../src/renderer/src/storage/database-name';
import { TOP_DECK_ID } from './synthetic';

/*
 * Scripts run inside the real web app. They are strings, not functions, because tsx rewrites
 * function source (name helpers) in ways the page could not run.
 */

/** Deck id whose row, counts filled in, means the deck list is on screen. */
const DECK_ROW = `tr[data-deck-id="${TOP_DECK_ID}"] [data-testid="deck-new"]`;

/**
 * Installed before any page script: stamps the first animation frame after the deck list's
 * row with counts is in the DOM, in ms since navigation start (performance.now's origin).
 */
export const deckListProbe = `
(() => {
  if (!location.pathname.includes('/app/')) return;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('${DECK_ROW}')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__benchDeckListMs = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

export const deckListDone = 'window.__benchDeckListMs !== undefined';
export const deckListMs = 'window.__benchDeckListMs';

/**
 * Armed before the answer key is pressed: from the key's arrival to the first animation frame
 * after the next card's front (the Show answer button) is in the DOM. Study only shows the next
 * card once collection.answer() has resolved, i.e. once the review's transaction has committed.
 * The driver awaits the result as a promise rather than polling for it: Playwright polls in
 * animation frames, and each frame it asks for without a change on screen pushes the next one,
 * the frame this figure waits for, back by a whole 60 Hz tick.
 */
export const armAnswerProbe = `
(() => {
  window.__benchAnswerMs = new Promise((resolve, reject) => {
    let pressedAt = null;
    const timeout = setTimeout(() => reject(new Error('answer probe: no next card on screen 30 s after the answer key')), 30000);
    const onKey = (event) => {
      if (event.key !== '3' || pressedAt !== null) return;
      pressedAt = performance.now();
      const observer = new MutationObserver(() => {
        if (!document.querySelector('button.reveal') || !document.querySelector('article.card')) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          clearTimeout(timeout);
          resolve(performance.now() - pressedAt);
        });
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    };
    window.addEventListener('keydown', onKey, { capture: true, once: true });
  });
})();
`;

/** Resolves to the armed probe's figure, in ms. */
export const answerMs = 'window.__benchAnswerMs';

/** Reviews in the app's database, read without the app's code. */
export const reviewCount = `
new Promise((resolve, reject) => {
  const open = indexedDB.open('${DATABASE_NAME}');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction('reviews', 'readonly').objectStore('reviews').count();
    request.onsuccess = () => { resolve(request.result); open.result.close(); };
    request.onerror = () => reject(request.error);
  };
})
`;

/**
 * Armed on the deck list before a tab of the navigation is clicked: from the click to the first
 * animation frame after `ready` (a CSS selector: the screen with its data) is in the DOM.
 */
export function armScreenProbe(ready: string, waitSeconds = 60): string {
  return `
(() => {
  window.__benchScreenMs = new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('screen probe: ${ready} not on screen ${waitSeconds} s after the click')), ${waitSeconds * 1000});
    const onClick = () => {
      const clickedAt = performance.now();
      const check = () => {
        if (!document.querySelector(${JSON.stringify(ready)})) return false;
        observer.disconnect();
        requestAnimationFrame(() => {
          clearTimeout(timeout);
          resolve(performance.now() - clickedAt);
        });
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    };
    document.addEventListener('click', onClick, { capture: true, once: true });
  });
})();
`;
}

export const screenMs = 'window.__benchScreenMs';

/**
 * Armed before Optimise is clicked: watches every animation frame (the longest gap between two
 * is the frame the learner waited longest for) and the progress bar's values, until the
 * evaluation table is on screen; resolves with the click → table time and what it saw.
 */
export const armOptimiseProbe = `
(() => {
  window.__benchOptimise = new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('optimise probe: no evaluation table 10 minutes after Optimise')), 600000);
    let clickedAt = null;
    let last = null;
    let longestFrame = 0;
    let framesOver50 = 0;
    let frames = 0;
    const progress = new Set();
    const frame = (now) => {
      if (last !== null) {
        const gap = now - last;
        longestFrame = Math.max(longestFrame, gap);
        if (gap > 50) framesOver50++;
        frames++;
      }
      last = now;
      const bar = document.querySelector('section[aria-labelledby="fsrs-title"] [role="progressbar"][aria-valuenow]');
      if (bar) progress.add(Number(bar.getAttribute('aria-valuenow')));
      const table = document.querySelector('[data-testid="fsrs-evaluation"]');
      if (clickedAt !== null && table) {
        clearTimeout(timeout);
        const cells = [...table.querySelectorAll('tbody tr:first-child td')].map((cell) => cell.textContent);
        resolve({ ms: now - clickedAt, longestFrame, framesOver50, frames, progress: [...progress].sort((a, b) => a - b), logLoss: cells });
        return;
      }
      requestAnimationFrame(frame);
    };
    window.addEventListener('click', (event) => {
      if (clickedAt !== null || !(event.target instanceof Element) || !event.target.closest('section[aria-labelledby="fsrs-title"] button.primary')) return;
      clickedAt = performance.now();
      requestAnimationFrame(frame);
    }, { capture: true });
  });
})();
`;

import { Workbox } from 'workbox-window';

/** Whether a new version of the app is downloaded and waiting for the learner to take it. */
export const update = $state({ offered: false });

let takeUpdate: (() => void) | null = null;

/**
 * Registers the service worker that keeps the app's files for offline use (made at build time,
 * vite.web-app.ts). A new version waits, and is only offered: reloading mid-session would throw
 * away a card on screen and a type-in answer, so the learner decides when.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox('sw.js', { scope: './' });
  workbox.addEventListener('waiting', () => {
    update.offered = true;
  });
  takeUpdate = () => {
    // The page reloads once the new worker is in charge, so every file comes from one version.
    workbox.addEventListener('controlling', () => window.location.reload());
    workbox.messageSkipWaiting();
  };
  void workbox.register();
}

export function acceptUpdate(): void {
  update.offered = false;
  takeUpdate?.();
}

export function declineUpdate(): void {
  update.offered = false;
}

import { builtInDecks, builtInFingerprint } from './built-in-decks';
import { setLanguage, systemLanguage } from './i18n/locale.svelte';
import { Collection } from './storage/collection';
import { holdCollection } from './storage/one-tab';
import { applyTheme } from './theme/apply';

/**
 * Remembers which version of the built-in decks this browser profile installed. Installing only
 * when the files change keeps a note the learner deleted from coming back at every start.
 */
const INSTALLED_FINGERPRINT_KEY = 'kioku.builtInDecks';

export async function installBuiltInDecks(collection: Collection, now: number, force = false): Promise<void> {
  const fingerprint = builtInFingerprint();
  if (!force && localStorage.getItem(INSTALLED_FINGERPRINT_KEY) === fingerprint) return;
  await collection.installDecks(builtInDecks(), now);
  localStorage.setItem(INSTALLED_FINGERPRINT_KEY, fingerprint);
}

/** Opens the collection: on first start the language follows the system and the built-in decks are installed. */
export async function startApp(collection: Collection): Promise<void> {
  const now = Date.now();
  const firstStart = !(await collection.hasDecks()) && localStorage.getItem(INSTALLED_FINGERPRINT_KEY) === null;
  if (firstStart) await collection.setSettings({ language: systemLanguage(navigator.language) });
  await showInLearnersLook(collection);
  await installBuiltInDecks(collection, now);
  await collection.requestPersistence();
}

/** The learner's language and theme, read without writing anything. */
export async function showInLearnersLook(collection: Collection): Promise<void> {
  const settings = await collection.settings();
  setLanguage(settings.language === 'ja' ? 'ja' : 'en');
  applyTheme(settings.theme);
}

/**
 * Opens the collection once this tab holds it; while another tab does, `onBlocked` is told and
 * the page speaks the learner's language, read from a throwaway connection so that nothing cached
 * outlives the other tab's changes.
 */
export async function startWhenHeld(collection: Collection, onBlocked: (blocked: boolean) => void): Promise<void> {
  await holdCollection(() => {
    onBlocked(true);
    const look = new Collection();
    void showInLearnersLook(look).finally(() => look.close());
  });
  onBlocked(false);
  await startApp(collection);
}

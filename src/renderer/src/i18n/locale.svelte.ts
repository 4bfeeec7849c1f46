import i18next, { type TOptions } from 'i18next';
import { en } from './en';
import { ja } from './ja';

export type Language = 'ja' | 'en';
export const languages: readonly Language[] = ['ja', 'en'];

/** Japanese for a Japanese system, English for everything else: the two catalogs Kioku ships. */
export function systemLanguage(navigatorLanguage: string | undefined): Language {
  return navigatorLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

const translator = i18next.createInstance();
void translator.init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: systemLanguage(typeof navigator === 'undefined' ? undefined : navigator.language),
  fallbackLng: false,
  initAsync: false,
  // Svelte escapes text itself; escaping here too would show `&amp;` on screen.
  interpolation: { escapeValue: false },
});

/** Read by `t` so every label re-renders when the learner switches language. */
const current = $state({ language: translator.language as Language });

export function language(): Language {
  return current.language;
}

export function setLanguage(next: Language): void {
  void translator.changeLanguage(next);
  current.language = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function t(key: string, options?: TOptions): string {
  return translator.t(key, { ...options, lng: current.language });
}

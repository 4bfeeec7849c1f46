import { DEFAULT_DAY_START_HOUR } from '../../../core/scheduling/day';
import { checkDeckOptions, deckPath, resolveDeckOptions, type DeckOptions } from '../../../core/scheduling/options';
import type { DeckRow, KiokuDb } from './db';

export type Theme = 'system' | 'light' | 'dark';

export interface AppSettings {
  language: string;
  theme: Theme;
  /** Hour (0–23, local time) at which the learner's day starts, for the whole collection. */
  dayStartHour: number;
}

export const DEFAULT_SETTINGS: Readonly<AppSettings> = Object.freeze({
  language: 'en',
  theme: 'system',
  dayStartHour: DEFAULT_DAY_START_HOUR,
});

export const APP_KEY = 'app';
/** Options every deck inherits unless it or a parent deck sets its own, incl. a collection-wide exam date. */
export const COLLECTION_OPTIONS_KEY = 'deckDefaults';

export async function getSettings(db: KiokuDb): Promise<AppSettings> {
  const row = await db.settings.get(APP_KEY);
  return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<AppSettings> | undefined) };
}

/** Throws on settings the app cannot run with; also checks those of a backup before it is restored. */
export function checkSettings(settings: AppSettings): void {
  const { dayStartHour, theme, language } = settings;
  if (!(Number.isInteger(dayStartHour) && dayStartHour >= 0 && dayStartHour <= 23)) {
    throw new Error(`Settings: dayStartHour must be a whole hour 0–23, got ${dayStartHour}`);
  }
  if (!['system', 'light', 'dark'].includes(theme)) throw new Error(`Settings: theme must be system, light or dark, got ${theme}`);
  if (typeof language !== 'string' || language.length === 0) throw new Error('Settings: language must be a language code');
}

export async function setSettings(db: KiokuDb, patch: Partial<AppSettings>): Promise<AppSettings> {
  return db.transaction('rw', db.settings, async () => {
    const settings = { ...(await getSettings(db)), ...patch };
    checkSettings(settings);
    await db.settings.put({ key: APP_KEY, value: settings });
    return settings;
  });
}

function checked(options: Partial<DeckOptions>, where: string): Partial<DeckOptions> {
  const problems = checkDeckOptions(options);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  return options;
}

export async function getCollectionOptions(db: KiokuDb): Promise<Partial<DeckOptions>> {
  const row = await db.settings.get(COLLECTION_OPTIONS_KEY);
  return (row?.value as Partial<DeckOptions> | undefined) ?? {};
}

export async function setCollectionOptions(db: KiokuDb, options: Partial<DeckOptions>): Promise<void> {
  await db.settings.put({ key: COLLECTION_OPTIONS_KEY, value: checked(options, 'Collection options') });
}

/** Replaces the options set on a deck itself; options left out are inherited again. */
export async function setDeckOptions(db: KiokuDb, deckId: string, options: Partial<DeckOptions>): Promise<void> {
  await db.transaction('rw', db.decks, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new Error(`Deck options: no deck with id ${deckId}`);
    await db.decks.put({ ...deck, options: checked(options, `Options of deck "${deck.name}"`) });
  });
}

export function resolverFor(decks: DeckRow[], collection: Partial<DeckOptions>): (deckId: string) => DeckOptions {
  const byName = new Map(decks.map((deck) => [deck.name, deck]));
  const byId = new Map(decks.map((deck) => [deck.id, deck]));
  return (deckId) => {
    const deck = byId.get(deckId);
    const chain = deck ? deckPath(deck.name).map((name) => byName.get(name)?.options ?? {}) : [];
    return resolveDeckOptions([collection, ...chain]);
  };
}

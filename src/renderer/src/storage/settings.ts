import { DEFAULT_DAY_START_HOUR } from '../../../core/scheduling/day';
import { presetIdForDeck } from '../../../core/presets/from-pinned';
import {
  DEFAULT_PRESET_ID,
  defaultPreset,
  examPart,
  optionsOfDeck,
  presetPart,
  type ExamOptions,
  type Preset,
  type PresetSetup,
} from '../../../core/presets/presets';
import { checkDeckOptions, type DeckOptions } from '../../../core/scheduling/options';
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
/**
 * The collection's exam date and target. Before schema version 13 this held every option decks
 * inherited; those are the Default preset's now.
 */
export const COLLECTION_OPTIONS_KEY = 'deckDefaults';
/** Every preset, the Default one included (see core/presets). */
export const PRESETS_KEY = 'presets';
/**
 * This device's sync bookkeeping (storage/sync/run.ts): its device id, clock and how far it has
 * merged. It belongs to the device, not the collection: never in a backup, kept through a restore,
 * so a restored backup neither copies another device's id nor turns back what was merged.
 */
export const SYNC_META_KEY = 'sync';
export const DEVICE_SETTINGS: readonly string[] = [SYNC_META_KEY];

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

function checked<T extends Partial<DeckOptions>>(options: T, where: string): T {
  const problems = checkDeckOptions(options);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  return options;
}

/** The collection's exam date and target (since schema version 13 nothing else is kept under this key). */
export async function getCollectionExam(db: KiokuDb): Promise<Partial<ExamOptions>> {
  const row = await db.settings.get(COLLECTION_OPTIONS_KEY);
  return examPart((row?.value as Partial<DeckOptions> | undefined) ?? {});
}

export async function getPresets(db: KiokuDb): Promise<Preset[]> {
  const row = await db.settings.get(PRESETS_KEY);
  const presets = (row?.value as Preset[] | undefined) ?? [];
  return presets.some((preset) => preset.id === DEFAULT_PRESET_ID) ? presets : [defaultPreset(presets), ...presets];
}

export async function putPresets(db: KiokuDb, presets: Preset[]): Promise<void> {
  for (const preset of presets) checked(preset.options, `Preset "${preset.name}"`);
  await db.settings.put({ key: PRESETS_KEY, value: presets });
}

/** Changes one preset with `change`; every deck using it follows. */
export async function changePreset(db: KiokuDb, presetId: string, change: (preset: Preset) => Preset): Promise<void> {
  const presets = await getPresets(db);
  const index = presets.findIndex((preset) => preset.id === presetId);
  if (index < 0) throw new Error(`Options: no preset with id ${presetId}`);
  presets[index] = change(presets[index]!);
  await putPresets(db, presets);
}

/** Sets the exam of its home: the collection ('') or a deck (null removes the deck's own exam, so it follows its parent's again). */
export async function setExamAt(db: KiokuDb, home: string, exam: Partial<ExamOptions> | null): Promise<void> {
  if (home === '') {
    await db.settings.put({ key: COLLECTION_OPTIONS_KEY, value: checked(exam ?? {}, 'Collection options') });
    return;
  }
  const deck = await db.decks.get(home);
  if (!deck) throw new Error(`Exam date: no deck with id ${home}`);
  await db.decks.put({ ...deck, options: checked(exam ?? {}, `Options of deck "${deck.name}"`) });
}

/**
 * Sets the Default preset's options and the collection's exam from one set of options, each
 * replacing what was there: what the collection as a whole uses.
 */
export async function setCollectionOptions(db: KiokuDb, options: Partial<DeckOptions>): Promise<void> {
  checked(options, 'Collection options');
  await changePreset(db, DEFAULT_PRESET_ID, (preset) => ({ ...preset, options: presetPart(options) }));
  await setExamAt(db, '', examPart(options));
}

/**
 * Gives one deck options of its own: its exam (if `options` has one) on the deck, the rest in a
 * preset used by this deck alone, named after it: the Default preset's options with these over
 * them. Empty options: the deck follows its parent's preset and exam again. Screens change a
 * shared preset instead (`changePreset`); this is for a deck that is to differ from the others.
 */
export async function setDeckOptions(db: KiokuDb, deckId: string, options: Partial<DeckOptions>): Promise<void> {
  await db.transaction('rw', db.decks, db.settings, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new Error(`Deck options: no deck with id ${deckId}`);
    checked(options, `Options of deck "${deck.name}"`);
    const own = presetPart(options);
    const row: DeckRow = { ...deck, options: examPart(options) };
    delete row.presetId;
    if (Object.keys(own).length > 0) {
      const id = presetIdForDeck(deck.id);
      const presets = (await getPresets(db)).filter((preset) => preset.id !== id);
      await putPresets(db, [...presets, { id, name: deck.name, options: { ...defaultPreset(presets).options, ...own } }]);
      row.presetId = id;
    }
    await db.decks.put(row);
  });
}

export function resolverFor(setup: PresetSetup): (deckId: string) => DeckOptions {
  return (deckId) => optionsOfDeck(setup, deckId);
}

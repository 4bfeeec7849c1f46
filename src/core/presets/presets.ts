import { deckPath, resolveDeckOptions, type DeckOptions } from '../scheduling/options';

/**
 * Deck options as Anki keeps them: named presets shared by decks. A deck uses the preset it names,
 * or, when it names none, its parent deck's (a top-level deck: the Default preset). The exam date
 * and target are not in presets: they have one home, the collection or the deck being prepared
 * for, and every deck below that home follows it.
 */
export const DEFAULT_PRESET_ID = 'default';
export const DEFAULT_PRESET_NAME = 'Default';

export type ExamOptions = Pick<DeckOptions, 'examDate' | 'examTarget'>;
export type PresetOptions = Partial<Omit<DeckOptions, 'examDate' | 'examTarget'>>;

export interface Preset {
  id: string;
  name: string;
  /** Over Kioku's defaults. Each preset is whole, as in Anki: one preset's options never reach another's decks. */
  options: PresetOptions;
}

/** What resolving needs of a deck: its path, the preset it names, and its own exam when it is the home of one. */
export interface PresetDeck {
  id: string;
  name: string;
  presetId?: string;
  /** Only `examDate` and `examTarget`: set when this deck is the home of an exam. */
  options: Partial<DeckOptions>;
}

/** Everything a deck's options are resolved from. */
export interface PresetSetup {
  decks: readonly PresetDeck[];
  presets: readonly Preset[];
  /** The collection's exam: the home of every deck below no deck with an exam of its own. */
  collectionExam: Partial<ExamOptions>;
}

const EXAM_KEYS = ['examDate', 'examTarget'] as const;

export function examPart(options: Partial<DeckOptions>): Partial<ExamOptions> {
  const exam: Partial<ExamOptions> = {};
  for (const key of EXAM_KEYS) if (options[key] !== undefined) Object.assign(exam, { [key]: options[key] });
  return exam;
}

export function presetPart(options: Partial<DeckOptions>): PresetOptions {
  const rest: Partial<DeckOptions> = { ...options };
  for (const key of EXAM_KEYS) delete rest[key];
  return rest;
}

export function defaultPreset(presets: readonly Preset[]): Preset {
  return presets.find((preset) => preset.id === DEFAULT_PRESET_ID) ?? { id: DEFAULT_PRESET_ID, name: DEFAULT_PRESET_NAME, options: {} };
}

/** The deck and its existing ancestors, the deck first. */
function upwards(decks: readonly PresetDeck[], deckId: string): PresetDeck[] {
  const deck = decks.find((candidate) => candidate.id === deckId);
  if (!deck) return [];
  const byName = new Map(decks.map((candidate) => [candidate.name, candidate]));
  return deckPath(deck.name)
    .reverse()
    .flatMap((name) => byName.get(name) ?? []);
}

/** The preset a deck uses: its own, else the nearest ancestor's, else Default. A preset that no longer exists counts as none. */
export function presetOf(setup: Pick<PresetSetup, 'decks' | 'presets'>, deckId: string): Preset {
  const byId = new Map(setup.presets.map((preset) => [preset.id, preset]));
  for (const deck of upwards(setup.decks, deckId)) {
    const preset = deck.presetId === undefined ? undefined : byId.get(deck.presetId);
    if (preset) return preset;
  }
  return defaultPreset(setup.presets);
}

/** The deck whose exam a deck follows (itself or an ancestor), or '' for the collection's. */
export function examHomeOf(decks: readonly PresetDeck[], deckId: string): string {
  return upwards(decks, deckId).find((deck) => deck.options.examDate !== undefined)?.id ?? '';
}

export function examAt(setup: PresetSetup, home: string): Partial<ExamOptions> {
  if (home === '') return setup.collectionExam;
  return examPart(setup.decks.find((deck) => deck.id === home)?.options ?? {});
}

/** Kioku's defaults, then the deck's preset, then the exam of its home. */
export function optionsOfDeck(setup: PresetSetup, deckId: string): DeckOptions {
  return resolveDeckOptions([presetOf(setup, deckId).options, examAt(setup, examHomeOf(setup.decks, deckId))]);
}

/** The options of the whole collection: the Default preset with the collection's exam. */
export function collectionLevelOptions(setup: Pick<PresetSetup, 'presets' | 'collectionExam'>): Partial<DeckOptions> {
  return { ...defaultPreset(setup.presets).options, ...setup.collectionExam };
}

/** Which decks use each preset (through their own choice or a parent's), for "used by" on the Options screen. */
export function presetUsers(setup: Pick<PresetSetup, 'decks' | 'presets'>): Map<string, string[]> {
  const users = new Map<string, string[]>(setup.presets.map((preset) => [preset.id, []]));
  if (!users.has(DEFAULT_PRESET_ID)) users.set(DEFAULT_PRESET_ID, []);
  for (const deck of setup.decks) users.get(presetOf(setup, deck.id).id)?.push(deck.id);
  return users;
}

import { deckPath, resolveDeckOptions, DEFAULT_EXAM_TARGET, type DeckOptions } from '../scheduling/options';
import { DEFAULT_PRESET_ID, DEFAULT_PRESET_NAME, examPart, presetPart, type ExamOptions, type Preset, type PresetDeck } from './presets';

/** A deck as Kioku kept it before presets: options set on the deck itself, the rest inherited along its path. */
export interface PinnedDeck {
  id: string;
  name: string;
  options: Partial<DeckOptions>;
}

export interface FromPinned<D> {
  decks: (D & PresetDeck)[];
  presets: Preset[];
  collectionExam: Partial<ExamOptions>;
}

/** Equal whatever order the keys were set in. */
function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (value: Record<string, unknown>) => JSON.stringify(Object.keys(value).sort().map((key) => [key, value[key]]));
  return canonical(a) === canonical(b);
}

function examKey(options: DeckOptions): string {
  return JSON.stringify([options.examDate, options.examTarget ?? DEFAULT_EXAM_TARGET]);
}

/** Prefixed so it can never be taken for the Default preset or another deck's. */
export const presetIdForDeck = (deckId: string): string => `preset-${deckId}`;

/**
 * Turns options pinned on decks into presets, changing no deck's options. Options used to be saved
 * whole onto a deck, so most decks hold exactly what they inherited: such a deck follows its parent's
 * preset. A deck whose options differ gets a preset of its own, named after it, holding everything it
 * had. Its exam likewise: kept on the deck only when it differs from what the deck inherited.
 */
export function presetsFromPinned<D extends PinnedDeck>(decks: readonly D[], collectionOptions: Partial<DeckOptions>): FromPinned<D> {
  const byName = new Map(decks.map((deck) => [deck.name, deck]));
  const pinnedChain = (name: string): Partial<DeckOptions>[] => [collectionOptions, ...deckPath(name).map((path) => byName.get(path)?.options ?? {})];
  const before = (name: string): DeckOptions => resolveDeckOptions(pinnedChain(name));
  const parentOf = (name: string): DeckOptions => {
    const parts = deckPath(name).slice(0, -1).filter((path) => byName.has(path));
    const parent = parts.at(-1);
    return parent === undefined ? resolveDeckOptions([collectionOptions]) : before(parent);
  };
  const presets: Preset[] = [{ id: DEFAULT_PRESET_ID, name: DEFAULT_PRESET_NAME, options: presetPart(collectionOptions) }];
  const migrated = decks.map((deck) => {
    const { presetId: _stale, options: _pinned, ...rest } = deck as D & { presetId?: string };
    const own = before(deck.name);
    const inherited = parentOf(deck.name);
    const row = { ...rest, options: {} } as D & PresetDeck;
    if (!same(presetPart(own), presetPart(inherited))) {
      const id = presetIdForDeck(deck.id);
      presets.push({ id, name: deck.name, options: presetPart(own) });
      row.presetId = id;
    }
    if (examKey(own) !== examKey(inherited)) row.options = { examDate: own.examDate, ...(own.examTarget === undefined ? {} : { examTarget: own.examTarget }) };
    return row;
  });
  // In deck order, whatever order the decks came in.
  const [base, ...own] = presets;
  own.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { decks: migrated, presets: [base!, ...own], collectionExam: examPart(collectionOptions) };
}

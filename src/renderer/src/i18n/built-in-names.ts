import { BUILT_IN_NOTE_TYPES } from '../../../core/cards';
import { cardTypeName } from '../../../core/card-info/card-info';
import type { Card, NoteType } from '../../../core/collection/model';
import { t } from './locale.svelte';

/**
 * Kioku's built-in note types keep their English names in the collection, as Anki's stock types
 * are named, so an exported package reads the same everywhere; on screen they follow the UI
 * language. A note type or field the learner renamed, or one from Anki, shows as it is stored.
 */
const CATALOG_KEYS: Record<string, { name: string; fields: string[] }> = {
  'kioku-basic': { name: 'builtIn.basic', fields: ['builtIn.front', 'builtIn.back'] },
  'kioku-basic-reversed': { name: 'builtIn.basicReversed', fields: ['builtIn.front', 'builtIn.back'] },
  'kioku-cloze': { name: 'builtIn.cloze', fields: ['builtIn.text', 'builtIn.backExtra'] },
};

const stored = new Map(BUILT_IN_NOTE_TYPES.map((type) => [type.id, type]));

export function noteTypeLabel(type: Pick<NoteType, 'id' | 'name'>): string {
  const key = CATALOG_KEYS[type.id];
  return key && stored.get(type.id)?.name === type.name ? t(key.name) : type.name;
}

/** The label of a field, by its place in the note type. */
export function fieldLabel(type: Pick<NoteType, 'id' | 'fields'> | undefined, index: number): string {
  const name = type?.fields[index] ?? String(index + 1);
  const key = type ? CATALOG_KEYS[type.id]?.fields[index] : undefined;
  return key && stored.get(type!.id)?.fields[index] === name ? t(key) : name;
}

/** A card's card type (its template's name, a cloze's number), in the UI language for a built-in template. */
export function cardTypeLabel(card: Pick<Card, 'template'>, type: NoteType | undefined): string {
  const builtIn = type ? stored.get(type.id) : undefined;
  const template = type?.kind === 'cloze' ? 0 : card.template;
  if (!type || !builtIn || builtIn.templates[template]?.name !== type.templates[template]?.name) return cardTypeName(card, type);
  return type.kind === 'cloze' ? `${t('builtIn.cloze')} ${card.template + 1}` : t('builtIn.card', { number: card.template + 1 });
}

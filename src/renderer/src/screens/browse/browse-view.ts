import * as v from 'valibot';
import { BROWSE_COLUMNS, DEFAULT_COLUMNS, type BrowseColumn } from '../../../../core/browse/columns';
import type { Collection } from '../../storage/collection';

/** How the learner left Browse: kept in the collection, so it is there on the next start. */
export interface BrowseView {
  columns: BrowseColumn[];
  sort: BrowseColumn;
  descending: boolean;
  mode: 'cards' | 'notes';
}

const KEY = 'browseView';
const Column = v.picklist(BROWSE_COLUMNS);
const ViewSchema = v.object({
  columns: v.pipe(v.array(Column), v.minLength(1)),
  sort: Column,
  descending: v.boolean(),
  mode: v.picklist(['cards', 'notes']),
});

export const DEFAULT_VIEW: BrowseView = { columns: [...DEFAULT_COLUMNS], sort: 'due', descending: false, mode: 'cards' };

/** A stored view that no longer fits (a column renamed since) falls back to the default. */
export async function loadView(collection: Collection): Promise<BrowseView> {
  const row = await collection.db.settings.get(KEY);
  const parsed = v.safeParse(ViewSchema, row?.value);
  return parsed.success ? parsed.output : { ...DEFAULT_VIEW, columns: [...DEFAULT_VIEW.columns] };
}

export async function saveView(collection: Collection, view: BrowseView): Promise<void> {
  await collection.db.settings.put({ key: KEY, value: view });
}

/** A filter chosen from a list becomes a term of the search, quoted when it holds a space. */
export function searchTerm(key: 'deck' | 'tag' | 'is', value: string): string {
  const escaped = value.replace(/[\\"*_]/g, (char) => `\\${char}`);
  return /[\s\u3000():"-]/.test(value) ? `"${key}:${escaped}"` : `${key}:${escaped}`;
}

/** Adds a term to a search, or takes it out when it is already there. */
export function toggleTerm(search: string, term: string): string {
  const trimmed = search.trim();
  if (trimmed.includes(term)) return trimmed.replace(term, ' ').replace(/\s+/g, ' ').trim();
  return trimmed === '' ? term : `${trimmed} ${term}`;
}

let kept: { opened: string; text: string } | null = null;

/**
 * The search Browse shows: the last one typed while Browse was opened with the same `opened`
 * search (so undo, which draws the screen again, keeps it), else `opened`. With `text`, keeps it.
 */
export function lastSearch(opened: string, text?: string): string {
  if (text !== undefined) kept = { opened, text };
  return kept && kept.opened === opened ? kept.text : opened;
}

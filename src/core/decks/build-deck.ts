import type { CollectionData, Deck, Note } from '../collection/model';
import { BUILT_IN_NOTE_TYPES } from '../cards';
import type { ParsedNotes, Section } from '../notes';
import { SUBDECK_NAMES, type GeneratorWarning, type NoteDraft, type SubdeckKey } from './draft';
import { deckIdFor, noteIdFor } from './ids';
import { isNfrTable, nfrDrafts, nfrItemsOf } from './nfr-table';
import { tagsFor } from './tags';
import { isThreatTable, threatTableDrafts } from './threat-table';
import { topicDrafts } from './topic-drafts';

export interface DeckSource {
  /** Stable key of the notes file (its name without extension), part of every id. */
  key: string;
  /** Name of the top deck, e.g. `AWS Security`. */
  title: string;
  /** Where the notes came from, shown as the top deck's description. */
  sourcePath: string;
}

export interface GeneratedDeck {
  data: CollectionData;
  warnings: GeneratorWarning[];
}

/** Notes for every section that has something to learn; empty sections give nothing. */
export function buildDeck(parsed: ParsedNotes, source: DeckSource): GeneratedDeck {
  const warnings: GeneratorWarning[] = [];
  const nfrItems = parsed.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'table' && isNfrTable(block) ? nfrItemsOf(block) : [])),
  );
  const nfrOfThreat = new Map<string, string[]>();
  for (const item of nfrItems) {
    for (const threat of item.threats) nfrOfThreat.set(threat, [...(nfrOfThreat.get(threat) ?? []), item.number]);
  }

  const drafts = parsed.sections.flatMap((section) => sectionDrafts(section, nfrOfThreat, warnings));
  const notes: Note[] = [];
  const seen = new Map<string, number>();
  const usedSubdecks = new Set<SubdeckKey>();
  for (const draft of drafts) {
    const id = noteIdFor(source.key, draft.kind, draft.subject);
    const firstLine = seen.get(id);
    if (firstLine !== undefined) {
      warnings.push({ line: draft.line, message: `repeats what line ${firstLine} already asks (${draft.subject}); skipped` });
      continue;
    }
    seen.set(id, draft.line);
    usedSubdecks.add(draft.subdeck);
    notes.push({
      id,
      noteTypeId: draft.noteTypeId,
      deckId: deckIdFor(source.key, draft.subdeck),
      fields: draft.fields,
      tags: tagsFor(draft),
      // Generated notes carry no clock time, so regenerating unchanged notes gives an identical file.
      modified: 0,
    });
  }

  const decks: Deck[] = [
    { id: deckIdFor(source.key, ''), name: source.title, description: `${source.sourcePath} から生成` },
    ...(Object.keys(SUBDECK_NAMES) as SubdeckKey[])
      .filter((key) => usedSubdecks.has(key))
      .map((key) => ({ id: deckIdFor(source.key, key), name: `${source.title}::${SUBDECK_NAMES[key]}` })),
  ];
  const usedTypes = new Set(notes.map((note) => note.noteTypeId));
  const noteTypes = BUILT_IN_NOTE_TYPES.filter((type) => usedTypes.has(type.id));
  return { data: { decks, noteTypes, notes }, warnings };
}

function sectionDrafts(
  section: Section,
  nfrOfThreat: ReadonlyMap<string, string[]>,
  warnings: GeneratorWarning[],
): NoteDraft[] {
  const tables = section.blocks.filter((block) => block.kind === 'table');
  if (tables.length === 0) return topicDrafts(section);
  return tables.flatMap((table) => {
    if (isNfrTable(table)) return nfrDrafts(section, nfrItemsOf(table));
    if (isThreatTable(table)) return threatTableDrafts(section, table, nfrOfThreat);
    warnings.push({ line: table.line, message: `table with columns ${table.header.join(' | ')} is not a known kind; no cards made` });
    return [];
  });
}

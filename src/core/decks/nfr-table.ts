import { BASIC_NOTE_TYPE } from '../cards';
import type { Block, Section } from '../notes';
import { cellAt, columnOf } from './columns';
import type { NoteDraft } from './draft';
import { escapeHtml } from './html';
import { joinItems, splitItems } from './split-items';

type Table = Extract<Block, { kind: 'table' }>;

export interface NfrItem {
  number: string;
  label: string;
  threats: string[];
  countermeasures: string[];
  line: number;
}

/** The 項番/項目/脅威/対策 table: recognised by its 項番 column. */
export function isNfrTable(table: Table): boolean {
  return columnOf(table.header, '項番') >= 0;
}

export function nfrItemsOf(table: Table): NfrItem[] {
  const number = columnOf(table.header, '項番');
  const label = columnOf(table.header, '項目');
  const threats = columnOf(table.header, '脅威');
  const countermeasures = columnOf(table.header, '対策');
  return table.rows.flatMap((row) => {
    const id = cellAt(row, number);
    if (id === null) return [];
    const name = cellAt(row, label);
    return [
      {
        number: id,
        label: name === null ? id : `${id} ${name}`,
        threats: splitItems(cellAt(row, threats) ?? ''),
        countermeasures: splitItems(cellAt(row, countermeasures) ?? ''),
        line: row.line,
      },
    ];
  });
}

/** Item → threats, item → countermeasures, and threat → item(s). */
export function nfrDrafts(section: Section, items: readonly NfrItem[]): NoteDraft[] {
  const base = { kind: 'nfr-threat', subdeck: 'nfr', noteTypeId: BASIC_NOTE_TYPE.id, sectionNumber: section.number } as const;
  const drafts: NoteDraft[] = [];
  const itemsByThreat = new Map<string, NfrItem[]>();
  for (const item of items) {
    if (item.threats.length > 0) {
      drafts.push({
        ...base,
        subject: `threats-of:${item.number}`,
        fields: [escapeHtml(`${item.label} が対象とする脅威は？`), escapeHtml(joinItems(item.threats))],
        nfrItems: [item.number],
        line: item.line,
      });
    }
    if (item.countermeasures.length > 0) {
      drafts.push({
        ...base,
        subject: `countermeasures-of:${item.number}`,
        fields: [escapeHtml(`${item.label} の対策は？`), escapeHtml(joinItems(item.countermeasures))],
        nfrItems: [item.number],
        line: item.line,
      });
    }
    for (const threat of item.threats) itemsByThreat.set(threat, [...(itemsByThreat.get(threat) ?? []), item]);
  }
  for (const [threat, owners] of itemsByThreat) {
    drafts.push({
      ...base,
      subject: `item-of:${threat}`,
      fields: [
        escapeHtml(`脅威「${threat}」が該当する非機能要求グレードの項目は？`),
        escapeHtml(joinItems(owners.map((owner) => owner.label))),
      ],
      nfrItems: owners.map((owner) => owner.number),
      line: owners[0]?.line ?? section.line,
    });
  }
  return drafts;
}

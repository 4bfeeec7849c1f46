import { BASIC_NOTE_TYPE } from '../cards';
import type { Block, Section } from '../notes';
import { cellAt, columnOf } from './columns';
import type { NoteDraft } from './draft';
import { escapeHtml } from './html';
import { maskTerms } from './mask';
import { joinItems, splitItems } from './split-items';

type Table = Extract<Block, { kind: 'table' }>;

/** The 脅威/概要/対策/AWSサービスでは table: recognised by its 脅威 and 概要 columns. */
export function isThreatTable(table: Table): boolean {
  return columnOf(table.header, '脅威') >= 0 && columnOf(table.header, '概要') >= 0;
}

export interface ThreatRow {
  threats: string[];
  /** The 概要 cell: what the threat is. */
  summary: string | null;
  countermeasure: string | null;
  services: string[];
  line: number;
}

/** The table's rows that name at least one threat. */
export function threatRowsOf(table: Table): ThreatRow[] {
  const threatColumn = columnOf(table.header, '脅威');
  const summaryColumn = columnOf(table.header, '概要');
  const countermeasureColumn = columnOf(table.header, '対策');
  const serviceColumn = columnOf(table.header, 'AWS', 'サービス');
  return table.rows.flatMap((row) => {
    const threats = splitItems(cellAt(row, threatColumn) ?? '');
    if (threats.length === 0) return [];
    return [
      {
        threats,
        summary: cellAt(row, summaryColumn),
        countermeasure: cellAt(row, countermeasureColumn),
        services: splitItems(cellAt(row, serviceColumn) ?? ''),
        line: row.line,
      },
    ];
  });
}

/**
 * Threat → service, service → threats (grouped over the table), threat ← description and
 * threat → countermeasure. `nfrOfThreat` tags each note with the NFR items its threats fall under.
 */
export function threatTableDrafts(
  section: Section,
  table: Table,
  nfrOfThreat: ReadonlyMap<string, string[]>,
): NoteDraft[] {
  const base = { noteTypeId: BASIC_NOTE_TYPE.id, sectionNumber: section.number } as const;
  const nfrOf = (threats: readonly string[]): string[] => [...new Set(threats.flatMap((t) => nfrOfThreat.get(t) ?? []))];

  const drafts: NoteDraft[] = [];
  const threatsByService = new Map<string, { threats: string[]; line: number }>();
  for (const row of threatRowsOf(table)) {
    const { threats, services, summary, countermeasure } = row;
    const rowKey = joinItems(threats);

    for (const threat of threats) {
      if (services.length === 0) continue;
      drafts.push({
        ...base,
        kind: 'threat-service',
        subdeck: 'threats',
        subject: `service-for:${threat}`,
        fields: [escapeHtml(`脅威「${threat}」に対抗するAWSサービスは？`), escapeHtml(joinItems(services))],
        nfrItems: nfrOf([threat]),
        line: row.line,
      });
    }
    for (const service of services) {
      const entry = threatsByService.get(service) ?? { threats: [], line: row.line };
      entry.threats.push(...threats.filter((t) => !entry.threats.includes(t)));
      threatsByService.set(service, entry);
    }
    if (summary !== null) {
      drafts.push({
        ...base,
        kind: 'threat-description',
        subdeck: 'threats',
        subject: `threat-described:${rowKey}`,
        fields: [escapeHtml(`「${maskTerms(summary, threats)}」という脅威は？`), escapeHtml(rowKey)],
        nfrItems: nfrOf(threats),
        line: row.line,
      });
    }
    if (countermeasure !== null) {
      drafts.push({
        ...base,
        kind: 'threat-description',
        subdeck: 'threats',
        subject: `countermeasure-of:${rowKey}`,
        fields: [escapeHtml(`脅威「${rowKey}」の対策は？`), escapeHtml(countermeasure)],
        nfrItems: nfrOf(threats),
        line: row.line,
      });
    }
  }
  for (const [service, { threats, line }] of threatsByService) {
    drafts.push({
      ...base,
      kind: 'threat-service',
      subdeck: 'threats',
      subject: `threats-countered-by:${service}`,
      fields: [escapeHtml(`${service} が対抗する脅威は？`), escapeHtml(joinItems(threats))],
      nfrItems: nfrOf(threats),
      line,
    });
  }
  return drafts;
}

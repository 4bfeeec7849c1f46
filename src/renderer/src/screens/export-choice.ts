import type { ExportFormat } from '../transfer';

/** CSV and TSV hold notes only; a full backup always holds everything, schedules included. */
export function schedulingChoice(format: ExportFormat): 'choose' | 'never' | 'always' {
  if (format === 'csv' || format === 'tsv') return 'never';
  if (format === 'kioku-backup') return 'always';
  return 'choose';
}

/** A full backup is the whole collection, so picking decks only applies to the other formats. */
export const picksDecks = (format: ExportFormat) => format !== 'kioku-backup';

export function withSchedulingFor(format: ExportFormat, chosen: boolean): boolean {
  const rule = schedulingChoice(format);
  return rule === 'choose' ? chosen : rule === 'always';
}

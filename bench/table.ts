import type { Figure } from './goals';

function number(value: number | null, unit = ''): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : 1;
  return `${value.toFixed(digits)}${unit}`;
}

function verdict(met: boolean | null): string {
  return met === null ? '—' : met ? 'met' : 'NOT MET';
}

/** The figures as a plain-text table, one row each, notes underneath. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'p95', 'floor', 'ratio', 'goal', 'met', 'load before→after'];
  const rows = figures.map((f) => [
    f.name,
    number(f.median, ` ${f.unit}`),
    number(f.p95, ` ${f.unit}`),
    number(f.floor, f.floor === null ? '' : ` ${f.unit}`),
    f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
    f.goal,
    verdict(f.met),
    f.load ? `${f.load.before.toFixed(2)}→${f.load.after.toFixed(2)}` : '—',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', 'Notes:', ...notes].join('\n');
}

/** The machine-readable last line. */
export function resultJson(cards: number, figures: readonly Figure[]): string {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return JSON.stringify({
    cards,
    figures: figures.map((f) => ({
      name: f.name,
      unit: f.unit,
      median: round(f.median),
      p95: round(f.p95),
      floor: round(f.floor),
      ratio: round(f.ratio),
      goal: f.goal,
      met: f.met,
      ...(f.load ? { load: { before: round(f.load.before), after: round(f.load.after) } } : {}),
    })),
  });
}

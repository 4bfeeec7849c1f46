import type { ChartConfiguration } from 'chart.js';
import type { ChartColors } from '../../components/charts/chart-theme';

/** Cards and answers come whole, so their axes never show 0.5; minutes may. */
function axes(colors: ChartColors, yTitle: string, whole: boolean) {
  return {
    x: { ticks: { color: colors.muted }, grid: { color: colors.grid } },
    y: {
      beginAtZero: true,
      title: { display: true, text: yTitle, color: colors.muted },
      ticks: { color: colors.muted, precision: whole ? 0 : undefined },
      grid: { color: colors.grid },
    },
  };
}

/** A bar chart in the Statistics screen's style: one series, no legend, drawn at once. */
export function bars(labels: string[], values: number[], color: string | string[], yTitle: string, colors: ChartColors, whole = true): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label: yTitle, data: values, backgroundColor: color }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: axes(colors, yTitle, whole) },
  };
}

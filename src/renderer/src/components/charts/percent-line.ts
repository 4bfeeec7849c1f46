import type { ChartOptions } from 'chart.js';
import { percent } from '../../i18n/percent';
import type { ChartColors } from './chart-theme';

/** A line chart of shares over dates: the y axis runs 0–100 %, drawn in the theme's colours. */
export function percentLineOptions(colors: ChartColors): ChartOptions<'line'> {
  return {
    animation: false,
    maintainAspectRatio: false,
    plugins: { legend: { labels: { color: colors.text } } },
    scales: {
      x: { ticks: { color: colors.muted, maxTicksLimit: 10 }, grid: { color: colors.grid } },
      y: { min: 0, max: 1, ticks: { color: colors.muted, callback: (value) => percent(Number(value)) }, grid: { color: colors.grid } },
    },
  };
}

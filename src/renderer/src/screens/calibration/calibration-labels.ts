import { calibrationGap, scoreOf, type ExamAttempt } from '../../../../core/questions';
import { t } from '../../i18n/locale.svelte';
import { percent } from '../../i18n/percent';

/** "Kioku predicted 72 %, you scored 65 %": the gap of one attempt in words. */
export function gapText(attempt: ExamAttempt): string {
  const actual = percent(scoreOf(attempt.results).share);
  const gap = calibrationGap(attempt);
  if (attempt.predicted === null || gap === null) return t('calibration.noPrediction', { actual });
  const words = { predicted: percent(attempt.predicted), actual, points: Math.abs(gap) };
  if (gap > 0) return t('calibration.gapTooHopeful', words);
  if (gap < 0) return t('calibration.gapTooModest', words);
  return t('calibration.gapExact', words);
}

/** The mean size of the gap over attempts with a prediction, in whole points; null without any. */
export function meanGap(attempts: readonly ExamAttempt[]): { count: number; points: number } | null {
  const gaps = attempts.flatMap((attempt) => {
    const gap = calibrationGap(attempt);
    return gap === null ? [] : [Math.abs(gap)];
  });
  if (gaps.length === 0) return null;
  return { count: gaps.length, points: Math.round(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length) };
}

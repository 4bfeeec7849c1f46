import Papa from 'papaparse';
import { calibrationGap, scoreOf, type ExamAttempt } from './attempt';

/**
 * One row per attempt, oldest first. Cells a spreadsheet would run as a formula (a deck named
 * `=…`) are escaped, as the file is meant to be opened in one.
 */
export function attemptsCsv(attempts: readonly ExamAttempt[]): string {
  const rows = [...attempts]
    .sort((a, b) => a.submittedAt - b.submittedAt)
    .map((attempt) => {
      const score = scoreOf(attempt.results);
      return [
        new Date(attempt.submittedAt).toISOString(),
        attempt.scopeName,
        score.total,
        score.right,
        Math.round(score.share * 100),
        attempt.predicted === null ? '' : Math.round(attempt.predicted * 100),
        calibrationGap(attempt) ?? '',
        Math.round((attempt.submittedAt - attempt.startedAt) / 1000),
        attempt.timeLimitMinutes ?? '',
        attempt.results.filter((result) => result.flagged).length,
        attempt.markedAgain ? 'yes' : 'no',
      ];
    });
  return Papa.unparse(
    {
      fields: ['submitted', 'scope', 'questions', 'right', 'score_percent', 'predicted_percent', 'gap_points', 'seconds', 'time_limit_minutes', 'flagged', 'marked_again'],
      data: rows,
    },
    { newline: '\r\n', escapeFormulae: true },
  );
}

import { withFewMarks } from '../text/stacked-marks';

/** Options are compared as a learner reads them: width, case and spacing do not make two options different. */
export function sameTextKey(text: string): string {
  return withFewMarks(text).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Whether one text holds the other (`マルウェア` and `マルウェア感染`, `Amazon CloudWatch` and
 * `Amazon CloudWatch Logs`): such a pair is never right and wrong in one question.
 */
export function overlaps(a: string, b: string): boolean {
  const x = sameTextKey(a);
  const y = sameTextKey(b);
  if (x === '' || y === '') return false;
  return x.includes(y) || y.includes(x);
}

/** The stem quotes an answer (or an answer's name without `AWS`/`Amazon`), so it gives the answer away. */
export function givesAway(stem: string, answers: readonly string[]): boolean {
  const haystack = sameTextKey(stem);
  return answers.some((answer) =>
    [answer, answer.replace(/^(?:AWS|Amazon)\s*/, '')].some((term) => {
      const key = sameTextKey(term);
      return key.length >= 2 && haystack.includes(key);
    }),
  );
}

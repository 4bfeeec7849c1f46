import type { BaseIssue } from 'valibot';

/** `notes[3].fields[1]`, the way a learner would point at the value in the file. */
export function issuePath(issue: BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path === '' ? 'top level' : path;
}

export function issueProblem(issue: BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return issue.message;
  if (issue.received === 'undefined') return 'missing';
  return `expected ${issue.expected ?? 'another value'}, got ${issue.received}`;
}

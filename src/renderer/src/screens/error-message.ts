/** The text of whatever a failed action threw, for a message next to the control that failed. */
export function errorMessage(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}

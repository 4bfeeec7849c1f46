/** `0.8123` → `81%`: learners read scores as whole percentages. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Resolves once the page has painted what was just changed: an animation frame runs just before
 * the paint, and a task posted from it runs after. Work that would hold the page up waits for it,
 * so the learner sees the change first. A hidden page paints nothing, and this waits until it shows.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

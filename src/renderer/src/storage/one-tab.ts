/**
 * Two tabs studying one collection each build their own queue from the same IndexedDB, so the
 * same cards are reviewed twice and the day's counts double. Only the tab holding this Web Lock
 * opens the collection for study and writing; a later tab waits for it.
 *
 * Web Locks rather than BroadcastChannel: the browser releases a lock when its tab closes,
 * crashes or is discarded, so there is no "who is alive" protocol to get wrong, and a waiting tab
 * is granted the lock at once when the other tab goes.
 */
const COLLECTION_LOCK = 'kioku.collection';

/**
 * Resolves once this tab holds the collection's lock, which it then keeps for the page's
 * lifetime. Calls `onBlocked` first when another tab holds it. Where the browser has no Web Locks
 * (an insecure origin), it resolves at once: studying must still work there.
 */
export function holdCollection(onBlocked: () => void): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return Promise.resolve();
  return new Promise((held) => {
    const keep = (): Promise<never> => {
      held();
      return new Promise<never>(() => {});
    };
    void locks.request(COLLECTION_LOCK, { ifAvailable: true }, (lock) => {
      if (lock) return keep();
      onBlocked();
      void locks.request(COLLECTION_LOCK, keep);
      return undefined;
    });
  });
}

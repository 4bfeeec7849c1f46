export type PersistenceState = 'granted' | 'refused' | 'unavailable';

/**
 * Asks the browser to keep the collection even when disk space runs low. When refused, the
 * UI warns the learner, since an evicted IndexedDB would lose every review.
 */
export async function requestPersistence(storage: StorageManager | undefined): Promise<PersistenceState> {
  if (!storage || typeof storage.persist !== 'function') return 'unavailable';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

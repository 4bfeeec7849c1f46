/**
 * Keeps the screen on while a study session is open, where the browser offers a screen Wake Lock.
 * The browser drops the lock whenever the page is hidden, so it is asked for again on return.
 * Returns the function that lets the screen sleep again.
 */
export function keepScreenAwake(wakeLock: WakeLock | undefined = globalThis.navigator?.wakeLock): () => void {
  if (!wakeLock) return () => {};
  let sentinel: WakeLockSentinel | null = null;
  let stopped = false;
  const request = async (): Promise<void> => {
    if (stopped || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
    try {
      const lock = await wakeLock.request('screen');
      if (stopped) await lock.release();
      else sentinel = lock;
    } catch {
      // Refused (battery saver, no user gesture yet): the session works as before, only the screen may dim.
    }
  };
  const onVisibility = (): void => void request();
  document.addEventListener('visibilitychange', onVisibility);
  void request();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisibility);
    void sentinel?.release();
  };
}

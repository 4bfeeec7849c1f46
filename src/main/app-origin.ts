/** The page is served from this custom scheme rather than file://, so it gets a real origin and our own headers. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kioku';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to the app itself: the app scheme, or the dev server
 * while developing. Compared by parsed origin, never by string prefix, so
 * `app://kioku.evil/` or `http://localhost:5173.evil/` do not pass.
 */
export function isAppUrl(url: string | undefined, devOrigin?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  return devOrigin !== undefined && parsed.origin === devOrigin;
}

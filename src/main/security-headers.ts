/**
 * Cross-origin isolation keeps other origins out of the page's process, and gives the page
 * SharedArrayBuffer, which the FSRS optimiser (fsrs-rs's WebAssembly build) needs for its memory.
 * The development server sends these three as well (src/renderer/vite.shared.ts).
 */
export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/**
 * Headers on every response from the app scheme. The policy allows only the
 * app's own files to run or load:
 * - script-src 'wasm-unsafe-eval' lets WebAssembly compile (sql.js reads Anki's
 *   SQLite files); it does not allow eval() or new Function(), so 'unsafe-eval' stays out;
 * - style-src 'self' without 'unsafe-inline': a deck's style attribute or <style> could otherwise
 *   draw over the app's own controls; Svelte and the card view set styles through the CSSOM
 *   (element.style, adopted style sheets), which CSP does not count as inline style;
 * - img-src and media-src blob:/data: show the pictures and sounds on the learner's cards;
 * - connect-src adds the one CouchDB server the learner chose to sync with, and no other.
 */
export function securityHeaders(syncOrigin: string | null = null): Record<string, string> {
  // The web build's server (vite.web.config.ts) sends these same headers, and its index.html
  // carries the same policy in a <meta> (src/renderer/vite.shared.ts): one policy for both builds.
  const headers: Record<string, string> = {
    ...CROSS_ORIGIN_ISOLATION,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  // One assignment of one string, the form Electronegativity's CSP check can find and evaluate.
  // It reports one LOW finding here, from Google's CSP evaluator: "'self' can be problematic if you
  // host JSONP, Angular or user uploaded files". The app scheme serves only the built renderer
  // (app-protocol.ts), none of those; the learner's media reach the page as blob:/data: URLs.
  // The evaluator also does not know 'wasm-unsafe-eval' yet (a CSP Level 3 keyword Chromium supports).
  headers['Content-Security-Policy'] =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  if (syncOrigin) {
    headers['Content-Security-Policy'] = headers['Content-Security-Policy'].replace("connect-src 'self'", `connect-src 'self' ${syncOrigin}`);
  }
  return headers;
}

/**
 * The policy as a <meta> may carry it: browsers ignore frame-ancestors there, so it is left out
 * (the header keeps it wherever a server sends headers).
 */
export function metaContentSecurityPolicy(syncOrigin: string | null = null): string {
  return (securityHeaders(syncOrigin)['Content-Security-Policy'] ?? '')
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !directive.startsWith('frame-ancestors'))
    .join('; ');
}

/**
 * The sync server a web build may reach, named when building it (`KIOKU_SYNC_ORIGIN=https://couch.example.org`):
 * a page's policy is fixed when it is served, so the web build can only allow a server chosen then.
 * The desktop app reads the server the learner saved instead (app-protocol.ts).
 */
export function buildSyncOrigin(value: string | undefined = process.env.KIOKU_SYNC_ORIGIN): string | null {
  if (!value) return null;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`KIOKU_SYNC_ORIGIN must be an http(s) address, got ${value}`);
  return url.origin;
}

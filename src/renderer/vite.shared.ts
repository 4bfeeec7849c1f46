import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin, UserConfig } from 'vite';
import { buildSyncOrigin, CROSS_ORIGIN_ISOLATION, metaContentSecurityPolicy } from '../main/security-headers.ts';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/**
 * The built page carries the app's Content-Security-Policy in a <meta>, so it holds wherever the
 * page is served from, even by a server that sends no headers. Only in builds: the dev server's
 * hot reload needs inline script.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'kioku-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy(buildSyncOrigin()) }, injectTo: 'head-prepend' },
    ],
  };
}

/** The renderer build, shared by the desktop app (electron-vite) and the plain web page. */
export const rendererConfig: UserConfig = {
  root: resolve(root, 'src/renderer'),
  // Settings live here, not in a svelte.config.js; saying so stops the plugin warning that it found none.
  plugins: [svelte({ configFile: false }), contentSecurityPolicyMeta()],
  resolve: {
    alias: {
      '@core': resolve(root, 'src/core'),
      '@decks': resolve(root, 'decks'),
      '@bridge': resolve(root, 'src/preload/bridge.ts'),
    },
  },
  build: {
    rollupOptions: { input: resolve(root, 'src/renderer/index.html') },
  },
  // The FSRS optimiser's WebAssembly shares memory between threads, so the page must be cross-origin
  // isolated in development too (the web build's server sends all of securityHeaders()).
  server: { headers: { ...CROSS_ORIGIN_ISOLATION } },
  // True in the web build only (vite.web.config.ts): the desktop build leaves out the service worker's code.
  define: { __WEB_APP__: 'false' },
  // fsrs-browser's thread helper imports modules from inside its worker, which only ES module workers can.
  worker: { format: 'es' },
};

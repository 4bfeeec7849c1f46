import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { buildSyncOrigin, securityHeaders } from './src/main/security-headers.ts';
import { rendererConfig } from './src/renderer/vite.shared.ts';
import { webApp } from './src/renderer/vite.web-app.ts';

/** The renderer as a plain web page (browsers, e2e tests, benchmarks). */
export default defineConfig(
  mergeConfig(rendererConfig, {
    base: './',
    // Only the web build is an installable app with a service worker; the desktop app has its own files.
    plugins: [webApp()],
    define: { __WEB_APP__: 'true' },
    build: { outDir: resolve(fileURLToPath(new URL('.', import.meta.url)), 'out/web'), emptyOutDir: true },
    // The same headers as the desktop app's own scheme: its Content-Security-Policy, nosniff and cross-origin isolation.
    preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true, headers: securityHeaders(buildSyncOrigin()) },
  }),
);

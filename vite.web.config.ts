import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { buildSyncOrigin, securityHeaders } from './src/main/security-headers.ts';
import { rendererConfig } from './src/renderer/vite.shared.ts';

/** The renderer as a plain web page (browsers, e2e tests, benchmarks). */
export default defineConfig(
  mergeConfig(rendererConfig, {
    base: './',
    build: { outDir: resolve(fileURLToPath(new URL('.', import.meta.url)), 'out/web'), emptyOutDir: true },
    // The same headers as the desktop app's own scheme: its Content-Security-Policy, nosniff and cross-origin isolation.
    preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true, headers: securityHeaders(buildSyncOrigin()) },
  }),
);

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { UserConfig } from 'vite';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/** The renderer build, shared by the desktop app (electron-vite) and the plain web page. */
export const rendererConfig: UserConfig = {
  root: resolve(root, 'src/renderer'),
  plugins: [svelte()],
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
};

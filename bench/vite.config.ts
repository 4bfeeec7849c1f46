import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { rendererConfig } from '../src/renderer/vite.shared.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

/** The bench page: the renderer's aliases and plugins, its own entry. The driver sets the output folder. */
export default defineConfig(
  mergeConfig(rendererConfig, {
    root: benchDir,
    base: './',
    build: { rollupOptions: { input: resolve(benchDir, 'index.html') } },
  }),
);

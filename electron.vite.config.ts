import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './src/renderer/vite.shared.ts';

export default defineConfig({
  main: {
    build: { rollupOptions: { input: resolve(fileURLToPath(new URL('.', import.meta.url)), 'src/main/index.ts') } },
  },
  preload: {
    build: {
      rollupOptions: {
        input: resolve(fileURLToPath(new URL('.', import.meta.url)), 'src/preload/index.ts'),
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});

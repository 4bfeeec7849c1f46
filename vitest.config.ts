import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { rendererConfig } from './src/renderer/vite.shared.ts';

export default mergeConfig(
  rendererConfig,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    resolve: { conditions: ['browser'] },
    test: {
      include: ['test/unit/**/*.test.ts'],
      environment: 'node',
    },
  }),
);

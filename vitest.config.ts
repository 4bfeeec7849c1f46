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
      // Generous waits: on a busy 2-core machine a screen can take seconds to settle, and a test
      // that fails for want of a wait says nothing about the app. Speed is the bench's business.
      testTimeout: 30_000,
      setupFiles: ['test/unit/setup.ts'],
    },
  }),
);

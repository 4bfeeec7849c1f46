import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { rendererConfig } from './src/renderer/vite.shared.ts';

export default mergeConfig(
  rendererConfig,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    resolve: {
      conditions: ['browser'],
      // PouchDB's packages point `module` at browser builds that turn attachments into Blobs,
      // which Node's md5 cannot read; in Node the tests load PouchDB's Node build instead.
      alias: Object.fromEntries(
        ['pouchdb-core', 'pouchdb-adapter-http', 'pouchdb-adapter-idb', 'pouchdb-adapter-memory', 'pouchdb-replication'].map((name) => [
          name,
          fileURLToPath(new URL(`node_modules/${name}/lib/index.js`, import.meta.url)),
        ]),
      ),
    },
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

import { configure } from '@testing-library/svelte';

// findBy… and waitFor give a screen this long to show what is asked for (see vitest.config.ts).
configure({ asyncUtilTimeout: 10_000 });

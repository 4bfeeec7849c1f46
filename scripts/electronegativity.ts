/**
 * Electronegativity over the app's source: fails on any high or medium
 * finding and on any file it could not read. Runs offline: the Electron
 * version is given instead of looked up, and the one check that downloads
 * Electron's release list is left out (newer Electron releases are a
 * dependency update, not a code problem).
 *
 * Usage: npm run check:electron
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ELECTRON_VERSION = '45.5.0';
const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const input = resolve(root, 'src');

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
  manualReview: boolean;
}

interface Result {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

type Run = (options: Record<string, unknown>) => Promise<Result>;
// A CommonJS package without type declarations; the module itself is its runner.
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

// Its messages would be fetched in the system's language from the network; English ships with it.
process.env.LANG = 'en-US';

const result = await run({
  input,
  electronVersionOverride: ELECTRON_VERSION,
  isRelative: true,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});

const blocking = result.issues.filter((issue) => ['HIGH', 'MEDIUM'].includes(issue.severity.name));
const unreadable = result.errors.filter((error) => !error.tolerable);

for (const issue of result.issues) {
  const where = `src/${issue.file}:${issue.location.line}:${issue.location.column}`;
  console.log(`${issue.severity.name.padEnd(13)} ${issue.id} at ${where}: ${issue.description}`);
}
for (const error of unreadable) console.log(`UNREADABLE    ${error.file}: ${error.message}`);

if (blocking.length > 0 || unreadable.length > 0) {
  console.error(`Electronegativity: ${blocking.length} high or medium finding(s), ${unreadable.length} unreadable file(s).`);
  process.exit(1);
}
console.log(`Electronegativity: no high or medium findings (${result.issues.length} low or informational).`);

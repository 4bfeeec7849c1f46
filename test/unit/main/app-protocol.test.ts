import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveInside } from '../../../src/main/app-protocol';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kioku-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kioku</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'sql.wasm'), new Uint8Array([0, 97, 115, 109]));
  // As the renderer build names them: the optimiser's worker, fsrs-rs's WebAssembly and rayon's worker helper.
  writeFileSync(join(root, 'assets', 'optimiser.worker-Ab12Cd.js'), 'self.onmessage = () => {}');
  writeFileSync(join(root, 'assets', 'fsrs_browser_bg-Ef34Gh.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(root, 'assets', 'workerHelpers-Ij56Kl.js'), 'export {}');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  handler = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A request with the URL exactly as written: Electron hands over what the page asked for. */
function get(url: string): Promise<Response> {
  return handler({ url, method: 'GET' } as Request);
}

describe('app:// protocol handler', () => {
  it('serves the page with a strict Content-Security-Policy and cross-origin isolation headers', async () => {
    const response = await get('app://kioku/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Kioku</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?;/);
    expect(csp).not.toContain("'unsafe-eval'");
    // A deck's style could otherwise draw over the app's controls.
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin and scripts and wasm with their types', async () => {
    expect(await (await get('app://kioku/')).text()).toContain('Kioku');
    expect((await get('app://kioku/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://kioku/assets/sql.wasm')).headers.get('content-type')).toBe('application/wasm');
  });

  it.each([
    'app://kioku/../secret.txt',
    'app://kioku/%2e%2e/secret.txt',
    'app://kioku/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kioku/assets/..%2F..%2Fsecret.txt',
    'app://kioku/..%2fsecret.txt',
    'app://kioku/..%5csecret.txt',
    'app://kioku/index.html%00.js',
    'app://kioku/%E0%A4%A',
  ])('refuses %s, which points outside the renderer folder or is malformed', async (url) => {
    const response = await get(url);
    // URL parsing already folds a literal `/../` into the root (then it is simply missing: 404); encoded ones are caught: 403.
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('outside the renderer');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it.each([
    ['assets/optimiser.worker-Ab12Cd.js', 'text/javascript; charset=utf-8'],
    ['assets/workerHelpers-Ij56Kl.js', 'text/javascript; charset=utf-8'],
    ['assets/fsrs_browser_bg-Ef34Gh.wasm', 'application/wasm'],
  ])('serves %s so the optimiser runs in a cross-origin isolated page (shared memory for fsrs-rs)', async (path, type) => {
    const response = await get(`app://kioku/${path}`);
    expect(response.status).toBe(200);
    // WebAssembly.instantiateStreaming accepts only application/wasm.
    expect(response.headers.get('content-type')).toBe(type);
    // A worker is isolated only when its own script says so too; COEP require-corp also blocks any
    // response that does not allow being embedded by this origin.
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const csp = response.headers.get('content-security-policy') ?? '';
    // The worker loads from the app's own origin (default-src 'self'), and fsrs-rs compiles as WebAssembly.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(csp).not.toMatch(/worker-src/);
  });

  it('answers 404 for a missing file and for another host', async () => {
    expect((await get('app://kioku/missing.js')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await handler({ url: 'app://kioku/index.html', method: 'POST' } as Request)).status).toBe(405);
  });
});

describe('resolveInside', () => {
  it('keeps paths inside the root and refuses the ones that leave it', () => {
    expect(resolveInside('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
    expect(resolveInside('/srv/app', '/assets/../index.html')).toBe('/srv/app/index.html');
    expect(resolveInside('/srv/app', '/../app-other/x')).toBeNull();
    expect(resolveInside('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
  });
});

import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { metaContentSecurityPolicy, securityHeaders } from './security-headers';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Where `pathname` points inside `root`, or null when it would leave `root`.
 * The pathname is decoded first, because `%2e%2e%2f` survives URL parsing.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const target = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const inside = relative(root, target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return target;
}

/**
 * The page carries the policy in a <meta> too, built without a sync server; a page must pass
 * both policies, so the saved server is written into the page's copy as well as the header.
 */
function withSyncOrigin(body: Buffer<ArrayBuffer>, extension: string, origin: string | null): Buffer<ArrayBuffer> {
  if (extension !== '.html' || origin === null) return body;
  return Buffer.from(body.toString('utf8').replace(metaContentSecurityPolicy(), metaContentSecurityPolicy(origin)), 'utf8') as Buffer<ArrayBuffer>;
}

/** The handler for `protocol.handle('app', …)`: serves files from `rootDir` (out/renderer) and nothing else. */
export function createAppProtocolHandler(
  rootDir: string,
  syncOrigin: () => Promise<string | null> | string | null = () => null,
): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const pathname = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
    const file = resolveInside(root, pathname);
    if (!file) return plain(403, 'Forbidden');
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      const origin = await syncOrigin();
      const body = withSyncOrigin(await readFile(path), extname(path).toLowerCase(), origin);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(origin), 'Content-Type': type },
      });
    } catch {
      return plain(404, 'Not found');
    }
  };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/** The manifest's icons, drawn by build/make-icon.ts, under these names in the built site. */
const ICONS = [
  { file: 'icon-192.png', sizes: '192x192', purpose: 'any' },
  { file: 'icon.png', sizes: '512x512', purpose: 'any' },
  { file: 'icon-maskable.png', sizes: '512x512', purpose: 'maskable' },
] as const;

export interface WebAppColours {
  light: { bar: string; page: string };
  dark: { bar: string; page: string };
}

/** The bar and page colours of both themes, read from the theme's own CSS so they are set in one place. */
export function webAppColours(css: string = readFileSync(resolve(root, 'src/renderer/src/theme/theme.css'), 'utf8')): WebAppColours {
  const block = (selector: string): string => {
    const start = css.indexOf(`${selector} {`);
    if (start < 0) throw new Error(`theme.css has no ${selector} block`);
    return css.slice(start, css.indexOf('}', start));
  };
  const colour = (text: string, name: string): string => {
    const found = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,8})`).exec(text)?.[1];
    if (!found) throw new Error(`theme.css sets no --${name}`);
    return found;
  };
  const light = block(':root');
  const dark = block(":root[data-theme='dark']");
  return {
    light: { bar: colour(light, 'surface'), page: colour(light, 'bg') },
    dark: { bar: colour(dark, 'surface'), page: colour(dark, 'bg') },
  };
}

/**
 * Copies the icons from build/ into the site under icons/, and gives the page the phone's bar
 * colour for each theme (the app repaints it when the learner picks a theme: theme/apply.ts) and
 * the icon iOS puts on the home screen, which ignores the manifest's.
 */
function webAppHead(colours: WebAppColours): Plugin {
  return {
    name: 'kioku-web-app-head',
    apply: 'build',
    generateBundle() {
      for (const icon of ICONS) {
        this.emitFile({ type: 'asset', fileName: `icons/${icon.file}`, source: readFileSync(resolve(root, 'build', icon.file)) });
      }
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', media: '(prefers-color-scheme: light)', content: colours.light.bar }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', media: '(prefers-color-scheme: dark)', content: colours.dark.bar }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: 'icons/icon-maskable.png' }, injectTo: 'head' },
    ],
  };
}

/**
 * What makes the web build an installable app that studies offline: a manifest, and a service
 * worker made by Workbox through vite-plugin-pwa, which caches the app's own files as they are
 * built (their names carry hashes, so a new build replaces them all).
 *
 * - `registerType: 'prompt'`: a new version waits until the learner says so (web-app/register.ts),
 *   never in the middle of a study session; it also takes over when every window of the app is closed.
 * - The page registers the worker itself (injectRegister false): an injected inline script would
 *   break the Content-Security-Policy, and the desktop app must never register one.
 * - Fonts are cached as the pages use them rather than all at once: Noto Sans JP comes in over a
 *   hundred pieces by character range, and a learner's cards need only some of them.
 */
export function webApp(): PluginOption[] {
  const colours = webAppColours();
  return [
    webAppHead(colours),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: './',
        name: 'Kioku',
        short_name: 'Kioku',
        description: '間隔反復の単語帳 — spaced-repetition flashcards',
        lang: 'ja',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        theme_color: colours.light.bar,
        background_color: colours.light.page,
        icons: ICONS.map((icon) => ({ src: `icons/${icon.file}`, sizes: icon.sizes, type: 'image/png', purpose: icon.purpose })),
      },
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,png,webmanifest}'],
        // The FSRS optimiser's WebAssembly is the largest file (about 1.7 MB); it must work offline too.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit is looked after at once, so fonts fetched while studying are kept for offline.
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ request }) => request.destination === 'font',
            handler: 'CacheFirst',
            options: { cacheName: 'kioku-fonts', expiration: { maxEntries: 400 } },
          },
        ],
      },
    }),
  ];
}

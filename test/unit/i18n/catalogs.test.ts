import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { ja } from '../../../src/renderer/src/i18n/ja';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..');
const rendererSource = join(root, 'src/renderer/src');

function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

function textAt(catalog: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

/** Every literal key passed to `t('…')` in the renderer, with the file it is used in. */
function usedKeys(): { key: string; file: string }[] {
  return sourceFiles(rendererSource).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)].map((match) => ({
      key: match[1] ?? '',
      file: relative(root, file),
    })),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('UI catalogs', () => {
  it('have the same keys in Japanese and English', () => {
    expect(keysOf(ja).sort()).toEqual(keysOf(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keysOf(en)) {
      expect(placeholders(String(textAt(ja, key))), key).toEqual(placeholders(String(textAt(en, key))));
    }
  });

  it('have no empty text', () => {
    for (const key of keysOf(en)) {
      expect(String(textAt(en, key)).trim(), `en ${key}`).not.toBe('');
      expect(String(textAt(ja, key)).trim(), `ja ${key}`).not.toBe('');
    }
  });

  it('contain every key the screens ask for', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(0);
    const known = new Set(keysOf(en));
    const missing = used.filter(({ key }) => !known.has(key)).map(({ key, file }) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});

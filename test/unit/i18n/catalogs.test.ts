import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { ja } from '../../../src/renderer/src/i18n/ja';
import { setLanguage, t } from '../../../src/renderer/src/i18n/locale.svelte';

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
  it('have the same keys in Japanese and English, but for English-only singular forms', () => {
    const singular = /_one$/;
    expect(keysOf(ja).sort()).toEqual(keysOf(en).filter((key) => !singular.test(key)).sort());
    for (const key of keysOf(en).filter((key) => singular.test(key))) {
      expect(keysOf(en), `${key} has no _other form`).toContain(key.replace(singular, '_other'));
    }
  });

  it('count with i18next plural rules: one card, 2 cards; 1枚 and 2枚 alike', () => {
    setLanguage('en');
    expect(t('counts.cards', { count: 1 })).toBe('1 card');
    expect(t('counts.cards', { count: 2 })).toBe('2 cards');
    setLanguage('ja');
    expect(t('counts.cards', { count: 1 })).toBe('1 枚');
    expect(t('counts.cards', { count: 2 })).toBe('2 枚');
    setLanguage('en');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keysOf(en).filter((key) => !key.endsWith('_one'))) {
      expect(placeholders(String(textAt(ja, key))), key).toEqual(placeholders(String(textAt(en, key))));
    }
  });

  it('have no empty text', () => {
    for (const key of keysOf(en)) {
      expect(String(textAt(en, key)).trim(), `en ${key}`).not.toBe('');
      if (!key.endsWith('_one')) expect(String(textAt(ja, key)).trim(), `ja ${key}`).not.toBe('');
    }
  });

  it('contain every key the screens ask for', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(0);
    // `t('counts.cards', { count })` asks for counts.cards_one or counts.cards_other.
    const known = new Set(keysOf(en).map((key) => key.replace(/_(one|other)$/, '')));
    const missing = used.filter(({ key }) => !known.has(key)).map(({ key, file }) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KiokuBridge } from '../../../src/preload/bridge';

afterEach(() => {
  delete window.kioku;
  vi.resetModules();
});

describe('getPlatform', () => {
  it('uses the desktop bridge when the app provides one', async () => {
    const desktop = { appInfo: async () => ({ version: '1', platform: 'linux', locale: 'ja' }) } as KiokuBridge;
    window.kioku = desktop;
    const { getPlatform } = await import('../../../src/renderer/src/platform/index');
    expect(getPlatform()).toBe(desktop);
  });

  it('falls back to the web implementation in a browser, and keeps using the same one', async () => {
    const { getPlatform } = await import('../../../src/renderer/src/platform/index');
    const platform = getPlatform();
    expect((await platform.appInfo()).platform).toBe('web');
    expect(getPlatform()).toBe(platform);
  });
});

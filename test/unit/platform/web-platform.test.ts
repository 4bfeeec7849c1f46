// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KiokuBridge } from '../../../src/preload/bridge';
import { acceptFor } from '../../../src/renderer/src/platform/web-files';
import { createWebPlatform } from '../../../src/renderer/src/platform/web';
import { createWebBackups } from '../../../src/renderer/src/platform/web-backups';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function capturedInputs(): HTMLInputElement[] {
  const inputs: HTMLInputElement[] = [];
  const create = document.createElement.bind(document);
  const spy = (tag: string): HTMLElement => {
    const element = create(tag);
    if (element instanceof HTMLInputElement) {
      inputs.push(element);
      vi.spyOn(element, 'click').mockImplementation(() => undefined);
    }
    return element;
  };
  vi.spyOn(document, 'createElement').mockImplementation(spy as typeof document.createElement);
  return inputs;
}

function choose(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file] });
  input.dispatchEvent(new Event('change'));
}

describe('web platform', () => {
  const platform: KiokuBridge = createWebPlatform({ backups: createWebBackups({ dbName: 'kioku-web-platform-test' }) });

  it('opens a file the learner picks, limited to the asked extensions', async () => {
    const inputs = capturedInputs();
    const opened = platform.openFile([{ name: 'Anki', extensions: ['apkg', 'COLPKG'] }]);
    const input = inputs[0]!;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.apkg,.colpkg');
    choose(input, new File([new Uint8Array([80, 75, 3, 4])], 'AWS.apkg'));
    expect(await opened).toEqual({ name: 'AWS.apkg', bytes: new Uint8Array([80, 75, 3, 4]) });
  });

  it('gives null when the learner cancels the file chooser', async () => {
    const inputs = capturedInputs();
    const opened = platform.openFile([]);
    inputs[0]!.dispatchEvent(new Event('cancel'));
    expect(await opened).toBeNull();
  });

  it('saves by offering a download with the suggested name', async () => {
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    URL.createObjectURL = vi.fn(() => 'blob:kioku/1');
    URL.revokeObjectURL = vi.fn();
    expect(await platform.saveFile('AWS 試験.csv', new Uint8Array([1]))).toBe(true);
    expect(clicked).toEqual([{ download: 'AWS 試験.csv', href: 'blob:kioku/1' }]);
    expect(document.querySelector('a')).toBeNull();
  });

  it('reports itself as the web platform with the browser language', async () => {
    expect(await platform.appInfo()).toMatchObject({ platform: 'web', locale: navigator.language });
    expect((await platform.appInfo()).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs the last-backup callback when the page is being left', () => {
    const callback = vi.fn();
    const stop = platform.onQuitRequested(callback);
    window.dispatchEvent(new Event('pagehide'));
    stop();
    window.dispatchEvent(new Event('pagehide'));
    expect(callback).toHaveBeenCalledOnce();
  });
});

describe('acceptFor', () => {
  it('accepts any file when a filter says *', () => {
    expect(acceptFor([{ name: 'All', extensions: ['*'] }])).toBe('');
    expect(acceptFor([{ name: 'CSV', extensions: ['csv', 'tsv'] }, { name: 'Text', extensions: ['txt', 'csv'] }])).toBe('.csv,.tsv,.txt');
  });
});

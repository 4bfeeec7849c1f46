import { EventEmitter } from 'node:events';
import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../src/main/app-origin';
import { denyAllPermissions, guardWebContents } from '../../../src/main/web-contents-guard';

class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does and tells whether a listener called preventDefault(). */
  fire(name: string, url = ''): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
  open(url: string): WindowOpenHandlerResponse {
    if (!this.openHandler) throw new Error('no window open handler');
    return this.openHandler({ url } as HandlerDetails);
  }
}

function guarded(answer = true) {
  const contents = new FakeContents();
  const links = { confirm: vi.fn(async () => answer), open: vi.fn(async () => undefined) };
  guardWebContents(contents as unknown as WebContents, { isAppUrl: (url) => isAppUrl(url), links });
  return { contents, links };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a page cannot leave the app', () => {
  it.each(['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'app://kioku.evil/index.html', 'javascript:alert(1)'])(
    'blocks navigation to %s',
    (url) => {
      expect(guarded().contents.fire('will-navigate', url)).toBe(true);
    },
  );

  it('lets the page move between its own pages', () => {
    expect(guarded().contents.fire('will-navigate', 'app://kioku/index.html#/study')).toBe(false);
  });

  it('blocks redirects away from the app', () => {
    const { contents } = guarded();
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'app://kioku/index.html')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    expect(guarded().contents.fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window', () => {
    const { contents } = guarded();
    for (const url of ['https://example.com/', 'app://kioku/index.html', 'about:blank', 'file:///tmp']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
  });

  it('offers an https link to the learner’s browser, only after they agree', async () => {
    const yes = guarded(true);
    yes.contents.open('https://example.com/help');
    await settle();
    expect(yes.links.confirm).toHaveBeenCalledWith('https://example.com/help');
    expect(yes.links.open).toHaveBeenCalledWith('https://example.com/help');

    const no = guarded(false);
    no.contents.fire('will-navigate', 'https://example.com/help');
    await settle();
    expect(no.links.confirm).toHaveBeenCalledOnce();
    expect(no.links.open).not.toHaveBeenCalled();
  });

  it.each(['http://example.com/', 'file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)'])('never offers %s to the outside', async (url) => {
    const { contents, links } = guarded(true);
    contents.open(url);
    contents.fire('will-navigate', url);
    await settle();
    expect(links.confirm).not.toHaveBeenCalled();
    expect(links.open).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((contents: unknown, permission: string) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission)).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin and, while developing, the dev server origin', () => {
    expect(isAppUrl('app://kioku/index.html')).toBe(true);
    expect(isAppUrl('app://kioku.evil/index.html')).toBe(false);
    expect(isAppUrl('app://evil/kioku/')).toBe(false);
    expect(isAppUrl('https://kioku/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.com/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

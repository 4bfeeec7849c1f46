import type { Session, WebContents } from 'electron';

export interface GuardOptions {
  /** True for the app's own pages, which the page may still reload or move between. */
  isAppUrl(url: string): boolean;
  links: ExternalLinks;
}

export interface ExternalLinks {
  /** Asks the learner whether to open `url` in their browser. */
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** Only web pages may leave the app, and only in the learner's own browser. */
export function isExternalWebLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

function offerExternal(url: string, links: ExternalLinks): void {
  if (!isExternalWebLink(url)) return;
  void links
    .confirm(url)
    .then((yes) => (yes ? links.open(url) : undefined))
    .catch(() => undefined);
}

/**
 * Keeps a page inside the app: no navigation away from it, no new windows, no
 * <webview>. An https: link is offered to the learner's browser instead.
 */
export function guardWebContents(contents: WebContents, { isAppUrl, links }: GuardOptions): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    offerExternal(event.url, links);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    offerExternal(url, links);
    return { action: 'deny' };
  });
}

/** Kioku needs no camera, microphone, notifications, location or anything else a page may ask for. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

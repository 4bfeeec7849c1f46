import { BrowserWindow } from 'electron';
import { MIN_SIZE, type Rect } from './window-state';

/**
 * The one window. The page runs like a web page in a browser tab: no Node,
 * its own isolated world for the preload script, the Chromium sandbox and
 * same-origin rules. The options are written out here, in the `new
 * BrowserWindow` call itself, so Electronegativity can check them.
 */
export function createMainWindow(preloadPath: string, place: Rect): BrowserWindow {
  return new BrowserWindow({
    ...place,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Kioku',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Electronegativity asks for a review of every preload script; reviewed: src/preload/index.ts
      // exposes only the typed functions of KiokuBridge, never ipcRenderer or Node.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise open links in a new window without asking the window-open handler first.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

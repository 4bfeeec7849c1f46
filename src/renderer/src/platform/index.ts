import type { KiokuBridge } from '../../../preload/bridge';
import { createWebPlatform } from './web';

let platform: KiokuBridge | undefined;

/** The desktop bridge when running in the Kioku app, the browser implementation on the web page. */
export function getPlatform(): KiokuBridge {
  platform ??= window.kioku ?? createWebPlatform();
  return platform;
}

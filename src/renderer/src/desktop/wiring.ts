import type { KiokuBridge } from '../../../preload/bridge';
import type { AutoBackup } from './auto-backup';
import { menuAction, type DesktopAction } from './menu-actions';

export interface DesktopWiring {
  bridge: Pick<KiokuBridge, 'onMenuCommand' | 'onQuitRequested'>;
  autoBackup: AutoBackup;
  onaction: (action: DesktopAction) => void;
}

/**
 * Connects the shell to the page: menu commands become actions, the periodic backup runs, and
 * closing the app saves a last backup. Returns a function that undoes all of it.
 */
export function wireDesktop({ bridge, autoBackup, onaction }: DesktopWiring): () => void {
  const stopMenu = bridge.onMenuCommand((command) => onaction(menuAction(command)));
  const stopTimer = autoBackup.start();
  const stopQuit = bridge.onQuitRequested(async () => {
    await autoBackup.quit();
  });
  return () => {
    stopMenu();
    stopTimer();
    stopQuit();
  };
}

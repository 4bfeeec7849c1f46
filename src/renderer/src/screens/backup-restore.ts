import type { KiokuBridge } from '../../../preload/bridge';
import { saveBackup } from '../desktop/save-backup';
import type { Collection } from '../storage/collection';
import { applyTheme } from '../theme/apply';
import { setLanguage } from '../i18n/locale.svelte';
import { restoreFile, type PickedFile, type Restored } from '../transfer';

export interface RestoreProgress {
  now: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Restores a backup after saving the collection as it is now, so a wrong choice can be taken
 * back from the Backups screen. The restored settings (language, theme) apply at once.
 */
export async function restoreWithBackup(collection: Collection, bridge: Pick<KiokuBridge, 'saveBackup'>, file: PickedFile, options: RestoreProgress): Promise<Restored> {
  await saveBackup(collection, bridge, 'before-restore', options.now, file.name);
  const restored = await restoreFile(collection, file, options);
  const settings = await collection.settings();
  setLanguage(settings.language === 'ja' ? 'ja' : 'en');
  applyTheme(settings.theme);
  return restored;
}

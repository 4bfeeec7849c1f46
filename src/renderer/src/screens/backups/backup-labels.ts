import type { BackupEntry, BackupReason } from '../../../../preload/bridge';
import { t } from '../../i18n/locale.svelte';

const REASON_KEYS: Record<BackupReason, string> = {
  periodic: 'backups.reason.periodic',
  quit: 'backups.reason.quit',
  manual: 'backups.reason.manual',
  'before-restore': 'backups.reason.beforeRestore',
  'before-import': 'backups.reason.beforeImport',
  'before-sync': 'backups.reason.beforeSync',
  'before-delete': 'backups.reason.beforeDelete',
};

/** Why the backup was made, in words: "Before importing AWS.apkg". Older backups do not say. */
export function reasonLabel(entry: BackupEntry): string {
  if (entry.reason === undefined) return t('backups.reason.unknown');
  if (entry.reason === 'before-import' && entry.detail) return t('backups.reason.beforeImportOf', { file: entry.detail });
  if (entry.reason === 'before-delete' && entry.detail) return t('backups.reason.beforeDeleteOf', { deck: entry.detail.replaceAll('::', ' › ') });
  return t(REASON_KEYS[entry.reason]);
}

/** Sizes in the learner's language, with the browser's own unit names (kB, MB). */
export function sizeLabel(bytes: number, language: string): string {
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

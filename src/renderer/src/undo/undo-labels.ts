import { t } from '../i18n/locale.svelte';
import type { UndoAction } from '../storage/undo/actions';

/** "Undo Suspend" / "元に戻す: 保留", or null when there is nothing to undo. */
export function undoLabel(action: UndoAction | null): string | null {
  return action ? t('undo.undo', { action: t(`undo.actions.${action}`) }) : null;
}

export function redoLabel(action: UndoAction | null): string | null {
  return action ? t('undo.redo', { action: t(`undo.actions.${action}`) }) : null;
}

/** The toast once a step was taken back or done again. */
export function doneMessage(kind: 'undo' | 'redo', action: UndoAction | null): string {
  if (!action) return t(kind === 'undo' ? 'undo.nothingToUndo' : 'undo.nothingToRedo');
  return t(kind === 'undo' ? 'undo.undone' : 'undo.redone', { action: t(`undo.actions.${action}`) });
}

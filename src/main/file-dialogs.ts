import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import type { FileFilter, OpenedFile } from '../preload/bridge';

export async function openFileDialog(filters: FileFilter[], sender: WebContents): Promise<OpenedFile | null> {
  const window = BrowserWindow.fromWebContents(sender);
  const options = { properties: ['openFile' as const], filters };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

/** Like backups, the chosen file is written next to itself first, so a crash cannot leave half an export in its place. */
export async function saveFileDialog(suggestedName: string, bytes: Uint8Array, sender: WebContents): Promise<boolean> {
  const window = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: join(app.getPath('downloads'), suggestedName) };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return false;
  const temp = join(dirname(result.filePath), `.${basename(result.filePath)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, result.filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return true;
}

/** The shell's folder chooser, so a folder for backups is always one the learner picked. */
export async function chooseFolderDialog(sender: WebContents, current: string): Promise<string | null> {
  const window = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: current, properties: ['openDirectory' as const, 'createDirectory' as const] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  return result.canceled || !path ? null : path;
}

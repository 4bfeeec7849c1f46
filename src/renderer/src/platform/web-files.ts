import type { FileFilter, OpenedFile } from '../../../preload/bridge';

/** The `accept` attribute for a file input: `.apkg,.colpkg`; `*` means any file. */
export function acceptFor(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return [...new Set(extensions.map((extension) => `.${extension.toLowerCase()}`))].join(',');
}

/** Lets the learner pick one file with the browser's file chooser; null when they cancel. */
export function pickFile(document: Document, filters: readonly FileFilter[]): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFor(filters);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file.arrayBuffer().then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Offers `bytes` as a download; the browser decides where it goes, so this cannot tell a cancel apart. */
export function downloadFile(document: Document, name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL only has to live until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

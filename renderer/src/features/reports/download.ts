import type { ResponseOf } from '../../../../shared/contract/index.ts';

/**
 * Saves an exported file through a Blob link: the same path in browser mode and in Electron, no
 * request leaves the page (the data is already here).
 */
export function downloadFile(file: ResponseOf<'reports:export'>): void {
  const data =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0))
      : file.content;
  const url = URL.createObjectURL(new Blob([data], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

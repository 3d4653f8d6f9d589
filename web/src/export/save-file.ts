// Hands a file to the browser's downloads (an <a download> on an object URL).

/** Every exported file's name begins so, e.g. "nn-playground-loss.svg". */
export const FILE_PREFIX = 'nn-playground-';

export function saveFile(contents: Blob | string, name: string, type: string): void {
  const blob = typeof contents === 'string' ? new Blob([contents], { type }) : contents;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${FILE_PREFIX}${name}`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// A saved model or scene dropped anywhere on the playground opens it (./model-files.ts). A .json
// file is the playground's wherever it lands, even on the Data panel, whose own drop takes CSV
// files (ui/csv-upload.ts leaves a drop this marked handled); another file dropped outside that
// panel is tried too, so its refusal says what the page expected. The playground is outlined
// while a file is dragged over it (styles/share.css).

const DROPPING = 'file-dropping';

/** A file the playground reads as a saved model or scene (not a data file). */
export function isDocumentFile(file: File): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}

/** Hears files dropped on `target` and hands the first to `open`. */
export function installFileDrop(target: HTMLElement, open: (file: File) => void): void {
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  target.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault(); // Allows the drop (the browser would open the file instead).
    target.classList.add(DROPPING);
  });
  target.addEventListener('dragleave', (event) => {
    if (!target.contains(event.relatedTarget as Node | null)) target.classList.remove(DROPPING);
  });
  // Capture: before the Data panel's CSV drop hears it.
  target.addEventListener(
    'drop',
    (event) => {
      target.classList.remove(DROPPING);
      const file = event.dataTransfer?.files[0];
      if (!file || !isDocumentFile(file)) return;
      event.preventDefault();
      open(file);
    },
    { capture: true },
  );
  // Anything else no one took (the CSV drop marks its own handled).
  target.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file || event.defaultPrevented) return;
    event.preventDefault();
    open(file);
  });
}

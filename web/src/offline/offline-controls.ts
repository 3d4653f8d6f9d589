// The footer's "Make available offline" action and the new-version notice. After one visit the
// page already works offline (the service worker precaches it); the action also saves every
// shipped dataset, reporting progress, the size and the outcome. Both stay hidden where there is
// no service worker (the dev server, file://).
import { byId } from '../ui/dom.ts';
import type { FromServiceWorker } from './protocol.ts';
import { askServiceWorker, registerServiceWorker, serviceWorkerPossible } from './register.ts';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** `root` holds the footer's action and the notice (the page's <body>). */
export function installOffline(root: ParentNode): void {
  if (!serviceWorkerPossible()) return;
  const block = byId(root, 'offline', HTMLElement);
  const button = byId(root, 'offline-save', HTMLButtonElement);
  const status = byId(root, 'offline-status', HTMLElement);
  const notice = byId(root, 'update-notice', HTMLElement);

  const report = (answer: FromServiceWorker): boolean => {
    switch (answer.type) {
      case 'status':
        status.textContent =
          answer.cached === answer.files
            ? `Available offline, with all ${answer.files} dataset files (${megabytes(answer.bytes)}).`
            : `Works offline; the real datasets (${megabytes(answer.bytes)}) only once opened, or all with this button.`;
        return true;
      case 'progress':
        status.textContent = `Saving the datasets for offline use: ${megabytes(answer.loaded)} of ${megabytes(answer.total)} (${Math.floor((100 * answer.loaded) / answer.total)} %)…`;
        return false;
      case 'done':
        status.textContent = `Available offline, with all ${answer.files} dataset files (${megabytes(answer.bytes)}).`;
        button.disabled = false;
        return true;
      case 'failed':
        status.textContent = answer.quota
          ? `The browser would not store the datasets (no room left for this site). Free some disk space, then try again.`
          : `Could not save ${answer.file} for offline use (${answer.reason}). Check the connection, then try again.`;
        button.disabled = false;
        return true;
    }
  };

  const start = async () => {
    const registration = await registerServiceWorker(() => (notice.hidden = false));
    if (!registration) return;
    // `ready`: an active worker, with the page already precached.
    const { active } = await navigator.serviceWorker.ready;
    if (!active) return;
    block.hidden = false;
    askServiceWorker(active, { type: 'status' }, report);
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = 'Saving the datasets for offline use…';
      // Saved files should outlast the browser's clean-ups; a refusal changes nothing here.
      void navigator.storage.persist().catch(() => false);
      void navigator.serviceWorker.ready.then(({ active: worker }) => {
        if (worker) askServiceWorker(worker, { type: 'cache-data' }, report);
      });
    });
  };
  // After the page's own loading: the precache should not compete with the engine's download.
  if (document.readyState === 'complete') void start();
  else window.addEventListener('load', () => void start(), { once: true });
}

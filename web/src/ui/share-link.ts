// "Copy link" and "QR code" (the Training panel's share row): the link to the current scene
// (state/link-sync.ts pageLink: the full page, the scene, its hidden and locked controls) on the
// clipboard, or as a QR code for a projector (./qr-dialog.ts). Where the page may not use the
// clipboard (an iframe, plain http), the QR dialog opens with the link selected for Ctrl+C.
// The QR encoder and its dialog load with the first use, not with the page (issue 13's first-load
// budget).
import { byId } from './dom.ts';
import { copyText } from './dialog.ts';
import type { QrDialog } from './qr-dialog.ts';

/** Wires `root`'s #copy-link and #qr-code buttons (the dialog goes into `container`); what
 *  happened is said in `status`. */
export function installShareLink(
  root: ParentNode,
  container: HTMLElement,
  link: () => string,
  status: HTMLElement,
): void {
  let dialog: Promise<QrDialog> | null = null;
  const openQr = async (select: boolean) => {
    dialog ??= import('./qr-dialog.ts').then(({ QrDialog }) => new QrDialog(container, link));
    (await dialog).open(select);
  };
  byId(root, 'qr-code', HTMLButtonElement).addEventListener('click', () => void openQr(false));
  byId(root, 'copy-link', HTMLButtonElement).addEventListener('click', () => {
    void copyText(link(), status).then((copied) => {
      if (copied) status.textContent = 'Link copied.';
      else {
        status.textContent = 'The page may not use the clipboard here: copy the selected link.';
        void openQr(true);
      }
    });
  });
}

// "Copy link" and "QR code" (the Training panel's share row): the link to the current scene
// (state/link-sync.ts pageLink: the full page, the scene, its hidden and locked controls) on the
// clipboard, or as a QR code for a projector (./qr-dialog.ts). Where the page may not use the
// clipboard (an iframe, plain http), the QR dialog opens with the link selected for Ctrl+C.
import { byId } from './dom.ts';
import { copyText } from './dialog.ts';
import { QrDialog } from './qr-dialog.ts';

/** Wires `root`'s #copy-link and #qr-code buttons (the dialog goes into `container`); what
 *  happened is said in `status`. */
export function installShareLink(
  root: ParentNode,
  container: HTMLElement,
  link: () => string,
  status: HTMLElement,
): QrDialog {
  const qr = new QrDialog(byId(root, 'qr-code', HTMLButtonElement), container, link);
  byId(root, 'copy-link', HTMLButtonElement).addEventListener('click', () => {
    void copyText(link(), status).then((copied) => {
      if (copied) status.textContent = 'Link copied.';
      else {
        status.textContent = 'The page may not use the clipboard here: copy the selected link.';
        qr.open(true);
      }
    });
  });
  return qr;
}

// "QR code": a dialog with the QR code of the link to the current scene, large enough to scan
// from a projector, so a class opens the same scene on their phones; the link beside it, to read
// or copy. A link longer than a QR code holds (a scene carrying a data file's rows) is said to be
// too long, with the limit, and the link is still there to copy.
import { formatNumber } from '../locale.ts';
import { copyText, element, modalDialog } from './dialog.ts';
import { drawQr, qrCode, QR_MAX_BYTES } from './qr-code.ts';

/** Pixels a module is drawn with: a 177-module code (the largest) is 1,480 px a side, sharp
 *  on a projector's full height; CSS scales the canvas to the window. */
const MODULE_PIXELS = 8;

export class QrDialog {
  readonly dialog: HTMLDialogElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly tooLong: HTMLElement;
  private readonly local: HTMLElement;
  private readonly field: HTMLInputElement;
  private readonly status: HTMLElement;

  /** The dialog (appended to `container`) shows the link `link()` gives when it opens. */
  constructor(
    container: HTMLElement,
    private readonly link: () => string,
  ) {
    this.canvas = element('canvas', { className: 'qr-code', id: 'qr-canvas' });
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'QR code of the link to this scene');
    this.tooLong = element('p', { className: 'qr-note', id: 'qr-too-long', hidden: true });
    this.local = element(
      'p',
      { className: 'qr-note', id: 'qr-local', hidden: true },
      'This page was opened from a file on this computer: a phone cannot open its link. Host ' +
        'the playground on a web server to share a scene by QR code.',
    );
    this.field = element('input', {
      type: 'text',
      readOnly: true,
      id: 'qr-link',
      spellcheck: false,
    });
    this.field.setAttribute('aria-label', 'The link');
    this.status = element('span', { className: 'hint' });
    this.status.setAttribute('role', 'status');
    // Focus starts on Copy link (the dialog's action), not in the link's text.
    const copy = element(
      'button',
      { type: 'button', className: 'button', autofocus: true },
      'Copy link',
    );
    copy.addEventListener('click', () => void copyText(this.field.value, this.status, this.field));
    this.dialog = modalDialog(
      'qr-dialog',
      'qr-title',
      'Open this scene on a phone',
      element('p', { className: 'hint' }, 'Scan the code with a phone’s camera.'),
      this.canvas,
      this.tooLong,
      this.local,
      element('div', { className: 'qr-link' }, this.field, copy, this.status),
    );
    container.append(this.dialog);
  }

  /** Shows the current link's code (or why it has none); `select`: the link selected, for
   *  Ctrl+C where the clipboard is out of reach. */
  open(select = false): void {
    const link = this.link();
    this.field.value = link;
    this.status.textContent = '';
    // The single file (nn-playground.html) opened from disk: its link names this computer's file.
    this.local.hidden = !link.startsWith('file:');
    const code = qrCode(link);
    this.canvas.hidden = code.kind !== 'code';
    this.tooLong.hidden = code.kind === 'code';
    if (code.kind === 'code') {
      drawQr(this.canvas, code.modules, MODULE_PIXELS);
    } else {
      this.tooLong.textContent =
        `This link is too long for a QR code: ${formatNumber(code.bytes)} characters, and a QR ` +
        `code holds at most ${formatNumber(QR_MAX_BYTES)}. The rows of a data file make a link ` +
        'long: share the link itself (Copy link), or save the scene and share the file.';
    }
    this.dialog.showModal();
    this.field.scrollLeft = 0; // The link's start: its address.
    if (select) {
      this.field.focus();
      this.field.select();
    }
  }
}

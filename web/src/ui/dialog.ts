// What the page's dialogs share (Copy embed code, the QR code): building elements, the modal
// shell — a titled <dialog> with a Close button, keyboard-operable as <dialog> is (focus moves in
// and stays in while open, Escape closes, focus returns to the button that opened it) — and
// copying text, which falls back to selecting it for Ctrl+C where the page has no clipboard
// access (an iframe, plain http). Styled by styles/dialog.css.

/** A new `tag` element with `properties` set and `children` appended. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...children);
  return made;
}

/**
 * A modal dialog (class `app-dialog` and `className`) titled `title` (an h2 with id `titleId`,
 * which names it), holding `content`, ending with a Close button. Opened with showModal().
 */
export function modalDialog(
  className: string,
  titleId: string,
  title: string,
  ...content: (Node | string)[]
): HTMLDialogElement {
  const dialog = element('dialog', { className: `app-dialog ${className}` });
  dialog.setAttribute('aria-labelledby', titleId);
  const close = element('button', { type: 'button', className: 'button' }, 'Close');
  close.addEventListener('click', () => dialog.close());
  dialog.append(
    element('h2', { id: titleId }, title),
    ...content,
    element('div', { className: 'dialog-actions' }, close),
  );
  return dialog;
}

/** Copies `text` to the clipboard and says so in `status`; without clipboard access, selects
 *  `field`'s text (which holds `text`) and says to press Ctrl+C. Returns whether it copied. */
export async function copyText(
  text: string,
  status: HTMLElement,
  field?: HTMLInputElement | HTMLTextAreaElement,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
    return true;
  } catch {
    if (field) {
      field.focus();
      field.select();
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    } else {
      status.textContent = 'The page may not use the clipboard here.';
    }
    return false;
  }
}

// A playground's keyboard shortcuts: they act on key presses within its root (the whole page
// standalone; inside the element, only while focus is inside it, so two playgrounds on one page
// never both take a key).

/** True when a key press belongs to the focused control (typing, or activating a button). */
function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, button, [contenteditable], [role="textbox"]') !== null
  );
}

/** True while the user types or picks in a field (a button or a checkbox does not take
 *  letters, so shortcuts still work with one focused). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable], [role="textbox"]')) {
    return true;
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'range'].includes(target.type)
  );
}

/** Space toggles play/pause, unless focus is in a form field (a focused button handles Space
 *  itself: on #play that is the same toggle). */
export function installSpaceToggle(root: HTMLElement, toggle: () => void): void {
  root.addEventListener('keydown', (event) => {
    if (event.code !== 'Space' && event.key !== ' ') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isFormField(event.target)) return;
    event.preventDefault(); // No page scroll.
    if (!event.repeat) toggle();
  });
}

/** Single-key shortcuts by KeyboardEvent.key (letters in lower case), e.g. { s: step }; not
 *  while typing in a field, nor with Ctrl, Alt or Meta (the browser's own shortcuts). */
export function installShortcuts(root: HTMLElement, shortcuts: Record<string, () => void>): void {
  root.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
    const action = shortcuts[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action || isTyping(event.target)) return;
    event.preventDefault();
    action();
  });
}

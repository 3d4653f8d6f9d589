// Page-wide keyboard shortcuts.

/** True when a key press belongs to the focused control (typing, or activating a button). */
function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, button, [contenteditable], [role="textbox"]') !== null
  );
}

/** Space toggles play/pause, unless focus is in a form field (a focused button handles Space
 *  itself: on #play that is the same toggle). */
export function installSpaceToggle(toggle: () => void): void {
  document.addEventListener('keydown', (event) => {
    if (event.code !== 'Space' && event.key !== ' ') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isFormField(event.target)) return;
    event.preventDefault(); // No page scroll.
    if (!event.repeat) toggle();
  });
}

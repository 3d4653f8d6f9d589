// The #error region (role=alert): shows engine and scene errors until dismissed or the user acts.
export class ErrorBanner {
  private readonly text: HTMLElement;

  /** `onDismiss`: the user closed it (the page forgets what it showed). */
  constructor(
    private readonly root: HTMLElement,
    onDismiss: () => void = () => {},
  ) {
    const text = root.querySelector<HTMLElement>('.error-text');
    const dismiss = root.querySelector<HTMLButtonElement>('.error-dismiss');
    if (!text || !dismiss) throw new Error('#error needs .error-text and .error-dismiss');
    this.text = text;
    dismiss.addEventListener('click', () => {
      this.clear();
      onDismiss();
    });
  }

  show(message: string): void {
    this.text.textContent = message;
    this.root.hidden = false;
  }

  clear(): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.text.textContent = '';
  }
}

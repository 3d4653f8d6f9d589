// The #note region (role=status): what differs when a TensorFlow Playground link is opened here,
// and what in the link was ignored. Dismissible; not an error.
export class NoteBanner {
  private readonly title: HTMLElement;
  private readonly list: HTMLUListElement;

  /** `onDismiss`: the user closed it (the page forgets what it showed). */
  constructor(
    private readonly root: HTMLElement,
    onDismiss: () => void = () => {},
  ) {
    const title = root.querySelector<HTMLElement>('.note-title');
    const list = root.querySelector<HTMLUListElement>('.note-list');
    const dismiss = root.querySelector<HTMLButtonElement>('.note-dismiss');
    if (!title || !list || !dismiss) {
      throw new Error('#note needs .note-title, .note-list and .note-dismiss');
    }
    this.title = title;
    this.list = list;
    dismiss.addEventListener('click', () => {
      this.clear();
      onDismiss();
    });
  }

  show(title: string, items: string[]): void {
    this.title.textContent = title;
    this.list.replaceChildren(
      ...items.map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        return item;
      }),
    );
    this.root.hidden = false;
  }

  clear(): void {
    this.root.hidden = true;
    this.title.textContent = '';
    this.list.replaceChildren();
  }
}

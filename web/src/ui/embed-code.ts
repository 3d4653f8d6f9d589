// "Copy embed code": a dialog inside the app's root with the two snippets for the current scene
// (embed/snippets.ts) — the iframe and the <nn-playground> element — with its hidden and locked
// controls. The lecturer may change, for the snippets only, the compact view, the host origins
// allowed to send messages, and which controls to hide or lock (a checkbox list of the page's
// data-control ids); the page itself stays as it is. The dialog's shell and copying are
// ui/dialog.ts's.
import {
  elementSnippet,
  iframeSnippet,
  type AppUrls,
  type EmbedChoice,
} from '../embed/snippets.ts';
import type { Store } from '../state/store.ts';
import { parseOrigins } from '../state/url.ts';
import { copyText, element, modalDialog } from './dialog.ts';

/** The page's controls a link can hide or lock: [data-control id, what it reads as]. */
export function controlIds(root: ParentNode): [string, string][] {
  const found = new Map<string, string>();
  for (const element of root.querySelectorAll<HTMLElement>('[data-control]')) {
    if (element.closest('dialog')) continue;
    const label = element.querySelector('label, legend, .data-label, summary');
    const text = (element.getAttribute('aria-label') ?? label?.textContent ?? element.textContent)
      .replace(/\s+/g, ' ')
      .trim();
    for (const id of (element.dataset.control ?? '').split(/\s+/)) {
      if (id && !found.has(id)) found.set(id, text.length > 48 ? `${text.slice(0, 47)}…` : text);
    }
  }
  return [...found];
}

export class EmbedCodeDialog {
  readonly dialog: HTMLDialogElement;
  private readonly compact: HTMLInputElement;
  private readonly origins: HTMLInputElement;
  private readonly originsNote: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly iframe: HTMLTextAreaElement;
  private readonly element: HTMLTextAreaElement;
  private hide = new Set<string>();
  private lock = new Set<string>();

  /**
   * `button` opens the dialog, which is appended to `container` (the app's top element, in the
   * page or a shadow root); `root` holds the controls listed; `urls` are where the app lives.
   */
  constructor(
    button: HTMLButtonElement,
    container: HTMLElement,
    private readonly root: ParentNode,
    private readonly store: Store,
    private readonly urls: AppUrls,
  ) {
    this.compact = element('input', { type: 'checkbox', checked: true, id: 'embed-compact' });
    this.origins = element('input', {
      type: 'text',
      id: 'embed-origins',
      placeholder: 'https://moodle.example.edu',
      spellcheck: false,
    });
    this.originsNote = element('p', { className: 'hint embed-origins-note', hidden: true });
    this.controls = element('div', { className: 'embed-controls' });
    this.iframe = element('textarea', { readOnly: true, rows: 4, id: 'embed-iframe-code' });
    this.element = element('textarea', { readOnly: true, rows: 4, id: 'embed-element-code' });
    this.dialog = this.build();
    container.append(this.dialog);
    button.addEventListener('click', () => this.open());
  }

  open(): void {
    const state = this.store.state;
    this.hide = new Set(state.hidden);
    this.lock = new Set(state.locked);
    this.listControls();
    this.update();
    this.dialog.showModal();
  }

  private build(): HTMLDialogElement {
    const originsField = element(
      'div',
      { className: 'field' },
      element(
        'label',
        { htmlFor: 'embed-origins' },
        'Host pages that may drive the iframe by messages (origins, comma-separated; optional)',
      ),
      this.origins,
      this.originsNote,
    );
    for (const input of [this.compact, this.origins]) {
      input.addEventListener('input', () => this.update());
    }
    return modalDialog(
      'embed-dialog',
      'embed-title',
      'Embed this scene',
      element(
        'p',
        { className: 'hint' },
        'Paste one of these into a course page. Hidden and locked controls are those of the page now; change them below for the snippets only.',
      ),
      element(
        'label',
        { className: 'check' },
        this.compact,
        ' Compact view (plot, Play, Step, Reset and the network)',
      ),
      originsField,
      element(
        'details',
        { className: 'embed-choose' },
        element('summary', {}, 'Controls to hide or lock'),
        this.controls,
      ),
      this.snippet('iframe — Moodle, Canvas, any page', this.iframe, 'embedCopyIframe'),
      this.snippet('Element — a page you edit yourself', this.element, 'embedCopyElement'),
    );
  }

  private snippet(title: string, area: HTMLTextAreaElement, name: string): HTMLElement {
    const status = element('span', { className: 'hint embed-copied' });
    status.setAttribute('role', 'status');
    const button = element('button', { type: 'button', className: 'button', name }, 'Copy');
    button.addEventListener('click', () => void copyText(area.value, status, area));
    area.setAttribute('aria-label', title);
    area.spellcheck = false;
    return element(
      'section',
      { className: 'embed-snippet' },
      element('h3', {}, title),
      area,
      element('div', { className: 'embed-copy' }, button, status),
    );
  }

  /** One row per control: hide and lock checkboxes. */
  private listControls(): void {
    const rows = controlIds(this.root).map(([id, text]) => {
      const box = (set: Set<string>, what: string) => {
        const input = element('input', { type: 'checkbox', checked: set.has(id) });
        input.dataset.embedId = id;
        input.dataset.embedWhat = what;
        input.setAttribute('aria-label', `${what} ${id}`);
        input.addEventListener('change', () => {
          if (input.checked) set.add(id);
          else set.delete(id);
          this.update();
        });
        return element('td', {}, input);
      };
      return element(
        'tr',
        {},
        element('td', {}, element('code', {}, id)),
        element('td', { className: 'embed-control-text' }, text),
        box(this.hide, 'Hide'),
        box(this.lock, 'Lock'),
      );
    });
    const head = element(
      'tr',
      {},
      ...['Control id', 'Reads', 'Hide', 'Lock'].map((text) => element('th', {}, text)),
    );
    this.controls.replaceChildren(
      element('table', {}, element('thead', {}, head), element('tbody', {}, ...rows)),
    );
  }

  private update(): void {
    const ignored: string[] = [];
    const origins = parseOrigins(this.origins.value.replace(/\s+/g, ','), ignored);
    this.originsNote.hidden = ignored.length === 0;
    this.originsNote.textContent = ignored.map((text) => `Left out: ${text}.`).join(' ');
    const choice: EmbedChoice = {
      scene: this.store.state.scene,
      hide: [...this.hide],
      lock: [...this.lock],
      embed: this.compact.checked,
      origins,
    };
    this.iframe.value = iframeSnippet(this.urls, choice);
    this.element.value = elementSnippet(this.urls, choice);
  }
}

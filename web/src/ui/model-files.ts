// "Save model", "Save scene" and "Open file…" (the Training panel's share row): the running
// network downloaded as a saved model (model.ts: its scene and every member's parameters, the
// numbers exact), the scene alone, and either opened again from the file picker or dropped on
// the page (./file-drop.ts), through state/open-file.ts: the store takes it as any scene, or
// the error banner says which field is wrong and why, and the current scene stays. A file
// carries a data file's rows however many there are (a link carries up to LINK_NUMBERS).
import type { EngineClient } from '../engine/client.ts';
import { stringifyModel } from '../model.ts';
import { SUPPLIED, type Scene } from '../scene/index.ts';
import { openDocument, refuseFile } from '../state/open-file.ts';
import type { Store } from '../state/store.ts';
import { byId } from './dom.ts';

/** Larger files are refused before reading (a saved model with 100 000 rows of data fits). */
const MAX_BYTES = 50 * 1024 * 1024;

/** The files' names: "nn-playground-circle.model.json", "nn-playground-iris.scene.json". */
export function fileName(scene: Scene, kind: 'model' | 'scene'): string {
  const data = scene.data;
  const name = data.name === SUPPLIED ? (data.dataset ?? 'data') : data.name;
  return `nn-playground-${name}.${kind}.json`;
}

export class ModelFiles {
  private readonly input: HTMLInputElement;

  /** Wires `root`'s #save-model, #save-scene, #open-file and #open-file-input; downloads go
   *  through a link in `container`; what happened is said in `status`. */
  constructor(
    root: ParentNode,
    private readonly container: HTMLElement,
    private readonly store: Store,
    private readonly client: EngineClient,
    private readonly status: HTMLElement,
  ) {
    const saveModel = byId(root, 'save-model', HTMLButtonElement);
    saveModel.addEventListener('click', () => {
      saveModel.disabled = true;
      void this.saveModel().finally(() => (saveModel.disabled = false));
    });
    byId(root, 'save-scene', HTMLButtonElement).addEventListener('click', () => this.saveScene());
    this.input = byId(root, 'open-file-input', HTMLInputElement);
    byId(root, 'open-file', HTMLButtonElement).addEventListener('click', () => this.input.click());
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      if (file) void this.open(file);
      this.input.value = ''; // The same file chosen again is read again.
    });
  }

  /** Downloads the running network (scene and parameters, as the worker has them now). */
  async saveModel(): Promise<void> {
    if (this.store.state.engine !== 'ready') {
      // The worker may still hold the previous run while this one's files come.
      this.store.apply({
        type: 'refused',
        message: 'Could not save the model: the scene is still loading; save it once it shows.',
      });
      return;
    }
    try {
      const model = await this.client.saveModel();
      this.download(stringifyModel(model), fileName(model.scene, 'model'));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.store.apply({ type: 'refused', message: `Could not save the model: ${why}` });
    }
  }

  /** Downloads the scene alone (the run starts from its seed when opened). */
  saveScene(): void {
    const scene = this.store.state.scene;
    this.download(`${JSON.stringify(scene, null, 2)}\n`, fileName(scene, 'scene'));
  }

  /** Opens a saved model or scene file (state/open-file.ts). */
  async open(file: File): Promise<void> {
    if (file.size > MAX_BYTES) {
      const size = (file.size / 1024 / 1024).toFixed(1);
      const why = `the file is ${size} MB; at most ${MAX_BYTES / 1024 / 1024} MB are read`;
      refuseFile(this.store, file.name, new Error(why));
      this.status.textContent = `Could not open ${file.name}: ${why}.`;
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      refuseFile(this.store, file.name, error);
      return;
    }
    this.status.textContent = openDocument(this.store, text, file.name)
      ? `Opened ${file.name}.`
      : `Could not open ${file.name}: the message at the top of the page says why.`;
  }

  private download(text: string, name: string): void {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.hidden = true;
    this.container.append(link);
    link.click();
    link.remove();
    // The download has its own copy once started; the URL can go.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.status.textContent = `Downloaded ${name}.`;
  }
}

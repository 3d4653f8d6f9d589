// "Export to PyTorch" in the Training panel's share row: the running network as a Python script
// or a Jupyter notebook that continues the run in torch (export/pytorch). Exporting pauses the
// run, so the script starts exactly where the page stopped: the worker answers the pause with a
// snapshot before it answers saveModel, so the store's step is the saved parameters' step.
// The script writer loads with the first export, not with the page (issue 13's first-load budget).
import type { EngineClient } from '../engine/client.ts';
import { SHIPPED_CATALOGUE } from '../scene/datasets.ts';
import { SUPPLIED } from '../scene/types.ts';
import type { Store } from '../state/store.ts';
import { byId } from './dom.ts';

type Kind = 'py' | 'ipynb';

const MIME: Record<Kind, string> = {
  py: 'text/x-python',
  ipynb: 'application/x-ipynb+json',
};

/** Offers `text` as a download called `name`. */
function download(root: HTMLElement, name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Wires the .py and .ipynb buttons (markup.html, after #embed-code). */
export function installPytorchExport(root: HTMLElement, store: Store, client: EngineClient): void {
  const status = byId(root, 'pytorch-export-status', HTMLElement);

  async function exportAs(kind: Kind): Promise<void> {
    const scene = store.state.scene;
    if (scene.data.name === SUPPLIED && !scene.data.rows && !scene.data.dataset) {
      status.textContent =
        'Export to PyTorch writes the rows a scene carries, and this one carries none: ' +
        'upload its file again.';
      return;
    }
    status.textContent = 'Exporting…';
    try {
      if (store.state.playing) store.apply({ type: 'command', command: 'pause' });
      const [model, { pytorchNotebook }, { exportBaseName, pytorchScript }] = await Promise.all([
        client.saveModel(),
        import('../export/pytorch/notebook.ts'),
        import('../export/pytorch/script.ts'),
      ]);
      const snapshot = store.state.snapshot;
      if (!snapshot) throw new Error('the engine has not started the run yet');
      const script = pytorchScript(model, { step: snapshot.progress.step });
      const name = `${exportBaseName(model.scene)}.${kind}`;
      download(
        root,
        name,
        kind === 'py' ? script : pytorchNotebook(script, model.scene),
        MIME[kind],
      );
      const files =
        model.scene.data.name === SUPPLIED && model.scene.data.dataset
          ? Object.values(SHIPPED_CATALOGUE[model.scene.data.dataset].files)
          : [];
      status.textContent =
        `Saved ${name}: it continues from step ${snapshot.progress.step}.` +
        (files.length > 0
          ? ` It reads ${files.join(' and ')} (this page's data/ folder) from beside itself.`
          : '');
    } catch (error) {
      status.textContent = `Could not export: ${(error as Error).message}`;
    }
  }

  for (const kind of ['py', 'ipynb'] as const) {
    byId(root, `pytorch-export-${kind}`, HTMLButtonElement).addEventListener(
      'click',
      () => void exportAs(kind),
    );
  }
}

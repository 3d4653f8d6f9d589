// The script as a Jupyter notebook (nbformat 4): a Markdown cell saying what it is, then one code
// cell per section of the script (its "# %%" markers), so the code cells joined are the script.
import { exportBaseName } from './script.ts';
import type { Scene } from '../../scene/types.ts';

const CELL_MARK = /^(?=# %%$)/m;

/** Splits text into Jupyter's source lines (each keeps its "\n"). */
function sourceLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The notebook of `script` (pytorchScript's text) as nbformat 4 JSON text. */
export function pytorchNotebook(script: string, scene: Scene): string {
  const intro =
    `# ${exportBaseName(scene)}\n\n` +
    "Exported from nn-playground: the page's scene and its trained parameters in PyTorch. " +
    'Run all cells to continue the training where the page stopped (one more epoch); for more, ' +
    'call `main(["--steps", "100"])` in a new cell.';
  const cells = [
    { cell_type: 'markdown', metadata: {}, source: sourceLines(intro) },
    ...script.split(CELL_MARK).map((chunk) => ({
      cell_type: 'code',
      execution_count: null,
      metadata: {},
      outputs: [],
      source: sourceLines(chunk),
    })),
  ];
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

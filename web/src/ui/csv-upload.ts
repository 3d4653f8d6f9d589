// "Your own data": a CSV file from the file input or dropped on the Data panel, read by
// data/csv.ts. A file with problems is refused with every problem listed by line and column, and
// the current scene keeps running; a good one is handed on as parsed rows (the page makes its
// scene). Says when a file is too large for a link to carry (state/url.ts, LINK_NUMBERS).
// The reader (data/csv.ts and its CSV parser) loads when a file comes, not with the page.
import type { CsvSuccess } from '../data/csv.ts';
import { formatNumber } from '../locale.ts';
import { LIMITS } from '../scene/index.ts';
import { LINK_NUMBERS } from '../state/url.ts';
import { byId } from './dom.ts';

/** Larger files are refused before reading (100 000 rows of a few columns fit well inside). */
const MAX_BYTES = 20 * 1024 * 1024;

export class CsvUpload {
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly errors: HTMLElement;
  private readonly errorsTitle: HTMLElement;
  private readonly errorsList: HTMLUListElement;

  /** `onFile` takes the parsed file and returns whether its scene was taken. */
  constructor(
    root: ParentNode,
    dropTarget: HTMLElement,
    private readonly onFile: (csv: CsvSuccess, fileName: string) => boolean,
  ) {
    this.input = byId(root, 'csv-file', HTMLInputElement);
    this.status = byId(root, 'csv-status', HTMLElement);
    this.errors = byId(root, 'csv-errors', HTMLElement);
    this.errorsTitle = byId(root, 'csv-errors-title', HTMLElement);
    this.errorsList = byId(root, 'csv-errors-list', HTMLUListElement);
    // The engine catalogue's limits (data/csv.ts refuses a file past them, by line).
    const limits = document.createElement('span');
    limits.className = 'limit-note';
    limits.id = 'csv-limits';
    limits.textContent = `At most ${formatNumber(LIMITS.rows.max)} rows and ${formatNumber(LIMITS.inputs.max)} feature columns.`;
    byId(root, 'csv-hint', HTMLElement).append(' ', limits);
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      if (file) void this.read(file);
      this.input.value = ''; // The same file chosen again is read again.
    });
    dropTarget.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      dropTarget.classList.add('dropping');
    });
    dropTarget.addEventListener('dragleave', (event) => {
      if (!dropTarget.contains(event.relatedTarget as Node | null)) {
        dropTarget.classList.remove('dropping');
      }
    });
    dropTarget.addEventListener('drop', (event) => {
      dropTarget.classList.remove('dropping');
      if (event.defaultPrevented) return; // A saved model or scene: ui/file-drop.ts took it.
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void this.read(file);
    });
  }

  /** Whether a link can carry the current file's rows, as a sentence ('' without a file). */
  private link = '';

  /** The line under the upload for a scene: which file its rows are, and whether a link can
   *  carry them. Empty for data that is not a file's. */
  describe(source: string | null, numbers: number): void {
    if (source === null) {
      this.link = '';
      this.status.textContent = '';
      return;
    }
    this.link =
      numbers > LINK_NUMBERS
        ? `Too large for a link (${formatNumber(numbers)} numbers; a link carries up to ` +
          `${formatNumber(LINK_NUMBERS)}): share the file along with the link.`
        : 'The link carries its rows.';
    this.status.textContent = `Training on ${source}. ${this.link}`;
  }

  private async read(file: File): Promise<void> {
    if (file.size > MAX_BYTES) {
      this.refuse(file.name, [
        `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most ` +
          `${MAX_BYTES / 1024 / 1024} MB are read`,
      ]);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.refuse(file.name, [error instanceof Error ? error.message : String(error)]);
      return;
    }
    const csv = await import('../data/csv.ts').catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    if (csv instanceof Error) {
      this.refuse(file.name, [`the CSV reader did not load (${csv.message}); reload the page`]);
      return;
    }
    const { formatCsvErrors, parseCsv } = csv;
    const result = parseCsv(text);
    if (!result.ok) {
      this.refuse(file.name, formatCsvErrors(result), result.errors.length + result.omitted);
      return;
    }
    this.clearErrors();
    if (!this.onFile(result, file.name)) return;
    const { rows, featureNames, classNames, task } = result;
    const what =
      task === 'classification'
        ? `${classNames.length} classes (${classNames.join(', ')})`
        : `a number to predict (${result.targetName})`;
    const summary =
      `Loaded ${file.name}: ${formatNumber(rows)} rows, ` +
      `${featureNames.length} ${featureNames.length === 1 ? 'input' : 'inputs'}, ${what}.`;
    const note = result.warnings.length > 0 ? ` Note: ${result.warnings.join(' ')}` : '';
    this.status.textContent = `${summary}${note} ${this.link}`.trim();
  }

  private refuse(fileName: string, problems: readonly string[], count = problems.length): void {
    this.errorsTitle.textContent =
      `${fileName} was not loaded (${count} ${count === 1 ? 'problem' : 'problems'}); ` +
      'the current data keeps training.';
    this.errorsList.replaceChildren(
      ...problems.map((text) => {
        const li = document.createElement('li');
        li.textContent = text;
        return li;
      }),
    );
    this.errors.hidden = false;
  }

  private clearErrors(): void {
    this.errors.hidden = true;
    this.errorsList.replaceChildren();
  }
}

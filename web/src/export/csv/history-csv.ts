// The metrics history of the current run (render/history.ts RunHistory, what the charts draw:
// every record, not the charts' sample of a long run) as CSV, one row per evaluation.
import { SPLITS, type RunHistory } from '../../render/history.ts';
import { csvInteger, csvNumber, csvText } from './csv-text.ts';

/** The columns, in order (docs/exports.md). Accuracy cells are empty for a regression, the
 *  validation columns without a validation set. */
export const HISTORY_COLUMNS = [
  'epoch',
  'step',
  ...SPLITS.map((s) => `${s}_loss`),
  ...SPLITS.map((s) => `${s}_accuracy`),
  'learning_rate',
  'gradient_norm',
] as const;

export function historyCsv(run: RunHistory): string {
  const rows = run.epoch.map((epoch, i) => [
    csvInteger(epoch),
    csvInteger(run.step[i]!),
    ...SPLITS.map((s) => csvNumber(run.loss[s][i] ?? null)),
    ...SPLITS.map((s) => csvNumber(run.accuracy[s][i] ?? null)),
    csvNumber(run.lr[i]!),
    csvNumber(run.gradNorm[i]!),
  ]);
  return csvText(HISTORY_COLUMNS, rows);
}

// The metrics history of the current run (render/history.ts RunHistory, what the charts draw:
// every record, not the charts' sample of a long run) as CSV, one row per evaluation.
import type { RunHistory, SplitName } from '../../render/history.ts';
import { csvInteger, csvNumber, csvText } from './csv-text.ts';

/** The splits in the history's order (train, validation, test), read from a run's columns: a
 *  type import only keeps render/history.ts out of this chunk (see network-picture.ts). */
const splitsOf = (run: RunHistory) => Object.keys(run.loss) as SplitName[];

/** The columns, in order (docs/exports.md). Accuracy cells are empty for a regression, the
 *  validation columns without a validation set. */
export function historyColumns(splits: readonly SplitName[]): string[] {
  return [
    'epoch',
    'step',
    ...splits.map((s) => `${s}_loss`),
    ...splits.map((s) => `${s}_accuracy`),
    'learning_rate',
    'gradient_norm',
  ];
}

export function historyCsv(run: RunHistory): string {
  const SPLITS = splitsOf(run);
  const rows = run.epoch.map((epoch, i) => [
    csvInteger(epoch),
    csvInteger(run.step[i]!),
    ...SPLITS.map((s) => csvNumber(run.loss[s][i] ?? null)),
    ...SPLITS.map((s) => csvNumber(run.accuracy[s][i] ?? null)),
    csvNumber(run.lr[i]!),
    csvNumber(run.gradNorm[i]!),
  ]);
  return csvText(historyColumns(SPLITS), rows);
}

// Every file the page offers for a report: the pictures (PNG and SVG) of the plot, the network
// and each chart, and the CSVs of the metrics history, the confusion matrix and the test-set
// predictions (docs/exports.md). What each is made from, and the file's name and type.
import type { EngineClient } from '../engine/client.ts';
import type { BoundaryView } from '../render/boundary.ts';
import type { NetworkView } from '../render/network-view.ts';
import type { ConfusionView } from '../render/confusion-view.ts';
import type { ChartName, TrainingCharts } from '../render/training-charts.ts';
import { chartPicture } from './pictures/chart-picture.ts';
import { drawNetwork } from './pictures/network-picture.ts';
import { picturePng, pictureSvg, type Picture } from './pictures/picture.ts';
import { confusionCsv } from './csv/confusion-csv.ts';
import { historyCsv } from './csv/history-csv.ts';
import { predictionsCsv } from './csv/predictions-csv.ts';
import { saveFile } from './save-file.ts';

export type PictureFormat = 'png' | 'svg';

const CSV = 'text/csv;charset=utf-8';

export async function savePicture(picture: Picture, format: PictureFormat): Promise<void> {
  if (format === 'svg') {
    saveFile(pictureSvg(picture), `${picture.name}.svg`, 'image/svg+xml');
    return;
  }
  saveFile(await picturePng(picture), `${picture.name}.png`, 'image/png');
}

export function boundaryPicture(view: BoundaryView): Picture {
  return {
    name: 'decision-boundary',
    width: view.size,
    height: view.size,
    draw: (surface) => view.drawOn(surface),
  };
}

export function networkPicture(view: NetworkView): Picture {
  const drawing = view.drawing;
  const { width, height } = drawing.layout;
  return { name: 'network', width, height, draw: (surface) => drawNetwork(surface, drawing) };
}

/** Chart `name` as a picture, or null while it is not drawn (hidden, or no run yet). */
export function trainingChartPicture(charts: TrainingCharts, name: ChartName): Picture | null {
  const u = charts.chart(name);
  if (!u) return null;
  return chartPicture(u, charts.title(name), `${name}-chart`, (s, box) =>
    charts.drawMark(s, u, box),
  );
}

export function saveHistory(charts: TrainingCharts): void {
  saveFile(historyCsv(charts.history), 'metrics-history.csv', CSV);
}

/** False while the page shows no confusion matrix (the file would be empty). */
export function saveConfusion(view: ConfusionView): boolean {
  if (!view.table) return false;
  saveFile(confusionCsv(view.table), 'confusion-matrix.csv', CSV);
  return true;
}

export async function savePredictions(client: EngineClient): Promise<void> {
  saveFile(predictionsCsv(await client.testPredictions()), 'test-predictions.csv', CSV);
}

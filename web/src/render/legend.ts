// The plot's title, description, legend and note, rewritten when a run with another kind of plot
// (classes, regression values, a 1-D curve) is loaded.
import type { PlotKind } from '../engine/protocol.ts';
import { byId } from '../ui/dom.ts';
import { CLASS_COLORS, cssColor, labelColor } from './colors.ts';
import { tickLabel } from './plot.ts';

/** What the plot shows, in words: its heading, the canvas's accessible description, the
 *  colour-scale caption and ends, and a note under the plot. */
export function describePlot(
  plot: PlotKind,
  hasValidation: boolean,
): {
  title: string;
  label: string;
  scale: { min: string; max: string; caption: string } | null;
  note: string;
} {
  const points = hasValidation
    ? 'training, validation (squares) and test points'
    : 'training and test points';
  switch (plot.kind) {
    case 'classes':
      return {
        title: 'Decision boundary',
        label:
          plot.classes > 2
            ? `The network's probability of class 1 over the plane from −6 to 6 on both axes, ` +
              `with the ${points} of ${plot.classes} classes on top.`
            : `The network's output over the plane from −6 to 6 on both axes, with the ${points} ` +
              'on top.',
        scale: {
          min: '0',
          max: '1',
          caption: plot.classes > 2 ? 'P(class 1) (background)' : 'network output (background)',
        },
        note:
          plot.classes > 2
            ? 'The background shows only how likely the network thinks class 1 (blue) is: the ' +
              'more blue, the more likely. The points show every class in its own colour.'
            : '',
      };
    case 'values':
      return {
        title: 'Network output',
        label:
          `The network's prediction over the plane from −6 to 6 on both axes, coloured from ` +
          `${tickLabel(plot.min)} to ${tickLabel(plot.max)}, with the ${points} coloured by ` +
          'their target value.',
        scale: {
          min: tickLabel(plot.min),
          max: tickLabel(plot.max),
          caption: 'network output (background) and target (points)',
        },
        note: '',
      };
    case 'curve':
      return {
        title: 'Curve to fit',
        label:
          `The ${points}: x from −6 to 6 across, the target from ${tickLabel(plot.min)} to ` +
          `${tickLabel(plot.max)} up.`,
        scale: null,
        note:
          "Each point is an x and its target y. The network's own curve is not drawn yet: " +
          'follow its fit in the loss readouts.',
      };
  }
}

export class PlotLegend {
  private readonly title = byId('plot-title', HTMLElement);
  private readonly canvas = byId('boundary', HTMLCanvasElement);
  private readonly scale = byId('legend-scale', HTMLElement);
  private readonly gradient = byId('legend-gradient', HTMLElement);
  private readonly min = byId('legend-min', HTMLElement);
  private readonly max = byId('legend-max', HTMLElement);
  private readonly caption = byId('legend-caption', HTMLElement);
  private readonly points = byId('legend-points', HTMLElement);
  private readonly note = byId('plot-note', HTMLElement);
  private shown = '';

  show(plot: PlotKind, hasValidation: boolean): void {
    const key = JSON.stringify([plot, hasValidation]);
    if (key === this.shown) return;
    this.shown = key;
    const text = describePlot(plot, hasValidation);
    this.title.textContent = text.title;
    this.canvas.setAttribute('aria-label', text.label);
    this.scale.hidden = text.scale === null;
    this.gradient.classList.toggle('one-class', plot.kind === 'classes' && plot.classes > 2);
    if (text.scale) {
      this.min.textContent = text.scale.min;
      this.max.textContent = text.scale.max;
      this.caption.textContent = text.scale.caption;
    }
    this.note.hidden = text.note === '';
    this.note.textContent = text.note;

    const items: HTMLLIElement[] = [];
    if (plot.kind === 'classes') {
      for (let c = 0; c < Math.max(2, plot.classes); c++) {
        const color = plot.classes > 2 ? (CLASS_COLORS[c] ?? labelColor(c)) : labelColor(c);
        items.push(item(`class ${c}`, 'class', cssColor(color)));
      }
    }
    const curve = plot.kind === 'curve';
    items.push(item('training point', curve ? 'curve-train' : 'train'));
    if (hasValidation)
      items.push(item('validation point', curve ? 'curve-validation' : 'validation'));
    items.push(item('test point', curve ? 'curve-test' : 'test'));
    this.points.replaceChildren(...items);
  }
}

function item(text: string, swatch: string, color?: string): HTMLLIElement {
  const li = document.createElement('li');
  const mark = document.createElement('span');
  mark.className = `swatch ${swatch}`;
  mark.setAttribute('aria-hidden', 'true');
  if (color) mark.style.background = color;
  li.append(mark, text);
  return li;
}

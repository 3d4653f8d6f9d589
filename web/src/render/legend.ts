// The plot's title, description, legend and note, rewritten when a run with another kind of plot
// (P(class 1), the likeliest class, regression values, a 1-D curve) is loaded.
import type { PlotKind } from '../engine/protocol.ts';
import { byId } from '../ui/dom.ts';
import { classColor, classShadeColor, cssColor, faded } from './colors.ts';
import { classShape } from './markers.ts';
import { tickLabel } from './ticks.ts';

/** The plot colours each background spot by its most likely class (a model with one output per
 *  class, two classes included). */
export function byClass(plot: PlotKind): plot is Extract<PlotKind, { kind: 'classes' }> {
  return plot.kind === 'classes' && plot.outputs > 1;
}

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
  const hollow = plot.kind === 'classes' && plot.classes > 2;
  const points = hasValidation
    ? `training, validation (${hollow ? 'hollow' : 'squares'}) and test points`
    : 'training and test points';
  switch (plot.kind) {
    case 'classes': {
      const k = plot.classes;
      const shapes = k > 2 ? ', each class in its own colour and shape' : '';
      if (!byClass(plot)) {
        return {
          title: 'Decision boundary',
          label:
            `The network's output over the plane from −6 to 6 on both axes, with the ${points} ` +
            'on top.',
          scale: { min: '0', max: '1', caption: 'network output (background)' },
          note: '',
        };
      }
      return {
        title: 'Decision boundary',
        label:
          `The network's most likely class over the plane from −6 to 6 on both axes, paler where ` +
          `it is less sure, with the ${points} of ${k} classes on top${shapes}.`,
        scale: {
          min: '½',
          max: '1',
          caption: 'probability of the most likely class (background)',
        },
        note:
          'The background takes the colour of the class the network finds most likely at each ' +
          'spot, deeper the more probable it is, and grey where no class reaches ½, as along ' +
          'the boundaries between classes.' +
          (k > 2 ? ' Each class also has its own shape of point.' : ''),
      };
    }
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
          `The ${points} and the network's prediction as a line: x from −6 to 6 across, the ` +
          `target from ${tickLabel(plot.min)} to ${tickLabel(plot.max)} up.`,
        scale: null,
        note:
          "Each point is an x and its target y; the orange line is the network's prediction for " +
          'every x. Too stiff to follow the points, it under-fits; bending to pass through the ' +
          'training points while missing the test points, it over-fits.',
      };
  }
}

/** The colour scale's bar: one CSS background per class for a by-class plot (from the palest
 *  shade to the surest), none (the stylesheet's orange–grey–blue) otherwise. */
export function scaleGradients(plot: PlotKind): string[] {
  if (!byClass(plot)) return [];
  return Array.from({ length: plot.outputs }, (_, c) => {
    const [pale, sure] = [0, 1].map((t) => cssColor(faded(classShadeColor(c, t, plot.outputs))));
    return `linear-gradient(to right, ${pale}, ${sure})`;
  });
}

export class PlotLegend {
  private readonly title: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly scale: HTMLElement;
  private readonly gradient: HTMLElement;
  private readonly min: HTMLElement;
  private readonly max: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly points: HTMLElement;
  private readonly note: HTMLElement;
  private shown = '';

  constructor(root: ParentNode) {
    this.title = byId(root, 'plot-title', HTMLElement);
    this.canvas = byId(root, 'boundary', HTMLCanvasElement);
    this.scale = byId(root, 'legend-scale', HTMLElement);
    this.gradient = byId(root, 'legend-gradient', HTMLElement);
    this.min = byId(root, 'legend-min', HTMLElement);
    this.max = byId(root, 'legend-max', HTMLElement);
    this.caption = byId(root, 'legend-caption', HTMLElement);
    this.points = byId(root, 'legend-points', HTMLElement);
    this.note = byId(root, 'plot-note', HTMLElement);
  }

  /** Forgets what is shown, so the next show() redraws (the dataset panel took the title). */
  forget(): void {
    this.shown = '';
  }

  show(plot: PlotKind, hasValidation: boolean): void {
    const key = JSON.stringify([plot, hasValidation]);
    if (key === this.shown) return;
    this.shown = key;
    const text = describePlot(plot, hasValidation);
    this.title.textContent = text.title;
    this.canvas.setAttribute('aria-label', text.label);
    this.scale.hidden = text.scale === null;
    const gradients = scaleGradients(plot);
    this.gradient.classList.toggle('by-class', gradients.length > 0);
    this.gradient.replaceChildren(
      ...gradients.map((background) => {
        const part = document.createElement('span');
        part.style.background = background;
        return part;
      }),
    );
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
        const shape = classShape(c, plot.classes);
        const color = cssColor(classColor(c, plot.classes));
        items.push(item(`class ${c}`, `class shape-${shape}`, color));
      }
    }
    const curve = plot.kind === 'curve';
    const hollow = plot.kind === 'classes' && plot.classes > 2;
    items.push(item('training point', curve ? 'curve-train' : 'train-point'));
    if (hasValidation) {
      const swatch = curve ? 'curve-validation' : hollow ? 'validation-hollow' : 'validation';
      items.push(item('validation point', swatch));
    }
    items.push(item('test point', curve ? 'curve-test' : 'test'));
    if (curve) items.push(item("network's prediction", 'curve-line'));
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

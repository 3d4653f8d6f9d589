// Fills the "The network" panel's summary from a scene: the layer chain, the training settings
// and what the output means (the words come from describe-scene.ts).
import type { Scene } from '../scene/index.ts';
import {
  describeLayer,
  describeLayers,
  describeOutput,
  describeTraining,
} from './describe-scene.ts';

/** Writes the layer chain as chips ("2 → 4 Tanh → …") into `chain`, the training settings
 *  as <dt>/<dd> pairs into `details` and what the output means into `output`. */
export function showNetworkSummary(
  scene: Scene,
  chain: HTMLElement,
  details: HTMLElement,
  output?: HTMLElement,
): void {
  if (output) output.textContent = describeOutput(scene);
  chain.setAttribute('aria-label', describeLayers(scene));
  const layers = [
    {
      text: `${scene.model.inputs} ${scene.model.inputs === 1 ? 'input' : 'inputs'}`,
      kind: 'input',
    },
    ...scene.model.layers.map((layer, i, all) => ({
      text: describeLayer(layer),
      kind: i === all.length - 1 ? 'output' : 'hidden',
    })),
  ];
  chain.replaceChildren(
    ...layers.flatMap(({ text, kind }, i) => {
      const chip = document.createElement('span');
      chip.className = `chip chip-${kind}`;
      chip.textContent = text;
      if (i === 0) return [chip];
      // Arrow and chip stay together, so a line never ends in an arrow.
      const arrow = document.createElement('span');
      arrow.className = 'arrow';
      arrow.setAttribute('aria-hidden', 'true');
      arrow.textContent = '→';
      const link = document.createElement('span');
      link.className = 'link';
      link.append(arrow, ' ', chip);
      return [' ', link];
    }),
  );
  details.replaceChildren(
    ...describeTraining(scene).flatMap(([label, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

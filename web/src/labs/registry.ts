// Every lab, in the order the labs' index shows them. Each entry loads its code on first use, so a
// lab costs the playground's first load nothing.
import type { LabEntry } from './lab.ts';

export const LABS: readonly LabEntry[] = [
  {
    id: 'race',
    title: 'Optimiser race',
    summary:
      'SGD, momentum, Nesterov, Adagrad, RMSprop, Adam and AdamW race down a loss surface: ' +
      'converging, crawling, diverging, or stuck in a local minimum.',
    load: () => import('./race/index.ts'),
  },
];

/** The lab with this id, or undefined. */
export function labById(id: string): LabEntry | undefined {
  return LABS.find((lab) => lab.id === id);
}

// Every lab, in the order the labs' index shows them. Each entry loads its code on first use, so a
// lab costs the playground's first load nothing.
import type { LabEntry } from './lab.ts';

export const LABS: readonly LabEntry[] = [
  {
    id: 'autograd',
    title: 'Autograd explorer',
    summary:
      'Type an expression, see the graph the engine records, and step backward node by node with the chain rule written out, beside finite differences and the same code in PyTorch.',
    load: () => import('./autograd/index.ts'),
  },
];

/** The lab with this id, or undefined. */
export function labById(id: string): LabEntry | undefined {
  return LABS.find((lab) => lab.id === id);
}

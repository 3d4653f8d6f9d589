// Every lab, in the order the labs' index shows them (the lessons, then the course's order). Each entry loads its code on first use, so a
// lab costs the playground's first load nothing.
import type { LabEntry } from './lab.ts';

export const LABS: readonly LabEntry[] = [
  {
    id: 'lessons',
    title: 'Lessons',
    summary:
      'One lesson per idea of the course: a short explanation, a ready playground, things to try (checked as you do them) and the PyTorch code.',
    load: () => import('./lessons/index.ts'),
  },
  {
    id: 'autograd',
    title: 'Autograd explorer',
    summary:
      'Type an expression, see the graph the engine records, and step backward node by node with the chain rule written out, beside finite differences and the same code in PyTorch.',
    load: () => import('./autograd/index.ts'),
  },
  {
    id: 'race',
    title: 'Optimiser race',
    summary:
      'SGD, momentum, Nesterov, Adagrad, RMSprop, Adam and AdamW race down a loss surface: ' +
      'converging, crawling, diverging, or stuck in a local minimum.',
    load: () => import('./race/index.ts'),
  },
  {
    id: 'sweeps',
    title: 'Learning rate and batch size',
    summary:
      'Eight learning rates at once (the U shape), a learning-rate range test, and full batch ' +
      'against mini-batches against single samples.',
    load: () => import('./sweeps/index.ts'),
  },
  {
    id: 'gradient-flow',
    title: 'Gradient flow',
    summary:
      'Per-layer gradient norms, activation histograms, saturated and dead units: vanishing and exploding ' +
      'gradients, symmetry, saturation and dying ReLUs, each beside its cure.',
    load: () => import('./gradient-flow/index.ts'),
  },
  {
    id: 'regularisation',
    title: 'Regularisation side by side',
    summary:
      'One small noisy dataset, one big network, nine runs: no regularisation, L2, weight decay, ' +
      'dropout, early stopping, augmentation, label smoothing and an ensemble, compared.',
    load: () => import('./regularisation/index.ts'),
  },
  {
    id: 'perceptron',
    title: 'The perceptron',
    summary:
      'Rosenblatt’s rule one sample at a time: the line moves after each mistake, converges on separable data ' +
      'and cycles on XOR, beside a one-hidden-layer network on the same points.',
    load: () => import('./perceptron/index.ts'),
  },
];

/** The lab with this id, or undefined. */
export function labById(id: string): LabEntry | undefined {
  return LABS.find((lab) => lab.id === id);
}

// The explorer's examples: the expressions (the first four are also PyTorch fixtures,
// tests/fixtures/autograd/expressions.json, with the same leaf values) and a few more.
import type { ExplorerLeaf } from '../../wasm/core-labs.mjs';

export interface Example {
  title: string;
  expression: string;
  leaves: ExplorerLeaf[];
}

const p = (name: string, value: number): ExplorerLeaf => ({ name, value, requiresGrad: true });
const c = (name: string, value: number): ExplorerLeaf => ({ name, value, requiresGrad: false });

export const EXAMPLES: readonly Example[] = [
  { title: 'A square: 3x²', expression: '3*x^2', leaves: [p('x', 2)] },
  {
    title: 'One tanh neuron',
    expression: 'tanh(w*x + b)',
    leaves: [p('w', 0.5), c('x', 2), p('b', -0.3)],
  },
  {
    title: 'A sigmoid neuron with two inputs and a BCE loss',
    expression: 'bce(sigmoid(w1*x1 + w2*x2 + b), y)',
    leaves: [p('w1', 0.8), c('x1', 0.5), p('w2', -0.4), c('x2', -1.5), p('b', 0.1), c('y', 1)],
  },
  {
    title: 'A two-layer network on one sample, MSE loss',
    expression: 'mse(v1*tanh(w11*x1 + w12*x2 + b1) + v2*tanh(w21*x1 + w22*x2 + b2) + c, y)',
    leaves: [
      p('v1', 0.7),
      p('w11', 0.3),
      c('x1', 1),
      p('w12', -0.5),
      c('x2', 2),
      p('b1', 0.1),
      p('v2', -1.2),
      p('w21', 0.8),
      p('w22', 0.2),
      p('b2', -0.4),
      p('c', 0.05),
      c('y', 0.5),
    ],
  },
  { title: 'A value used twice: x·x + x', expression: 'x*x + x', leaves: [p('x', 1.5)] },
  {
    title: 'A ReLU neuron with an MSE loss',
    expression: 'mse(relu(w*x + b), t)',
    leaves: [p('w', 1.5), c('x', 0.8), p('b', -0.2), c('t', 2)],
  },
  {
    title: "Rosenbrock's valley",
    expression: '(1 - x)^2 + 100*(y - x^2)^2',
    leaves: [p('x', 0.5), p('y', 0.5)],
  },
];

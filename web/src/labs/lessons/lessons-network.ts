// Regularisation, initialisation, activations and gradient clipping: what the network is made of
// and what keeps it from overfitting or from gradients that vanish or explode.
import { type Scene } from '../../scene/index.ts';
import {
  both,
  epochsAtLeast,
  hiddenAre,
  sceneIs,
  testAccuracyAtLeast,
  trainLossBelow,
} from './checks.ts';
import type { Lesson } from './lesson.ts';
import { model, scene } from './scenes.ts';

/** Few noisy points and a large network: it overfits unless held back. */
const NOISY = {
  name: 'moons',
  samples: 120,
  noise: 0.35,
  trainFraction: 0.5,
  validationFraction: 0.2,
};
const BIG = model(
  [
    [32, 'ReLU'],
    [32, 'ReLU'],
  ],
  1,
  'Sigmoid',
);
const OVERFIT = { data: NOISY, model: BIG, optimizer: { name: 'Adam', lr: 0.01 } };
const REGULARISATION = {
  lab: 'regularisation',
  title: 'Regularisation',
  why: 'every regulariser trained side by side from the same seed',
};
const GRADIENT_FLOW = {
  lab: 'gradient-flow',
  title: 'Gradient flow',
  why: 'per-layer gradients and activations over time',
};
const DEEP = (activation: string) =>
  model(
    [
      [8, activation],
      [8, activation],
      [8, activation],
      [8, activation],
    ],
    1,
    'Sigmoid',
  );
const SPIRAL = { name: 'spiral', samples: 400, noise: 0.05, trainFraction: 0.5 };
const initIs = (s: Scene, name: string) => (s.init?.weight ?? 'default') === name;

export const NETWORK_LESSONS: readonly Lesson[] = [
  {
    id: 'l1',
    group: 'regularisation',
    concepts: ['l1'],
    title: 'L1 regularisation',
    summary: 'A penalty on Σ|w| that pushes unneeded weights to exactly zero.',
    text: [
      'L1 regularisation adds λ Σ|w| to the loss. Its gradient is λ·sign(w): a constant pull towards zero that does not weaken as a weight gets small, so weights the data does not need end up at zero.',
      'The result is a sparse network. Too large a λ zeroes useful weights too, and the model underfits.',
    ],
    scene: scene({ ...OVERFIT, l1: 0.001 }),
    prompts: [
      {
        text: 'Train for 200 epochs with l1 = 0.001.',
        done: both(
          epochsAtLeast(200),
          sceneIs((s) => (s.l1 ?? 0) > 0),
        ),
      },
      {
        text: 'Raise l1 to 0.01 and watch the boundary simplify.',
        done: sceneIs((s) => (s.l1 ?? 0) >= 0.01),
      },
    ],
    pytorch: `criterion = nn.BCELoss()
l1 = sum(m.weight.abs().sum() for m in model if isinstance(m, nn.Linear))  # weights only
loss = criterion(model(x), y) + 0.001 * l1`,
    labs: [REGULARISATION],
  },
  {
    id: 'weight-decay',
    group: 'regularisation',
    concepts: ['l2', 'weight-decay'],
    title: 'L2 penalty versus decoupled weight decay',
    summary:
      'Adding λ‖w‖² to the loss, or shrinking weights directly: equal for SGD, not for Adam.',
    text: [
      'An L2 penalty adds λ Σw² to the loss; its gradient 2λw pulls every weight towards zero in proportion to its size, so no weight grows large and the boundary stays smooth. PyTorch’s weight_decay in SGD and Adam adds λw to the gradient, which is this penalty.',
      'For plain SGD that is the same as shrinking the weights a little each step. For Adam it is not: the decay term gets divided by the adaptive denominator. AdamW applies the decay directly to the weights instead (decoupled).',
    ],
    scene: scene(OVERFIT),
    prompts: [
      {
        text: 'Train 300 epochs without any decay and look at the ragged boundary.',
        done: epochsAtLeast(300),
      },
      {
        text: 'Set weight_decay to 0.01 (L2 in Adam).',
        done: sceneIs(
          (s) => s.optimizer.name === 'Adam' && (s.optimizer.weight_decay ?? 0) >= 0.01,
        ),
      },
      {
        text: 'Switch to AdamW with weight_decay of 0.1 (decoupled).',
        done: sceneIs(
          (s) => s.optimizer.name === 'AdamW' && (s.optimizer.weight_decay ?? 0) >= 0.1,
        ),
      },
    ],
    pytorch: `torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.01)   # L2: lambda*w added to the gradient
torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.1)  # decoupled: w -= lr*lambda*w`,
    labs: [REGULARISATION],
  },
  {
    id: 'dropout',
    group: 'regularisation',
    concepts: ['dropout'],
    title: 'Dropout',
    summary: 'Silence random neurons while training so none can be relied on alone.',
    text: [
      'During training, dropout zeroes each activation with probability p and multiplies the survivors by 1/(1 − p), so the expected activation is unchanged. Every step trains a different thinned network.',
      'Neurons cannot rely on one particular partner, so the network learns redundant, spread-out features. At evaluation (model.eval()) dropout is switched off.',
    ],
    scene: scene({
      ...OVERFIT,
      model: {
        inputs: 2,
        layers: [
          { units: 32, activation: 'ReLU', dropout: 0.3 },
          { units: 32, activation: 'ReLU', dropout: 0.3 },
          { units: 1, activation: 'Sigmoid' },
        ],
      },
    }),
    prompts: [
      {
        text: 'Train for 200 epochs: the training loss stays noisy because of the dropped neurons.',
        done: epochsAtLeast(200),
      },
      {
        text: 'Set both layers’ dropout to 0 and compare the gap between train and test accuracy.',
        done: sceneIs((s) => s.model.layers.every((l) => !l.dropout)),
      },
    ],
    pytorch: `model = nn.Sequential(
    nn.Linear(2, 32), nn.ReLU(), nn.Dropout(p=0.3),
    nn.Linear(32, 32), nn.ReLU(), nn.Dropout(p=0.3),
    nn.Linear(32, 1), nn.Sigmoid())
model.train()   # dropout active
model.eval()    # dropout off for evaluation`,
    labs: [REGULARISATION],
  },
  {
    id: 'label-smoothing',
    group: 'regularisation',
    concepts: ['label-smoothing'],
    title: 'Label smoothing',
    summary: 'Never ask for 100 % certainty: spread a little target mass over the other classes.',
    text: [
      'With one-hot targets the cross-entropy keeps falling as the logits grow, so the model is pushed to ever more extreme confidence. Label smoothing with α gives the true class 1 − α + α/K and every class α/K.',
      'The loss now has its minimum at a finite confidence, which curbs overfitting and gives better-calibrated probabilities. The loss value cannot reach 0 any more.',
    ],
    scene: scene({
      data: { name: 'blobs', samples: 300, noise: 0.5, classes: 3, trainFraction: 0.5 },
      model: model([[32, 'ReLU']], 3, 'Identity'),
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
    }),
    prompts: [
      {
        text: 'Set label_smoothing to 0.1.',
        done: sceneIs((s) => (s.loss.label_smoothing ?? 0) >= 0.1),
      },
      {
        text: 'With smoothing on, train to 85 % test accuracy; the training loss stays above 0.2.',
        done: both(
          sceneIs((s) => (s.loss.label_smoothing ?? 0) > 0),
          testAccuracyAtLeast(0.85),
        ),
      },
    ],
    pytorch: `criterion = nn.CrossEntropyLoss(label_smoothing=0.1)`,
    labs: [REGULARISATION],
  },
  {
    id: 'init-zero',
    group: 'initialisation',
    concepts: ['init-zero'],
    title: 'Zero initialisation',
    summary: 'All-zero weights make every neuron in a layer the same, forever.',
    text: [
      'If all the weights of a layer start equal, every neuron in it computes the same output and receives the same gradient, so they stay equal after every step: the layer behaves like a single neuron. With zeros and tanh the gradients to the hidden weights are even exactly zero.',
      'Random initialisation breaks this symmetry. Look at the hidden neurons in the network view: they are identical.',
    ],
    scene: scene({ init: { weight: 'zeros', bias: 0 } }),
    prompts: [
      {
        text: 'Train 30 epochs: accuracy stays near chance.',
        done: both(
          epochsAtLeast(30),
          sceneIs((s) => initIs(s, 'zeros')),
        ),
      },
      {
        text: 'Switch the initialisation to xavier_uniform and reach 95 % test accuracy.',
        done: both(
          sceneIs((s) => initIs(s, 'xavier_uniform')),
          testAccuracyAtLeast(0.95),
        ),
      },
    ],
    pytorch: `for layer in model:
    if isinstance(layer, nn.Linear):
        nn.init.zeros_(layer.weight)   # symmetric: do not do this
        nn.init.zeros_(layer.bias)`,
    labs: [GRADIENT_FLOW],
  },
  {
    id: 'init-scaled',
    group: 'initialisation',
    concepts: ['init-uniform', 'init-glorot', 'init-he'],
    title: 'Uniform ±1/√n, Glorot and He initialisation',
    summary: 'Random weights scaled to the layer’s size keep signals from shrinking or growing.',
    text: [
      'A neuron sums n inputs, so with weights of a fixed size its output grows with n. Scaling the random weights by 1/√n keeps the variance of activations roughly constant from layer to layer. PyTorch’s default for nn.Linear draws from U(−1/√n, 1/√n).',
      'Glorot (Xavier) initialisation uses both fan-in and fan-out and suits tanh and sigmoid. He (Kaiming) initialisation doubles the variance to make up for ReLU zeroing half its inputs. This deep ReLU network trains best with He.',
    ],
    scene: scene({
      data: SPIRAL,
      model: DEEP('ReLU'),
      optimizer: { name: 'Adam', lr: 0.01 },
      init: { weight: 'uniform', a: -1, b: 1 },
    }),
    prompts: [
      {
        text: 'Try default (U(±1/√n)), then switch the initialisation to xavier_uniform (Glorot).',
        done: sceneIs((s) => initIs(s, 'xavier_uniform')),
      },
      {
        text: 'Use kaiming_uniform (He) and reach 90 % test accuracy.',
        done: both(
          sceneIs((s) => initIs(s, 'kaiming_uniform') || initIs(s, 'kaiming_normal')),
          testAccuracyAtLeast(0.9),
        ),
      },
    ],
    pytorch: `layer = nn.Linear(n_in, n_out)            # default: U(-1/sqrt(n_in), 1/sqrt(n_in))
nn.init.xavier_uniform_(layer.weight)      # Glorot: for tanh / sigmoid
nn.init.kaiming_uniform_(layer.weight, nonlinearity='relu')  # He: for ReLU`,
    labs: [GRADIENT_FLOW],
  },
  {
    id: 'clipping',
    group: 'initialisation',
    concepts: ['clip-value', 'clip-norm'],
    title: 'Gradient clipping by value and by norm',
    summary: 'Cap the gradient before the step so one bad batch cannot throw the weights away.',
    text: [
      'Clipping by value caps each gradient entry to [−c, c]; it can change the gradient’s direction. Clipping by norm rescales the whole gradient when its length ‖g‖ exceeds a maximum, keeping its direction.',
      'Both go between loss.backward() and optimizer.step(). This run uses a large learning rate that oscillates; clipping limits the size of each step.',
    ],
    scene: scene({ optimizer: { name: 'SGD', lr: 3 } }),
    prompts: [
      {
        text: 'Set clip_grad_norm to 1.',
        done: sceneIs((s) => (s.clip_grad_norm ?? Infinity) <= 1),
      },
      {
        text: 'With clipping on (by norm or by value), reach 95 % test accuracy.',
        done: both(
          sceneIs((s) => s.clip_grad_norm != null || s.clip_grad_value != null),
          testAccuracyAtLeast(0.95),
        ),
      },
    ],
    pytorch: `loss.backward()
torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)    # by norm
# or: torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=0.5)  # by value
optimizer.step()`,
    labs: [GRADIENT_FLOW],
  },
  {
    id: 'sigmoid-tanh',
    group: 'initialisation',
    concepts: ['sigmoid', 'tanh'],
    title: 'Sigmoid and tanh',
    summary: 'The classic S-shaped activations, and why deep stacks of them learn slowly.',
    text: [
      'The sigmoid squashes any input into (0, 1); tanh squashes into (−1, 1) and is centred on zero. Both are smooth, but their slope is small away from zero: at most 0.25 for the sigmoid, 1 for tanh.',
      'Backpropagation multiplies these slopes layer by layer, so in a deep sigmoid network the gradients reaching the first layers vanish. Here four sigmoid layers barely learn; tanh does better.',
    ],
    scene: scene({ model: DEEP('Sigmoid') }),
    prompts: [
      {
        text: 'Train 50 epochs with sigmoid hidden layers.',
        done: both(
          epochsAtLeast(50),
          sceneIs((s) => hiddenAre(s, 'Sigmoid')),
        ),
      },
      {
        text: 'Change every hidden layer to Tanh and reach 95 % test accuracy.',
        done: both(
          sceneIs((s) => hiddenAre(s, 'Tanh')),
          testAccuracyAtLeast(0.95),
        ),
      },
    ],
    pytorch: `nn.Sequential(nn.Linear(2, 8), nn.Sigmoid(), nn.Linear(8, 8), nn.Tanh(), ...)`,
    labs: [GRADIENT_FLOW],
  },
  {
    id: 'relu',
    group: 'initialisation',
    concepts: ['relu', 'leaky-relu'],
    title: 'ReLU and leaky ReLU',
    summary: 'max(0, x): cheap, no saturation for positive inputs, but neurons can die.',
    text: [
      'ReLU passes positive inputs unchanged and outputs 0 otherwise. Its slope is 1 wherever it is active, so gradients do not shrink through many layers, and it is cheap to compute.',
      'A neuron whose input is negative for every example outputs 0 and gets no gradient: it is dead and never recovers. Leaky ReLU keeps a small slope (0.01 by default) for negative inputs so that gradient still flows.',
    ],
    scene: scene({ data: SPIRAL, model: DEEP('ReLU'), optimizer: { name: 'Adam', lr: 0.01 } }),
    prompts: [
      { text: 'Get the training loss below 0.05 with ReLU.', done: trainLossBelow(0.05) },
      {
        text: 'Change every hidden layer to LeakyReLU.',
        done: sceneIs((s) => hiddenAre(s, 'LeakyReLU')),
      },
    ],
    pytorch: `nn.ReLU()
nn.LeakyReLU(negative_slope=0.01)`,
    labs: [GRADIENT_FLOW],
  },
  {
    id: 'gelu-silu',
    group: 'initialisation',
    concepts: ['gelu', 'silu'],
    title: 'GELU and SiLU',
    summary: 'Smooth relatives of ReLU used in modern networks.',
    text: [
      'SiLU (also called swish) is x·σ(x); GELU is x·Φ(x), with Φ the standard normal’s cumulative distribution. Both look like ReLU for large |x| but curve smoothly near zero and dip slightly below it.',
      'The smooth shape gives non-zero gradients for small negative inputs, so no neuron dies outright. Transformers commonly use GELU.',
    ],
    scene: scene({ data: SPIRAL, model: DEEP('GELU'), optimizer: { name: 'Adam', lr: 0.01 } }),
    prompts: [
      { text: 'Reach 90 % test accuracy with GELU.', done: testAccuracyAtLeast(0.9) },
      {
        text: 'Change every hidden layer to SiLU and get the training loss below 0.2.',
        done: both(
          sceneIs((s) => hiddenAre(s, 'SiLU')),
          trainLossBelow(0.2),
        ),
      },
    ],
    pytorch: `nn.GELU()
nn.SiLU()   # x * sigmoid(x)`,
    labs: [GRADIENT_FLOW],
  },
];

// Autograd, gradient descent and the learning rate, step / batch / epoch, and the optimisers.
import {
  both,
  epochsAtLeast,
  oscillating,
  sceneIs,
  steadyAt,
  stepsAtLeast,
  testAccuracyAtLeast,
  trainLossBelow,
} from './checks.ts';
import type { Lesson } from './lesson.ts';
import { model, scene } from './scenes.ts';

/** The circle data, 200 training points: a batch of 200 is the whole training set. */
const FULL_BATCH = { batchSize: 200 };
const RACE = {
  lab: 'race',
  title: 'Optimiser race',
  why: 'the optimisers side by side on loss surfaces',
};
const SWEEPS = {
  lab: 'sweeps',
  title: 'Sweeps',
  why: 'many learning rates and batch sizes trained at once',
};
const SPIRAL = { name: 'spiral', samples: 400, noise: 0.05, trainFraction: 0.5 };
const SPIRAL_MODEL = model(
  [
    [12, 'Tanh'],
    [12, 'Tanh'],
  ],
  1,
  'Sigmoid',
);

export const DESCENT_LESSONS: readonly Lesson[] = [
  {
    id: 'autograd',
    group: 'autograd',
    concepts: ['autograd'],
    title: 'Autograd’s graph',
    summary: 'The forward pass records a graph; backward walks it with the chain rule.',
    text: [
      'While the forward pass runs, every operation on a tensor that requires a gradient is recorded: a graph from the parameters to the loss. Calling loss.backward() walks that graph from the end, applying the chain rule at each node, and leaves ∂L/∂θ in each parameter’s .grad.',
      'Gradients add up in .grad, so each training step clears them first (optimizer.zero_grad()). Take single steps here and pick a weight in the network view: after each step it has moved by −η times its gradient.',
    ],
    scene: scene({ model: model([[3, 'Tanh']], 1, 'Sigmoid') }),
    prompts: [
      { text: 'Take one optimiser step with the Step button.', done: stepsAtLeast(1) },
      { text: 'Keep stepping through 3 epochs.', done: epochsAtLeast(3) },
    ],
    pytorch: `w = torch.tensor(2.0, requires_grad=True)
loss = (3 * w ** 2 - 1)     # graph: pow -> mul -> sub
loss.backward()             # chain rule from loss back to w
print(w.grad)               # d loss / d w = 6 * w = 12`,
    labs: [{ lab: 'autograd', title: 'Autograd explorer', why: 'the graph itself, node by node' }],
  },
  {
    id: 'lr-too-large',
    group: 'descent',
    concepts: ['lr-too-large'],
    title: 'Learning rate too large',
    summary: 'Steps overshoot the valley: the loss jumps around or blows up.',
    text: [
      'Gradient descent moves the parameters by θ ← θ − η∇L. The gradient only tells us the slope where we stand; if η is large, the step lands far beyond the bottom of the valley, on the other side and sometimes higher than where it started.',
      'This scene uses the whole training set per step, so any wobble in the loss comes from the learning rate, not from noisy batches. At η = 8 the loss bounces; push it further and training diverges.',
    ],
    scene: scene({ optimizer: { name: 'SGD', lr: 8 }, training: FULL_BATCH }),
    prompts: [
      { text: 'Press Play and watch the training loss go up and down.', done: oscillating() },
      {
        text: 'Lower the learning rate until the loss stops oscillating (it falls for five evaluations in a row).',
        done: steadyAt(1),
      },
    ],
    pytorch: `optimizer = torch.optim.SGD(model.parameters(), lr=8.0)  # far too large here
# theta <- theta - lr * grad: each step overshoots the minimum`,
    labs: [RACE, SWEEPS],
  },
  {
    id: 'lr-too-small',
    group: 'descent',
    concepts: ['lr-too-small'],
    title: 'Learning rate too small',
    summary: 'Every step is safe and tiny: training crawls.',
    text: [
      'A very small η never overshoots, but each update barely moves the weights. The loss curve is smooth and almost flat: after many epochs the network has hardly changed.',
      'Raising η by factors of 3 or 10 is the usual way to find a rate that is fast but still stable.',
    ],
    scene: scene({ optimizer: { name: 'SGD', lr: 0.001 } }),
    prompts: [
      {
        text: 'Train for 20 epochs at this rate and look at how little the loss moved.',
        done: both(
          epochsAtLeast(20),
          sceneIs((s) => s.optimizer.lr <= 0.001),
        ),
      },
      {
        text: 'Raise the learning rate (try 0.1 or 0.3) and reach 95 % test accuracy.',
        done: both(
          sceneIs((s) => s.optimizer.lr >= 0.03),
          testAccuracyAtLeast(0.95),
        ),
      },
    ],
    pytorch: `optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)  # stable but slow
# try lr in 1e-3, 1e-2, 1e-1, 1 and keep the largest that does not oscillate`,
    labs: [SWEEPS],
  },
  {
    id: 'local-minima',
    group: 'descent',
    concepts: ['local-minima'],
    title: 'Local minima',
    summary: 'Where descent stops depends on where it started.',
    text: [
      'The loss of a neural network is not one bowl: it has many valleys, plateaus and saddle points. Gradient descent follows the slope from its starting point, so two runs that differ only in their random initial weights can settle at different losses.',
      'Noise helps: mini-batch gradients jitter, which can shake a run out of a shallow valley. Momentum and adaptive optimisers help too.',
    ],
    scene: scene({ data: SPIRAL, model: SPIRAL_MODEL, optimizer: { name: 'SGD', lr: 0.3 } }),
    prompts: [
      {
        text: 'Train for 100 epochs and note where the loss gets stuck.',
        done: epochsAtLeast(100),
      },
      {
        text: 'Change the seed (a different start) and compare where the loss settles.',
        done: sceneIs((s) => s.seed !== 1),
      },
      {
        text: 'Switch to Adam with a learning rate of 0.01 and get the training loss below 0.1.',
        done: both(
          sceneIs((s) => s.optimizer.name === 'Adam' && s.optimizer.lr <= 0.03),
          trainLossBelow(0.1),
        ),
      },
    ],
    pytorch: `for seed in range(5):
    torch.manual_seed(seed)          # a different starting point each time
    model = make_model()
    train(model)                     # the final losses differ`,
    labs: [RACE],
  },
  {
    id: 'step-batch-epoch',
    group: 'batches',
    concepts: ['step-batch-epoch'],
    title: 'Step, batch, epoch',
    summary: 'A step uses one batch; an epoch uses every batch once.',
    text: [
      'The training set is shuffled and cut into batches of batch size examples. Computing the loss on one batch and updating the weights once is one step. Going through every batch once is one epoch, so an epoch has ⌈training examples / batch size⌉ steps.',
      'Small batches give many cheap, noisy steps per epoch; the whole set as one batch gives one exact, expensive step. Watch the step and epoch counters as you change the batch size.',
    ],
    scene: scene(),
    prompts: [
      {
        text: 'Train 2 epochs with batch size 10: count the steps (200 training points / 10 = 20 per epoch).',
        done: both(
          epochsAtLeast(2),
          sceneIs((s) => s.training.batchSize === 10),
        ),
      },
      {
        text: 'Set the batch size to 200 (the whole training set): one step per epoch. Train 20 epochs.',
        done: both(
          sceneIs((s) => s.training.batchSize >= 200),
          epochsAtLeast(20),
        ),
      },
    ],
    pytorch: `loader = torch.utils.data.DataLoader(train_set, batch_size=10, shuffle=True)
for epoch in range(epochs):          # one epoch: every batch once
    for x, y in loader:              # one step per batch
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()`,
    labs: [SWEEPS],
  },
  {
    id: 'sgd',
    group: 'optimisers',
    concepts: ['sgd'],
    title: 'Stochastic gradient descent',
    summary: 'θ ← θ − η∇L on one mini-batch at a time.',
    text: [
      'SGD is gradient descent with the gradient estimated on a random mini-batch. Every parameter gets the same learning rate, and the step is exactly η times the batch gradient.',
      'It is simple and, with a well-chosen η, it generalises well; its weakness is valleys that are steep in one direction and flat in another, where it zig-zags.',
    ],
    scene: scene({ data: SPIRAL, model: SPIRAL_MODEL, optimizer: { name: 'SGD', lr: 0.1 } }),
    prompts: [
      { text: 'Train SGD for 50 epochs.', done: epochsAtLeast(50) },
      {
        text: 'Try a larger learning rate (0.3 or more) and get the training loss below 0.2.',
        done: both(
          sceneIs((s) => s.optimizer.lr >= 0.3),
          trainLossBelow(0.2),
        ),
      },
    ],
    pytorch: `optimizer = torch.optim.SGD(model.parameters(), lr=0.1)`,
    labs: [RACE],
  },
  {
    id: 'momentum',
    group: 'optimisers',
    concepts: ['momentum'],
    title: 'Momentum',
    summary: 'A running sum of past gradients: speed along the valley, less zig-zag.',
    text: [
      'With momentum μ, SGD keeps a velocity v ← μv + ∇L and steps θ ← θ − ηv. Gradients that keep pointing the same way add up; those that flip sign cancel out.',
      'A typical μ is 0.9, which makes the effective step about ten times larger along a consistent direction.',
    ],
    scene: scene({ data: SPIRAL, model: SPIRAL_MODEL, optimizer: { name: 'SGD', lr: 0.05 } }),
    prompts: [
      {
        text: 'Set momentum to 0.9.',
        done: sceneIs((s) => (s.optimizer.momentum ?? 0) >= 0.9),
      },
      {
        text: 'With momentum on, get the training loss below 0.15.',
        done: both(
          sceneIs((s) => (s.optimizer.momentum ?? 0) > 0),
          trainLossBelow(0.15),
        ),
      },
    ],
    pytorch: `optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)`,
    labs: [RACE],
  },
  {
    id: 'nesterov',
    group: 'optimisers',
    concepts: ['nesterov'],
    title: 'Nesterov momentum',
    summary: 'Momentum that corrects itself with a look ahead.',
    text: [
      'Nesterov’s variant takes the gradient where the velocity is about to carry the parameters, not where they are now. In PyTorch’s form the step is θ ← θ − η(∇L + μv).',
      'The look-ahead lets the optimiser brake before it overshoots, which often makes it a little faster and steadier than plain momentum.',
    ],
    scene: scene({
      data: SPIRAL,
      model: SPIRAL_MODEL,
      optimizer: { name: 'SGD', lr: 0.05, momentum: 0.9 },
    }),
    prompts: [
      { text: 'Turn on nesterov.', done: sceneIs((s) => s.optimizer.nesterov === true) },
      {
        text: 'With Nesterov momentum, get the training loss below 0.1.',
        done: both(
          sceneIs((s) => s.optimizer.nesterov === true),
          trainLossBelow(0.1),
        ),
      },
    ],
    pytorch: `optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)`,
    labs: [RACE],
  },
  {
    id: 'adagrad',
    group: 'optimisers',
    concepts: ['adagrad'],
    title: 'Adagrad',
    summary: 'Each parameter’s step shrinks with its own history of gradients.',
    text: [
      'Adagrad adds up every squared gradient a parameter has seen, G ← G + g², and divides its step by √G. Parameters with large gradients slow down; rarely updated ones keep larger steps.',
      'Because G only grows, the effective learning rate keeps falling, and long runs can stall.',
    ],
    scene: scene({ data: SPIRAL, model: SPIRAL_MODEL, optimizer: { name: 'Adagrad', lr: 0.1 } }),
    prompts: [
      { text: 'Train for 100 epochs and watch progress slow down.', done: epochsAtLeast(100) },
      { text: 'Get the training loss below 0.3.', done: trainLossBelow(0.3) },
    ],
    pytorch: `optimizer = torch.optim.Adagrad(model.parameters(), lr=0.1)`,
    labs: [RACE],
  },
  {
    id: 'rmsprop',
    group: 'optimisers',
    concepts: ['rmsprop'],
    title: 'RMSprop',
    summary: 'Adagrad with a fading memory: a moving average of squared gradients.',
    text: [
      'RMSprop keeps an exponential moving average of squared gradients, s ← αs + (1 − α)g², and divides the step by √s. Old gradients fade, so the learning rate no longer dies out as in Adagrad.',
      'α (0.99 by default) sets how long the memory is.',
    ],
    scene: scene({ data: SPIRAL, model: SPIRAL_MODEL, optimizer: { name: 'RMSprop', lr: 0.01 } }),
    prompts: [
      { text: 'Get the training loss below 0.1.', done: trainLossBelow(0.1) },
      {
        text: 'Shorten the memory: set alpha to 0.9.',
        done: sceneIs((s) => s.optimizer.name === 'RMSprop' && (s.optimizer.alpha ?? 0.99) <= 0.9),
      },
    ],
    pytorch: `optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.99)`,
    labs: [RACE],
  },
  {
    id: 'adam',
    group: 'optimisers',
    concepts: ['adam'],
    title: 'Adam',
    summary: 'Momentum and RMSprop together, with bias correction.',
    text: [
      'Adam keeps a moving average of the gradient (β₁, like momentum) and of its square (β₂, like RMSprop), corrects both for starting at zero, and steps by η · m̂ / (√v̂ + ε).',
      'Each parameter gets its own effective step size, which makes Adam forgiving about η: 0.001 to 0.01 works for many problems.',
    ],
    scene: scene({ data: SPIRAL, model: SPIRAL_MODEL, optimizer: { name: 'Adam', lr: 0.01 } }),
    prompts: [
      { text: 'Get the training loss below 0.1.', done: trainLossBelow(0.1) },
      {
        text: 'Switch to SGD at the same learning rate and compare how far 100 epochs get you.',
        done: both(
          sceneIs((s) => s.optimizer.name === 'SGD'),
          epochsAtLeast(100),
        ),
      },
    ],
    pytorch: `optimizer = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999))`,
    labs: [RACE],
  },
  {
    id: 'adamw',
    group: 'optimisers',
    concepts: ['adamw'],
    title: 'AdamW',
    summary: 'Adam with weight decay applied directly to the weights.',
    text: [
      'In Adam, weight_decay is added to the gradient and then divided by √v̂ like the rest, so large-gradient weights are barely decayed. AdamW instead shrinks every weight directly, θ ← θ − ηλθ, apart from the adaptive step.',
      'That decoupled decay behaves the same whatever the gradient’s size, which is why AdamW is the usual choice for large models.',
    ],
    scene: scene({
      data: SPIRAL,
      model: SPIRAL_MODEL,
      optimizer: { name: 'AdamW', lr: 0.01, weight_decay: 0.01 },
    }),
    prompts: [
      { text: 'Get the training loss below 0.1.', done: trainLossBelow(0.1) },
      {
        text: 'Raise weight_decay to 0.1 and see the boundary become smoother.',
        done: sceneIs((s) => (s.optimizer.weight_decay ?? 0) >= 0.1),
      },
    ],
    pytorch: `optimizer = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.01)`,
    labs: [
      RACE,
      {
        lab: 'regularisation',
        title: 'Regularisation',
        why: 'L2 and decoupled decay side by side',
      },
    ],
  },
];

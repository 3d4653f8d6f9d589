// The losses and the output layer: what the network is scored by, and how its last layer's
// activation must match the loss.
import {
  both,
  outputIs,
  sceneIs,
  testAccuracyAtLeast,
  testLossBelow,
  trainLossBelow,
} from './checks.ts';
import type { Lesson } from './lesson.ts';
import { model, scene } from './scenes.ts';

const SINE = { name: 'sine', samples: 300, noise: 0.1, trainFraction: 0.6 };
const BLOBS = { name: 'blobs', samples: 450, noise: 0.3, classes: 3, trainFraction: 0.6 };

export const LOSS_LESSONS: readonly Lesson[] = [
  {
    id: 'mse',
    group: 'loss',
    concepts: ['mse'],
    title: 'Mean squared error',
    summary: 'The regression loss: the average of squared differences.',
    text: [
      'For a regression the network outputs a number and the target is a number. Mean squared error takes each difference ŷ − y, squares it and averages over the n samples: MSE = (1/n) Σ (ŷᵢ − yᵢ)².',
      'Squaring makes the loss blind to the sign of a mistake and harsh on big mistakes: being off by 2 costs four times as much as being off by 1. The output layer has no activation, so the network can predict any real number.',
    ],
    scene: scene({
      data: SINE,
      model: model([[16, 'Tanh']], 1, 'Identity', 1),
      loss: { name: 'MSELoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
    }),
    prompts: [
      { text: 'Press Play and train until the test MSE is below 0.05.', done: testLossBelow(0.05) },
      {
        text: 'Switch the loss to L1Loss (mean absolute error) and notice the loss values change scale.',
        done: sceneIs((s) => s.loss.name === 'L1Loss'),
      },
    ],
    pytorch: `criterion = torch.nn.MSELoss()
loss = criterion(model(x), y)   # mean of (prediction - target) ** 2`,
  },
  {
    id: 'huber',
    group: 'loss',
    concepts: ['huber'],
    title: 'Huber loss',
    summary: 'Squared for small errors, absolute for large ones: robust to outliers.',
    text: [
      'Huber loss behaves like MSE while an error is smaller than delta and like the absolute error beyond it. Small errors are still punished smoothly, but a few wild points cannot dominate the gradient, because beyond delta each one pulls with a fixed strength.',
      'A large delta makes Huber identical to ½·MSE on your data; a tiny delta makes it close to L1 loss.',
    ],
    scene: scene({
      data: { ...SINE, noise: 0.3 },
      model: model([[16, 'Tanh']], 1, 'Identity', 1),
      loss: { name: 'HuberLoss', delta: 1 },
      optimizer: { name: 'Adam', lr: 0.01 },
    }),
    prompts: [
      {
        text: 'Set delta to 0.1 or less, so that most errors fall in the absolute-error part.',
        done: sceneIs((s) => s.loss.name === 'HuberLoss' && (s.loss.delta ?? 1) <= 0.1),
      },
      { text: 'Train until the test loss is below 0.05.', done: testLossBelow(0.05) },
    ],
    pytorch: `criterion = torch.nn.HuberLoss(delta=1.0)
loss = criterion(model(x), y)`,
  },
  {
    id: 'cross-entropy',
    group: 'loss',
    concepts: ['ce-indices'],
    title: 'Cross-entropy from logits',
    summary: 'One score per class; the loss is −log of the true class’s softmax probability.',
    text: [
      'For C classes the network outputs C raw scores z, the logits. Softmax turns them into probabilities p̂ⱼ = e^{zⱼ} / Σₖ e^{zₖ}, and the loss for a sample of class c is −log p̂_c: near 0 when the model is confident and right, very large when it is confident and wrong.',
      'PyTorch’s CrossEntropyLoss takes the logits and the class indices and does the softmax inside, in a numerically stable way (−z_c + log Σ e^{zⱼ}). So the output layer has no activation of its own.',
    ],
    scene: scene({
      data: BLOBS,
      model: model([[8, 'Tanh']], 3, 'Identity'),
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
    }),
    prompts: [
      { text: 'Train to 90 % test accuracy.', done: testAccuracyAtLeast(0.9) },
      {
        text: 'Keep going until the training loss is below 0.3: accuracy stops moving long before the loss does.',
        done: trainLossBelow(0.3),
      },
    ],
    pytorch: `model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 3))  # logits, no softmax
criterion = nn.CrossEntropyLoss()
loss = criterion(model(x), y)   # y: class indices, shape [batch], dtype long`,
  },
  {
    id: 'cross-entropy-probabilities',
    group: 'loss',
    concepts: ['ce-probabilities'],
    title: 'Cross-entropy with probability targets',
    summary: 'When the target is a distribution over classes rather than one class.',
    text: [
      'The target does not have to be a single class. It can be a whole distribution q over the classes, and the loss becomes −Σⱼ qⱼ log p̂ⱼ. With a one-hot q this is exactly the class-index loss.',
      'Soft targets appear with label smoothing and with mixup, which blends two samples and their labels. In this scene mixup is on, so every batch trains against probability targets.',
    ],
    scene: scene({
      data: BLOBS,
      model: model([[8, 'Tanh']], 3, 'Identity'),
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
      training: { batchSize: 10, augmentation: { mixup: 0.4 } },
    }),
    prompts: [
      { text: 'Train to 90 % test accuracy with soft targets.', done: testAccuracyAtLeast(0.9) },
      {
        text: 'Turn mixup off (set it to 0) to go back to class-index targets.',
        done: sceneIs((s) => !s.training.augmentation?.mixup),
      },
    ],
    pytorch: `criterion = nn.CrossEntropyLoss()
logits = model(x)                       # [batch, C]
target = torch.tensor([[0.7, 0.3, 0.0]])  # each row sums to 1
loss = criterion(logits, target)        # -sum(target * log_softmax(logits))`,
  },
  {
    id: 'bce',
    group: 'loss',
    concepts: ['bce-probabilities', 'bce-logits'],
    title: 'Binary cross-entropy: probabilities or logits',
    summary:
      'Two classes, one output: BCELoss after a sigmoid, or BCEWithLogitsLoss on the raw score.',
    text: [
      'With two classes one output is enough: the probability p̂ of class 1. Binary cross-entropy is −[y log p̂ + (1 − y) log(1 − p̂)].',
      'BCELoss wants p̂ itself, so the output layer ends in a sigmoid. BCEWithLogitsLoss wants the logit (the score before the sigmoid) and applies the sigmoid inside, which stays accurate when p̂ gets very close to 0 or 1. Prefer the logits version in your own code.',
    ],
    scene: scene({ model: model([[8, 'Tanh']], 1, 'Sigmoid'), loss: { name: 'BCELoss' } }),
    prompts: [
      { text: 'Train with BCELoss to 95 % test accuracy.', done: testAccuracyAtLeast(0.95) },
      {
        text: 'Switch the loss to BCEWithLogitsLoss: the output’s sigmoid goes away (Identity).',
        done: sceneIs((s) => s.loss.name === 'BCEWithLogitsLoss' && outputIs(s, 'Identity')),
      },
    ],
    pytorch: `# on probabilities
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())
loss = nn.BCELoss()(model(x), y.float())
# on logits (more stable): no sigmoid in the model
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
loss = nn.BCEWithLogitsLoss()(model(x), y.float())`,
  },
  {
    id: 'nll',
    group: 'loss',
    concepts: ['nll'],
    title: 'Negative log-likelihood',
    summary: 'NLLLoss picks −log-probability of the true class: pair it with LogSoftmax.',
    text: [
      'Training by maximum likelihood means making the probability the model gives to the observed labels as large as possible; taking −log turns the product over samples into a sum to minimise.',
      'NLLLoss does only the picking: it returns −input[c] for the true class c, so the input must already be log-probabilities. LogSoftmax followed by NLLLoss is exactly CrossEntropyLoss.',
    ],
    scene: scene({
      data: BLOBS,
      model: model([[8, 'Tanh']], 3, 'LogSoftmax'),
      loss: { name: 'NLLLoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
    }),
    prompts: [
      { text: 'Train to 90 % test accuracy.', done: testAccuracyAtLeast(0.9) },
      {
        text: 'Switch the loss to CrossEntropyLoss: the output becomes plain logits and training is the same.',
        done: sceneIs((s) => s.loss.name === 'CrossEntropyLoss' && outputIs(s, 'Identity')),
      },
    ],
    pytorch: `model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 3), nn.LogSoftmax(dim=1))
loss = nn.NLLLoss()(model(x), y)   # same value as CrossEntropyLoss on the logits`,
  },
  {
    id: 'metrics-vs-losses',
    group: 'loss',
    concepts: ['metrics-vs-losses'],
    title: 'Metrics versus losses',
    summary: 'Accuracy is what we report; the loss is what we can differentiate.',
    text: [
      'Accuracy counts right answers. It is what we care about, but it only changes when a prediction crosses the decision boundary, so its gradient is zero almost everywhere and it cannot guide gradient descent.',
      'The loss is a smooth stand-in: it keeps rewarding more confidence in the right class. Watch both charts: accuracy reaches a plateau while the loss keeps falling, and on noisy data the test loss can rise while test accuracy holds.',
    ],
    scene: scene({
      data: { name: 'gauss', samples: 400, noise: 0.3, trainFraction: 0.5 },
      model: model([[8, 'Tanh']], 1, 'Sigmoid'),
    }),
    prompts: [
      { text: 'Train to 90 % test accuracy.', done: testAccuracyAtLeast(0.9) },
      {
        text: 'Keep training until the training loss is below 0.25, while accuracy barely moves.',
        done: trainLossBelow(0.25),
      },
    ],
    pytorch: `loss = criterion(logits, y)                  # differentiable: used for training
with torch.no_grad():
    accuracy = (logits.argmax(dim=1) == y).float().mean()  # metric: only reported`,
  },
  {
    id: 'outputs',
    group: 'loss',
    concepts: ['output-none', 'output-sigmoid', 'output-softmax'],
    title: 'Output activations: none, sigmoid, softmax',
    summary: 'The last layer’s activation follows from what the target is.',
    text: [
      'A real-valued target: no output activation, trained with MSE. A probability of one of two outcomes: a sigmoid, σ(z) = 1/(1 + e^{−z}), trained with binary cross-entropy. One class out of K: a softmax over K outputs, trained with cross-entropy.',
      'In PyTorch the sigmoid and the softmax usually live inside the loss (BCEWithLogitsLoss, CrossEntropyLoss), so the model itself ends with a plain Linear layer. This scene starts with a regression loss on class labels; change the loss and watch the output layer follow.',
    ],
    scene: scene({ model: model([[8, 'Tanh']], 1, 'Identity'), loss: { name: 'MSELoss' } }),
    prompts: [
      {
        text: 'Switch the loss to BCELoss: the output gets a sigmoid.',
        done: sceneIs((s) => s.loss.name === 'BCELoss' && outputIs(s, 'Sigmoid')),
      },
      {
        text: 'Switch to CrossEntropyLoss: two outputs, the softmax inside the loss. Then train to 95 % test accuracy.',
        done: both(
          sceneIs((s) => s.loss.name === 'CrossEntropyLoss' && s.model.layers.at(-1)!.units === 2),
          testAccuracyAtLeast(0.95),
        ),
      },
    ],
    pytorch: `nn.Linear(8, 1)                        # regression: no activation, nn.MSELoss()
nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())  # binary: nn.BCELoss()
nn.Linear(8, K)                        # K classes: nn.CrossEntropyLoss() does the softmax
probabilities = torch.softmax(model(x), dim=1)  # for reading predictions only`,
  },
];

// The perceptron and what hidden layers add; then generalisation in the lectures' order: splits,
// ensembles, augmentation and early stopping.
import {
  both,
  epochsAtLeast,
  sceneIs,
  stoppedEarly,
  testAccuracyAtLeast,
  trainLossBelow,
  validationTurnedUp,
} from './checks.ts';
import type { Lesson } from './lesson.ts';
import { model, scene } from './scenes.ts';

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
const REGULARISATION = {
  lab: 'regularisation',
  title: 'Regularisation',
  why: 'each remedy for overfitting trained side by side',
};

export const GENERALISATION_LESSONS: readonly Lesson[] = [
  {
    id: 'perceptron',
    group: 'perceptron',
    concepts: ['perceptron'],
    title: 'The perceptron',
    summary: 'One neuron, one straight line: enough for separable data, not for XOR.',
    text: [
      'A perceptron computes a weighted sum of its inputs plus a bias and compares it with a threshold. Its decision boundary is a straight line in the plane. The perceptron rule nudges the weights towards every misclassified example until no mistakes remain, which happens only if a line can separate the classes.',
      'Here the network has no hidden layer: one Linear unit with a sigmoid, which draws the same kind of line. Two Gaussian clouds are fine; XOR is not.',
    ],
    scene: scene({
      data: { name: 'gauss', samples: 200, noise: 0.1, trainFraction: 0.5 },
      model: model([], 1, 'Sigmoid'),
    }),
    prompts: [
      {
        text: 'Train the single neuron until the training loss is below 0.05.',
        done: trainLossBelow(0.05),
      },
      {
        text: 'Switch the data to XOR and train 50 epochs: no line can do it.',
        done: both(
          sceneIs((s) => s.data.name === 'xor'),
          epochsAtLeast(50),
        ),
      },
    ],
    pytorch: `model = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())   # a single neuron: a linear boundary
# the perceptron rule itself: if y_hat != y: w += lr * (y - y_hat) * x`,
    labs: [
      {
        lab: 'perceptron',
        title: 'Perceptron',
        why: 'the perceptron rule step by step, mistakes counted',
      },
    ],
  },
  {
    id: 'hidden-layers',
    group: 'perceptron',
    concepts: ['hidden-layers'],
    title: 'What hidden neurons learn',
    summary: 'Each hidden neuron draws its own line; the output combines them.',
    text: [
      'Each hidden neuron is a little perceptron: a weighted sum of the inputs passed through an activation, so in the plane it splits the inputs along a line. The output layer then combines these features, which is how a network bends its boundary around data no single line can separate.',
      'Open the network view: each neuron’s small map shows what it responds to. With XOR, two or three neurons each cut one side and the output adds them up.',
    ],
    scene: scene({
      data: { name: 'xor', samples: 400, noise: 0.05, trainFraction: 0.5 },
      model: model([[4, 'Tanh']], 1, 'Sigmoid'),
      optimizer: { name: 'Adam', lr: 0.03 },
    }),
    prompts: [
      { text: 'Reach 90 % test accuracy on XOR.', done: testAccuracyAtLeast(0.9) },
      {
        text: 'Remove hidden neurons down to 2 and see whether two lines still suffice.',
        done: sceneIs((s) => s.model.layers.length > 1 && s.model.layers[0]!.units <= 2),
      },
    ],
    pytorch: `model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid())
hidden = model[1](model[0](x))   # each column: one neuron's response to the inputs`,
  },
  {
    id: 'splits',
    group: 'generalisation',
    concepts: ['splits'],
    title: 'Train, validation and test splits',
    summary: 'Learn on one part, choose settings on another, report on a third.',
    text: [
      'The training set is what gradients are computed on, so the training loss is an optimistic score. The validation set is held out to compare settings and decide when to stop. The test set is looked at once, at the end, to report a score that no decision was tuned to.',
      'When the training loss keeps falling while the validation loss rises, the network is memorising the training points: overfitting.',
    ],
    scene: scene({ data: NOISY, model: BIG, optimizer: { name: 'Adam', lr: 0.01 } }),
    prompts: [
      {
        text: 'Train until the validation loss has been rising for 50 evaluations since its best.',
        done: validationTurnedUp(50),
      },
      {
        text: 'Give more data to training: set the training share to 70 % or more.',
        done: sceneIs((s) => s.data.trainFraction >= 0.7),
      },
    ],
    pytorch: `train_set, val_set, test_set = torch.utils.data.random_split(data, [0.6, 0.2, 0.2])
# tune on val_set; evaluate on test_set once at the end`,
    labs: [REGULARISATION],
  },
  {
    id: 'ensembles',
    group: 'generalisation',
    concepts: ['ensembles'],
    title: 'Ensembles',
    summary: 'Average several networks trained from different starts.',
    text: [
      'Networks trained from different random starts (and, with bagging, on different resamples of the data) make different mistakes. Averaging their predicted probabilities cancels part of those errors, so an ensemble is usually more accurate and better calibrated than any of its members.',
      'The price is training and running every member.',
    ],
    scene: scene({
      data: { name: 'blobs', samples: 500, noise: 0.4, classes: 5, trainFraction: 0.6 },
      model: model(
        [
          [8, 'Tanh'],
          [8, 'Tanh'],
        ],
        5,
        'Identity',
      ),
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.01 },
      training: { batchSize: 20, ensemble: { members: 3, bootstrap: true } },
    }),
    prompts: [
      {
        text: 'Train the three-member ensemble to 85 % test accuracy.',
        done: testAccuracyAtLeast(0.85),
      },
      {
        text: 'Grow the ensemble to 5 members.',
        done: sceneIs((s) => (s.training.ensemble?.members ?? 1) >= 5),
      },
    ],
    pytorch: `models = [make_model() for _ in range(5)]   # each with its own seed
for m in models: train(m)
probabilities = torch.stack([m(x).softmax(dim=1) for m in models]).mean(dim=0)`,
    labs: [REGULARISATION],
  },
  {
    id: 'augmentation',
    group: 'generalisation',
    concepts: ['augmentation'],
    title: 'Augmentation',
    summary: 'Train on altered copies of the data the label does not change.',
    text: [
      'Augmentation makes new training examples from old ones with changes that should not alter the answer: for images a shift, a flip, a little colour change; for points in the plane, a small random jitter. The network sees more varied data and cannot memorise each exact point.',
      'Jitter here adds fresh Gaussian noise to every training point in every batch. Mixup blends pairs of points and their labels.',
    ],
    scene: scene({
      data: NOISY,
      model: BIG,
      optimizer: { name: 'Adam', lr: 0.01 },
      training: { batchSize: 10, augmentation: { jitter: 0.3 } },
    }),
    prompts: [
      {
        text: 'Train 200 epochs with jitter on.',
        done: both(
          epochsAtLeast(200),
          sceneIs((s) => (s.training.augmentation?.jitter ?? 0) > 0),
        ),
      },
      {
        text: 'Set jitter to 0 and compare the boundary and the test accuracy.',
        done: sceneIs((s) => !s.training.augmentation?.jitter),
      },
    ],
    pytorch: `for x, y in loader:
    x = x + 0.3 * torch.randn_like(x)      # jitter: a new perturbation every time
    # images: torchvision.transforms.RandomHorizontalFlip(), RandomCrop(...)
    loss = criterion(model(x), y)`,
    labs: [REGULARISATION],
  },
  {
    id: 'early-stopping',
    group: 'generalisation',
    concepts: ['early-stopping'],
    title: 'Early stopping',
    summary: 'Stop when the validation loss stops improving, and keep the best weights.',
    text: [
      'Training longer first helps and then hurts: the validation loss falls, reaches a minimum and climbs as the network overfits. Early stopping watches it and ends training after patience evaluations without improvement, restoring the weights from the best one.',
      'It is the cheapest regulariser there is: it only needs a validation set.',
    ],
    scene: scene({
      data: NOISY,
      model: BIG,
      optimizer: { name: 'Adam', lr: 0.01 },
      training: { batchSize: 10, earlyStopping: { patience: 20, restoreBest: true } },
    }),
    prompts: [
      { text: 'Press Play and let early stopping end the run.', done: stoppedEarly },
      {
        text: 'Raise patience to 50 and compare where it stops.',
        done: sceneIs((s) => (s.training.earlyStopping?.patience ?? 0) >= 50),
      },
    ],
    pytorch: `best, waited = float('inf'), 0
for epoch in range(max_epochs):
    train_one_epoch(model)
    val = evaluate(model, val_loader)
    if val < best: best, waited = val, 0; torch.save(model.state_dict(), 'best.pt')
    else:
        waited += 1
        if waited >= patience: break
model.load_state_dict(torch.load('best.pt'))`,
    labs: [REGULARISATION],
  },
];

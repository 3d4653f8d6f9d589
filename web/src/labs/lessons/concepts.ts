// The course's concepts (the lecture notes' scope) and the order they arrive in: every concept
// here must have a lesson (web/test/lessons.test.ts and e2e/lessons.spec.ts check it).

/** The gallery's groups, in the course's order. */
export const GROUPS = [
  { id: 'loss', title: 'Losses and outputs' },
  { id: 'autograd', title: 'Autograd' },
  { id: 'descent', title: 'Gradient descent: local minima, convergence, divergence' },
  { id: 'batches', title: 'Step, batch, epoch' },
  { id: 'optimisers', title: 'Optimisers' },
  { id: 'regularisation', title: 'Regularisation, dropout, label smoothing' },
  { id: 'initialisation', title: 'Initialisation, activations, gradient clipping' },
  { id: 'perceptron', title: 'The perceptron and hidden layers' },
  { id: 'generalisation', title: 'Splits, ensembles, augmentation, early stopping' },
] as const;

export type GroupId = (typeof GROUPS)[number]['id'];

/** Every concept a lesson must cover, by id, with the words a student knows it by. */
export const CONCEPTS = {
  mse: 'Mean squared error',
  huber: 'Huber loss',
  'ce-indices': 'Cross-entropy from logits, class indices',
  'ce-probabilities': 'Cross-entropy from logits, class probabilities',
  'bce-probabilities': 'Binary cross-entropy on probabilities',
  'bce-logits': 'Binary cross-entropy on logits',
  nll: 'Negative log-likelihood',
  'metrics-vs-losses': 'Metrics versus losses',
  'output-none': 'Output activation: none',
  'output-sigmoid': 'Output activation: sigmoid',
  'output-softmax': 'Output activation: softmax',
  autograd: 'Autograd’s graph',
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov momentum',
  adagrad: 'Adagrad',
  rmsprop: 'RMSprop',
  adam: 'Adam',
  adamw: 'AdamW',
  'lr-too-large': 'Learning rate too large',
  'lr-too-small': 'Learning rate too small',
  'local-minima': 'Local minima',
  'step-batch-epoch': 'Step, batch and epoch',
  l1: 'L1 regularisation',
  l2: 'L2 penalty',
  'weight-decay': 'Decoupled weight decay',
  dropout: 'Dropout',
  'label-smoothing': 'Label smoothing',
  'init-zero': 'Zero initialisation',
  'init-uniform': 'Uniform ±1/√n initialisation',
  'init-glorot': 'Glorot initialisation',
  'init-he': 'He initialisation',
  'clip-value': 'Gradient clipping by value',
  'clip-norm': 'Gradient clipping by norm',
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  'leaky-relu': 'Leaky ReLU',
  gelu: 'GELU',
  silu: 'SiLU',
  splits: 'Train, validation and test splits',
  'early-stopping': 'Early stopping',
  ensembles: 'Ensembles',
  augmentation: 'Augmentation',
  perceptron: 'The perceptron',
  'hidden-layers': 'Hidden-layer interpretation',
} as const;

export type ConceptId = keyof typeof CONCEPTS;

export const CONCEPT_IDS = Object.keys(CONCEPTS) as ConceptId[];

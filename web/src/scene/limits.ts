// The ranges a scene's numbers may take, and how a range reads in a message.
/** A closed, half-open or open interval of numbers, or of integers. */
export interface Range {
  min: number;
  max: number;
  /** The bounds themselves are excluded. */
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
}

function real(min: number, max: number, open: { minOpen?: boolean; maxOpen?: boolean } = {}) {
  return { min, max, ...open } satisfies Range;
}

export function int(min: number, max: number) {
  return { min, max, integer: true } satisfies Range;
}

export function describeRange(range: Range): string {
  const kind = range.integer ? 'an integer' : 'a number';
  return `${kind} in ${range.minOpen ? '(' : '['}${range.min}, ${range.max}${range.maxOpen ? ')' : ']'}`;
}

/** Limits a scene may take. The engine re-checks what it depends on; these are a playground's
 *  ranges (sometimes narrower than torch's) and must stay within what the engine accepts. */
export const LIMITS = {
  seed: int(0, 2 ** 32 - 1),
  samples: int(10, 10_000),
  noise: real(0, 0.5),
  trainFraction: real(0.05, 0.95),
  validationFraction: real(0, 0.9),
  inputs: int(1, 784), // Fashion-MNIST's 28×28 pixels
  layers: int(1, 16),
  units: int(1, 256),
  dropout: real(0, 0.95),
  // activations
  negative_slope: real(0, 1),
  alpha: real(0, 10), // ELU
  beta: real(0, 100, { minOpen: true }), // Softplus
  threshold: real(0, 100), // Softplus
  // losses
  delta: real(0, 100, { minOpen: true }),
  label_smoothing: real(0, 1),
  margin: real(0, 100),
  // optimisers
  lr: real(1e-6, 10),
  momentum: real(0, 1, { maxOpen: true }),
  dampening: real(0, 1),
  weight_decay: real(0, 1),
  lr_decay: real(0, 1),
  initial_accumulator_value: real(0, 10),
  eps: real(0, 1),
  rmspropAlpha: real(0, 1),
  beta1: real(0, 1, { maxOpen: true }),
  beta2: real(0, 1, { maxOpen: true }),
  // schedulers
  step_size: int(1, 1_000_000),
  gamma: real(0, 10, { minOpen: true }),
  T_max: int(1, 1_000_000),
  eta_min: real(0, 10),
  start_factor: real(0, 1, { minOpen: true }),
  end_factor: real(0, 1),
  total_iters: int(1, 1_000_000),
  // the rest of the learner
  clip_grad_norm: real(0, 1000, { minOpen: true }),
  clip_grad_value: real(0, 1000, { minOpen: true }),
  l1: real(0, 1),
  initValue: real(-10, 10),
  batchSize: int(1, 10_000),
  evaluateEvery: int(1, 10_000),
  patience: int(0, 100_000),
  minDelta: real(0, 1000),
  jitter: real(0, 10),
  mixup: real(0, 10),
  members: int(1, 16),
} as const;

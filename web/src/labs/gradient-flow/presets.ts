// The gradient-flow lab's presets: each a failure and its cure, two networks trained side by side
// from the same seed on the same batches, with what a student should look at and the PyTorch
// that shows or fixes it. The specs are the engine's (core.d.mts LearnerSpec), nothing more.
import type { ActivationName, InitSpec, LearnerSpec, LossName } from '../../wasm/core.mjs';

export interface Side {
  /** Short name over the side's charts. */
  readonly label: string;
  readonly spec: LearnerSpec;
}

export interface Preset {
  readonly id: string;
  /** The button's text. */
  readonly title: string;
  readonly failure: Side;
  readonly cure: Side;
  /** What happens and what to look at, for students (a few sentences). */
  readonly explain: string;
  readonly pytorch: string;
}

/** Every run's data: the circle, standardised, in mini-batches of BATCH taken in order. */
export const DATA = { name: 'circle', samples: 200, noise: 0 } as const;
export const BATCH = 20;
export const SEED = 1;

function mlp(
  depth: number,
  width: number,
  activation: ActivationName,
  init: InitSpec,
  lr: number,
  loss: LossName = 'BCEWithLogitsLoss',
): LearnerSpec {
  const hidden = Array.from({ length: depth }, () => ({ units: width, activation }));
  return {
    model: { inputs: 2, layers: [...hidden, { units: 1, activation: 'Identity' }] },
    loss: { name: loss },
    optimizer: { name: 'SGD', lr },
    init,
  };
}

const exploding = mlp(6, 16, 'ReLU', { weight: 'uniform', a: -1, b: 1 }, 0.03, 'MSELoss');

export const PRESETS: readonly Preset[] = [
  {
    id: 'vanishing',
    title: 'Vanishing gradients',
    failure: {
      label: 'Deep sigmoid, default init',
      spec: mlp(6, 16, 'Sigmoid', { weight: 'default' }, 0.1),
    },
    cure: {
      label: 'Deep ReLU, He (Kaiming) init',
      spec: mlp(6, 16, 'ReLU', { weight: 'kaiming_uniform' }, 0.1),
    },
    explain:
      'Backpropagation multiplies the gradient by each layer’s weights and by the activation’s slope on its way down. ' +
      'A sigmoid’s slope is at most 0.25, so after six sigmoid layers the first layer’s gradient is thousands of times ' +
      'smaller than the last one’s: compare the bottom line of the two gradient charts, and the first layer’s update ' +
      'ratio. ReLU passes the gradient unchanged where it is active, and He initialisation keeps the signal’s size ' +
      'from layer to layer.',
    pytorch: `# per-layer gradient norms after loss.backward()
for name, p in model.named_parameters():
    if name.endswith("weight"):
        print(name, p.grad.norm().item())

# the cure: ReLU layers initialised for ReLU
for m in model.modules():
    if isinstance(m, nn.Linear):
        nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
        nn.init.zeros_(m.bias)`,
  },
  {
    id: 'symmetry',
    title: 'Zero init (symmetry)',
    failure: { label: 'All weights zero', spec: mlp(2, 8, 'Sigmoid', { weight: 'zeros' }, 0.5) },
    cure: {
      label: 'Random (Glorot) init',
      spec: mlp(2, 8, 'Sigmoid', { weight: 'xavier_uniform' }, 0.5),
    },
    explain:
      'When every weight starts at the same value, every unit of a layer computes the same output, receives the same ' +
      'gradient and makes the same update — forever. The layer behaves like a single unit however wide it is. Watch ' +
      '“distinct units” stay at 1 on the left, and open the first layer’s weights: the rows are identical to the last ' +
      'bit. Random initialisation breaks the symmetry.',
    pytorch: `# symmetry: every unit of a layer the same, forever
nn.init.zeros_(layer.weight)
nn.init.zeros_(layer.bias)

# the cure: random weights (biases may start at zero)
nn.init.xavier_uniform_(layer.weight)
nn.init.zeros_(layer.bias)`,
  },
  {
    id: 'saturation',
    title: 'Too large an init (saturation)',
    failure: {
      label: 'Tanh, weights U(−3, 3)',
      spec: mlp(4, 16, 'Tanh', { weight: 'uniform', a: -3, b: 3 }, 0.1),
    },
    cure: {
      label: 'Tanh, Glorot init',
      spec: mlp(4, 16, 'Tanh', { weight: 'xavier_uniform' }, 0.1),
    },
    explain:
      'Large weights push tanh’s inputs far from zero, where its output is stuck near −1 or +1 and its slope is almost ' +
      'zero. The histograms pile up at both ends and the saturated share stays high: those units hardly learn. ' +
      'Glorot initialisation scales the weights by the layer’s fan-in and fan-out, so the outputs spread over the ' +
      'middle of the range.',
    pytorch: `# share of saturated tanh units, from a forward hook
def saturated(module, inputs, output):
    print((output.abs() > 0.96).float().mean().item())
model[1].register_forward_hook(saturated)   # the first Tanh

nn.init.uniform_(layer.weight, -3, 3)        # too large
nn.init.xavier_uniform_(layer.weight,        # the cure
                        gain=nn.init.calculate_gain("tanh"))`,
  },
  {
    id: 'dying-relu',
    title: 'Large learning rate (dying ReLUs)',
    failure: { label: 'ReLU, lr 3', spec: mlp(3, 16, 'ReLU', { weight: 'kaiming_uniform' }, 3) },
    cure: { label: 'ReLU, lr 0.05', spec: mlp(3, 16, 'ReLU', { weight: 'kaiming_uniform' }, 0.05) },
    explain:
      'One huge step can push a ReLU unit’s bias and weights so far that its input is negative for every sample. ' +
      'Its output is then zero everywhere, its gradient is zero everywhere, and no later step can revive it: it is ' +
      'dead. With the large learning rate most units die within a few steps and the gradient norms collapse; the ' +
      'smaller rate keeps almost all of them alive.',
    pytorch: `# share of dead ReLUs on a batch: zero for every sample
acts = {}
model[1].register_forward_hook(lambda m, i, out: acts.update(relu1=out))
model(x_batch)
dead = (acts["relu1"] == 0).all(dim=0).float().mean()

optimizer = torch.optim.SGD(model.parameters(), lr=0.05)  # not lr=3`,
  },
  {
    id: 'exploding',
    title: 'Exploding gradients (clipping)',
    failure: { label: 'Deep ReLU, weights U(−1, 1)', spec: exploding },
    cure: { label: 'The same, clip_grad_norm_ 1', spec: { ...exploding, clip_grad_norm: 1 } },
    explain:
      'Weights too large for a deep ReLU network make each layer multiply the signal, so gradients grow layer after ' +
      'layer. The first steps are huge, the weights overshoot, and within a few steps the loss is no longer a finite ' +
      'number: the run has diverged. Clipping rescales the whole gradient whenever its norm exceeds 1 — the same ' +
      'gradients are measured (see the norms on the right), but each update stays small, and training recovers.',
    pytorch: `loss.backward()
# rescale all gradients together when their total norm exceeds 1
torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
optimizer.step()`,
  },
];

/** The preset a link names, or the first. */
export function presetById(id: string | null): Preset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0]!;
}

// The script's network and learner sections: nn.Sequential as the page builds it (Linear,
// activation, Linear, … with dropout after an activation), the engine's initialisation, the loss,
// the optimiser with every option (its parameter groups for no_decay_bias), the scheduler. Class
// names and keyword arguments come from the engine's catalogue, with torch's defaults filled in.
import type { CatalogueArg } from '../../scene/engine-catalogue.ts';
import { CATALOGUE, entryOf } from '../../scene/engine-catalogue.ts';
import { activationName, type Scene } from '../../scene/types.ts';
import type { LayerSpec } from '../../wasm/core.mjs';
import { pyFloat, pyNumber, pyString, pyValue } from './python.ts';

/** Every keyword argument of a catalogue entry: the scene's value, else torch's default. */
function kwargs(
  args: readonly CatalogueArg[],
  given: Record<string, unknown>,
  skip: readonly string[] = [],
): string {
  const out: string[] = [];
  for (const arg of args) {
    if (skip.includes(arg.name)) continue;
    const value = given[arg.name] ?? arg.default;
    if (value === undefined) throw new Error(`the scene gives no value for ${arg.name}`);
    const text = typeof value === 'number' && arg.range?.integer ? pyNumber(value) : pyValue(value);
    out.push(`${arg.name}=${text}`);
  }
  return out.join(', ');
}

function activationModule(layer: LayerSpec): string {
  const name = activationName(layer.activation);
  const given = typeof layer.activation === 'string' ? {} : { ...layer.activation };
  return `nn.${name}(${kwargs(entryOf(CATALOGUE.activations, name).args, given)})`;
}

function layerLines(scene: Scene): string[] {
  const lines: string[] = [];
  let inputs = scene.model.inputs;
  const last = scene.model.layers.length - 1;
  scene.model.layers.forEach((layer, i) => {
    const what = i === last ? 'output layer' : `hidden layer ${i + 1}`;
    lines.push(`        nn.Linear(${inputs}, ${layer.units}),  # ${what}: ${layer.units} units`);
    const activation = activationModule(layer);
    const p = layer.dropout ?? 0;
    if (p > 0) {
      // Its own Sequential keeps torch's names of the Linear layers (0.weight, 2.weight, …).
      lines.push(
        `        nn.Sequential(${activation}, PageDropout(${pyFloat(p)}, ${layer.units})),  # its activation, then dropout ${p}`,
      );
    } else {
      lines.push(`        ${activation},  # its activation`);
    }
    inputs = layer.units;
  });
  return lines;
}

const DROPOUT = `class PageDropout(nn.Module):
    """nn.Dropout(p) with the page's masks: element i of the batch kept when the engine's 24-bit
    uniform is >= p, and scaled by 1 / (1 - p) in float32 (torch's Dropout draws from its own
    generator, so its masks would differ)."""

    def __init__(self, p, units):
        super().__init__()
        self.p = p
        self.units = units
        self.rng = None  # the member's dropout generator (Member sets it)
        p32 = torch.tensor(p, dtype=torch.float32)
        self.threshold = p32.item() * 16777216.0  # u < p  <=>  (r >> 8) < p * 2^24
        self.scale = (1.0 / (1.0 - p32)).item()

    def forward(self, a):
        if not self.training:
            return a
        draws = (self.rng.next_u32() >> 8 for _ in range(a.numel()))
        mask = [0.0 if r < self.threshold else self.scale for r in draws]
        return a * torch.tensor(mask, dtype=torch.float32, device=a.device).reshape(a.shape)
`;

const INIT_COMMON = `def fill(tensor, draw):
    """Fills a parameter row by row with draw() (the engine's order: [out, in], row-major)."""
    values = [draw() for _ in range(tensor.numel())]
    with torch.no_grad():
        tensor.copy_(torch.tensor(values, dtype=torch.float32).reshape(tensor.shape))


def gain(activation):
    """torch.nn.init.calculate_gain for the activation after the layer; torch has none for GELU,
    SiLU, ELU or Softplus, which get ReLU's sqrt(2) (they are ReLU-like for x > 0)."""
    if isinstance(activation, nn.Sequential):
        activation = activation[0]
    if isinstance(activation, (nn.Identity, nn.Sigmoid, nn.Softmax, nn.LogSoftmax)):
        return 1.0
    if isinstance(activation, nn.Tanh):
        return 5.0 / 3.0
    if isinstance(activation, nn.LeakyReLU):
        slope = torch.tensor(activation.negative_slope, dtype=torch.float32).item()
        return math.sqrt(2.0 / (1.0 + slope * slope))
    return math.sqrt(2.0)
`;

/** The weight rule of each init scheme (bias: the scene's value), as Python statements. */
function weightRule(scene: Scene): string {
  const init = scene.init ?? {};
  const uniform = (bound: string) => `fill(w, lambda: rng.uniform(-${bound}, ${bound}))`;
  const normal = (std: string) => `fill(w, lambda: rng.normal(0.0, ${std}))`;
  switch (init.weight ?? 'default') {
    case 'default':
      return `bound = 1.0 / math.sqrt(fan_in)  # nn.Linear's own init: U(+-1/sqrt(fan_in)), bias too
            fill(w, lambda: rng.uniform(-bound, bound))
            fill(b, lambda: rng.uniform(-bound, bound))
            continue`;
    case 'zeros':
      return 'fill(w, lambda: 0.0)';
    case 'constant':
      return `fill(w, lambda: ${pyFloat(init.constant ?? 0)})`;
    case 'uniform':
      return `fill(w, lambda: rng.uniform(${pyFloat(init.a ?? 0)}, ${pyFloat(init.b ?? 1)}))`;
    case 'xavier_uniform':
      return `bound = g * math.sqrt(6.0 / (fan_in + fan_out))\n            ${uniform('bound')}`;
    case 'xavier_normal':
      return normal('g * math.sqrt(2.0 / (fan_in + fan_out))');
    case 'kaiming_uniform':
      return `bound = g * math.sqrt(3.0 / fan_in)\n            ${uniform('bound')}`;
    case 'kaiming_normal':
      return normal('g / math.sqrt(fan_in)');
  }
}

/** The network section: make_network, PageDropout, init_parameters. */
export function networkSection(scene: Scene): string {
  const init = scene.init ?? {};
  const scheme = init.weight ?? 'default';
  const biasValue = pyFloat(init.bias ?? 0);
  return `# %%
# ---- The network -----------------------------------------------------------------------
${DROPOUT}

def make_network():
    """The network panel's layers: nn.Linear, then its activation (and dropout), per layer."""
    return nn.Sequential(
${layerLines(scene).join('\n')}
    )


${INIT_COMMON}

INIT = ${pyString(scheme)}  # How it learns › Initialisation: nn.init


def init_parameters(net, rng):
    """The engine's initial parameters (core/src/nn/init.cpp), drawn from the member's generator
    layer by layer, so a run from the start is the page's run."""
    modules = list(net)
    with torch.no_grad():
        for i in range(0, len(modules), 2):
            w, b = modules[i].weight, modules[i].bias
            fan_out, fan_in = w.shape
            g = gain(modules[i + 1])
            ${weightRule(scene)}
            b.fill_(${biasValue})  # How it learns › Initialisation: the bias value
`;
}

/** The loss, optimiser and scheduler section. */
export function learnerSection(scene: Scene): string {
  const loss = entryOf(CATALOGUE.losses, scene.loss.name);
  const lossArgs = kwargs(loss.args, { ...scene.loss }, ['reduction']);
  const optimizer = entryOf(CATALOGUE.optimizers, scene.optimizer.name);
  const optimizerArgs = kwargs(optimizer.args, { ...scene.optimizer }, ['no_decay_bias']);
  const p1 = scene.loss.name === 'MultiMarginLoss' ? 'p=1, ' : '';
  const groups = scene.optimizer.no_decay_bias
    ? `    # no_decay_bias: the biases in a second parameter group, without weight decay
    weights = [p for name, p in net.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in net.named_parameters() if name.endswith("bias")]
    params = [{"params": weights}, {"params": biases, "weight_decay": 0.0}]`
    : '    params = net.parameters()';
  let scheduler = '    return None  # no learning-rate schedule';
  if (scene.scheduler) {
    const entry = entryOf(CATALOGUE.schedulers, scene.scheduler.name);
    scheduler = `    # How it learns › Learning-rate schedule, stepped once per optimiser step as on the page
    return torch.optim.lr_scheduler.${entry.name}(optimizer, ${kwargs(entry.args, { ...scene.scheduler })})`;
  }
  const option = (v: number | null | undefined) => (v ? pyFloat(v) : 'None');
  return `# %%
# ---- Loss, optimiser, schedule, regularisation -----------------------------------------------
REDUCTION = ${pyString(scene.loss.reduction ?? 'mean')}  # How it learns › Loss: reduction
TARGET = ${pyString(loss.target)}  # what ${loss.name} compares the outputs with
L1 = ${pyFloat(scene.l1 ?? 0)}  # How it learns › Regularisation: l1 (objective += L1 * sum |w| over weight matrices)
CLIP_GRAD_NORM = ${option(scene.clip_grad_norm)}  # How it learns › Gradient clipping: clip_grad_norm_ (None: off)
CLIP_GRAD_VALUE = ${option(scene.clip_grad_value)}  # How it learns › Gradient clipping: clip_grad_value_ (None: off)


def make_loss(reduction=REDUCTION):
    """How it learns › Loss; evaluation uses reduction "mean", as the page's charts."""
    return nn.${loss.name}(${p1}reduction=reduction${lossArgs ? `, ${lossArgs}` : ''})


def make_optimizer(net):
    """How it learns › Optimiser with every option (torch's defaults written out), and Regularisation's
    weight_decay and no_decay_bias."""
${groups}
    return torch.optim.${optimizer.name}(params, ${optimizerArgs})


def make_scheduler(optimizer):
${scheduler}
`;
}

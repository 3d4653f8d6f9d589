// The script's augmentation section (only when the scene augments): the engine's jitter and mixup
// (core/src/train/augmentation.cpp) with its own generator, so the noise, λ and partners are the
// page's.
import type { Scene } from '../../scene/types.ts';
import { pyFloat } from './python.ts';

/** True when the scene's training batches are augmented. */
export function augments(scene: Scene): boolean {
  const a = scene.training.augmentation;
  return (a?.jitter ?? 0) > 0 || (a?.mixup ?? 0) > 0;
}

export function augmentationSection(scene: Scene): string {
  const a = scene.training.augmentation ?? {};
  const soft = scene.loss.name === 'CrossEntropyLoss';
  return `# %%
# ---- Augmentation ----------------------------------------------------------------------------
JITTER = ${pyFloat(a.jitter ?? 0)}  # How it learns › Augmentation: jitter σ (std of Gaussian input noise)
MIXUP = ${pyFloat(a.mixup ?? 0)}  # How it learns › Augmentation: mixup α (lambda ~ Beta(α, α))
SOFT_CLASSES = ${soft ? 'True' : 'False'}  # mixed class indices become probability rows (CrossEntropyLoss)


def gamma_sample(a, rng):
    """Marsaglia and Tsang's Gamma(a, 1), as the engine draws it."""
    if a < 1.0:
        return gamma_sample(a + 1.0, rng) * math.pow(rng.uniform(), 1.0 / a)
    d = a - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        x = rng.normal()
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        u = rng.uniform()
        if u < 1.0 - 0.0331 * x * x * x * x or math.log(u) < 0.5 * x * x + d * (1.0 - v + math.log(v)):
            return d * v


def beta_sample(a, b, rng):
    ga, gb = gamma_sample(a, rng), gamma_sample(b, rng)
    return ga / (ga + gb) if ga + gb > 0.0 else 0.5


def f32(value):
    return torch.tensor(value, dtype=torch.float32).item()


class Augmentation:
    """Jitter (x + N(0, JITTER^2) per input), then mixup: one lambda per batch, each row mixed with
    the row a shuffle of the batch puts beside it."""

    def __init__(self, classes):
        self.rng = Pcg32(SEED, AUGMENT_STREAM)
        self.classes = classes

    def __call__(self, x, y):
        n = x.shape[0]
        if JITTER > 0:
            jitter = f32(JITTER)
            noise = [f32(self.rng.normal(0.0, jitter)) for _ in range(x.numel())]
            x = x + torch.tensor(noise, dtype=torch.float32, device=x.device).reshape(x.shape)
        if MIXUP <= 0 or n < 2:
            return x, y
        alpha = f32(MIXUP)
        lam = f32(beta_sample(alpha, alpha, self.rng))
        partner = list(range(n))
        for i in range(n, 1, -1):
            j = self.rng.below(i)
            partner[i - 1], partner[j] = partner[j], partner[i - 1]
        p = torch.tensor(partner, device=x.device)
        x = lam * x + (1.0 - lam) * x[p]
        if SOFT_CLASSES and TARGET == "index":
            rows = torch.arange(n, device=x.device)
            soft = torch.zeros(n, self.classes, device=x.device)
            soft[rows, y] += lam
            soft[rows, y[p]] += 1.0 - lam
            return x, soft
        return x, lam * y + (1.0 - lam) * y[p]
`;
}

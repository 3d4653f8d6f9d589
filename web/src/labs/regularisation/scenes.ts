// The regularisation lab's variants: one small, noisy two-moons dataset and one big network,
// trained from the same seed with one regulariser each (or none). Every variant is a whole
// scene, so the engine trains it exactly as the playground would, and the tests train the same
// scenes headless to check the lab's numbers.
import { SCENE_FORMAT, type GeneratedScene, type Scene } from '../../scene/index.ts';

/** The lab's settings (in the link: noise, units, epochs). */
export interface RegularisationSettings {
  /** The generator's noise, 0 … 0.5: more noise, more points on the wrong side. */
  noise: number;
  /** Units in each of the three hidden layers. */
  units: number;
  epochs: number;
}

export const DEFAULT_SETTINGS: RegularisationSettings = { noise: 0.35, units: 64, epochs: 300 };
export const UNIT_CHOICES = [8, 32, 64, 128] as const;
export const EPOCH_RANGE = { min: 20, max: 2000 } as const;
export const NOISE_RANGE = { min: 0, max: 0.5 } as const;

/** One variant: what it changes in the baseline scene, and the PyTorch line that does it. */
export interface RegularisationVariant {
  id: string;
  title: string;
  /** What to look for, for students (one sentence). */
  look: string;
  /** The PyTorch that differs from the baseline's. */
  pytorch: string;
  scene: Scene;
}

/** The baseline: 60 training points (and 60 for validation, 280 for the test) of noisy moons,
 *  three hidden ReLU layers, Adam, mini-batches of 16 — far more capacity than 60 points need. */
export function baselineScene(settings: RegularisationSettings): GeneratedScene {
  const hidden = { units: settings.units, activation: 'ReLU' } as const;
  return {
    format: SCENE_FORMAT,
    seed: 7,
    data: {
      name: 'moons',
      samples: 400,
      noise: settings.noise,
      trainFraction: 0.15,
      validationFraction: 0.15,
    },
    model: {
      inputs: 2,
      layers: [hidden, hidden, hidden, { units: 2, activation: 'Identity' }],
    },
    loss: { name: 'CrossEntropyLoss' },
    optimizer: { name: 'Adam', lr: 0.01 },
    training: { batchSize: 16 },
  };
}

function variant(
  base: GeneratedScene,
  id: string,
  title: string,
  look: string,
  pytorch: string,
  change: (scene: GeneratedScene) => void,
): RegularisationVariant {
  const scene = structuredClone(base);
  change(scene);
  return { id, title, look, pytorch, scene };
}

/** Every variant, the unregularised baseline first. */
export function regularisationVariants(settings: RegularisationSettings): RegularisationVariant[] {
  const base = baselineScene(settings);
  const dropout = (scene: GeneratedScene) => {
    for (const layer of scene.model.layers.slice(0, -1)) layer.dropout = 0.3;
  };
  return [
    variant(
      base,
      'none',
      'No regularisation',
      'The boundary bends around single noisy points; training loss falls while validation loss climbs.',
      'optimizer = torch.optim.Adam(model.parameters(), lr=0.01)',
      () => undefined,
    ),
    variant(
      base,
      'l2',
      'L2 penalty (Adam, weight_decay)',
      'λ·w is added to every gradient, so Adam rescales the penalty with it: large weights are pulled back, most where gradients are small.',
      'optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.01)',
      (scene) => {
        scene.optimizer.weight_decay = 0.01;
      },
    ),
    variant(
      base,
      'adamw',
      'Decoupled weight decay (AdamW)',
      'Every step shrinks each weight by lr·λ = 1 %, apart from the gradient\u2019s update: only weights the data keeps asking for stay large.',
      'optimizer = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=1.0)',
      (scene) => {
        // lr·λ = 1 % a step: the weights forget what the gradient stops renewing.
        scene.optimizer = { name: 'AdamW', lr: 0.01, weight_decay: 1 };
      },
    ),
    variant(
      base,
      'dropout',
      'Dropout (p = 0.3)',
      'Each step trains a random thinned network, so no unit can rely on another; the whole network\u2019s validation loss stays lower.',
      'nn.Sequential(nn.Linear(2, h), nn.ReLU(), nn.Dropout(0.3), …)  # model.train() / model.eval()',
      dropout,
    ),
    variant(
      base,
      'early',
      'Early stopping (patience 30)',
      'Training stops once validation loss has not improved for 30 epochs, and the weights of the best epoch (the grey line) come back.',
      'if val_loss < best: best, best_state = val_loss, copy.deepcopy(model.state_dict())\n' +
        'elif epoch - best_epoch >= 30: model.load_state_dict(best_state); break',
      (scene) => {
        scene.training.earlyStopping = { patience: 30, restoreBest: true };
      },
    ),
    variant(
      base,
      'jitter',
      'Augmentation: jitter',
      'Each epoch sees the points moved by a little Gaussian noise, so no single point can be memorised.',
      'x = x + 0.3 * torch.randn_like(x)  # training batches only',
      (scene) => {
        scene.training.augmentation = { jitter: 0.3 };
      },
    ),
    variant(
      base,
      'mixup',
      'Augmentation: mixup',
      'Training on blends of two points and their labels makes the boundary a gentle slope.',
      'lam = np.random.beta(0.4, 0.4); i = torch.randperm(len(x))\n' +
        'x, y = lam * x + (1 - lam) * x[i], lam * y + (1 - lam) * y[i]  # y one-hot',
      (scene) => {
        scene.training.augmentation = { mixup: 0.4 };
      },
    ),
    variant(
      base,
      'smoothing',
      'Label smoothing (0.2)',
      'Targets of 0.9 / 0.1 instead of 1 / 0: the network stops pushing its confidence ever higher.',
      'loss_fn = nn.CrossEntropyLoss(label_smoothing=0.2)',
      (scene) => {
        scene.loss = { name: 'CrossEntropyLoss', label_smoothing: 0.2 };
      },
    ),
    variant(
      base,
      'ensemble',
      'Ensemble of five',
      'Five networks from different seeds each overfit differently; their average is calmer than any one.',
      'models = [make_model() for _ in range(5)]  # each trained as above\n' +
        'p = torch.stack([m(x).softmax(1) for m in models]).mean(0)',
      (scene) => {
        scene.training.ensemble = { members: 5 };
      },
    ),
  ];
}

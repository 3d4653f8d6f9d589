// The script's data section: the scene's generator (generators.ts) or its rows written into the
// script, the engine's split (core/src/data/datasets.cpp), the input features and the
// standardisation (InputPipeline), and the targets as the loss takes them.
import { SUPPLIED, type Scene } from '../../scene/types.ts';
import { generatorSource } from './generators.ts';
import { pyBool, pyFloat, pyNumber, pyString } from './python.ts';

/** Rows for a scene whose data is supplied (a shipped dataset's or a CSV's): the engine's shape. */
export interface ExportRows {
  features: number;
  classes: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  test?: { x: ArrayLike<number>; y: ArrayLike<number> };
}

/** The rows of a scene on supplied data: its own, else `rows`; throws when it has neither. */
export function suppliedRows(scene: Scene, rows?: ExportRows): ExportRows {
  const own = scene.data.name === SUPPLIED ? (scene.data.rows ?? rows) : undefined;
  if (!own) {
    throw new Error(
      "the scene's data is supplied rows the export was not given: pass the rows (ExportRows)",
    );
  }
  return own;
}

/** The data constants of the scene section, each with the control it comes from. */
export function dataConstants(scene: Scene): string[] {
  const d = scene.data;
  const lines: string[] = [];
  if (d.name !== SUPPLIED) {
    lines.push(
      `DATASET = ${pyString(d.name)}  # Data panel: dataset`,
      `SAMPLES = ${d.samples}  # Data panel: samples`,
      `NOISE = ${pyFloat(d.noise)}  # Data panel: noise`,
      `CLASSES = ${d.classes ?? 2}  # Data panel: classes (blobs and spirals)`,
    );
  } else {
    const what = d.dataset ?? d.rows?.source ?? 'rows given to the page';
    lines.push(`DATASET = ${pyString(what)}  # Data panel: your own data / a real dataset`);
  }
  lines.push(
    `TRAIN_FRACTION = ${pyFloat(d.trainFraction)}  # Data panel: Split, training`,
    `VALIDATION_FRACTION = ${pyFloat(d.validationFraction ?? 0)}  # Data panel: Split, validation`,
    `FEATURES = [${(d.features ?? []).map(pyString).join(', ')}]  # Data panel: input features ([]: the raw inputs)`,
    `STANDARDIZE = ${pyBool(d.standardize ?? false)}  # Data panel: standardise inputs`,
    `SIGNED_LABELS = ${pyBool(d.signedLabels ?? false)}  # Data panel: labels -1 and +1`,
  );
  return lines;
}

function rowsLiteral(
  name: string,
  features: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): string {
  const count = y.length;
  if (x.length !== count * features) {
    throw new Error(`${name}: ${x.length} inputs for ${count} rows of ${features} features`);
  }
  const lines: string[] = [];
  for (let r = 0; r < count; r++) {
    const row = Array.from({ length: features }, (_, f) => x[r * features + f]!);
    lines.push(`    (${[...row, y[r]!].map(pyNumber).join(', ')}),`);
  }
  return `${name} = [\n${lines.join('\n')}\n]`;
}

const SPLIT = `def split_rows(count, rng, train_fraction, validation_fraction):
    """The engine's split: a Fisher-Yates shuffle of the rows, then training, validation, test."""
    order = list(range(count))
    for i in range(count, 1, -1):
        j = rng.below(i)
        order[i - 1], order[j] = order[j], order[i - 1]
    n_train = math.floor(count * train_fraction + 1e-9)
    n_validation = math.floor(count * validation_fraction + 1e-9)
    return order[:n_train], order[n_train:n_train + n_validation], order[n_train + n_validation:]
`;

function generatedLoader(generator: string): string {
  return `def load_data():
    """The raw rows of each split, and the generator member 0's batch order continues from."""
    rng = Pcg32(SEED)
    rows = make_${generator}(SAMPLES, NOISE, CLASSES, rng)
    train, validation, test = split_rows(len(rows), rng, TRAIN_FRACTION, VALIDATION_FRACTION)
    pick = lambda indices: [rows[i] for i in indices]
    return pick(train), pick(validation), pick(test), rng
`;
}

const SUPPLIED_LOADER = `def load_data():
    """The raw rows of each split, and the generator of member 0's batch order (a fresh one: the
    split of supplied rows draws from its own)."""
    if TEST_ROWS is None:
        train, validation, test = split_rows(len(ROWS), Pcg32(SEED), TRAIN_FRACTION, VALIDATION_FRACTION)
        pick = lambda indices: [ROWS[i] for i in indices]
        return pick(train), pick(validation), pick(test), Pcg32(SEED)
    if VALIDATION_FRACTION > 0:  # a separate test set: the rows give training and validation
        train, _, validation = split_rows(len(ROWS), Pcg32(SEED), 1.0 - VALIDATION_FRACTION, 0.0)
        return [ROWS[i] for i in train], [ROWS[i] for i in validation], TEST_ROWS, Pcg32(SEED)
    return list(ROWS), [], TEST_ROWS, Pcg32(SEED)
`;

const PIPELINE = `FEATURE_FUNCTIONS = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: torch.sin(x1),
    "sin(x2)": lambda x1, x2: torch.sin(x2),
}


def tensors(rows):
    """Rows (inputs..., target) as float32 inputs [n, RAW_FEATURES] and targets [n]."""
    x = torch.tensor([row[:-1] for row in rows], dtype=torch.float32).reshape(len(rows), RAW_FEATURES)
    y = torch.tensor([row[-1] for row in rows], dtype=torch.float32)
    return x, y


def with_features(x):
    """TF Playground's input features of 2-D points (FEATURES), else the raw inputs."""
    if not FEATURES:
        return x
    return torch.stack([FEATURE_FUNCTIONS[f](x[:, 0], x[:, 1]) for f in FEATURES], dim=1)


def fit_standardizer(x):
    """Each input's mean and population standard deviation over the training rows, summed in
    double in row order as the engine does; a constant input keeps std 1."""
    n, columns = x.shape
    mean = torch.zeros(columns)
    std = torch.ones(columns)
    if not STANDARDIZE or n == 0:
        return mean, std
    values = x.double().tolist()
    for j in range(columns):
        s = ss = 0.0
        for row in values:
            s += row[j]
            ss += row[j] * row[j]
        m = s / n
        var = max(ss / n - m * m, 0.0)
        mean[j] = m
        std[j] = math.sqrt(var) if var > 1e-12 else 1.0
    return mean, std


def targets(y):
    """The targets as the loss takes them: class indices, or one value per row."""
    if TARGET == "index":
        return y.long()
    if SIGNED_LABELS:  # classes 0 and 1 become -1 and +1
        y = 2.0 * y - 1.0
    return y.unsqueeze(1)


class Split:
    """One split's network inputs and targets, on DEVICE."""

    def __init__(self, rows, mean, std):
        x, y = tensors(rows)
        self.x = ((with_features(x) - mean) / std).to(DEVICE)
        self.y = targets(y).to(DEVICE)
        self.size = len(rows)
`;

/** The data section: the rows (generated or written in), the split, features, standardisation. */
export function dataSection(scene: Scene, rows?: ExportRows): string {
  const d = scene.data;
  const parts = [
    '# %%\n# ---- The data --------------------------------------------------------------------------',
  ];
  if (d.name === SUPPLIED) {
    const own = suppliedRows(scene, rows);
    parts.push(
      `# The page's rows (${d.dataset ?? d.rows?.source ?? 'supplied'}), written in: inputs..., target.`,
      `RAW_FEATURES = ${own.features}`,
      rowsLiteral('ROWS', own.features, own.x, own.y),
      own.test
        ? rowsLiteral('TEST_ROWS', own.features, own.test.x, own.test.y)
        : 'TEST_ROWS = None',
      '',
      SPLIT,
      SUPPLIED_LOADER,
    );
  } else {
    const oneD = d.name === 'sine' || d.name === 'polynomial';
    parts.push(
      "# The engine's generator, in Python (core/src/data/generators.cpp): the same draws.",
      `RAW_FEATURES = ${oneD ? 1 : 2}`,
      generatorSource(d.name),
      SPLIT,
      generatedLoader(d.name),
    );
  }
  parts.push(PIPELINE);
  return `${parts.join('\n')}\n`;
}

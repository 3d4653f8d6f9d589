// The script's data section: the scene's generator (generators.ts) or its rows written into the
// script, the engine's split (core/src/data/datasets.cpp), the input features and the
// standardisation (InputPipeline), and the targets as the loss takes them.
import { SHIPPED_CATALOGUE, type ShippedDataset } from '../../scene/datasets.ts';
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

/** Where a supplied scene's rows come from: its own or given rows (written into the script), or
 *  a shipped dataset's files (read by the script). Throws when it has neither. */
export function suppliedSource(
  scene: Scene,
  rows?: ExportRows,
): { rows: ExportRows } | { shipped: ShippedDataset } {
  const d = scene.data;
  const own = d.name === SUPPLIED ? (d.rows ?? rows) : undefined;
  if (own) return { rows: own };
  if (d.name === SUPPLIED && d.dataset) return { shipped: d.dataset };
  throw new Error(
    "the scene's data is supplied rows the export was not given: pass the rows (ExportRows)",
  );
}

/** The classes of a supplied scene's rows (0: a regression). */
export function suppliedClasses(scene: Scene, rows?: ExportRows): number {
  const source = suppliedSource(scene, rows);
  return 'rows' in source ? source.rows.classes : SHIPPED_CATALOGUE[source.shipped].shape.classes;
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

const SPLIT = `def stratified_counts(counts, sizes):
    """The rows of each class each set (training, validation, test) gets: the engine's rule
    (core/src/data/datasets.cpp stratified_counts), step for step."""
    n = sum(counts)
    present = sum(1 for c in counts if c > 0)
    a = [[0, 0, 0] for _ in counts]
    left = list(counts)
    room = list(sizes)

    def share(c, k):
        return float(counts[c]) * float(sizes[k]) / float(n)

    def give(c, k, rows):
        a[c][k] += rows
        left[c] -= rows
        room[k] -= rows

    for k in range(3):  # one row of every class to every set with room for one of each
        if sizes[k] > 0 and sizes[k] >= present:
            for c in range(len(counts)):
                if left[c] > 0:
                    give(c, k, 1)
    for c in range(len(counts)):  # each class up to the floor of its share
        for k in range(3):
            give(c, k, max(0, min(math.floor(share(c, k)) - a[c][k], left[c], room[k])))
    for c in range(len(counts)):  # the rest to the sets with the most room (Ryser's construction)
        while left[c] > 0:
            for k in sorted(range(3), key=lambda k: (-room[k], -(share(c, k) - a[c][k]), k)):
                if left[c] > 0 and room[k] > 0:
                    give(c, k, 1)
    return a


def split_rows(y, rng, train_fraction, validation_fraction):
    """The engine's split: a Fisher-Yates shuffle of the rows, then training, validation, test;
    classification rows stratified by class (each set its share of every class, in shuffled order)."""
    count = len(y)
    order = list(range(count))
    for i in range(count, 1, -1):
        j = rng.below(i)
        order[i - 1], order[j] = order[j], order[i - 1]
    n_train = math.floor(count * train_fraction + 1e-9)
    n_validation = math.floor(count * validation_fraction + 1e-9)
    if not CLASSIFICATION:
        return order[:n_train], order[n_train:n_train + n_validation], order[n_train + n_validation:]
    labels = y.long().tolist()
    counts = [0] * (max(labels) + 1)
    for label in labels:
        counts[label] += 1
    quota = stratified_counts(counts, [n_train, n_validation, count - n_train - n_validation])
    sets = ([], [], [])
    for row in order:
        q = quota[labels[row]]
        k = 0 if q[0] > 0 else 1 if q[1] > 0 else 2
        q[k] -= 1
        sets[k].append(row)
    return sets


def split_sets(x, y, rng, train_fraction, validation_fraction):
    """(inputs, targets) of the training, validation and test rows."""
    sets = split_rows(y, rng, train_fraction, validation_fraction)
    return tuple((x[rows], y[rows]) for rows in (torch.tensor(s, dtype=torch.long) for s in sets))
`;

function generatedLoader(generator: string): string {
  return `def load_data():
    """The training, validation and test sets as (inputs, targets) tensors, and the generator
    member 0's batch order continues from."""
    rng = Pcg32(SEED)
    x, y = tensors(make_${generator}(SAMPLES, NOISE, CLASSES, rng))
    return split_sets(x, y, rng, TRAIN_FRACTION, VALIDATION_FRACTION), rng
`;
}

/** Loads supplied rows: the split, or a separate test set (core/src/train/trainer.cpp). */
const SUPPLIED_LOADER = `def load_data():
    """The training, validation and test sets as (inputs, targets) tensors, and the generator of
    member 0's batch order (a fresh one: the split of supplied rows draws from its own)."""
    x, y, test = supplied_rows()
    if test is None:
        return split_sets(x, y, Pcg32(SEED), TRAIN_FRACTION, VALIDATION_FRACTION), Pcg32(SEED)
    if VALIDATION_FRACTION > 0:  # a separate test set: the rows give training and validation
        train, _, validation = split_sets(x, y, Pcg32(SEED), 1.0 - VALIDATION_FRACTION, 0.0)
        return (train, validation, test), Pcg32(SEED)
    return ((x, y), (x[:0], y[:0]), test), Pcg32(SEED)
`;

/** The rows written into the script. */
const ROWS_SOURCE = `def supplied_rows():
    """The rows (inputs, targets) and the separate test set, if any."""
    return (*tensors(ROWS), tensors(TEST_ROWS) if TEST_ROWS is not None else None)
`;

/** A shipped dataset's rows, read from its .nnpd files (docs/datasets.md). */
function nnpdSource(files: { data: string; test?: string }): string {
  return `import os
import struct

# The shipped dataset's files, as the page serves them beside itself (./data/${files.data}${files.test ? ` and ./data/${files.test}` : ''}):
# download them next to this script, or pass their folder with --data-dir.
DATA_FILE = ${pyString(files.data)}
TEST_FILE = ${files.test ? pyString(files.test) : 'None'}
DATA_DIR = os.path.dirname(os.path.abspath(__file__)) if "__file__" in globals() else "."


def read_nnpd(path):
    """A .nnpd file (docs/datasets.md, version 1): float32 inputs [rows, features] (stored value
    times the header's scale, in float32) and the class labels [rows]."""
    if not os.path.exists(path):
        raise SystemExit(f"{path}: not found; save the page's data/{os.path.basename(path)} beside this "
                         "script, or pass its folder with --data-dir")
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"NNPD":
        raise SystemExit(f"{path}: not an .nnpd file (it does not start with NNPD)")
    version, encoding, count, features, classes = struct.unpack_from("<HHIII", data, 4)
    if version != 1:
        raise SystemExit(f"{path}: format version {version} is not supported (this reader reads 1)")
    scale = torch.tensor(struct.unpack_from("<f", data, 20)[0], dtype=torch.float32)
    size = count * features * (4 if encoding == 0 else 1)
    stored = torch.frombuffer(bytearray(data[32:32 + size]), dtype=torch.float32 if encoding == 0 else torch.uint8)
    x = (stored.float() * scale).reshape(count, features)
    y = torch.tensor(list(data[32 + size:32 + size + count]), dtype=torch.float32)
    return x, y


def supplied_rows():
    """The rows (inputs, targets) and the separate test set, if any, from the .nnpd files."""
    x, y = read_nnpd(os.path.join(DATA_DIR, DATA_FILE))
    return x, y, read_nnpd(os.path.join(DATA_DIR, TEST_FILE)) if TEST_FILE else None
`;
}

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
    """Rows (inputs..., target) as float32 inputs [n, features] and targets [n]."""
    features = len(rows[0]) - 1 if rows else 0
    x = torch.tensor([row[:-1] for row in rows], dtype=torch.float32).reshape(len(rows), features)
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
    x64 = x.double()
    s = x64.cumsum(0)[-1]  # cumsum: a running sum, row after row
    ss = (x64 * x64).cumsum(0)[-1]
    m = s / n
    var = (ss / n - m * m).clamp(min=0.0)
    return m.float(), torch.where(var > 1e-12, var.sqrt(), torch.ones_like(var)).float()


def targets(y):
    """The targets as the loss takes them: class indices, or one value per row."""
    if TARGET == "index":
        return y.long()
    if SIGNED_LABELS:  # classes 0 and 1 become -1 and +1
        y = 2.0 * y - 1.0
    return y.unsqueeze(1)


class Split:
    """One split's network inputs and targets, on DEVICE."""

    def __init__(self, x, y, mean, std):
        self.x = ((with_features(x) - mean) / std).to(DEVICE)
        self.y = targets(y).to(DEVICE)
        self.size = len(y)
`;

/** The data section: the rows (generated or written in), the split, features, standardisation. */
export function dataSection(scene: Scene, rows?: ExportRows): string {
  const d = scene.data;
  const parts = [
    '# %%\n# ---- The data --------------------------------------------------------------------------',
  ];
  if (d.name === SUPPLIED) {
    const source = suppliedSource(scene, rows);
    if ('rows' in source) {
      const own = source.rows;
      parts.push(
        `# The page's rows (${d.dataset ?? d.rows?.source ?? 'supplied'}), written in: inputs..., target.`,
        rowsLiteral('ROWS', own.features, own.x, own.y),
        own.test
          ? rowsLiteral('TEST_ROWS', own.features, own.test.x, own.test.y)
          : 'TEST_ROWS = None',
        '',
        ROWS_SOURCE,
      );
    } else {
      parts.push(nnpdSource(SHIPPED_CATALOGUE[source.shipped].files));
    }
    parts.push(SPLIT, SUPPLIED_LOADER);
  } else {
    parts.push(
      "# The engine's generator, in Python (core/src/data/generators.cpp): the same draws.",
      generatorSource(d.name),
      SPLIT,
      generatedLoader(d.name),
    );
  }
  parts.push(PIPELINE);
  return `${parts.join('\n')}\n`;
}

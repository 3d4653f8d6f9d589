// The engine's generators (core/src/data/generators.cpp) in Python, line for line: the same draws
// in the same order, computed in double and stored as float32 by torch.tensor. Only the scene's
// generator goes into a script. Each returns a list of rows (inputs…, target).
import type { DatasetName } from '../../wasm/core.mjs';

const HELPERS = `PI = 3.141592653589793
TWO_PI = 6.283185307179586


def share(n, k, c):
    """Points of class c when n points are shared among k classes: the first n % k get one more."""
    return n // k + (1 if c < n % k else 0)


def dist(ax, ay, bx, by):
    dx, dy = ax - bx, ay - by
    return math.sqrt(dx * dx + dy * dy)
`;

const TF_NORMAL = `

def tf_normal_random(rng, mean, variance):
    """TF Playground's normalRandom: Marsaglia's polar method; the second argument is a variance."""
    while True:
        v1 = 2 * rng.uniform() - 1
        v2 = 2 * rng.uniform() - 1
        s = v1 * v1 + v2 * v2
        if not (s > 1 or s == 0):
            break
    return mean + math.sqrt(variance) * (math.sqrt(-2 * math.log(s) / s) * v1)
`;

const BODIES: Record<DatasetName, string> = {
  circle: `def make_circle(samples, noise, classes, rng):
    """A disc of class 1 inside a ring of class 0; the label read at a noisy copy of the point."""
    radius = 5.0
    rows = []

    def generate(count, r_min, r_max):
        for _ in range(count):
            r = rng.uniform(r_min, r_max)
            angle = rng.uniform(0.0, TWO_PI)
            x = r * math.sin(angle)
            y = r * math.cos(angle)
            nx = x + rng.uniform(-radius, radius) * noise
            ny = y + rng.uniform(-radius, radius) * noise
            rows.append((x, y, 1.0 if dist(nx, ny, 0.0, 0.0) < radius * 0.5 else 0.0))

    generate(share(samples, 2, 0), 0.0, radius * 0.5)
    generate(share(samples, 2, 1), radius * 0.7, radius)
    return rows
`,
  xor: `def make_xor(samples, noise, classes, rng):
    """Label 1 where x * y >= 0 (at a noisy copy of the point); points kept 0.3 off the axes."""
    padding = 0.3
    rows = []
    for _ in range(samples):
        x = rng.uniform(-5.0, 5.0)
        x += padding if x > 0 else -padding
        y = rng.uniform(-5.0, 5.0)
        y += padding if y > 0 else -padding
        noise_x = rng.uniform(-5.0, 5.0) * noise
        noise_y = rng.uniform(-5.0, 5.0) * noise
        rows.append((x, y, 1.0 if (x + noise_x) * (y + noise_y) >= 0 else 0.0))
    return rows
`,
  gauss: `def make_gauss(samples, noise, classes, rng):
    """Class 1 around (2, 2), then class 0 around (-2, -2)."""
    variance = 0.5 + (4.0 - 0.5) * (noise / 0.5)
    rows = []
    for count, cx, cy, label in ((share(samples, 2, 0), 2.0, 2.0, 1.0),
                                 (share(samples, 2, 1), -2.0, -2.0, 0.0)):
        for _ in range(count):
            x = tf_normal_random(rng, cx, variance)
            y = tf_normal_random(rng, cy, variance)
            rows.append((x, y, label))
    return rows
`,
  spiral: `def make_spiral(samples, noise, classes, rng):
    """Two spiral arms: class 1 (deltaT 0), then class 0 (deltaT pi)."""
    n = samples / 2.0
    rows = []
    for count, delta_t, label in ((share(samples, 2, 0), 0.0, 1.0), (share(samples, 2, 1), PI, 0.0)):
        for i in range(count):
            r = i / n * 5
            t = 1.75 * i / n * 2 * PI + delta_t
            x = r * math.sin(t) + rng.uniform(-1.0, 1.0) * noise
            y = r * math.cos(t) + rng.uniform(-1.0, 1.0) * noise
            rows.append((x, y, label))
    return rows
`,
  moons: `def make_moons(samples, noise, classes, rng):
    """scikit-learn's make_moons with a random angle, centred and scaled to x in [-5, 5]."""
    scale = 10.0 / 3.0
    sigma = 2.0 * noise
    rows = []
    for c in range(2):
        count = samples // 2 if c == 0 else samples - samples // 2
        for _ in range(count):
            t = rng.uniform(0.0, PI)
            u = math.cos(t) if c == 0 else 1 - math.cos(t)
            v = math.sin(t) if c == 0 else 0.5 - math.sin(t)
            x = scale * (u - 0.5) + rng.normal(0.0, sigma)
            y = scale * (v - 0.25) + rng.normal(0.0, sigma)
            rows.append((x, y, float(c)))
    return rows
`,
  blobs: `def make_blobs(samples, noise, classes, rng):
    """k Gaussian clusters around a circle of radius 3.5, one class each."""
    radius = 3.5
    sigma = 0.5 + 1.5 * noise
    rows = []
    for c in range(classes):
        angle = PI / 4 + TWO_PI * c / classes
        cx = radius * math.cos(angle)
        cy = radius * math.sin(angle)
        for _ in range(share(samples, classes, c)):
            x = rng.normal(cx, sigma)
            y = rng.normal(cy, sigma)
            rows.append((x, y, float(c)))
    return rows
`,
  spirals: `def make_spirals(samples, noise, classes, rng):
    """k interleaved spiral arms, one class each."""
    m = float(samples) / classes
    rows = []
    for a in range(classes):
        delta_t = TWO_PI * a / classes
        for i in range(share(samples, classes, a)):
            r = i / m * 5
            t = 1.75 * i / m * 2 * PI + delta_t
            x = r * math.sin(t) + rng.uniform(-1.0, 1.0) * noise
            y = r * math.cos(t) + rng.uniform(-1.0, 1.0) * noise
            rows.append((x, y, float(a)))
    return rows
`,
  checkerboard: `def make_checkerboard(samples, noise, classes, rng):
    """A 4x4 board of 3x3 squares over [-6, 6]^2; class 1 where column + row is even."""
    side = 3.0
    rows = []
    for c in (1, 0):
        for _ in range(share(samples, 2, 1 - c)):
            col = rng.below(4)
            row = 2 * rng.below(2) + ((col + 1 - c) & 1)
            fx = rng.uniform(0.0, side)
            fy = rng.uniform(0.0, side)
            noise_x = rng.uniform(-side, side) * noise
            noise_y = rng.uniform(-side, side) * noise
            noisy_col = col + math.floor((fx + noise_x) / side)
            noisy_row = row + math.floor((fy + noise_y) / side)
            label = 1.0 if (noisy_col + noisy_row) & 1 == 0 else 0.0
            rows.append((-6.0 + side * col + fx, -6.0 + side * row + fy, label))
    return rows
`,
  plane: `def make_plane(samples, noise, classes, rng):
    """A tilted plane: the target is (x + y) / 10 at a noisy copy of the point."""
    radius = 6.0
    rows = []
    for _ in range(samples):
        x = rng.uniform(-radius, radius)
        y = rng.uniform(-radius, radius)
        noise_x = rng.uniform(-radius, radius) * noise
        noise_y = rng.uniform(-radius, radius) * noise
        rows.append((x, y, ((x + noise_x) + (y + noise_y)) / 10))
    return rows
`,
  multigauss: `def make_multigauss(samples, noise, classes, rng):
    """Six cone-shaped bumps of either sign; the value largest in magnitude wins."""
    bumps = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))

    def label_at(x, y):
        label = 0
        for cx, cy, sign in bumps:
            t = dist(x, y, cx, cy) / 2
            new_label = sign * (1 - (1 if t > 1 else t))
            if abs(new_label) > abs(label):
                label = new_label
        return label

    radius = 6.0
    rows = []
    for _ in range(samples):
        x = rng.uniform(-radius, radius)
        y = rng.uniform(-radius, radius)
        noise_x = rng.uniform(-radius, radius) * noise
        noise_y = rng.uniform(-radius, radius) * noise
        rows.append((x, y, float(label_at(x + noise_x, y + noise_y))))
    return rows
`,
  sine: `def make_sine(samples, noise, classes, rng):
    """y = sin(x) + N(0, noise^2) for x in U(-6, 6)."""
    rows = []
    for _ in range(samples):
        x = rng.uniform(-6.0, 6.0)
        rows.append((x, math.sin(x) + rng.normal(0.0, noise)))
    return rows
`,
  polynomial: `def make_polynomial(samples, noise, classes, rng):
    """y = (x^3 - 27x) / 54 + N(0, noise^2) for x in U(-6, 6)."""
    rows = []
    for _ in range(samples):
        x = rng.uniform(-6.0, 6.0)
        rows.append((x, (x * x * x - 27 * x) / 54 + rng.normal(0.0, noise)))
    return rows
`,
};

/** The Python source of generator `name` (with the helpers it uses). */
export function generatorSource(name: DatasetName): string {
  if (!Object.hasOwn(BODIES, name)) throw new Error(`no Python port of the generator '${name}'`);
  return `${HELPERS}${name === 'gauss' ? TF_NORMAL : ''}\n\n${BODIES[name]}`;
}

// Synthetic datasets. The TF Playground six follow its src/dataset.ts line by line: the same
// distributions, formulas and order of draws, with Math.random() replaced by rng.uniform() (both
// uniform on [0, 1)). Everything is computed in double and stored as float.
//
// Odd sample counts. TF loops `for (i = 0; i < numSamples / 2; i++)` once per class in JavaScript,
// where numSamples / 2 is a float division, so an odd count gives each half ceil(n/2) points and
// n + 1 in all. Our make_* functions return exactly `samples` points: the first half (TF's first
// class) gets ceil(n/2) points and the second floor(n/2), i.e. TF's sequence of points with its last
// point (and that point's draws) left off. Even counts — TF's UI only ever asks for 500 — are
// TF's exactly. Checkerboard does the same (class 1 first); moons follows sklearn (n // 2 points
// for class 0, the rest for class 1); blobs and spirals give the first n % k classes one more.
// So generate() returns spec.samples points, and every generator that draws points per class is
// balanced to within one point. xor cannot be: TF draws its points uniformly and labels them by
// position, so its balance holds in expectation only. Label noise (circle, xor, checkerboard)
// unbalances the labels further, by design.
#include "nnp/generators.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include "nnp/error.h"

namespace nnp {
namespace {

constexpr double kPi = 3.141592653589793;
constexpr double kTwoPi = 6.283185307179586;

Dataset make_dataset(int features, int classes, int samples) {
  samples = std::max(samples, 0);
  Dataset d;
  d.features = features;
  d.targets = 1;
  d.classes = classes;
  d.x.reserve(static_cast<std::size_t>(samples) * static_cast<std::size_t>(features));
  d.y.reserve(static_cast<std::size_t>(samples));
  return d;
}

void push_point(Dataset& d, double x, double y, float label) {
  d.x.push_back(static_cast<float>(x));
  d.x.push_back(static_cast<float>(y));
  d.y.push_back(label);
}

void push_value(Dataset& d, double x, double y) {
  d.x.push_back(static_cast<float>(x));
  d.y.push_back(static_cast<float>(y));
}

// Points of class c when n points are shared among k classes: the first n % k get one more.
int share(int n, int k, int c) { return n / k + (c < n % k ? 1 : 0); }

// TF's dist(). sqrt, not std::hypot: hypot need not be correctly rounded, so glibc and Emscripten's
// musl may disagree in the last bit, while sqrt is correctly rounded everywhere (IEEE 754).
double dist(double ax, double ay, double bx, double by) {
  const double dx = ax - bx;
  const double dy = ay - by;
  return std::sqrt(dx * dx + dy * dy);
}

// TF's normalRandom(mean, variance): Marsaglia's polar method, keeping one value of the pair, scaled
// by sqrt(variance) — the second argument is a variance, not a standard deviation. TF loops while
// s > 1; we also reject s == 0 (log(0) / 0 is NaN in TF, with probability about 2^-106).
double tf_normal_random(Pcg32& rng, double mean, double variance) {
  double v1 = 0.0, s = 0.0;
  do {
    v1 = 2 * rng.uniform() - 1;
    const double v2 = 2 * rng.uniform() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s > 1 || s == 0);
  const double result = std::sqrt(-2 * std::log(s) / s) * v1;
  return mean + std::sqrt(variance) * result;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// TensorFlow Playground

// classifyCircleData: half the points inside radius 2.5, half in the ring 3.5 … 5. The label is
// taken from a noisy copy of the point (offset U(−5, 5)·noise per axis) while the point is stored
// clean, so noise flips labels near the gap without moving points.
Dataset make_circle(int samples, double noise, Pcg32& rng) {
  constexpr double kRadius = 5.0;
  Dataset d = make_dataset(2, 2, samples);
  auto generate = [&](int count, double r_min, double r_max) {
    for (int i = 0; i < count; ++i) {
      const double r = rng.uniform(r_min, r_max);
      const double angle = rng.uniform(0.0, kTwoPi);
      const double x = r * std::sin(angle);
      const double y = r * std::cos(angle);
      const double nx = x + rng.uniform(-kRadius, kRadius) * noise;
      const double ny = y + rng.uniform(-kRadius, kRadius) * noise;
      push_point(d, x, y, dist(nx, ny, 0.0, 0.0) < kRadius * 0.5 ? 1.0f : 0.0f);
    }
  };
  generate(share(samples, 2, 0), 0.0, kRadius * 0.5);
  generate(share(samples, 2, 1), kRadius * 0.7, kRadius);
  return d;
}

// classifyXORData: x, y ∈ U(−5, 5), each pushed 0.3 away from its axis (0 itself goes to −0.3);
// label 1 when x·y ≥ 0 at the noisy copy (offset U(−5, 5)·noise), the point stored clean. The
// label follows the position, so the classes are balanced only in expectation.
Dataset make_xor(int samples, double noise, Pcg32& rng) {
  constexpr double kPadding = 0.3;
  Dataset d = make_dataset(2, 2, samples);
  for (int i = 0; i < samples; ++i) {
    double x = rng.uniform(-5.0, 5.0);
    x += x > 0 ? kPadding : -kPadding;
    double y = rng.uniform(-5.0, 5.0);
    y += y > 0 ? kPadding : -kPadding;
    const double noise_x = rng.uniform(-5.0, 5.0) * noise;
    const double noise_y = rng.uniform(-5.0, 5.0) * noise;
    push_point(d, x, y, (x + noise_x) * (y + noise_y) >= 0 ? 1.0f : 0.0f);
  }
  return d;
}

// classifyTwoGaussData: class 1 around (2, 2), then class 0 around (−2, −2). The variance is d3's
// linear scale [0, 0.5] → [0.5, 4], unclamped, so it keeps growing past TF's slider: 7.5 at noise 1.
Dataset make_gauss(int samples, double noise, Pcg32& rng) {
  const double variance = 0.5 + (4.0 - 0.5) * (noise / 0.5);
  Dataset d = make_dataset(2, 2, samples);
  auto gen_gauss = [&](int count, double cx, double cy, float label) {
    for (int i = 0; i < count; ++i) {
      const double x = tf_normal_random(rng, cx, variance);
      const double y = tf_normal_random(rng, cy, variance);
      push_point(d, x, y, label);
    }
  };
  gen_gauss(share(samples, 2, 0), 2.0, 2.0, 1.0f);
  gen_gauss(share(samples, 2, 1), -2.0, -2.0, 0.0f);
  return d;
}

// classifySpiralData: with n = samples / 2 (a float, as in JavaScript), arm point i sits at radius
// 5·i/n and angle 1.75·2π·i/n + deltaT, moved by U(−1, 1)·noise per axis. Class 1 is the arm with
// deltaT = 0, class 0 the arm with deltaT = π.
Dataset make_spiral(int samples, double noise, Pcg32& rng) {
  const double n = samples / 2.0;
  Dataset d = make_dataset(2, 2, samples);
  auto gen_spiral = [&](int count, double delta_t, float label) {
    for (int i = 0; i < count; ++i) {
      const double r = i / n * 5;
      const double t = 1.75 * i / n * 2 * kPi + delta_t;
      const double x = r * std::sin(t) + rng.uniform(-1.0, 1.0) * noise;
      const double y = r * std::cos(t) + rng.uniform(-1.0, 1.0) * noise;
      push_point(d, x, y, label);
    }
  };
  gen_spiral(share(samples, 2, 0), 0.0, 1.0f);
  gen_spiral(share(samples, 2, 1), kPi, 0.0f);
  return d;
}

// regressPlane: x, y ∈ U(−6, 6); the value is (x′ + y′)/10 at the noisy copy (offset U(−6, 6)·noise),
// d3's scale [−10, 10] → [−1, 1] written out. Not clamped: about ±1.2 at noise 0, more with noise.
Dataset make_plane(int samples, double noise, Pcg32& rng) {
  constexpr double kRadius = 6.0;
  Dataset d = make_dataset(2, 0, samples);
  for (int i = 0; i < samples; ++i) {
    const double x = rng.uniform(-kRadius, kRadius);
    const double y = rng.uniform(-kRadius, kRadius);
    const double noise_x = rng.uniform(-kRadius, kRadius) * noise;
    const double noise_y = rng.uniform(-kRadius, kRadius) * noise;
    push_point(d, x, y, static_cast<float>(((x + noise_x) + (y + noise_y)) / 10));
  }
  return d;
}

// regressGaussian: six cone-shaped bumps, each worth sign·clamp(1 − d/2, 0, 1) at distance d from its
// centre (d3's clamped scale [0, 2] → [1, 0]); the value is the bump value largest in magnitude (the
// first on a tie) at the noisy copy (offset U(−6, 6)·noise). x, y ∈ U(−6, 6).
Dataset make_multigauss(int samples, double noise, Pcg32& rng) {
  struct Bump {
    double cx, cy, sign;
  };
  static constexpr std::array<Bump, 6> kBumps{{
      {-4, 2.5, 1},
      {0, 2.5, -1},
      {4, 2.5, 1},
      {-4, -2.5, -1},
      {0, -2.5, 1},
      {4, -2.5, -1},
  }};
  auto get_label = [](double x, double y) {
    double label = 0;
    for (const Bump& b : kBumps) {
      const double t = dist(x, y, b.cx, b.cy) / 2;
      const double new_label = b.sign * (1 - (t > 1 ? 1 : t));
      if (std::abs(new_label) > std::abs(label)) label = new_label;
    }
    return label;
  };
  constexpr double kRadius = 6.0;
  Dataset d = make_dataset(2, 0, samples);
  for (int i = 0; i < samples; ++i) {
    const double x = rng.uniform(-kRadius, kRadius);
    const double y = rng.uniform(-kRadius, kRadius);
    const double noise_x = rng.uniform(-kRadius, kRadius) * noise;
    const double noise_y = rng.uniform(-kRadius, kRadius) * noise;
    push_point(d, x, y, static_cast<float>(get_label(x + noise_x, y + noise_y)));
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Beyond TF Playground. Same conventions: every draw happens whatever the noise (noise 0 only
// multiplies it away), so one seed gives the same clean points at every noise level.

// scikit-learn's make_moons — class 0 the upper arc (cos t, sin t), class 1 the lower arc
// (1 − cos t, 0.5 − sin t), floor(n/2) and ceil(n/2) points — with the angle t ~ U(0, π) rather than
// sklearn's evenly spaced one, then centred on (0.5, 0.25) and scaled by 10/3 so that x spans
// [−5, 5] (y spans [−2.5, 2.5]). Noise adds N(0, (2·noise)²) per axis: sklearn's noise 0.3 at 0.5.
Dataset make_moons(int samples, double noise, Pcg32& rng) {
  constexpr double kScale = 10.0 / 3.0;
  const double sigma = 2.0 * noise;
  Dataset d = make_dataset(2, 2, samples);
  for (int c = 0; c < 2; ++c) {
    const int count = c == 0 ? samples / 2 : samples - samples / 2;
    for (int i = 0; i < count; ++i) {
      const double t = rng.uniform(0.0, kPi);
      const double u = c == 0 ? std::cos(t) : 1 - std::cos(t);
      const double v = c == 0 ? std::sin(t) : 0.5 - std::sin(t);
      const double x = kScale * (u - 0.5) + rng.normal(0.0, sigma);
      const double y = kScale * (v - 0.25) + rng.normal(0.0, sigma);
      push_point(d, x, y, static_cast<float>(c));
    }
  }
  return d;
}

// k isotropic Gaussians (class c around radius 3.5, angle π/4 + 2π·c/k — for k = 2 TF's gauss
// diagonal), std 0.5 + 1.5·noise. Neighbouring centres are at least 3.5 apart (k = 6).
Dataset make_blobs(int samples, double noise, int classes, Pcg32& rng) {
  constexpr double kRadius = 3.5;
  const double sigma = 0.5 + 1.5 * noise;
  Dataset d = make_dataset(2, classes, samples);
  for (int c = 0; c < classes; ++c) {
    const double angle = kPi / 4 + kTwoPi * c / classes;
    const double cx = kRadius * std::cos(angle);
    const double cy = kRadius * std::sin(angle);
    for (int i = 0, count = share(samples, classes, c); i < count; ++i) {
      const double x = rng.normal(cx, sigma);
      const double y = rng.normal(cy, sigma);
      push_point(d, x, y, static_cast<float>(c));
    }
  }
  return d;
}

// TF's spiral with k arms: with m = samples / k, arm a's point i sits at radius 5·i/m and angle
// 1.75·2π·i/m + 2π·a/k, moved by U(−1, 1)·noise per axis; label a. At k = 2 these are TF's spiral
// points with the labels swapped.
Dataset make_spirals(int samples, double noise, int arms, Pcg32& rng) {
  const double m = static_cast<double>(samples) / arms;
  Dataset d = make_dataset(2, arms, samples);
  for (int a = 0; a < arms; ++a) {
    const double delta_t = kTwoPi * a / arms;
    for (int i = 0, count = share(samples, arms, a); i < count; ++i) {
      const double r = i / m * 5;
      const double t = 1.75 * i / m * 2 * kPi + delta_t;
      const double x = r * std::sin(t) + rng.uniform(-1.0, 1.0) * noise;
      const double y = r * std::cos(t) + rng.uniform(-1.0, 1.0) * noise;
      push_point(d, x, y, static_cast<float>(a));
    }
  }
  return d;
}

// A 4×4 board of 3×3 squares over [−6, 6]²; a square's class is 1 when its column + row is even
// (so the square at [0, 3)² is class 1, as xor's first quadrant is). ceil(n/2) points of class 1,
// then floor(n/2) of class 0: each picks a column uniformly, a row uniformly among the two of the
// right parity, and a position uniformly within the square — so the points are uniform over the
// board and balanced. As in xor, the label is read at a noisy copy of the point (offset
// U(−3, 3)·noise: half a square at noise 0.5, as xor's U(−5, 5) is half a quadrant), the board
// continuing past its edges, and the point is stored clean.
Dataset make_checkerboard(int samples, double noise, Pcg32& rng) {
  constexpr double kSide = 3.0;
  Dataset d = make_dataset(2, 2, samples);
  for (int c = 1; c >= 0; --c) {
    for (int i = 0, count = share(samples, 2, 1 - c); i < count; ++i) {
      const int col = static_cast<int>(rng.below(4));
      const int row = 2 * static_cast<int>(rng.below(2)) + ((col + 1 - c) & 1);
      const double fx = rng.uniform(0.0, kSide);  // position within the square
      const double fy = rng.uniform(0.0, kSide);
      const double noise_x = rng.uniform(-kSide, kSide) * noise;
      const double noise_y = rng.uniform(-kSide, kSide) * noise;
      // The noisy copy's square, counted from this one, so noise 0 reads this square exactly.
      const int noisy_col = col + static_cast<int>(std::floor((fx + noise_x) / kSide));
      const int noisy_row = row + static_cast<int>(std::floor((fy + noise_y) / kSide));
      push_point(d, -6.0 + kSide * col + fx, -6.0 + kSide * row + fy, ((noisy_col + noisy_row) & 1) == 0 ? 1.0f : 0.0f);
    }
  }
  return d;
}

// 1-D: x ∈ U(−6, 6), y = sin(x) + N(0, noise²) — about two periods, values in [−1, 1] before noise.
Dataset make_sine(int samples, double noise, Pcg32& rng) {
  Dataset d = make_dataset(1, 0, samples);
  for (int i = 0; i < samples; ++i) {
    const double x = rng.uniform(-6.0, 6.0);
    push_value(d, x, std::sin(x) + rng.normal(0.0, noise));
  }
  return d;
}

// 1-D: x ∈ U(−6, 6), y = (x³ − 27x)/54 + N(0, noise²): a cubic reaching exactly ±1 at its turning
// points x = ∓3 and at the ends x = ±6.
Dataset make_polynomial(int samples, double noise, Pcg32& rng) {
  Dataset d = make_dataset(1, 0, samples);
  for (int i = 0; i < samples; ++i) {
    const double x = rng.uniform(-6.0, 6.0);
    push_value(d, x, (x * x * x - 27 * x) / 54 + rng.normal(0.0, noise));
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Catalogue and dispatch

namespace {

using MakeFn = Dataset (*)(int samples, double noise, int classes, Pcg32& rng);

// The page lists them in this order (web/src/scene/engine-catalogue.json is generated from it).
constexpr std::array<GeneratorInfo, 12> kGenerators{{
    {"circle", "Circle", Task::Classification, 2, 2, 2, "A disc of one class inside a ring of the other."},
    {"xor", "XOR", Task::Classification, 2, 2, 2, "Four quadrants labelled by the sign of x₁·x₂."},
    {"gauss", "Two Gaussians", Task::Classification, 2, 2, 2,
     "Two Gaussian clouds that noise spreads into each other."},
    {"spiral", "Spiral", Task::Classification, 2, 2, 2, "Two interleaved spiral arms."},
    {"moons", "Moons", Task::Classification, 2, 2, 2, "Two interleaving half circles."},
    {"blobs", "Blobs", Task::Classification, 2, 2, 6, "2 to 6 Gaussian clusters set around a circle, one class each."},
    {"spirals", "Spirals", Task::Classification, 2, 2, 5, "2 to 5 interleaved spiral arms, one class each."},
    {"checkerboard", "Checkerboard", Task::Classification, 2, 2, 2,
     "A 4×4 checkerboard: the label is the colour of the square."},
    {"plane", "Plane", Task::Regression, 2, 0, 0, "A tilted plane: the target is (x₁ + x₂) / 10."},
    {"multigauss", "Gaussian bumps", Task::Regression, 2, 0, 0, "Six cone-shaped bumps of either sign."},
    {"sine", "Sine", Task::Regression, 1, 0, 0, "A curve: y = sin(x) over two periods."},
    {"polynomial", "Cubic", Task::Regression, 1, 0, 0, "A curve: the cubic y = (x³ − 27x) / 54."},
}};

// In kGenerators' order; `classes` is used by blobs and spirals only.
constexpr std::array<MakeFn, kGenerators.size()> kMake{{
    [](int n, double noise, int, Pcg32& rng) { return make_circle(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_xor(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_gauss(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_spiral(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_moons(n, noise, rng); },
    [](int n, double noise, int k, Pcg32& rng) { return make_blobs(n, noise, k, rng); },
    [](int n, double noise, int k, Pcg32& rng) { return make_spirals(n, noise, k, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_checkerboard(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_plane(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_multigauss(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_sine(n, noise, rng); },
    [](int n, double noise, int, Pcg32& rng) { return make_polynomial(n, noise, rng); },
}};

std::string generator_names() {
  std::string names;
  for (const GeneratorInfo& g : kGenerators) {
    if (!names.empty()) names += ", ";
    names += g.name;
  }
  return names;
}

}  // namespace

std::span<const GeneratorInfo> generators() { return kGenerators; }

const GeneratorInfo* find_generator(std::string_view name) {
  for (const GeneratorInfo& g : kGenerators)
    if (g.name == name) return &g;
  return nullptr;
}

// data.classes is checked only for the generators whose class count varies (blobs, spirals); the
// others fix their own and ignore it, so one spec can be switched between datasets freely.
Dataset generate(const GeneratorSpec& spec, Pcg32& rng) {
  const GeneratorInfo* info = find_generator(spec.name);
  if (info == nullptr) throw Error("data.name: unknown dataset '" + spec.name + "'; accepted: " + generator_names());
  if (spec.samples < 2 || spec.samples > 1000000)
    throw Error("data.samples must be an integer from 2 to 1000000, got " + std::to_string(spec.samples));
  if (!(spec.noise >= 0.0 && spec.noise <= 1.0))
    throw Error("data.noise must be a number from 0 to 1, got " + format_number(spec.noise));
  const bool varies = info->min_classes != info->max_classes;
  if (varies && (spec.classes < info->min_classes || spec.classes > info->max_classes))
    throw Error("data.classes must be from " + std::to_string(info->min_classes) + " to " +
                std::to_string(info->max_classes) + " for " + std::string(info->name) + ", got " +
                std::to_string(spec.classes));
  const auto index = static_cast<std::size_t>(info - kGenerators.data());
  return kMake[index](spec.samples, spec.noise, spec.classes, rng);
}

}  // namespace nnp

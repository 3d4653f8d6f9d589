#pragma once
// Data augmentation: each training batch is changed on the way into the network (never the
// evaluation sets), so the network sees more varied data than the training set holds.
//   jitter: x ← x + ε, ε ~ N(0, σ²) on every input (torch: x + sigma * torch.randn_like(x));
//   mixup (Zhang et al. 2018): λ ~ Beta(α, α) per batch, j = a shuffle of the batch's rows,
//          x_i ← λ·x_i + (1 − λ)·x_j and y_i ← λ·y_i + (1 − λ)·y_j; class indices become
//          probability rows (torch: the mixup recipe of torchvision's references, with
//          λ = torch.distributions.Beta(α, α).sample()).
//
//   nnp::Augmentation aug({.jitter = 0.1f, .mixup = 0.4f}, seed, {.rows = 32, .features = 2, .targets = 1});
//   int y_cols = aug.apply(x, y, n);  // x [n, 2] and y [n, 1] changed in place; y_cols columns now
#include <cstdint>
#include <vector>

#include "nnp/rng.h"

namespace nnp {

struct AugmentationSpec {
  float jitter = 0.0f;  // σ of the Gaussian noise added to every network input; 0: off
  float mixup = 0.0f;   // α of mixup's Beta(α, α); 0: off
};

// The batches apply() receives. soft_classes: the number of classes when mixup must turn class
// indices into probability rows (CrossEntropyLoss); 0 when targets mix as they are (0/1 labels
// of the BCE losses, regression values).
struct BatchShape {
  int rows = 0;  // the most rows of a batch
  int features = 0;
  int targets = 1;
  int soft_classes = 0;
};

// Gamma(a, 1) by Marsaglia and Tsang (2000), with the a < 1 boost; from our generator only, so the
// native and the wasm builds draw the same numbers.
double gamma_sample(double a, Pcg32& rng);
// Beta(a, b) = G_a / (G_a + G_b), G ~ Gamma(·, 1) (½ in the rare case both are 0). Mean a/(a + b).
double beta_sample(double a, double b, Pcg32& rng);

class Augmentation {
 public:
  // seed: the run's seed; augmentation draws from its own stream of it, so switching it on leaves
  // the data order and the initialisation alone.
  Augmentation(const AugmentationSpec& spec, std::uint64_t seed, const BatchShape& shape);
  // Jitter, then mixup, in place on x [n, features] and y [n, targets] (y must have room for
  // n · target_columns() floats). Returns the columns y has now: soft_classes after a mixup of
  // class indices, else targets.
  int apply(float* x, float* y, int n);
  // The most columns apply() can leave in y.
  int target_columns() const;

 private:
  AugmentationSpec spec_;
  BatchShape shape_;
  Pcg32 rng_;
  std::vector<float> mix_x_, mix_y_;  // a copy of the batch, which the partners are read from
  std::vector<int> partner_;          // partner_[i]: the row row i mixes with
};

}  // namespace nnp

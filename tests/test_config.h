#pragma once
// The walking-skeleton configuration: circle data, 2 → 4 Tanh → 4 Tanh → 1 Sigmoid, BCELoss,
// SGD lr 0.1, batch 10. Shared by the tests, native_losses and the benchmarks; the page's default
// scene is the same run (web/test/native-parity.test.ts checks that).
#include "nnp/trainer.h"

namespace nnp::testing {

inline TrainerConfig skeleton_config(std::uint64_t seed = 1) {
  TrainerConfig c;
  c.seed = seed;
  c.data = DataSpec{.name = "circle", .samples = 500, .noise = 0.0, .split = {.train = 0.5}};
  c.learner.model =
      MlpSpec{.inputs = 2, .layers = {{4, Activation::Tanh}, {4, Activation::Tanh}, {1, Activation::Sigmoid}}};
  c.learner.loss = LossSpec{.kind = LossKind::BCELoss};
  c.learner.optimizer = OptimizerSpec{.kind = OptimizerKind::SGD, .lr = 0.1};
  c.training.batch_size = 10;
  return c;
}

}  // namespace nnp::testing

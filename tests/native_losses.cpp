// Prints the skeleton run's per-call batch losses and final evaluation as JSON, for Vitest to check
// that the wasm build computes the same numbers: native_losses [seed] [calls] [steps_per_call]
#include <cstdio>
#include <cstdlib>

#include "nnp/trainer.h"
#include "test_config.h"

int main(int argc, char** argv) {
  const std::uint64_t seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1;
  const int calls = argc > 2 ? std::atoi(argv[2]) : 20;
  const int steps = argc > 3 ? std::atoi(argv[3]) : 25;
  nnp::Trainer t(nnp::testing::skeleton_config(seed));
  std::printf("{\"losses\":[");
  for (int i = 0; i < calls; ++i) std::printf("%s%.9g", i ? "," : "", t.run(steps).batch_loss);
  const nnp::Evaluation e = t.evaluate();
  std::printf("],\"trainLoss\":%.9g,\"testLoss\":%.9g,\"testAccuracy\":%.9g}\n", e.train.loss, e.test.loss,
              e.test.accuracy);
  return 0;
}

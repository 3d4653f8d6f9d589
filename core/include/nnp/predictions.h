#pragma once
// Each row's predicted and actual class on one split — what the page's grid of test images shows
// (mistakes first). Uses member 0, as Trainer::confusion does, so the grid and the confusion matrix
// always agree.
//
//   nnp::ClassPredictions p = nnp::predict_classes(trainer, trainer.inputs().test);
//   bool wrong = p.predicted[i] != p.actual[i];
#include <vector>

#include "nnp/trainer.h"

namespace nnp {

struct ClassPredictions {
  int classes = 0;             // 0 for regression (then both vectors are empty)
  std::vector<int> predicted;  // per row: the class the network picks
  std::vector<int> actual;     // per row: the target's class
};

ClassPredictions predict_classes(Trainer& trainer, const Dataset& network_inputs);

}  // namespace nnp

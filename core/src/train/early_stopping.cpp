// Early stopping: end training when the held-out loss stops improving, and go back to the best
// parameters seen (Lightning's EarlyStopping(monitor="val_loss", patience, min_delta) with the best
// checkpoint restored; PyTorch itself has none). After each evaluation:
//   loss < best − min_delta  → a new best: copy the parameters, reset the count;
//   otherwise                → count it; at `patience` in a row, stop (and restore the copy).
#include "nnp/early_stopping.h"

#include <algorithm>

namespace nnp {

EarlyStopping::EarlyStopping(const EarlyStoppingSpec& spec, std::vector<std::span<float>> models)
    : spec_(spec), models_(std::move(models)) {
  for (const std::span<float> m : models_) best_.emplace_back(m.size());
}

bool EarlyStopping::update(std::int64_t epoch, double monitored) {
  if (stopped_) return true;
  if (best_epoch_ < 0 || monitored < best_loss_ - spec_.min_delta) {  // an improvement: remember it
    best_loss_ = monitored;
    best_epoch_ = epoch;
    evaluations_without_improvement_ = 0;
    for (std::size_t m = 0; m < models_.size(); ++m) std::copy(models_[m].begin(), models_[m].end(), best_[m].begin());
    return false;
  }
  if (spec_.patience == 0 || ++evaluations_without_improvement_ < spec_.patience) return false;
  stopped_ = true;
  if (spec_.restore_best)
    for (std::size_t m = 0; m < models_.size(); ++m) std::copy(best_[m].begin(), best_[m].end(), models_[m].begin());
  return true;
}

}  // namespace nnp

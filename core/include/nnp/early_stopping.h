#pragma once
// Early stopping: watch a held-out loss after each evaluation and end the run once it has not
// improved for `patience` evaluations, putting back the parameters of the best one. PyTorch has
// no built-in; this is PyTorch Lightning's EarlyStopping(monitor="val_loss", patience, min_delta)
// with a ModelCheckpoint restored at the end (Keras: EarlyStopping(restore_best_weights=True)).
//   improvement:  loss < best − min_delta   (the first evaluation always counts as one)
//   stop:         `patience` evaluations in a row without an improvement
//
//   nnp::EarlyStopping es({.patience = 3, .min_delta = 0.01}, {net.parameters()});
//   if (es.update(epoch, validation_loss)) break;  // stopped; with restore_best, net holds the best
#include <cstdint>
#include <span>
#include <vector>

namespace nnp {

struct EarlyStoppingSpec {
  int patience = 0;          // evaluations without improvement before stopping; 0: off
  double min_delta = 0.0;    // an improvement must lower the monitored loss by more than this
  bool restore_best = true;  // put back the parameters of the best evaluation when stopping
};

class EarlyStopping {
 public:
  // models: the parameters of every model trained together (an ensemble's members), which stay
  // where they are for the run; a new best copies them all, restoring copies them all back.
  EarlyStopping(const EarlyStoppingSpec& spec, std::vector<std::span<float>> models);

  // One evaluation at `epoch` with the monitored loss. Returns true when the run must stop (and
  // keeps returning true).
  bool update(std::int64_t epoch, double monitored);
  bool stopped() const { return stopped_; }
  std::int64_t best_epoch() const { return best_epoch_; }  // −1 before the first evaluation
  double best_loss() const { return best_loss_; }

 private:
  EarlyStoppingSpec spec_;
  std::vector<std::span<float>> models_;
  std::vector<std::vector<float>> best_;  // one copy per model, allocated once
  double best_loss_ = 0.0;
  std::int64_t best_epoch_ = -1;
  int evaluations_without_improvement_ = 0;
  bool stopped_ = false;
};

}  // namespace nnp

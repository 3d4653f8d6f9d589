// The rules that tie a config's parts together and to its data, on typed values: validate_scene()
// reports them all for the page, the Trainer throws the first. validate(TrainerConfig) is the
// engine's own guard on the training options (wider than a scene's ranges where the engine can
// take more, e.g. a batch of 10⁶ rows); the learner's spec is checked by the Learner.
#include <cmath>
#include <string>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/validate_scene.h"

namespace nnp {
namespace {

std::string plural(int n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : word.back() == 's' ? "es" : "s");
}

std::string loss_list(LossTarget target) {
  std::string s;
  for (const LossInfo& l : catalogue().losses)
    if (l.target == target) s += (s.empty() ? "" : ", ") + std::string(name_of(l.kind));
  return s;
}

// How a message names the data: "the supplied data", "spirals with 3 classes", "circle".
std::string data_name(const DataSpec& d, const DataShape& shape) {
  if (d.name == "supplied") return "the supplied data";
  const GeneratorInfo* g = find_generator(d.name);
  if (g != nullptr && g->min_classes != g->max_classes) return d.name + " with " + plural(shape.classes, "class");
  return d.name;
}

struct SplitRows {
  int train = 0, validation = 0;
};

// The sizes the split will cut (core/src/data/datasets.cpp), with a problem for a set it leaves
// empty, naming the fraction to change.
SplitRows split_rows(const TrainerConfig& c, const DataShape& shape, Problems& out) {
  const double train = c.data.split.train, validation = c.data.split.validation;
  const int rows = shape.rows;
  const std::string of = " of " + plural(rows, "row");
  const auto fraction = [](double f) { return format_number(f); };
  if (shape.separate_test) {
    // A separate test set: the rows give train and validation (validationFraction of them) only.
    const int train_rows = split_sizes(rows, c.data.split, true).train;
    if (train_rows < 1 || rows - train_rows < (validation > 0 ? 1 : 0))
      out.push_back({"data.validationFraction", "data.validationFraction " + fraction(validation) + of +
                                                    " leaves the " + (train_rows < 1 ? "training" : "validation") +
                                                    " set empty"});
    return {train_rows, rows - train_rows};
  }
  if (!(train + validation < 1.0)) {
    out.push_back({"data.validationFraction", "data.validationFraction " + fraction(validation) +
                                                  " with data.trainFraction " + fraction(train) +
                                                  " leaves nothing for the test set (the two must add up to less "
                                                  "than 1)"});
    return {static_cast<int>(rows_of(rows, train)), 0};
  }
  const auto [train_rows, validation_rows, test_rows] = split_sizes(rows, c.data.split, false);
  if (train_rows < 1)
    out.push_back({"data.trainFraction", "data.trainFraction " + fraction(train) + of +
                                             " leaves the training set empty; raise the fraction or use more rows"});
  if (validation > 0 && validation_rows < 1)
    out.push_back({"data.validationFraction",
                   "data.validationFraction " + fraction(validation) + of +
                       " leaves the validation set empty; raise the fraction, use more rows, or leave the fraction "
                       "out for no validation set"});
  if (test_rows < 1) {
    const std::string key = validation > 0 ? "validationFraction" : "trainFraction";
    out.push_back({"data." + key, "data." + key + " " + fraction(validation > 0 ? validation : train) + of +
                                      " leaves the test set empty; lower the fraction or use more rows"});
  }
  return {train_rows, validation_rows};
}

}  // namespace

void check_training(const TrainerConfig& c, Problems& out) {
  const LossKind loss = c.learner.loss.kind;
  if (c.training.augmentation.mixup > 0.0f && !catalogue().loss(loss).mixup)
    out.push_back({"training.augmentation.mixup",
                   "training.augmentation.mixup mixes targets into class probabilities, which " +
                       std::string(name_of(loss)) +
                       " cannot take: use CrossEntropyLoss, a BCE loss or a regression loss (or mixup 0)"});
}

void check_against_data(const TrainerConfig& c, const DataShape& shape, Problems& out) {
  check_against_data(c, shape, split_rows(c, shape, out).train, out);
}

void check_against_data(const TrainerConfig& c, const DataShape& shape, int train_rows, Problems& out) {
  const std::string what = data_name(c.data, shape);
  const MlpSpec& m = c.learner.model;
  if (!c.data.features.empty() && shape.features != 2)
    out.push_back({"data.features", "data.features apply to 2-D data only; " + what + " has " +
                                        plural(shape.features, "feature") + " per point (leave data.features out)"});
  const int inputs = c.data.features.empty() ? shape.features : static_cast<int>(c.data.features.size());
  if (m.inputs != inputs)
    out.push_back(
        {"model.inputs", "model.inputs must be " + std::to_string(inputs) + " (the number of input features), got " +
                             std::to_string(m.inputs) + ": " +
                             (c.data.features.empty() ? what + " has " + plural(shape.features, "feature") + " per row"
                                                      : "one input per entry of data.features")});
  if (m.layers.empty()) return;
  const LossInfo& loss = catalogue().loss(c.learner.loss.kind);
  const std::string loss_name(name_of(loss.kind));
  const std::string units_path = "model.layers[" + std::to_string(m.layers.size() - 1) + "].units";
  const int units = m.layers.back().units;
  const auto output_units = [&](int want, const std::string& why) {
    if (units != want)
      out.push_back({units_path, units_path + " (the output layer) must be " + std::to_string(want) + " " + why +
                                     ", got " + std::to_string(units)});
  };
  if (shape.classes == 0) {
    if (loss.target != LossTarget::Value)
      out.push_back({"loss.name", "loss.name " + loss_name + " needs classes; this data is a regression: use " +
                                      loss_list(LossTarget::Value)});
    output_units(1, "for a regression (it predicts one number)");
  } else if (loss.target == LossTarget::Index) {
    output_units(shape.classes, "for " + loss_name + ", one per class of " + what);
  } else {
    if (shape.classes != 2)
      out.push_back({"loss.name", "loss.name " + loss_name + ", which handles two classes only, cannot take the " +
                                      plural(shape.classes, "class") + " of " + what + ": use one of " +
                                      loss_list(LossTarget::Index) + " with one output per class"});
    output_units(1, "for " + loss_name + " (it compares one output with the 0/1 label)");
  }
  if (c.data.signed_labels && (shape.classes != 2 || units != 1 || loss.target != LossTarget::Value))
    out.push_back({"data.signedLabels",
                   "data.signedLabels (targets −1 and +1) needs two classes, one output and a regression loss (" +
                       loss_list(LossTarget::Value) + ", as TensorFlow Playground's ½·MSE); got " +
                       plural(shape.classes, "class") + ", " + plural(units, "output") + " and " + loss_name});
  if (c.training.drop_last && c.training.batch_size > train_rows)
    out.push_back({"training.batchSize", "training.batchSize " + std::to_string(c.training.batch_size) +
                                             " is larger than the " + std::to_string(train_rows) +
                                             " training rows, so dropLast would leave no batch; lower it or turn "
                                             "training.dropLast off"});
}

void throw_first(const Problems& problems) {
  if (!problems.empty()) throw Error(problems.front().message);
}

// The learner's spec is the Learner's to check (its constructor does, once).
void validate(const TrainerConfig& c) {
  const TrainingSpec& t = c.training;
  if (t.batch_size < 1 || t.batch_size > 1000000)
    throw Error("training.batchSize must be an integer from 1 to 1000000, got " + std::to_string(t.batch_size));
  if (t.evaluate_every < 1)
    throw Error("training.evaluateEvery must be a whole number of epochs ≥ 1, got " + std::to_string(t.evaluate_every));
  if (!(std::isfinite(t.augmentation.jitter) && t.augmentation.jitter >= 0.0f))
    throw Error("training.augmentation.jitter must be a standard deviation ≥ 0, got " +
                format_number(t.augmentation.jitter));
  if (!(std::isfinite(t.augmentation.mixup) && t.augmentation.mixup >= 0.0f))
    throw Error("training.augmentation.mixup must be an α ≥ 0 (0: off), got " + format_number(t.augmentation.mixup));
  if (!catalogue().limits.members.contains(t.ensemble.members))
    throw Error("training.ensemble.members must be " + catalogue().limits.members.describe() + ", got " +
                std::to_string(t.ensemble.members));
  const EarlyStoppingSpec& e = t.early_stopping;
  if (e.patience < 0)
    throw Error("training.earlyStopping.patience must be ≥ 0 (0: off), got " + std::to_string(e.patience));
  if (!(std::isfinite(e.min_delta) && e.min_delta >= 0.0))
    throw Error("training.earlyStopping.minDelta must be a finite number ≥ 0, got " + format_number(e.min_delta));
  Problems problems;
  check_training(c, problems);
  throw_first(problems);
}

}  // namespace nnp

// Building a Trainer (nnp/trainer.h): the data generated or supplied and checked against the
// config before any network exists, then split and standardised; the ensemble, augmentation and
// early stopping made. Runs once per run: in wasm it is compiled for size, apart from trainer.cpp's
// loop (the module's download is a budget, issue 13).
#include <algorithm>

#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/learner.h"
#include "nnp/memory_estimate.h"
#include "nnp/trainer.h"
#include "nnp/validate_scene.h"

namespace nnp {
namespace {

// Every rule of the config, the learner's too (each member's Learner checks its spec again), before
// any data or network exists: in wasm the frames below are built without exception handling, so a
// refusal after an allocation would leak it (a learner spec refused by the first member's Learner,
// after the data was made, leaked 7 KB a call: issue 17).
const TrainerConfig& validated(const TrainerConfig& c) {
  validate(c);
  validate(c.learner);
  return c;
}

// Generated data: its size is the config's, so the memory check runs before the data exists.
Split generated(const TrainerConfig& c, Pcg32& rng) {
  const GeneratorInfo* g = find_generator(c.data.name);
  if (g != nullptr)
    check_memory(estimate_memory(c, {.rows = c.data.samples, .features = g->features, .classes = c.data.classes}),
                 "data.samples");
  const Dataset all =
      generate({.name = c.data.name, .samples = c.data.samples, .noise = c.data.noise, .classes = c.data.classes}, rng);
  return split_dataset(all, c.data.split, rng);
}

Split supplied(const TrainerConfig& c, SuppliedData d, Pcg32& rng) {
  // Each named by its field (the Embind fuzzing's empty x and y met a message naming none).
  if (d.data.size() == 0) throw Error("data.y: the supplied data needs at least one row, got none");
  if (d.data.features < 1) throw Error("data.features must be at least 1, got " + std::to_string(d.data.features));
  if (d.data.targets != 1) throw Error("data.y must hold one target column, got " + std::to_string(d.data.targets));
  check_memory(estimate_memory(c, {.rows = d.data.size() + (d.test ? d.test->size() : 0),
                                   .features = d.data.features,
                                   .classes = d.data.classes}),
               "data");
  if (!d.test) return split_dataset(d.data, c.data.split, rng);
  if (d.test->features != d.data.features || d.test->classes != d.data.classes)
    throw Error("the supplied test set has " + std::to_string(d.test->features) + " features and " +
                std::to_string(d.test->classes) + " classes; the training data has " + std::to_string(d.data.features) +
                " and " + std::to_string(d.data.classes));
  // A separate test set: the data gives train and validation (validationFraction of it) only.
  Split s;
  if (c.data.split.validation > 0.0) {
    Split tv = split_dataset(d.data, {.train = 1.0 - c.data.split.validation, .validation = 0.0}, rng, "validation");
    s.train = std::move(tv.train);
    s.validation = std::move(tv.test);
  } else {
    s.validation = take_rows(d.data, {}, 0, 0);
    s.train = std::move(d.data);
  }
  s.test = std::move(*d.test);
  return s;
}

// The training batches augmentation receives: class indices become probability rows under mixup
// when the loss takes them (CrossEntropyLoss).
BatchShape batch_shape(const TrainerConfig& c, const Dataset& train, int features) {
  const bool soft_classes = train.classes > 0 && c.learner.loss.kind == LossKind::CrossEntropyLoss;
  return {.rows = std::min(c.training.batch_size, train.size()),
          .features = features,
          .targets = train.targets,
          .soft_classes = soft_classes ? train.classes : 0};
}

// The data's rules against the config (the split already checked its sizes), run before any
// network is built: in wasm this file is compiled without exception handling, so a refusal thrown
// after the ensemble's allocations would skip their destructors and leak them (82 KB a refused
// `new Trainer(config, data)`: issue 17's Embind fuzzing exhausted the heap in 20,000 calls).
Split checked_against_data(const TrainerConfig& c, Split raw) {
  Problems problems;
  const DataShape shape{.rows = raw.train.size() + raw.validation.size() + raw.test.size(),
                        .features = raw.train.features,
                        .classes = raw.train.classes};
  check_against_data(c, shape, raw.train.size(), problems);
  throw_first(problems);
  return raw;
}

}  // namespace

Trainer::Trainer(const TrainerConfig& config) : Trainer(validated(config), Split{}, false) {}

Trainer::Trainer(const TrainerConfig& config, SuppliedData data)
    : Trainer(
          validated(config),
          [&] {
            Pcg32 rng(config.seed);
            return supplied(config, std::move(data), rng);
          }(),
          true) {}

// Generated data: the generator, the split and member 0's shuffles share one stream seeded by
// config.seed; initialisation, dropout, the other members and augmentation use their own streams.
Trainer::Trainer(const TrainerConfig& config, Split raw, bool is_supplied)
    : config_(config),
      rng_(config.seed),
      raw_(checked_against_data(config, is_supplied ? std::move(raw) : generated(config, rng_))),
      pipeline_(config.data.features, config.data.standardize, raw_.train.features),
      ensemble_(config.training.ensemble, config.learner, config.data.signed_labels, config.seed, rng_,
                raw_.train.size()),
      augmentation_(config.training.augmentation, config.seed, batch_shape(config, raw_.train, pipeline_.features())),
      early_stopping_(config.training.early_stopping, ensemble_.parameters()) {
  pipeline_.fit(raw_.train);
  inputs_ =
      Split{pipeline_.transform(raw_.train), pipeline_.transform(raw_.validation), pipeline_.transform(raw_.test)};
  if (config_.data.signed_labels)  // the network's targets only: raw_ keeps the classes 0 and 1
    for (Dataset* s : {&inputs_.train, &inputs_.validation, &inputs_.test})
      for (float& y : s->y) y = 2.0f * y - 1.0f;
  const BatchShape batch = batch_shape(config_, inputs_.train, inputs_.train.features);
  batch_x_.resize(static_cast<std::size_t>(batch.rows) * static_cast<std::size_t>(batch.features));
  batch_y_.resize(static_cast<std::size_t>(batch.rows) * static_cast<std::size_t>(augmentation_.target_columns()));
  history_.reserve(1024);  // grows by doubling to kHistoryRecords; steady state allocates nothing
  if (config_.training.shuffle) ensemble_.shuffle();
}

}  // namespace nnp

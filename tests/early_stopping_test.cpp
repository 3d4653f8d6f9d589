// Early stopping's patience rule on hand-made loss sequences, and the parameters it restores.
#include "nnp/early_stopping.h"

#include <gtest/gtest.h>

#include <vector>

namespace nnp {
namespace {

// Feeds losses[e − 1] at epochs e = 1, 2, …, the parameters holding the epoch number at each
// evaluation (so a restore shows which epoch came back). Returns the epoch it stopped at, or 0.
struct Run {
  std::vector<float> params = std::vector<float>(3, 0.0f);
  std::int64_t stopped_at = 0;
};
Run feed(const EarlyStoppingSpec& spec, const std::vector<double>& losses) {
  Run r;
  EarlyStopping es(spec, {std::span<float>(r.params)});
  for (std::size_t i = 0; i < losses.size(); ++i) {
    const auto epoch = static_cast<std::int64_t>(i + 1);
    std::fill(r.params.begin(), r.params.end(), static_cast<float>(epoch));
    if (es.update(epoch, losses[i]) && r.stopped_at == 0) r.stopped_at = epoch;
  }
  return r;
}

TEST(EarlyStopping, StopsAfterPatienceEvaluationsWithoutAnImprovementBeyondMinDelta) {
  // 0.9 improves on 1.0 by more than 0.02; 0.89 improves on 0.9, but by less than min_delta: it
  // does not count. Three evaluations after epoch 2 without an improvement: stop at 5.
  const std::vector<double> losses = {1.0, 0.9, 0.95, 0.89, 0.905, 0.5, 0.4};
  EarlyStopping es({.patience = 3, .min_delta = 0.02}, {});
  EXPECT_EQ(es.best_epoch(), -1);
  for (int e = 1; e <= 4; ++e) EXPECT_FALSE(es.update(e, losses[static_cast<std::size_t>(e - 1)])) << e;
  EXPECT_EQ(es.best_epoch(), 2);
  EXPECT_DOUBLE_EQ(es.best_loss(), 0.9);
  EXPECT_TRUE(es.update(5, losses[4]));
  EXPECT_TRUE(es.stopped());
  EXPECT_TRUE(es.update(6, 0.1));  // stopped for good: a later loss changes nothing
  EXPECT_EQ(es.best_epoch(), 2);
  EXPECT_EQ(feed({.patience = 3, .min_delta = 0.02}, losses).stopped_at, 5);
  EXPECT_EQ(feed({.patience = 3, .min_delta = 0.0}, losses).stopped_at, 0);  // 0.89 and 0.5 improve
  EXPECT_EQ(feed({.patience = 1, .min_delta = 0.0}, losses).stopped_at, 3);
}

TEST(EarlyStopping, AnImprovementResetsTheCount) {
  // Two waits, an improvement, two waits: patience 3 never runs out.
  EXPECT_EQ(feed({.patience = 3}, {1.0, 1.1, 1.2, 0.8, 0.9, 0.9}).stopped_at, 0);
  EXPECT_EQ(feed({.patience = 3}, {1.0, 1.1, 1.2, 0.8, 0.9, 0.9, 0.85}).stopped_at, 7);
}

TEST(EarlyStopping, RestoresTheBestParametersOnlyWhenAsked) {
  const std::vector<double> losses = {1.0, 0.7, 0.8, 0.9};
  EXPECT_EQ(feed({.patience = 2, .restore_best = true}, losses).params, std::vector<float>(3, 2.0f));
  EXPECT_EQ(feed({.patience = 2, .restore_best = false}, losses).params, std::vector<float>(3, 4.0f));
}

TEST(EarlyStopping, PatienceZeroNeverStopsButTracksTheBest) {
  EarlyStopping es({.patience = 0}, {});
  for (int e = 1; e <= 50; ++e) EXPECT_FALSE(es.update(e, e == 7 ? 0.1 : 1.0));
  EXPECT_EQ(es.best_epoch(), 7);
}

}  // namespace
}  // namespace nnp

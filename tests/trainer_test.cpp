#include <gtest/gtest.h>

#include <cmath>

#include "nnp/error.h"
#include "nnp/metrics.h"
#include "nnp/trainer.h"
#include "test_config.h"

namespace nnp {
namespace {

using testing::skeleton_config;

TEST(Trainer, CircleReachesNinetyFivePercentTestAccuracy) {
  Trainer t(skeleton_config(1));
  const Evaluation before = t.evaluate();
  t.run(25 * 300);  // 300 epochs of 250 training points in batches of 10
  const Evaluation after = t.evaluate();
  EXPECT_EQ(t.progress().epoch, 300);
  EXPECT_EQ(t.progress().samples, 250 * 300);
  EXPECT_LT(after.train.loss, before.train.loss);
  EXPECT_GT(after.test.accuracy, 0.95) << "test loss " << after.test.loss;
}

TEST(Trainer, SameSeedGivesIdenticalBits) {
  Trainer a(skeleton_config(4)), b(skeleton_config(4)), c(skeleton_config(5));
  for (int i = 0; i < 20; ++i) {
    const double la = a.run(7).batch_loss, lb = b.run(7).batch_loss, lc = c.run(7).batch_loss;
    EXPECT_EQ(la, lb);
    EXPECT_NE(la, lc);
  }
}

TEST(Trainer, PartialLastBatchAndEpochCounting) {
  TrainerConfig c = skeleton_config();
  c.batch_size = 100;  // 250 training points: batches of 100, 100, 50
  Trainer t(c);
  t.run(2);
  EXPECT_EQ(t.progress().epoch, 0);
  EXPECT_EQ(t.progress().samples, 200);
  t.run(1);
  EXPECT_EQ(t.progress().epoch, 1);
  EXPECT_EQ(t.progress().samples, 250);
  EXPECT_EQ(t.progress().step, 3);
}

TEST(Trainer, LearningRateChangesWithoutReset) {
  Trainer t(skeleton_config());
  t.run(10);
  t.set_learning_rate(0.5);
  EXPECT_EQ(t.progress().step, 10);
  EXPECT_THROW(t.set_learning_rate(-1.0), Error);
  EXPECT_THROW(t.set_learning_rate(std::nan("")), Error);
  EXPECT_EQ(t.learner().lr(), 0.5);
}

TEST(Trainer, DivergenceStopsWithTheStepAndKeepsFiniteParameters) {
  TrainerConfig c = skeleton_config();
  c.learner.loss.kind = LossKind::MSELoss;
  c.learner.model.layers.back().activation = Activation::Identity;
  c.learner.optimizer.lr = 1e6;
  Trainer t(c);
  try {
    t.run(1000);
    FAIL() << "expected divergence";
  } catch (const DivergedError& e) {
    EXPECT_NE(std::string(e.what()).find("diverged at step"), std::string::npos) << e.what();
  }
  for (float p : t.model().parameters()) EXPECT_TRUE(std::isfinite(p));
}

std::string config_error(TrainerConfig c) {
  try {
    Trainer t(c);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Trainer, InvalidConfigurationsAreRefusedNamingTheField) {
  TrainerConfig c = skeleton_config();
  c.learner.model.layers.clear();
  EXPECT_NE(config_error(c).find("model.layers must hold at least one layer"), std::string::npos);
  c = skeleton_config();
  c.learner.model.layers[1].units = 0;
  EXPECT_NE(config_error(c).find("model.layers[1].units"), std::string::npos);
  c = skeleton_config();
  c.learner.optimizer.lr = -1.0;
  EXPECT_NE(config_error(c).find("optimizer.lr must be a finite number > 0, got -1"), std::string::npos);
  c = skeleton_config();
  c.batch_size = 0;
  EXPECT_NE(config_error(c).find("batchSize"), std::string::npos);
  c = skeleton_config();
  c.learner.model.layers.back().activation = Activation::Tanh;
  EXPECT_NE(config_error(c).find("BCELoss takes probabilities"), std::string::npos);
  c = skeleton_config();
  c.learner.model.inputs = 3;
  EXPECT_NE(config_error(c).find("model.inputs must be 2"), std::string::npos);
}

TEST(Trainer, PredictGridMatchesPredictOnTheSamePoints) {
  Trainer t(skeleton_config());
  t.run(50);
  const int res = 5;
  std::vector<float> grid(res * res);
  t.predict_grid(res, -6, 6, -6, 6, grid.data());
  // Cell (row 0, col 0) is the top-left centre: x = −6 + 1.2, y = 6 − 1.2.
  float xy[2] = {-4.8f, 4.8f}, out = 0.0f;
  t.predict(xy, 1, &out);
  EXPECT_NEAR(grid[0], out, 1e-6f);
  for (float v : grid) EXPECT_TRUE(v >= 0.0f && v <= 1.0f);
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

TEST(Trainer, PredictGridShowsClassOneProbabilityForLogitOutputs) {
  // Two logits with CrossEntropyLoss, one logit with BCEWithLogitsLoss: the grid holds probabilities.
  for (LossKind loss : {LossKind::CrossEntropyLoss, LossKind::BCEWithLogitsLoss}) {
    TrainerConfig c = testing::skeleton_config();
    c.learner.loss.kind = loss;
    c.learner.model.layers.back() = {loss == LossKind::CrossEntropyLoss ? 2 : 1, Activation::Identity};
    Trainer t(c);
    t.run(25 * 100);
    EXPECT_GT(t.evaluate().test.accuracy, 0.9) << name_of(loss);
    std::vector<float> grid(16 * 16);
    t.predict_grid(16, -6, 6, -6, 6, grid.data());
    for (float v : grid) ASSERT_TRUE(v >= 0.0f && v <= 1.0f) << name_of(loss) << " " << v;
    EXPECT_GT(grid[8 * 16 + 8], 0.5f);  // the centre is class 1 (inside the circle)
    EXPECT_LT(grid[0], 0.5f);           // a corner is class 0
  }
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

TEST(Metrics, AccuracyAndConfusionMatrixByHand) {
  // Three classes: rows predict 0, 2, 2, 1; actual 0, 2, 1, 1.
  float o[12] = {0.9f, 0.05f, 0.05f, 0.1f, 0.2f, 0.7f, 0.3f, 0.3f, 0.4f, 0.1f, 0.8f, 0.1f};
  float t[4] = {0, 2, 1, 1};
  const Tensor out{o, 4, 3}, tgt{t, 4, 1};
  EXPECT_DOUBLE_EQ(accuracy(out, tgt, 0.5f), 0.75);
  std::vector<int> cm;
  confusion_matrix(out, tgt, 0.5f, cm);
  EXPECT_EQ(cm, (std::vector<int>{1, 0, 0, 0, 1, 1, 0, 0, 1}));
  // One output with a threshold; soft targets by argmax.
  float p[3] = {0.2f, 0.6f, 0.5f}, y[3] = {0, 0, 1};
  EXPECT_NEAR(accuracy(Tensor{p, 3, 1}, Tensor{y, 3, 1}, 0.5f), 2.0 / 3.0, 1e-12);
  float soft[6] = {0.7f, 0.3f, 0.2f, 0.8f, 0.9f, 0.1f}, logits[6] = {1, 0, 0, 1, 0, 1};
  EXPECT_NEAR(accuracy(Tensor{logits, 3, 2}, Tensor{soft, 3, 2}, 0.5f), 2.0 / 3.0, 1e-12);
}

TEST(Trainer, ConfusionMatrixCountsEveryTestPoint) {
  Trainer t(testing::skeleton_config());
  t.run(25 * 200);
  const Confusion c = t.confusion(t.test_set());
  ASSERT_EQ(c.classes, 2);
  int total = 0;
  for (int v : c.counts) total += v;
  EXPECT_EQ(total, t.test_set().size());
  EXPECT_NEAR((c.counts[0] + c.counts[3]) / static_cast<double>(total), t.evaluate().test.accuracy, 1e-12);
}

}  // namespace
}  // namespace nnp

#include "nnp/trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/metrics.h"
#include "nnp/supplied.h"
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
  c.training.batch_size = 100;  // 250 training points: batches of 100, 100, 50
  Trainer t(c);
  t.run(2);
  EXPECT_EQ(t.progress().epoch, 0);
  EXPECT_EQ(t.progress().samples, 200);
  t.run(1);
  EXPECT_EQ(t.progress().epoch, 1);
  EXPECT_EQ(t.progress().samples, 250);
  EXPECT_EQ(t.progress().step, 3);
}

std::string error_of(const auto& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Trainer, LearningRateChangesWithoutReset) {
  Trainer t(skeleton_config());
  t.run(10);
  t.set_learning_rate(0.5);
  EXPECT_EQ(t.progress().step, 10);
  // The catalogue's range, as the page shows it: refused with the scene field's name, nothing changed.
  EXPECT_EQ(error_of([&] { t.set_learning_rate(100.0); }), "optimizer.lr must be a number in [1e-06, 10], got 100");
  EXPECT_EQ(error_of([&] { t.set_learning_rate(0.0); }), "optimizer.lr must be a number in [1e-06, 10], got 0");
  EXPECT_THROW(t.set_learning_rate(std::nan("")), Error);
  EXPECT_EQ(t.learner().lr(), 0.5);
  TrainerConfig c = skeleton_config();
  c.training.ensemble.members = 3;
  Trainer ensemble(c);
  ensemble.set_learning_rate(0.25);
  for (int m = 0; m < 3; ++m) EXPECT_EQ(ensemble.member(m).lr(), 0.25) << "member " << m;
}

// The schedule's own lr is not a user's: CosineAnnealingLR with eta_min 0 reaches 0 at T_max (torch
// steps with it: the parameters stay) and climbs again after.
TEST(Trainer, AScheduleMayBringTheLearningRateToZero) {
  TrainerConfig c = skeleton_config();
  c.learner.scheduler = SchedulerSpec{.kind = SchedulerKind::CosineAnnealingLR, .t_max = 2, .eta_min = 0.0};
  Trainer t(c);
  t.run(2);
  EXPECT_EQ(t.learner().lr(), 0.0);
  const std::vector<float> before(t.model().parameters().begin(), t.model().parameters().end());
  t.run(1);
  EXPECT_TRUE(std::equal(before.begin(), before.end(), t.model().parameters().begin()));
  EXPECT_DOUBLE_EQ(t.learner().lr(), c.learner.optimizer.lr / 2);
}

TEST(Trainer, DivergenceStopsWithTheStepAndKeepsFiniteParameters) {
  TrainerConfig c = skeleton_config();
  c.learner.loss.kind = LossKind::MSELoss;
  c.learner.model.layers.back().activation = Activation::Identity;
  c.learner.optimizer.lr = 10;  // the most a scene takes
  Trainer t(c);
  try {
    t.run(1000);
    FAIL() << "expected divergence";
  } catch (const DivergedError& e) {
    EXPECT_NE(std::string(e.what()).find("diverged at step"), std::string::npos) << e.what();
  }
  for (float p : t.model().parameters()) EXPECT_TRUE(std::isfinite(p));
}

std::string config_error(const TrainerConfig& c) {
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
  EXPECT_EQ(config_error(c), "optimizer.lr must be a number in [1e-06, 10], got -1");
  c = skeleton_config();
  c.learner.optimizer.weight_decay = -1.0;
  EXPECT_EQ(config_error(c), "optimizer.weight_decay must be a number in [0, 1], got -1");
  c = skeleton_config();
  c.learner.l1 = 2.0f;
  EXPECT_EQ(config_error(c), "l1 must be a number in [0, 1], got 2");
  c = skeleton_config();
  c.training.batch_size = 0;
  EXPECT_NE(config_error(c).find("training.batchSize"), std::string::npos);
  c = skeleton_config();
  c.learner.model.layers.back().activation = Activation::Tanh;
  EXPECT_NE(config_error(c).find("BCELoss takes probabilities"), std::string::npos);
  c = skeleton_config();
  c.learner.model.inputs = 3;
  EXPECT_NE(config_error(c).find("model.inputs must be 2 (the number of input features), got 3"), std::string::npos);
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
  const Confusion c = t.confusion(t.inputs().test);
  ASSERT_EQ(c.classes, 2);
  int total = 0;
  for (int v : c.counts) total += v;
  EXPECT_EQ(total, t.inputs().test.size());
  EXPECT_NEAR((c.counts[0] + c.counts[3]) / static_cast<double>(total), t.evaluate().test.accuracy, 1e-12);
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

TrainerConfig blobs_config(int classes) {
  TrainerConfig c;
  c.seed = 3;
  c.data = DataSpec{
      .name = "blobs", .samples = 600, .noise = 0.1, .classes = classes, .split = {.train = 0.6, .validation = 0.2}};
  c.learner.model = MlpSpec{.inputs = 2, .layers = {{16, Activation::ReLU}, {classes, Activation::Identity}}};
  c.learner.loss = LossSpec{.kind = LossKind::CrossEntropyLoss};
  c.learner.optimizer = OptimizerSpec{.kind = OptimizerKind::Adam, .lr = 0.01};
  c.training.batch_size = 32;
  return c;
}

TEST(TrainerData, FourClassBlobsWithValidationSplitAndHistory) {
  Trainer t(blobs_config(4));
  EXPECT_EQ(t.inputs().train.size(), 360);
  EXPECT_EQ(t.inputs().validation.size(), 120);
  EXPECT_EQ(t.inputs().test.size(), 120);
  t.run_epochs(30);
  EXPECT_EQ(t.progress().epoch, 30);
  ASSERT_EQ(t.history().size(), 30u);
  const EpochRecord& last = t.history().back();
  EXPECT_EQ(last.epoch, 30);
  EXPECT_GT(last.metrics.validation.accuracy, 0.95);
  EXPECT_GT(t.evaluate().test.accuracy, 0.95);
  EXPECT_LT(last.metrics.train.loss, t.history().front().metrics.train.loss);
  const Confusion cm = t.confusion(t.inputs().test);
  EXPECT_EQ(cm.classes, 4);
}

// A run longer than the history holds keeps an evenly spaced history in bounded memory: full, it
// drops every second record and from then on records every second evaluation.
TEST(TrainerData, AFullHistoryKeepsEverySecondRecord) {
  TrainerConfig c = skeleton_config();
  c.data.samples = 40;
  c.training.batch_size = 20;  // the 20 training rows: one step an epoch
  Trainer t(c);
  const auto full = static_cast<int>(Trainer::kHistoryRecords);
  t.run_epochs(full);
  ASSERT_EQ(t.history().size(), Trainer::kHistoryRecords);
  EXPECT_EQ(t.record_every(), 1);
  // Full at epoch `full` (records 1 … full), thinned to every 2nd, full again at 2·full, thinned
  // to every 4th: at 3·full + 4 the records are at epochs 4, 8, …, 3·full + 4.
  t.run_epochs(2 * full + 4);
  EXPECT_EQ(t.record_every(), 4);
  const auto& h = t.history();
  ASSERT_EQ(h.size(), Trainer::kHistoryRecords * 3 / 4 + 1);
  for (std::size_t i = 0; i < h.size(); ++i) ASSERT_EQ(h[i].epoch, 4 * static_cast<std::int64_t>(i + 1)) << i;
  EXPECT_EQ(h.back().step, h.back().epoch);
  EXPECT_EQ(h.capacity(), Trainer::kHistoryRecords);  // never grown past the bound
}

TEST(TrainerData, EarlyStoppingStopsAndRestoresTheBestWeights) {
  TrainerConfig c = blobs_config(3);
  c.learner.optimizer.lr = 0.05;
  // On separable blobs the validation loss keeps creeping down; an improvement must beat 0.01.
  c.training.early_stopping = {.patience = 3, .min_delta = 0.01, .restore_best = true};
  Trainer t(c);
  t.run_epochs(500);
  ASSERT_TRUE(t.progress().stopped);
  EXPECT_LT(t.progress().epoch, 500);
  const auto& h = t.history();
  // Stopped exactly `patience` evaluations after the best one.
  EXPECT_EQ(h.back().epoch - t.best_epoch(), 3);
  double at_best = -1.0;
  for (const EpochRecord& r : h)
    if (r.epoch == t.best_epoch()) at_best = r.metrics.validation.loss;
  EXPECT_NEAR(t.evaluate().validation.loss, at_best, 1e-6);  // the restored parameters
  EXPECT_GT(h.back().metrics.validation.loss != at_best, 0);
  const auto steps = t.progress().step;
  t.run(100);  // a stopped run takes no more steps
  EXPECT_EQ(t.progress().step, steps);
}

TEST(TrainerData, DropLastAndFixedOrder) {
  TrainerConfig c = testing::skeleton_config();
  c.training.batch_size = 100;  // 250 rows: 100, 100, (50 dropped)
  c.training.drop_last = true;
  Trainer t(c);
  t.run(2);
  EXPECT_EQ(t.progress().epoch, 1);
  EXPECT_EQ(t.progress().samples, 200);
  // Fixed order: every epoch sees the same batches, so with the least lr a scene takes (1e-6) the
  // losses repeat to within its drift; another batch's loss differs by far more.
  TrainerConfig f = testing::skeleton_config();
  f.training.shuffle = false;
  f.learner.optimizer.lr = 1e-6;
  Trainer fixed(f);
  const double e1 = fixed.run(25).batch_loss, e2 = fixed.run(25).batch_loss;
  EXPECT_NEAR(e1, e2, 1e-5);
  TrainerConfig s = f;
  s.training.shuffle = true;
  s.training.batch_size = 7;
  Trainer shuffled(s);
  const double s1 = shuffled.run(35).batch_loss,
               s2 = shuffled.run(35).batch_loss;  // 245 rows: same rows, other batches
  EXPECT_GT(std::fabs(s1 - s2), 1e-3);
}

TEST(TrainerData, FeaturesAndStandardisationReachPredictions) {
  TrainerConfig c = testing::skeleton_config();
  c.data.features = {Feature::X1Squared, Feature::X2Squared};  // the circle becomes linearly separable
  c.data.standardize = true;
  c.learner.model = MlpSpec{.inputs = 2, .layers = {{1, Activation::Sigmoid}}};  // logistic regression
  Trainer t(c);
  t.run_epochs(100);
  EXPECT_GT(t.evaluate().test.accuracy, 0.97);
  std::vector<float> grid(9);
  t.predict_grid(3, -6, 6, -6, 6, grid.data());
  EXPECT_GT(grid[4], 0.5f);  // centre: inside the circle
  EXPECT_LT(grid[0], 0.5f);  // corner
  c.learner.model.inputs = 3;
  EXPECT_THROW(Trainer{c}, Error);  // 2 features chosen, 3 inputs
}

TEST(TrainerData, RegressionOnTheSineCurve) {
  TrainerConfig c;
  c.seed = 2;
  c.data = DataSpec{.name = "sine", .samples = 400, .noise = 0.0, .split = {.train = 0.75}};
  c.learner.model =
      MlpSpec{.inputs = 1, .layers = {{32, Activation::Tanh}, {32, Activation::Tanh}, {1, Activation::Identity}}};
  c.learner.loss = LossSpec{.kind = LossKind::MSELoss};
  c.learner.optimizer = OptimizerSpec{.kind = OptimizerKind::Adam, .lr = 0.01};
  c.training.batch_size = 16;
  Trainer t(c);
  const double before = t.evaluate().test.loss;
  t.run_epochs(150);
  const Evaluation e = t.evaluate();
  EXPECT_LT(e.test.loss, before / 20);
  EXPECT_TRUE(std::isnan(e.test.accuracy));  // no accuracy for a regression
  c.learner.loss.kind = LossKind::CrossEntropyLoss;
  try {
    Trainer bad(c);
    FAIL();
  } catch (const Error& err) {
    EXPECT_NE(std::string(err.what()).find("this data is a regression"), std::string::npos) << err.what();
  }
}

// A class count no network could output (a caller's slip, e.g. 2³¹ − 1) is refused by name, not
// met with std::bad_alloc from the split's per-class arrays (issue 17's Embind fuzzing).
TEST(TrainerData, SuppliedClassesPastTheWidestLayerAreRefusedByName) {
  Dataset d;
  d.features = 1;
  d.x = {0.0f, 1.0f};
  d.y = {0.0f, 1.0f};
  for (const int classes : {-1, 1, 4097, 2147483647}) {
    d.classes = classes;
    try {
      check_supplied(d, "data");
      FAIL() << classes << " classes were accepted";
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()),
                "data.classes must be 0 (regression) or from 2 to 4096, got " + std::to_string(classes));
    }
  }
  d.classes = 4096;
  EXPECT_NO_THROW(check_supplied(d, "data"));
}

TEST(TrainerData, SuppliedDataWithItsOwnTestSet) {
  Pcg32 g(4);
  Dataset all = make_blobs(300, 0.1, 3, g);
  Dataset test = make_blobs(90, 0.1, 3, g);
  TrainerConfig c = blobs_config(3);
  c.data.name = "supplied";
  c.data.split = {.train = 0.5, .validation = 0.2};  // with a separate test set: 20 % of the data validates
  Trainer t(c, SuppliedData{all, test});
  EXPECT_EQ(t.inputs().train.size(), 240);
  EXPECT_EQ(t.inputs().validation.size(), 60);
  EXPECT_EQ(t.inputs().test.size(), 90);
  t.run_epochs(20);
  EXPECT_GT(t.evaluate().test.accuracy, 0.9);
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

TEST(TrainerAugmentation, JitterAndMixupStillLearnAndChangeTheRun) {
  TrainerConfig base = testing::skeleton_config();
  base.learner.loss.kind = LossKind::CrossEntropyLoss;
  base.learner.model.layers.back() = {2, Activation::Identity};
  Trainer plain(base);
  TrainerConfig aug = base;
  aug.training.augmentation = {.jitter = 0.1f, .mixup = 0.4f};
  Trainer augmented(aug);
  const double a = plain.run(50).batch_loss, b = augmented.run(50).batch_loss;
  EXPECT_NE(a, b);
  augmented.run_epochs(150);
  EXPECT_GT(augmented.evaluate().test.accuracy, 0.95);
  // Mixup cannot feed class probabilities to NLLLoss.
  TrainerConfig nll = aug;
  nll.learner.loss.kind = LossKind::NLLLoss;
  nll.learner.model.layers.back().activation = Activation::LogSoftmax;
  EXPECT_THROW(Trainer{nll}, Error);
  // Regression targets are mixed too.
  TrainerConfig reg;
  reg.data = DataSpec{.name = "plane", .samples = 300, .split = {.train = 0.7}};
  reg.learner.model = MlpSpec{.inputs = 2, .layers = {{1, Activation::Identity}}};
  reg.learner.loss = LossSpec{.kind = LossKind::MSELoss};
  reg.learner.optimizer = OptimizerSpec{.kind = OptimizerKind::SGD, .lr = 0.01};
  reg.training.augmentation.mixup = 1.0f;
  Trainer r(reg);
  r.run_epochs(50);
  EXPECT_LT(r.evaluate().test.loss, 0.01);  // (x + y)/10 is linear: mixing rows keeps it exact
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

TEST(TrainerRegularisation, ChangesMidRunWithoutAReset) {
  TrainerConfig c = testing::skeleton_config();
  Trainer t(c);
  t.run(100);
  const auto step = t.progress().step;
  Learner& l = t.learner();
  l.set_l1(0.01f);
  l.set_weight_decay(0.1);
  l.set_dropout(0, 0.2f);
  EXPECT_FLOAT_EQ(l.spec().l1, 0.01f);
  EXPECT_DOUBLE_EQ(l.spec().optimizer.weight_decay, 0.1);
  EXPECT_FLOAT_EQ(l.model().spec().layers[0].dropout, 0.2f);
  t.run(100);
  EXPECT_EQ(t.progress().step, step + 100);  // same run, carried on
  EXPECT_THROW(l.set_l1(-1.0f), Error);
  EXPECT_THROW(l.set_weight_decay(std::nan("")), Error);
  EXPECT_THROW(l.set_weight_decay(2.0), Error);  // the catalogue's [0, 1]
  EXPECT_DOUBLE_EQ(l.spec().optimizer.weight_decay, 0.1);
  EXPECT_THROW(l.set_dropout(2, 0.5f), Error);  // the output layer
  EXPECT_THROW(l.set_dropout(7, 0.5f), Error);  // no such layer
  EXPECT_THROW(l.set_dropout(0, 1.0f), Error);
  // A strong L1 penalty drives weights toward zero from here on.
  double before = 0.0, after = 0.0;
  for (float w : l.model().parameters()) before += std::fabs(w);
  l.set_l1(0.5f);
  t.run(500);
  for (float w : l.model().parameters()) after += std::fabs(w);
  EXPECT_LT(after, before);
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

TEST(TrainerEnsemble, MembersDifferAndTheEnsembleAveragesThem) {
  TrainerConfig c = blobs_config(3);
  c.data.noise = 0.6;  // overlapping blobs: members disagree near the borders
  c.training.ensemble = {.members = 3, .bootstrap = true};
  Trainer t(c);
  ASSERT_EQ(t.members(), 3);
  EXPECT_NE(t.member(0).parameter("0.weight")[0], t.member(1).parameter("0.weight")[0]);  // own initialisation
  t.run_epochs(20);
  const Evaluation ensemble = t.evaluate();
  double mean_member = 0.0;
  for (int m = 0; m < 3; ++m) mean_member += t.evaluate_member(m).test.accuracy / 3;
  EXPECT_GT(ensemble.test.accuracy, 0.6);
  EXPECT_GE(ensemble.test.accuracy, mean_member - 0.02);  // averaging does not do worse than a typical member
  // The ensemble's prediction is the mean of the members' probabilities.
  const float raw[2] = {0.5f, -1.0f};
  std::vector<float> out(3);
  t.predict(raw, 1, out.data());
  EXPECT_NEAR(out[0] + out[1] + out[2], 1.0f, 1e-5f);
  std::vector<float> grid(4);
  t.predict_grid(2, -6, 6, -6, 6, grid.data());
  for (float v : grid) EXPECT_TRUE(v >= 0.0f && v <= 1.0f);
  EXPECT_THROW(t.member(3), Error);
  TrainerConfig bad = c;
  bad.training.ensemble.members = 0;
  EXPECT_THROW(Trainer{bad}, Error);
}

TEST(TrainerEnsemble, BootstrapResamplesWithRepeats) {
  TrainerConfig c = testing::skeleton_config();
  c.training.ensemble = {.members = 2, .bootstrap = true};
  c.learner.optimizer.lr = 1e-6;  // next to nothing learns: compare the data each member sees
  Trainer t(c);
  const double first = t.run(25).batch_loss;
  TrainerConfig plain = c;
  plain.training.ensemble.bootstrap = false;
  Trainer p(plain);
  EXPECT_NE(first, p.run(25).batch_loss);
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

TEST(TrainerGrid, ClassProbabilitiesSumToOneAndAgreeWithPredictGrid) {
  Trainer t(blobs_config(3));
  t.run_epochs(10);
  const int res = 6;
  std::vector<float> probs(res * res * 3), p1(res * res);
  t.predict_grid_probabilities(res, -6, 6, -6, 6, probs.data());
  t.predict_grid(res, -6, 6, -6, 6, p1.data());
  for (int i = 0; i < res * res; ++i) {
    EXPECT_NEAR(probs[i * 3] + probs[i * 3 + 1] + probs[i * 3 + 2], 1.0f, 1e-5f);
    EXPECT_NEAR(probs[i * 3 + 1], p1[i], 1e-6f);
  }
}

}  // namespace
}  // namespace nnp

namespace nnp {
namespace {

// TensorFlow Playground's labels: −1/+1 targets for a Tanh output with MSELoss, class 1 at ≥ 0.
TEST(TrainerData, SignedLabelsTrainTowardsMinusOneAndPlusOne) {
  TrainerConfig c = testing::skeleton_config(3);
  c.data.signed_labels = true;
  c.learner.model.layers.back().activation = ActivationSpec{Activation::Tanh};
  c.learner.loss = LossSpec{.kind = LossKind::MSELoss};
  c.learner.optimizer.lr = 0.03;
  Trainer t(c);
  t.run(25 * 100);
  const Evaluation e = t.evaluate();
  EXPECT_GT(e.test.accuracy, 0.95);

  // The loss is the mean of (output − (2·class − 1))² over the raw training points, and the
  // accuracy counts a point as class 1 when its output is ≥ 0.
  const Dataset& raw = t.raw().train;
  std::vector<float> out(static_cast<std::size_t>(raw.size()));
  t.predict(raw.x.data(), raw.size(), out.data());
  double loss = 0.0;
  int correct = 0;
  for (int i = 0; i < raw.size(); ++i) {
    const float cls = raw.y[static_cast<std::size_t>(i)], o = out[static_cast<std::size_t>(i)];
    EXPECT_TRUE(cls == 0.0f || cls == 1.0f);  // the points keep their classes
    loss += (o - (2.0 * cls - 1.0)) * (o - (2.0 * cls - 1.0));
    correct += (o >= 0.0f ? 1.0f : 0.0f) == cls ? 1 : 0;
  }
  EXPECT_NEAR(e.train.loss, loss / raw.size(), 1e-5);
  EXPECT_DOUBLE_EQ(e.train.accuracy, static_cast<double>(correct) / raw.size());
  EXPECT_LT(*std::min_element(out.begin(), out.end()), -0.5f);  // it learnt towards −1, not 0

  // The boundary's P(class 1) is (output + 1)/2.
  std::vector<float> grid(4);
  t.predict_grid(2, -6, 6, -6, 6, grid.data());
  float corner[2] = {-3.0f, 3.0f}, o = 0.0f;
  t.predict(corner, 1, &o);
  EXPECT_NEAR(grid[0], 0.5f * (o + 1.0f), 1e-6f);

  TrainerConfig bce = testing::skeleton_config();
  bce.data.signed_labels = true;
  try {
    Trainer refused(bce);
    ADD_FAILURE() << "signed labels with BCELoss were accepted";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("data.signedLabels"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace nnp

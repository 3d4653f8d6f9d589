// The tape-free step (MlpStep) against the tape: two Learners from the same seed, one with the tape
// forced, trained on the same batches must report the same losses and hold the same parameters and
// gradients, bit for bit, for every activation, loss and optimiser the fast path accepts, with
// dropout, L1, clipping and batches of changing size.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "nnp/error.h"
#include "nnp/learner.h"
#include "nnp/rng.h"
#include "nnp/spec_json.h"

namespace nnp {
namespace {

std::string spec_json(const std::string& hidden, const std::string& output, int outputs, const std::string& loss,
                      const std::string& optimizer, const std::string& extra = "", float dropout = 0.0f) {
  return R"({"model": {"inputs": 3, "layers": [{"units": 9, "activation": )" + hidden + R"(, "dropout": )" +
         std::to_string(dropout) + R"(}, {"units": 5, "activation": )" + hidden + R"(}, {"units": )" +
         std::to_string(outputs) + R"(, "activation": )" + output + R"(}]}, "loss": )" + loss + R"(, "optimizer": )" +
         optimizer + extra + "}";
}

bool same_bits(std::span<const float> a, std::span<const float> b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// Trains both ways for `steps` steps on batches of 10 and 7 rows in turn; `classes` > 0 draws class
// indices, `soft` class probabilities, otherwise targets in [lo, 1].
void expect_same_training(const std::string& json, int classes, bool soft = false, float lo = -1.0f, int steps = 60) {
  SCOPED_TRACE(json);
  const LearnerSpec spec = learner_spec_from_json(json);
  Learner fast(spec, 3), tape(spec, 3);
  tape.set_tape_free(false);
  ASSERT_TRUE(fast.tape_free());
  ASSERT_FALSE(tape.tape_free());
  const int outputs = fast.model().outputs();
  const int y_cols = classes > 0 && !soft ? 1 : outputs;
  Pcg32 rng(11);
  std::vector<float> x(10 * 3), y(10 * static_cast<std::size_t>(y_cols));
  for (int s = 0; s < steps; ++s) {
    const int n = s % 2 == 0 ? 10 : 7;
    for (float& v : x) v = static_cast<float>(rng.uniform(-2, 2));
    for (int r = 0; r < n; ++r) {
      float* yr = y.data() + static_cast<std::size_t>(r) * y_cols;
      if (classes > 0 && !soft) {
        yr[0] = static_cast<float>(rng.below(static_cast<std::uint32_t>(classes)));
      } else if (soft) {
        float sum = 0.0f;
        for (int c = 0; c < y_cols; ++c) sum += (yr[c] = static_cast<float>(rng.uniform(0, 1)));
        for (int c = 0; c < y_cols; ++c) yr[c] /= sum;
      } else {
        for (int c = 0; c < y_cols; ++c) yr[c] = static_cast<float>(rng.uniform(lo, 1));
      }
    }
    // A run that diverges must diverge at the same step with the same message.
    float a = 0.0f, b = 0.0f;
    std::string fast_error, tape_error;
    try {
      a = fast.step(x.data(), y.data(), n, y_cols);
    } catch (const Error& e) {
      fast_error = e.what();
    }
    try {
      b = tape.step(x.data(), y.data(), n, y_cols);
    } catch (const Error& e) {
      tape_error = e.what();
    }
    ASSERT_EQ(fast_error, tape_error) << "step " << s;
    ASSERT_TRUE(fast_error.empty()) << "diverged at step " << s << ": lower the test's lr";
    ASSERT_EQ(a, b) << "loss at step " << s;
    ASSERT_TRUE(same_bits(fast.model().gradients_view(), tape.model().gradients_view())) << "gradients at step " << s;
    ASSERT_TRUE(same_bits(fast.model().parameters_view(), tape.model().parameters_view()))
        << "parameters at step " << s;
  }
}

const char* const kActivations[] = {
    R"("Identity")",
    R"("Sigmoid")",
    R"("Tanh")",
    R"("ReLU")",
    R"({"name": "LeakyReLU", "negative_slope": 0.1})",
    R"({"name": "ELU", "alpha": 0.7})",
    R"("GELU")",
    R"({"name": "GELU", "approximate": "tanh"})",
    R"("SiLU")",
    R"({"name": "Softplus", "beta": 2, "threshold": 3})",
    R"("Softmax")",
    R"("LogSoftmax")",
};

const char* const kOptimizers[] = {
    R"({"name": "SGD", "lr": 0.05})",
    R"({"name": "SGD", "lr": 0.05, "momentum": 0.9, "nesterov": true, "weight_decay": 0.01})",
    R"({"name": "SGD", "lr": 0.05, "momentum": 0.5, "dampening": 0.2})",
    R"({"name": "Adagrad", "lr": 0.05, "lr_decay": 0.01, "initial_accumulator_value": 0.1})",
    R"({"name": "RMSprop", "lr": 0.01, "momentum": 0.5, "centered": true, "weight_decay": 0.001})",
    R"({"name": "Adam", "lr": 0.01})",
    R"({"name": "Adam", "lr": 0.01, "weight_decay": 0.01, "amsgrad": true})",
    R"({"name": "AdamW", "lr": 0.01, "no_decay_bias": true})",
    R"({"name": "AdamW", "lr": 0.01, "eps": 0})",
};

TEST(MlpStep, EveryActivationMatchesTheTapeWithMSE) {
  for (const char* act : kActivations)
    expect_same_training(spec_json(act, act, 2, R"({"name": "MSELoss"})", kOptimizers[2]), 0);
}

TEST(MlpStep, EveryOptimiserMatchesTheTape) {
  for (const char* opt : kOptimizers) {
    expect_same_training(spec_json(R"("Tanh")", R"("Identity")", 3, R"({"name": "CrossEntropyLoss"})", opt), 3);
    // ELU, not ReLU: eps 0 makes a dead unit's 0/0 a NaN, as in torch.
    expect_same_training(spec_json(R"("ELU")", R"("Tanh")", 1, R"({"name": "MSELoss"})", opt), 0);
  }
}

TEST(MlpStep, EveryLossMatchesTheTape) {
  const char* const adam = kOptimizers[5];
  const std::string id = R"("Identity")", relu = R"("ReLU")";
  expect_same_training(spec_json(relu, id, 2, R"({"name": "MSELoss", "reduction": "sum"})", adam), 0);
  expect_same_training(spec_json(relu, id, 2, R"({"name": "L1Loss"})", adam), 0);
  expect_same_training(spec_json(relu, id, 2, R"({"name": "HuberLoss", "delta": 0.5})", adam), 0);
  expect_same_training(spec_json(relu, R"("Sigmoid")", 1, R"({"name": "BCELoss"})", adam), 0, false, 0.0f);
  expect_same_training(spec_json(relu, id, 2, R"({"name": "BCEWithLogitsLoss"})", adam), 0, false, 0.0f);
  expect_same_training(spec_json(relu, id, 4, R"({"name": "CrossEntropyLoss", "label_smoothing": 0.1})", adam), 4);
  expect_same_training(spec_json(relu, id, 4, R"({"name": "CrossEntropyLoss", "reduction": "sum"})", adam), 4, true);
  expect_same_training(spec_json(relu, R"("LogSoftmax")", 4, R"({"name": "NLLLoss"})", adam), 4);
  expect_same_training(spec_json(relu, id, 4, R"({"name": "MultiMarginLoss", "margin": 0.5})", adam), 4);
}

TEST(MlpStep, DropoutL1AndClippingMatchTheTape) {
  const std::string extra = R"(, "l1": 0.001, "clip_grad_norm": 0.5, "clip_grad_value": 0.05,
    "scheduler": {"name": "StepLR", "step_size": 7, "gamma": 0.5})";
  expect_same_training(
      spec_json(R"("GELU")", R"("Identity")", 3, R"({"name": "CrossEntropyLoss"})", kOptimizers[6], extra, 0.3f), 3);
  expect_same_training(
      spec_json(R"("Identity")", R"("Identity")", 1, R"({"name": "MSELoss"})", kOptimizers[0], extra, 0.5f), 0);
}

// run_steps (the bindings' many-steps call) is a loop of step(): the same losses and parameters, and
// a divergence stops it at the same step with the parameters of the last finite one.
TEST(MlpStep, RunStepsIsALoopOfSteps) {
  const LearnerSpec spec = learner_spec_from_json(
      spec_json(R"("Tanh")", R"("Identity")", 2, R"({"name": "MSELoss"})", R"({"name": "Adam", "lr": 0.01})"));
  Learner looped(spec, 5), run(spec, 5);
  const std::vector<float> x = {0.5f, -1.0f, 2.0f, 1.5f, 0.25f, -0.75f}, y = {1.0f, -1.0f, 0.5f, 0.0f};
  float last = 0.0f;
  for (int s = 0; s < 25; ++s) last = looped.step(x.data(), y.data(), 2, 2);
  EXPECT_EQ(run.run_steps(x.data(), y.data(), 2, 2, 25), last);
  EXPECT_EQ(run.steps(), 25);
  EXPECT_TRUE(same_bits(run.model().parameters_view(), looped.model().parameters_view()));

  LearnerSpec hot = learner_spec_from_json(
      spec_json(R"("ReLU")", R"("Identity")", 2, R"({"name": "MSELoss"})", R"({"name": "SGD", "lr": 10})"));
  Learner diverging(hot, 5), reference(hot, 5);
  int finite = 0;  // steps the reference takes before its loss stops being finite
  try {
    for (; finite < 50; ++finite) reference.step(x.data(), y.data(), 2, 2);
  } catch (const DivergedError&) {
  }
  ASSERT_LT(finite, 50) << "the test's lr should diverge";
  EXPECT_THROW(diverging.run_steps(x.data(), y.data(), 2, 2, 50), DivergedError);
  EXPECT_EQ(diverging.steps(), reference.steps());
  EXPECT_TRUE(same_bits(diverging.model().parameters_view(), reference.model().parameters_view()));
}

TEST(MlpStep, BadTargetsGetTheTapesMessage) {
  const LearnerSpec spec = learner_spec_from_json(
      spec_json(R"("ReLU")", R"("Identity")", 3, R"({"name": "CrossEntropyLoss"})", kOptimizers[5]));
  Learner fast(spec, 1), tape(spec, 1);
  tape.set_tape_free(false);
  const std::vector<float> x(2 * 3, 0.5f), y = {1.0f, 3.0f};
  std::string fast_message, tape_message;
  try {
    fast.step(x.data(), y.data(), 2, 1);
  } catch (const Error& e) {
    fast_message = e.what();
  }
  try {
    tape.step(x.data(), y.data(), 2, 1);
  } catch (const Error& e) {
    tape_message = e.what();
  }
  EXPECT_NE(fast_message.find("target class 3 in row 1"), std::string::npos) << fast_message;
  EXPECT_EQ(fast_message, tape_message);
  EXPECT_TRUE(same_bits(fast.model().parameters_view(), tape.model().parameters_view()));
}

}  // namespace
}  // namespace nnp

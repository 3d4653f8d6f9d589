// Reading specs from JSON: defaults as torch's, and every bad field refused with its name.
#include <gtest/gtest.h>

#include <string>

#include "nnp/error.h"
#include "nnp/learner.h"
#include "nnp/spec_json.h"

namespace nnp {
namespace {

const char* kBase = R"({"model": {"inputs": 2, "layers": [{"units": 3, "activation": "Tanh"},
  {"units": 2, "activation": {"name": "Identity"}}]}, "loss": {"name": "CrossEntropyLoss"},
  "optimizer": {"name": "Adam"}})";

std::string with(const std::string& key_value) {
  std::string s = kBase;
  s.insert(s.size() - 1, ", " + key_value);
  return s;
}

std::string error_of(const std::string& json) {
  try {
    Learner l(learner_spec_from_json(json), 0);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(SpecJson, ReadsTorchDefaults) {
  const LearnerSpec s = learner_spec_from_json(kBase);
  EXPECT_EQ(s.optimizer.kind, OptimizerKind::Adam);
  EXPECT_DOUBLE_EQ(s.optimizer.lr, 1e-3);
  EXPECT_DOUBLE_EQ(s.optimizer.beta2, 0.999);
  EXPECT_EQ(s.loss.reduction, Reduction::Mean);
  EXPECT_EQ(s.scheduler.kind, SchedulerKind::None);
  EXPECT_EQ(s.model.layers[0].activation.kind, Activation::Tanh);
  const LearnerSpec w = learner_spec_from_json(R"({"model": {"inputs": 1, "layers": [{"units": 1}]},
    "loss": {"name": "MSELoss"}, "optimizer": {"name": "AdamW"}})");
  EXPECT_DOUBLE_EQ(w.optimizer.weight_decay, 0.01);  // AdamW's own default
  const LearnerSpec a = learner_spec_from_json(R"({"model": {"inputs": 1, "layers": [{"units": 1}]},
    "loss": {"name": "MSELoss"}, "optimizer": {"name": "Adagrad"}})");
  EXPECT_DOUBLE_EQ(a.optimizer.eps, 1e-10);
}

TEST(SpecJson, ReadsEveryArgument) {
  const LearnerSpec s = learner_spec_from_json(R"({"model": {"inputs": 2, "layers": [
      {"units": 4, "activation": {"name": "LeakyReLU", "negative_slope": 0.2}, "dropout": 0.25},
      {"units": 4, "activation": {"name": "GELU", "approximate": "tanh"}},
      {"units": 3, "activation": {"name": "LogSoftmax", "dim": 1}}]},
    "loss": {"name": "NLLLoss", "reduction": "sum"},
    "optimizer": {"name": "SGD", "lr": 0.5, "momentum": 0.9, "nesterov": true, "weight_decay": 0.1, "no_decay_bias": true,
                  "foreach": null, "maximize": false},
    "scheduler": {"name": "CosineAnnealingLR", "T_max": 7, "eta_min": 0.01, "last_epoch": -1},
    "clip_grad_norm": 2.5, "clip_grad_value": null, "l1": 0.001, "init": {"weight": "kaiming_normal", "bias": 0.1}})");
  EXPECT_FLOAT_EQ(s.model.layers[0].activation.negative_slope, 0.2f);
  EXPECT_FLOAT_EQ(s.model.layers[0].dropout, 0.25f);
  EXPECT_TRUE(s.model.layers[1].activation.approximate_tanh);
  EXPECT_EQ(s.loss.reduction, Reduction::Sum);
  EXPECT_TRUE(s.optimizer.nesterov);
  EXPECT_TRUE(s.optimizer.no_decay_bias);
  EXPECT_EQ(s.scheduler.t_max, 7);
  EXPECT_FLOAT_EQ(s.clip_grad_norm, 2.5f);
  EXPECT_EQ(s.clip_grad_value, 0.0f);
  EXPECT_EQ(s.init.weight, InitKind::KaimingNormal);
  EXPECT_FLOAT_EQ(s.init.bias_value, 0.1f);
}

TEST(SpecJson, BadInputIsRefusedNamingTheFieldAndTheAcceptedValues) {
  EXPECT_EQ(error_of("{"), "the config is not valid JSON");
  EXPECT_EQ(error_of(R"({"loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD"}})"),
            "model is missing (an object is expected)");
  EXPECT_EQ(
      error_of(R"({"model": {"inputs": 2, "layers": []}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD"}})"),
      "model.layers must hold at least one layer (the output layer), got none");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 0}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD"}})"),
      "model.layers[0].units must be an integer from 1 to 4096, got 0");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1, "activation": "Tanhh"}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD"}})"),
      "model.layers[0].activation: unknown activation 'Tanhh'; accepted: Identity, Sigmoid, Tanh, ReLU, "
      "LeakyReLU, ELU, GELU, SiLU, Softplus, Softmax, LogSoftmax");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1.5}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD"}})"),
      "model.layers[0].units must be a whole number, got 1.5");
  std::string s = kBase;
  EXPECT_NE(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1}]}, "loss": {"name": "MSE"}, "optimizer": {"name": "SGD"}})")
          .find("loss.name: unknown loss 'MSE'; accepted: MSELoss, L1Loss"),
      std::string::npos);
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1}]}, "loss": {"name": "MSELoss", "reduction": "none"}, "optimizer": {"name": "SGD"}})"),
      "loss.reduction: 'none' is not accepted for training; accepted: mean, sum");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1, "activation": {"name": "Tanh", "negative_slope": 3}}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD"}})"),
      "model.layers[0].activation.negative_slope is not an argument of Tanh; accepted: name");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 2}]}, "loss": {"name": "CrossEntropyLoss", "delta": 1}, "optimizer": {"name": "SGD"}})"),
      "loss.delta is not an argument of CrossEntropyLoss; accepted: name, reduction, label_smoothing, ignore_index, "
      "weight");
  EXPECT_EQ(error_of(with(R"("clip_grad_nrom": 1)")),
            "clip_grad_nrom is not an argument of a learner spec; accepted: model, loss, optimizer, scheduler, "
            "clip_grad_norm, clip_grad_value, l1, init");
  EXPECT_EQ(error_of(with(R"("scheduler": {"name": "StepLR", "step_size": 2, "T_max": 3})")),
            "scheduler.T_max is not an argument of StepLR; accepted: name, step_size, gamma, last_epoch");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1, "activation": "Sigmoid", "dropout": 0.5}]}, "loss": {"name": "BCELoss"}, "optimizer": {"name": "SGD"}})"),
      "model.layers[0].dropout: the output layer takes no dropout (it would scale the outputs the loss sees)");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD", "momentun": 0.9}})"),
      "optimizer.momentun is not an argument of SGD; accepted: name, lr, momentum, dampening, nesterov, "
      "weight_decay, no_decay_bias, maximize");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "Adam", "betas": [0.9, 1.0]}})"),
      "optimizer.betas[1] must be in [0, 1), got 1");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD", "lr": -1}})"),
      "optimizer.lr must be a number in [1e-06, 10], got -1");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD", "lr": "fast"}})"),
      "optimizer.lr must be a number, got \"fast\"");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1}]}, "loss": {"name": "MSELoss"}, "optimizer": {"name": "SGD", "maximize": true}})"),
      "optimizer.maximize = true is not supported (gradient ascent is not implemented); use false");
  EXPECT_EQ(error_of(with(R"("scheduler": {"name": "StepLR"})")), "scheduler.step_size is missing (StepLR needs it)");
  EXPECT_EQ(error_of(with(R"("clip_grad_norm": -1)")), "clip_grad_norm must be a number > 0 (or null for no clipping)");
  EXPECT_EQ(error_of(with(R"("init": {"weight": "he"})")),
            "init.weight: unknown initialiser 'he'; accepted: default, zeros, constant, uniform, xavier_uniform, "
            "xavier_normal, kaiming_uniform, kaiming_normal");
  EXPECT_EQ(error_of(with(R"("init": {"weight": "uniform", "a": 0.5, "b": -0.5})")),
            "init: uniform needs a <= b (torch.nn.init.uniform_'s range [a, b)); got a = 0.5, b = -0.5");
  EXPECT_EQ(
      error_of(
          R"({"model": {"inputs": 2, "layers": [{"units": 1, "activation": "Tanh"}]}, "loss": {"name": "BCELoss"}, "optimizer": {"name": "SGD"}})"),
      "loss.name BCELoss takes probabilities: the output layer's activation must be Sigmoid (got Tanh), or use "
      "BCEWithLogitsLoss on raw outputs");
}

TEST(Learner, ParametersInTorchLayoutAndBadAccessNamed) {
  Learner l(learner_spec_from_json(kBase), 3);
  const std::vector<float> w(6, 0.5f);
  l.set_parameter("0.weight", w);
  EXPECT_EQ(l.parameter("0.weight")[5], 0.5f);
  try {
    l.set_parameter("0.weight", std::vector<float>(5, 0.0f));
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "parameter '0.weight' has 6 values ([3, 2]), got 5");
  }
  try {
    l.parameter("1.weight");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "no parameter named '1.weight'; this model has 0.weight, 0.bias, 2.weight, 2.bias");
  }
  EXPECT_THROW(l.set_parameter("0.bias", std::vector<float>{1.0f, std::nanf(""), 0.0f}), Error);
}

TEST(Learner, SameSeedSameInitialParametersDifferentSeedDifferent) {
  Learner a(learner_spec_from_json(kBase), 7), b(learner_spec_from_json(kBase), 7), c(learner_spec_from_json(kBase), 8);
  EXPECT_TRUE(
      std::equal(a.parameter("0.weight").begin(), a.parameter("0.weight").end(), b.parameter("0.weight").begin()));
  EXPECT_FALSE(
      std::equal(a.parameter("0.weight").begin(), a.parameter("0.weight").end(), c.parameter("0.weight").begin()));
}

TEST(TrainerJson, ReadsTheWholeRunAndRefusesStrayKeys) {
  const TrainerConfig c = trainer_config_from_json(R"({"seed": 3, "data": {"name": "circle", "samples": 100,
    "noise": 0.1, "trainFraction": 0.6, "validationFraction": 0.2, "features": ["x1", "x2", "x1*x2"], "standardize": true},
    "training": {"batchSize": 16, "dropLast": true, "shuffle": false, "evaluateEvery": 2,
    "earlyStopping": {"patience": 5, "minDelta": 0.001}}, "model": {"inputs": 3, "layers": [{"units": 1,
    "activation": "Sigmoid"}]}, "loss": {"name": "BCELoss"}, "optimizer": {"name": "SGD", "lr": 0.3}})");
  EXPECT_EQ(c.seed, 3u);
  EXPECT_EQ(c.training.batch_size, 16);
  EXPECT_TRUE(c.training.drop_last);
  EXPECT_FALSE(c.training.shuffle);
  EXPECT_EQ(c.training.evaluate_every, 2);
  EXPECT_EQ(c.training.early_stopping.patience, 5);
  EXPECT_TRUE(c.training.early_stopping.restore_best);
  EXPECT_DOUBLE_EQ(c.data.split.train, 0.6);
  EXPECT_DOUBLE_EQ(c.data.split.validation, 0.2);
  EXPECT_EQ(c.data.features, (std::vector<Feature>{Feature::X1, Feature::X2, Feature::X1TimesX2}));
  EXPECT_TRUE(c.data.standardize);
  try {
    trainer_config_from_json(
        R"({"seed": 1, "data": {"name": "circle", "features": ["x1", "x3"]}, "training": {"batchSize": 1}})");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "data.features[1]: unknown feature 'x3'; accepted: x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)");
  }
  try {
    trainer_config_from_json(R"({"seed": 1, "network": {}})");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "network is not an argument of the engine config; accepted: seed, data, model, loss"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace nnp

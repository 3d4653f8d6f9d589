// validate_scene: each rule a scene can break gives a problem at that field's path, with a message
// that names the field; every problem is reported at once; the catalogue agrees with the parsers.
#include "nnp/validate_scene.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "nnp/catalogue.h"
#include "nnp/spec_json.h"

namespace nnp {
namespace {

using nlohmann::json;

// Circle, 2 → 4 Tanh → 1 Sigmoid, BCELoss, SGD: web/src/scene's defaultScene.
json base() {
  return json::parse(R"({"format": "nn-playground/scene@1", "seed": 1,
    "data": {"name": "circle", "samples": 500, "noise": 0, "trainFraction": 0.5},
    "model": {"inputs": 2, "layers": [{"units": 4, "activation": "Tanh"}, {"units": 1, "activation": "Sigmoid"}]},
    "loss": {"name": "BCELoss"}, "optimizer": {"name": "SGD", "lr": 0.1}, "training": {"batchSize": 10}})");
}

Problems problems_of(const json& scene, const std::optional<DataShape>& shape = std::nullopt) {
  return validate_scene(scene.dump(), shape);
}

// The one problem of `scene`, which must be at `path` with a message containing `text`.
void expect_problem(const json& scene, const std::string& path, const std::string& text,
                    const std::optional<DataShape>& shape = std::nullopt) {
  const Problems p = problems_of(scene, shape);
  std::string all;
  for (const Problem& q : p) all += q.path + ": " + q.message + "\n";
  ASSERT_EQ(p.size(), 1u) << all;
  EXPECT_EQ(p[0].path, path) << all;
  EXPECT_NE(p[0].message.find(text), std::string::npos) << all;
  // The message names the field it is about.
  EXPECT_NE(p[0].message.find(path), std::string::npos) << all;
}

TEST(ValidateScene, AcceptsTheDefaultSceneAndRichOnes) {
  EXPECT_TRUE(problems_of(base()).empty());
  json s = base();
  s["data"] = {{"name", "spirals"},
               {"samples", 400},
               {"noise", 0.1},
               {"classes", 3},
               {"trainFraction", 0.6},
               {"validationFraction", 0.2},
               {"features", {"x1", "x2", "x1*x2"}},
               {"standardize", true}};
  s["model"] = json::parse(R"({"inputs": 3, "layers": [
    {"units": 8, "activation": {"name": "LeakyReLU", "negative_slope": 0.1}, "dropout": 0.2},
    {"units": 6, "activation": {"name": "GELU", "approximate": "tanh"}},
    {"units": 3, "activation": {"name": "LogSoftmax", "dim": 1}}]})");
  s["loss"] = {{"name", "NLLLoss"}, {"reduction", "sum"}};
  s["optimizer"] = json::parse(R"({"name": "AdamW", "lr": 0.01, "betas": [0.9, 0.99], "amsgrad": true})");
  s["scheduler"] = {{"name", "StepLR"}, {"step_size", 100}, {"gamma", 0.5}};
  s["clip_grad_norm"] = 1;
  s["clip_grad_value"] = nullptr;
  s["init"] = {{"weight", "uniform"}, {"a", -0.5}, {"b", 0.5}, {"bias", 0.1}};
  s["training"] = json::parse(R"({"batchSize": 16, "dropLast": true, "shuffle": false, "evaluateEvery": 5,
    "earlyStopping": {"patience": 10, "minDelta": 0.001}, "augmentation": {"jitter": 0.05},
    "ensemble": {"members": 3, "bootstrap": true}})");
  const Problems p = problems_of(s);
  EXPECT_TRUE(p.empty()) << p[0].message;
}

TEST(ValidateScene, ReportsEveryProblemNotOnlyTheFirst) {
  json s = base();
  s["optimizer"]["lr"] = 100;
  s["model"]["layers"][0]["units"] = 1000;
  s["training"]["batchSize"] = 0;
  s["data"]["noise"] = 0.9;
  const Problems p = problems_of(s);
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].path, "data.noise");
  EXPECT_EQ(p[1].path, "model.layers[0].units");
  EXPECT_EQ(p[1].message, "model.layers[0].units must be an integer in [1, 256], got 1000");
  EXPECT_EQ(p[2].path, "optimizer.lr");
  EXPECT_EQ(p[2].message, "optimizer.lr must be a number in [1e-06, 10], got 100");
  EXPECT_EQ(p[3].path, "training.batchSize");
}

TEST(ValidateScene, FieldsAndNames) {
  json s = base();
  s["format"] = "nn-playground/scene@2";
  expect_problem(s, "format", "must be \"nn-playground/scene@1\"");
  s = base();
  s.erase("seed");
  expect_problem(s, "seed", "is missing");
  s = base();
  s["colour"] = "red";
  expect_problem(s, "colour", "accepted: format, seed");
  s = base();
  s["model"]["layers"][0]["activation"] = "Tanhh";
  expect_problem(s, "model.layers[0].activation", "one of Identity, Sigmoid");
  s = base();
  s["model"]["layers"][0]["activation"] = {{"name", "ReLU"}, {"negative_slope", 0.1}};
  expect_problem(s, "model.layers[0].activation.negative_slope", "ReLU, which takes none");
  s = base();
  s["model"]["layers"][0]["activation"] = {{"name", "Softplus"}, {"beta", 0}};
  expect_problem(s, "model.layers[0].activation.beta", "a number in (0, 100]");
  s = base();
  s["model"]["layers"][0]["activation"] = {{"name", "GELU"}, {"approximate", "fast"}};
  expect_problem(s, "model.layers[0].activation.approximate", "one of none, tanh");
  s = base();
  s["model"]["layers"][0]["activation"] = {{"name", "Softmax"}, {"dim", 0}};
  expect_problem(s, "model.layers[0].activation.dim", "the integer 1");
  s = base();
  s["model"]["layers"] = json::array();
  expect_problem(s, "model.layers", "an array of 1 to 16 layers");
  s = base();
  s["loss"] = {{"name", "BCELoss"}, {"reduction", "none"}};
  expect_problem(s, "loss.reduction", "one of mean, sum");
  s = base();
  s["loss"] = {{"name", "BCELoss"}, {"delta", 1}};
  expect_problem(s, "loss.delta", "not a field of BCELoss; accepted: name, reduction");
  s = base();
  s["optimizer"] = {{"name", "Adam"}};
  expect_problem(s, "optimizer.lr", "is missing");
  s = base();
  s["optimizer"] = {{"name", "Adam"}, {"lr", 0.01}, {"betas", {0.9, 1}}};
  expect_problem(s, "optimizer.betas[1]", "a number in [0, 1)");
  s = base();
  s["optimizer"] = {{"name", "RMSprop"}, {"lr", 0.01}, {"alpha", 2}};  // ELU's alpha goes to 10; RMSprop's to 1
  expect_problem(s, "optimizer.alpha", "a number in [0, 1]");
  s = base();
  s["optimizer"] = {{"name", "SGD"}, {"lr", 0.01}, {"nesterov", true}};
  expect_problem(s, "optimizer.nesterov", "needs momentum > 0 and dampening 0");
  s = base();
  s["scheduler"] = {{"name", "StepLR"}};
  expect_problem(s, "scheduler.step_size", "StepLR needs it");
  s = base();
  s["scheduler"] = {{"name", "LinearLR"}, {"start_factor", 0}};
  expect_problem(s, "scheduler.start_factor", "a number in (0, 1]");
  s = base();
  s["clip_grad_norm"] = 0;
  expect_problem(s, "clip_grad_norm", "or null for no clipping");
  s = base();
  s["l1"] = -1;
  expect_problem(s, "l1", "a number in [0, 1]");
}

TEST(ValidateScene, Init) {
  json s = base();
  s["init"] = {{"weight", "constant"}};
  expect_problem(s, "init.constant", "weight \"constant\" needs it");
  s["init"] = {{"weight", "zeros"}, {"a", 1}};
  expect_problem(s, "init.a", "only used with init.weight \"uniform\"");
  s["init"] = {{"weight", "uniform"}, {"a", 1}, {"b", 0}};
  expect_problem(s, "init.b", "at least init.a");
  s["init"] = {{"bias", 0.1}};
  expect_problem(s, "init.bias", "not used with init.weight \"default\"");
  s["init"] = {{"weight", "he"}};
  expect_problem(s, "init.weight", "one of default, zeros");
}

TEST(ValidateScene, Data) {
  json s = base();
  s["data"]["name"] = "circles";
  expect_problem(s, "data.name", "one of circle, xor");
  s = base();
  s["data"]["samples"] = 5;
  expect_problem(s, "data.samples", "an integer in [10, 10000]");
  s = base();
  s["data"]["classes"] = 3;
  expect_problem(s, "data.classes", "circle has exactly 2 classes; only blobs (2 to 6) and spirals (2 to 5)");
  s = base();
  s["data"]["features"] = {"x1", "x1"};
  expect_problem(s, "data.features[1]", "listed twice");
  s = base();
  s["data"]["dataset"] = "iris";
  expect_problem(s, "data.dataset", "only for data.name \"supplied\"");
  s = base();
  s["data"] = {{"name", "supplied"}, {"trainFraction", 0.5}, {"noise", 0}};
  expect_problem(s, "data.noise", "only for generated data");
  s = base();
  s["data"]["trainFraction"] = 0.9;
  s["data"]["validationFraction"] = 0.3;
  expect_problem(s, "data.validationFraction", "leaves nothing for the test set");
  s = base();
  s["data"]["validationFraction"] = 0.001;
  expect_problem(s, "data.validationFraction", "leaves the validation set empty");
}

TEST(ValidateScene, OwnRows) {
  json s = base();
  s["data"] = json::parse(R"({"name": "supplied", "trainFraction": 0.5,
    "rows": {"features": 1, "classes": 0, "x": [1, 2, 3, 4], "y": [1, 2, 3, 4]}})");
  s["model"] = json::parse(R"({"inputs": 1, "layers": [{"units": 1, "activation": "Identity"}]})");
  s["loss"] = {{"name", "MSELoss"}};
  EXPECT_TRUE(problems_of(s).empty());
  s["data"]["rows"]["y"] = {1, 2, 3, "x"};
  expect_problem(s, "data.rows.y[3]", "a finite number");
  s["data"]["rows"]["y"] = {1, 2, 3};
  expect_problem(s, "data.rows.x", "an array of 3 × 1 numbers");
  s["data"]["rows"]["y"] = {1, 2, 3, 4};
  s["data"]["rows"]["classes"] = 1;
  expect_problem(s, "data.rows.classes", "0 for a regression, else 2 to 50");
  // The rows' shape drives the rules: 3 classes need a class loss.
  s["data"]["rows"]["classes"] = 3;
  s["data"]["rows"]["y"] = {0, 1, 2, 1};
  expect_problem(s, "loss.name", "loss.name MSELoss, which handles two classes only");
}

TEST(ValidateScene, TheModelAgainstTheData) {
  json s = base();
  s["data"]["name"] = "sine";
  s["model"]["layers"][1]["activation"] = "Identity";
  s["loss"] = {{"name", "MSELoss"}};
  expect_problem(s, "model.inputs", "model.inputs must be 1 (the number of input features), got 2: sine has 1 feature");
  s = base();
  s["data"]["features"] = {"x1", "x2", "x1*x2"};
  expect_problem(s, "model.inputs", "one input per entry of data.features");
  s = base();
  s["data"] = {
      {"name", "sine"}, {"samples", 100}, {"noise", 0}, {"trainFraction", 0.5}, {"features", json::array({"x1"})}};
  s["model"]["inputs"] = 1;
  s["model"]["layers"][1]["activation"] = "Identity";
  s["loss"] = {{"name", "MSELoss"}};
  expect_problem(s, "data.features", "data.features apply to 2-D data only; sine has 1 feature per point");
  s = base();
  s["data"] = {{"name", "blobs"}, {"samples", 300}, {"noise", 0}, {"classes", 3}, {"trainFraction", 0.5}};
  s["model"]["layers"][1]["units"] = 3;
  s["model"]["layers"][1]["activation"] = "Identity";
  s["loss"] = {{"name", "CrossEntropyLoss"}};
  EXPECT_TRUE(problems_of(s).empty());
  s["model"]["layers"][1]["units"] = 2;
  expect_problem(s, "model.layers[1].units", "must be 3 for CrossEntropyLoss, one per class of blobs with 3 classes");
  s["model"]["layers"][1]["units"] = 1;
  s["model"]["layers"][1]["activation"] = "Sigmoid";
  s["loss"] = {{"name", "BCELoss"}};
  expect_problem(s, "loss.name", "which handles two classes only");
  s = base();
  s["model"]["layers"][1]["units"] = 2;
  expect_problem(s, "model.layers[1].units", "must be 1 for BCELoss");
  s = base();
  s["data"]["name"] = "plane";
  expect_problem(s, "loss.name", "loss.name BCELoss needs classes; this data is a regression: use MSELoss, L1Loss");
  s = base();
  s["model"]["layers"][1]["activation"] = "Tanh";
  expect_problem(s, "loss.name", "BCELoss takes probabilities");
  s = base();
  s["model"]["layers"][1]["dropout"] = 0.5;
  expect_problem(s, "model.layers[1].dropout", "the output layer takes no dropout");
  s = base();
  s["data"]["signedLabels"] = true;
  expect_problem(s, "data.signedLabels", "needs two classes, one output and a regression loss");
  s = base();
  s["training"] = {{"batchSize", 300}, {"dropLast", true}};
  expect_problem(s, "training.batchSize", "training.batchSize 300 is larger than the 250 training rows");
  s = base();
  s["loss"] = {{"name", "NLLLoss"}};
  s["model"]["layers"][1] = {{"units", 2}, {"activation", "LogSoftmax"}};
  s["training"]["augmentation"] = {{"mixup", 0.2}};
  expect_problem(s, "training.augmentation.mixup", "which NLLLoss cannot take");
}

TEST(ValidateScene, SuppliedDataIsCheckedAgainstTheShapeGiven) {
  json s = base();
  s["data"] = {{"name", "supplied"}, {"dataset", "digits"}, {"trainFraction", 0.7}, {"validationFraction", 0.1}};
  EXPECT_TRUE(problems_of(s).empty());  // the shape is unknown: left to the Trainer
  const Problems digits = problems_of(s, DataShape{.rows = 1797, .features = 64, .classes = 10});
  ASSERT_EQ(digits.size(), 2u);
  EXPECT_EQ(digits[0].path, "model.inputs");
  EXPECT_EQ(digits[1].path, "loss.name");
  s["data"]["validationFraction"] = 0.5;
  const DataShape separate{.rows = 1, .features = 2, .classes = 2, .separate_test = true};
  expect_problem(s, "data.validationFraction", "leaves the training set empty", separate);
}

TEST(ValidateScene, BadJsonAndNonObjects) {
  EXPECT_EQ(validate_scene("{").at(0).message, "the scene is not valid JSON");
  EXPECT_EQ(validate_scene("[]").at(0).message, "the scene must be an object, got []");
  json s = base();
  s["model"] = 3;
  expect_problem(s, "model", "model must be an object, got 3");
}

TEST(Catalogue, DefaultsAreTorchsAndTheSpecParsersAgree) {
  const Catalogue& c = catalogue();
  // torch's defaults, read from spec.h's structs.
  const auto& adam = c.optimizer(OptimizerKind::Adam).args;
  EXPECT_DOUBLE_EQ(find_arg(adam, "lr")->number, 1e-3);
  EXPECT_DOUBLE_EQ(find_arg(adam, "betas")->second, 0.999);
  EXPECT_DOUBLE_EQ(find_arg(c.optimizer(OptimizerKind::Adagrad).args, "eps")->number, 1e-10);
  EXPECT_DOUBLE_EQ(find_arg(c.activation(Activation::LeakyReLU).args, "negative_slope")->number, 0.01);
  EXPECT_FALSE(find_arg(c.scheduler(SchedulerKind::StepLR).args, "step_size")->has_default);
  // Every argument the catalogue lists, the engine's parser takes (at its default value).
  for (const OptimizerInfo& o : c.optimizers)
    for (const ArgInfo& a : o.args) {
      json spec = {{"model", {{"inputs", 1}, {"layers", {{{"units", 1}}}}}}, {"loss", {{"name", "MSELoss"}}}};
      spec["optimizer"] = {{"name", name_of(o.kind)}};
      spec["optimizer"][std::string(a.name)] = a.type == ArgType::Pair      ? json{a.number, a.second}
                                               : a.type == ArgType::Boolean ? json(a.number != 0)
                                                                            : json(a.number);
      EXPECT_NO_THROW(learner_spec_from_json(spec.dump())) << name_of(o.kind) << "." << a.name;
    }
  // catalogue_json lists the same names.
  const json j = json::parse(catalogue_json());
  EXPECT_EQ(j["format"], kSceneFormat);
  ASSERT_EQ(j["activations"].size(), c.activations.size());
  EXPECT_EQ(j["losses"][5]["name"], "CrossEntropyLoss");
  EXPECT_EQ(j["losses"][5]["target"], "index");
  EXPECT_EQ(j["datasets"][5]["classes"], json::parse(R"({"min": 2, "max": 6, "default": 2})"));
  EXPECT_EQ(j["limits"]["units"], json::parse(R"({"min": 1, "max": 256, "integer": true})"));
  EXPECT_EQ(j["schedulers"][0]["args"][0], json::parse(R"({"name": "step_size", "type": "number", "required": true,
    "range": {"min": 1, "max": 1000000, "integer": true}})"));
}

TEST(Catalogue, RangesDescribeAndContain) {
  const Range open{.min = 0, .max = 1, .min_open = true};
  EXPECT_FALSE(open.contains(0));
  EXPECT_TRUE(open.contains(1));
  EXPECT_EQ(open.describe(), "a number in (0, 1]");
  const Range whole{.min = 1, .max = 3, .integer = true};
  EXPECT_FALSE(whole.contains(1.5));
  EXPECT_FALSE(whole.contains(std::nan("")));
  EXPECT_EQ(whole.describe(), "an integer in [1, 3]");
}

}  // namespace
}  // namespace nnp

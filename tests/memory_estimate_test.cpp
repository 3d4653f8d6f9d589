// Limits before allocation (issue 17): the engine's estimate of a scene's parameters and bytes,
// and the refusals of scenes over the catalogue's limits or its memory budget — by validate_scene,
// the Trainer and the Learner — each before anything is allocated, with the figures and the field.
#include "nnp/memory_estimate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/learner.h"
#include "nnp/spec_json.h"
#include "nnp/trainer.h"

namespace nnp {
namespace {

using nlohmann::json;

json scene(int layers, int units, int batch, int members, int samples) {
  json l = json::array();
  for (int i = 0; i < layers - 1; ++i) l.push_back({{"units", units}, {"activation", "ReLU"}});
  l.push_back({{"units", 1}, {"activation", "Sigmoid"}});
  return {{"format", "nn-playground/scene@1"},
          {"seed", 1},
          {"data", {{"name", "circle"}, {"samples", samples}, {"noise", 0}, {"trainFraction", 0.5}}},
          {"model", {{"inputs", 2}, {"layers", l}}},
          {"loss", {{"name", "BCELoss"}}},
          {"optimizer", {{"name", "Adam"}, {"lr", 0.01}}},
          {"training", {{"batchSize", batch}, {"ensemble", {{"members", members}}}}}};
}

// The largest scene every field's own limit allows.
json largest() {
  const Limits& l = catalogue().limits;
  return scene(int(l.layers.max), int(l.units.max), int(l.batch_size.max), int(l.members.max), int(l.samples.max));
}

TrainerConfig config_of(json s) {
  s.erase("format");
  return trainer_config_from_json(s.dump());
}

std::string all(const Problems& problems) {
  std::string s;
  for (const Problem& p : problems) s += p.path + ": " + p.message + "\n";
  return s;
}

TEST(MemoryEstimate, CountsEveryMembersWeightsAndBiases) {
  // 2 → 8 → 8 → 1: (2+1)·8 + (8+1)·8 + (8+1)·1 = 105 per network.
  const TrainerConfig c = config_of(scene(3, 8, 10, 3, 500));
  EXPECT_EQ(parameter_count(c.learner.model), 105);
  const MemoryEstimate e = estimate_memory(c, {.rows = 500, .features = 2, .classes = 2});
  EXPECT_EQ(e.parameters, 3 * 105);
  EXPECT_DOUBLE_EQ(e.bytes, e.parameter_bytes + e.activation_bytes + e.data_bytes);
  EXPECT_GT(e.data_bytes, 500 * 2 * 4);  // the rows at least once
  // More rows, a bigger batch or more members each cost more.
  EXPECT_GT(estimate_memory(c, {.rows = 5000, .features = 2, .classes = 2}).bytes, e.bytes);
  EXPECT_GT(estimate_memory(config_of(scene(3, 8, 10, 4, 500)), {.rows = 500, .features = 2}).bytes, e.bytes);
  EXPECT_GT(estimate_memory(config_of(scene(3, 8, 5000, 3, 10000)), {.rows = 10000, .features = 2}).activation_bytes,
            estimate_memory(config_of(scene(3, 8, 10, 3, 10000)), {.rows = 10000, .features = 2}).activation_bytes);
}

TEST(MemoryEstimate, TheShippedScenesFitTheBudget) {
  EXPECT_TRUE(validate_scene(scene(2, 4, 10, 1, 500).dump()).empty());
  // Fashion-MNIST's network on its 60,000 training images (784 → 256 → 128 → 10).
  json f = scene(3, 256, 64, 1, 500);
  f["data"] = {{"name", "supplied"}, {"dataset", "fashion"}, {"trainFraction", 0.9}};
  f["model"] = json::parse(R"({"inputs": 784, "layers": [{"units": 256, "activation": "ReLU"},
    {"units": 128, "activation": "ReLU"}, {"units": 10, "activation": "Identity"}]})");
  f["loss"] = {{"name", "CrossEntropyLoss"}};
  const Problems p = validate_scene(f.dump(), DataShape{.rows = 60000, .features = 784, .classes = 10});
  EXPECT_TRUE(p.empty()) << all(p);
}

TEST(MemoryEstimate, ValidateSceneRefusesAScenePastTheBudgetWithItsFigures) {
  const Problems p = validate_scene(largest().dump());
  ASSERT_EQ(p.size(), 1u) << all(p);
  EXPECT_EQ(p[0].path, "training.batchSize") << all(p);  // the batch's activations weigh most
  for (const char* text : {"training.batchSize", "parameters", "GB", "budget of 1.0 GB", "fewer"})
    EXPECT_NE(p[0].message.find(text), std::string::npos) << text << " in " << p[0].message;
  // The parameters the message gives are the estimate's.
  const MemoryEstimate e = estimate_memory(config_of(largest()), {.rows = 10000, .features = 2, .classes = 2});
  EXPECT_GT(e.bytes, catalogue().limits.memory_budget);
}

TEST(MemoryEstimate, ValidateSceneRefusesSuppliedRowsPastTheLimit) {
  json s = scene(2, 4, 10, 1, 500);
  s["data"] = {{"name", "supplied"}, {"dataset", "fashion"}, {"trainFraction", 0.5}};
  const int rows = int(catalogue().limits.rows.max) + 1;
  const Problems p = validate_scene(s.dump(), DataShape{.rows = rows, .features = 2, .classes = 2});
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0].path, "data") << all(p);
  EXPECT_NE(p[0].message.find(std::to_string(rows) + " rows"), std::string::npos) << all(p);
  EXPECT_NE(p[0].message.find(catalogue().limits.rows.describe()), std::string::npos) << all(p);
}

TEST(MemoryEstimate, ValidateSceneRefusesJsonPastItsBudget) {
  std::string text = scene(2, 4, 10, 1, 500).dump();
  text.insert(text.size() - 1, ", \"pad\": \"" + std::string(std::size_t(json_text_budget()) + 1, 'x') + "\"");
  const Problems p = validate_scene(text);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].message.find("the engine reads"), std::string::npos) << p[0].message;
}

// The engine's own guards are wider than the scene's limits (64 layers of 4096 units): the memory
// check is what refuses such a network, before the Trainer or the Learner allocates it.
TEST(MemoryEstimate, TheTrainerAndTheLearnerRefuseBeforeAllocating) {
  const TrainerConfig huge = config_of(scene(64, 4096, 10, 1, 500));
  try {
    Trainer t(huge);
    FAIL() << "a 64 × 4096 network was built";
  } catch (const Error& e) {
    const std::string m = e.what();
    EXPECT_EQ(m.rfind("model.layers:", 0), 0u) << m;
    EXPECT_NE(m.find("1,0"), std::string::npos) << m;  // "1,0xx,xxx,xxx parameters"
  }
  EXPECT_THROW(Learner(huge.learner, 1), Error);
  // A generated dataset of the engine's largest size with the largest batch: refused by its data.
  TrainerConfig big = config_of(scene(2, 4, 10, 16, 500));
  big.data.samples = 1000000;
  big.training.batch_size = 1000000;
  big.learner.model.layers[0].units = 4096;
  EXPECT_THROW(Trainer{big}, Error);
  // Supplied data: the refusal comes before the split's copies.
  TrainerConfig s = config_of(scene(64, 4096, 10, 1, 500));
  s.data.name = "supplied";
  SuppliedData d{.data = {.features = 2,
                          .targets = 1,
                          .classes = 2,
                          .x = std::vector<float>(20, 0.5f),
                          .y = std::vector<float>(10, 1.0f)}};
  EXPECT_THROW(Trainer(s, d), Error);
}

TEST(MemoryEstimate, ArraysPastTheBudgetAreRefusedByName) {
  EXPECT_NO_THROW(check_array_size(1000, 4, "x"));
  try {
    check_array_size(1e12, 4, "data.x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("data.x holds 1,000,000,000,000 values", 0), 0u) << e.what();
  }
  EXPECT_THROW(check_array_size(-1, 4, "x"), Error);
  EXPECT_THROW(check_array_size(std::nan(""), 4, "x"), Error);
}

TEST(MemoryEstimate, DescribesBytes) {
  EXPECT_EQ(describe_bytes(512), "512 bytes");
  EXPECT_EQ(describe_bytes(1536), "1.5 KB");
  EXPECT_EQ(describe_bytes(1024.0 * 1024 * 1024), "1.0 GB");
  EXPECT_EQ(describe_bytes(300.0 * 1024 * 1024), "300 MB");
}

}  // namespace
}  // namespace nnp

// Divergence on every shipped scene (docs/scenes/*.json) at the largest learning rate the
// catalogue allows (lr 10): a run that diverges stops with "diverged at step N" and the hint, its
// parameters keep their last finite values, and a new Trainer (the page's Reset) at the scene's
// own rate trains. Some scenes stay finite at lr 10 (Adam's steps are bounded by lr, a saturated
// sigmoid's gradient vanishes): for them every metric stays finite. Each scene's result is printed;
// docs/reliability.md's matrix comes from scripts/divergence-matrix.sh (the page's scenes too).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "nnp/catalogue.h"
#include "nnp/error.h"
#include "nnp/spec_json.h"
#include "nnp/trainer.h"

namespace nnp {
namespace {

constexpr int kMaxSteps = 2000;  // lr 10 diverges within a few dozen steps when it does

std::vector<std::filesystem::path> shipped_scenes() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(NNP_SCENES_DIR))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TrainerConfig config_of(const std::filesystem::path& file, bool largest_lr) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json scene = nlohmann::json::parse(text.str());
  scene.erase("format");
  TrainerConfig c = trainer_config_from_json(scene.dump());
  if (largest_lr) {
    const double max_lr = find_arg(catalogue().optimizer(c.learner.optimizer.kind).args, "lr")->range.max;
    c.learner.optimizer.lr = std::min(10.0, max_lr);
  }
  return c;
}

bool finite(std::span<const float> values) {
  return std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
}

TEST(Divergence, EveryShippedSceneAtTheLargestLrStopsWithTheStepAndHintOrStaysFinite) {
  const std::vector<std::filesystem::path> scenes = shipped_scenes();
  ASSERT_GE(scenes.size(), 5u);
  for (const auto& file : scenes) {
    SCOPED_TRACE(file.filename().string());
    Trainer t(config_of(file, true));
    std::string message;
    try {
      t.run(kMaxSteps);
    } catch (const DivergedError& e) {
      message = e.what();
    }
    for (int m = 0; m < t.members(); ++m) EXPECT_TRUE(finite(t.member(m).model().parameters_view()));
    if (message.empty()) {
      const Evaluation e = t.evaluate();
      EXPECT_TRUE(std::isfinite(e.train.loss) && std::isfinite(e.test.loss)) << e.train.loss << " " << e.test.loss;
      std::printf("  %-28s stayed finite for %d steps: train loss %.4g\n", file.filename().c_str(), kMaxSteps,
                  e.train.loss);
      continue;
    }
    std::smatch step;
    ASSERT_TRUE(std::regex_search(message, step, std::regex("^diverged at step (\\d+): "))) << message;
    EXPECT_EQ(std::stoll(step[1]), t.progress().step + 1) << message;  // the step that failed was not taken
    EXPECT_NE(message.find("Lower the learning rate"), std::string::npos) << message;
    EXPECT_NE(message.find("clip gradients"), std::string::npos) << message;
    std::printf("  %-28s %s\n", file.filename().c_str(), message.substr(0, message.find(':')).c_str());
    // Reset at the scene's own rate: a new run that trains.
    Trainer reset(config_of(file, false));
    reset.run(200);
    const Evaluation e = reset.evaluate();
    EXPECT_TRUE(std::isfinite(e.train.loss) && std::isfinite(e.test.loss));
    for (int m = 0; m < reset.members(); ++m) EXPECT_TRUE(finite(reset.member(m).model().parameters_view()));
  }
}

}  // namespace
}  // namespace nnp

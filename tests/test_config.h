#pragma once
// The walking-skeleton configuration: the page's default scene, docs/scenes/circle.json (circle
// data, 2 → 4 Tanh → 4 Tanh → 1 Sigmoid, BCELoss, SGD lr 0.1, batch 10), read as the engine reads
// a config, so the scene is written once. Shared by the tests, native_losses and the benchmarks
// (CMake compiles in the file's path as NNP_DEFAULT_SCENE).
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "nnp/spec_json.h"
#include "nnp/trainer.h"

namespace nnp::testing {

inline TrainerConfig skeleton_config(std::uint64_t seed = 1) {
  static const TrainerConfig scene = [] {
    std::ifstream file(NNP_DEFAULT_SCENE);
    if (!file) throw std::runtime_error("cannot read " NNP_DEFAULT_SCENE);
    std::stringstream text;
    text << file.rdbuf();
    nlohmann::json json = nlohmann::json::parse(text.str());
    json.erase("format");  // the page's version tag, not part of the engine's config
    return trainer_config_from_json(json.dump());
  }();
  TrainerConfig c = scene;
  c.seed = seed;
  return c;
}

}  // namespace nnp::testing

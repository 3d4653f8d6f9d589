// libFuzzer target: a scene's JSON text, as JavaScript hands it to the engine (wasm/adapters.cpp):
// validateScene(scene) and validateScene(scene, shape), new Trainer(config)'s reader and new
// Learner(spec)'s. Seeds: docs/scenes/*.json. Every problem must name its path; every reader's
// refusal must be an nnp::Error naming a field (fuzz_check.h).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_check.h"
#include "nnp/error.h"
#include "nnp/spec_json.h"
#include "nnp/validate_scene.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using namespace nnp;
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  // Without a shape (generated data, or rows the scene carries), and with iris's and digits's.
  for (const std::optional<DataShape>& shape :
       {std::optional<DataShape>{}, std::optional<DataShape>{DataShape{.rows = 150, .features = 4, .classes = 3}},
        std::optional<DataShape>{DataShape{.rows = 1797, .features = 64, .classes = 10, .separate_test = true}}})
    for (const Problem& p : validate_scene(text, shape)) fuzz::problem(p);
  try {
    trainer_config_from_json(text);
  } catch (const Error& e) {
    fuzz::refused_field(e.what());
  }
  try {
    learner_spec_from_json(text);
  } catch (const Error& e) {
    fuzz::refused_field(e.what());
  }
  return 0;
}

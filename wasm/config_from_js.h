#pragma once
// Reads a JavaScript EngineConfig object (web/src/wasm/core.d.mts) into the core's TrainerConfig.
// Only types and presence are checked here; the core validates values and names the bad field.
#include <emscripten/val.h>

#include "nnp/trainer.h"

namespace nnp::wasm {

TrainerConfig config_from_js(const emscripten::val& config);

}  // namespace nnp::wasm

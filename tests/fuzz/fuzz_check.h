#pragma once
// What every fuzz target asserts of a refusal: it is an nnp::Error (anything else escapes the target
// and libFuzzer reports it as a crash), its message is not empty and names what to change — the
// field, the file or the argument. NNP_FUZZ_SHOW=1 prints every refusal to stderr, so that
// scripts/fuzz.sh can show a sample of them.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "nnp/catalogue.h"
#include "nnp/validate_scene.h"

namespace nnp::fuzz {

inline bool showing() {
  static const bool show = std::getenv("NNP_FUZZ_SHOW") != nullptr;
  return show;
}

[[noreturn]] inline void fail(const char* what, const std::string& message) {
  std::fprintf(stderr, "fuzz: %s: \"%s\"\n", what, message.c_str());
  std::abort();
}

inline void show(const std::string& message) {
  if (showing()) std::fprintf(stderr, "refused: %s\n", message.c_str());
}

// Every name a message may use for what to change: the scene's fields (catalogue.h SceneFields), the
// keyword arguments of every class, the words the engine's readers use for the whole input, and the
// arguments of the Trainer's methods that JavaScript calls (wasm/adapters.cpp).
inline const std::vector<std::string>& field_names() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> out = {"config",    "scene",        "data",       "model", "loss",   "optimizer",
                                    "scheduler", "init",         "training",   "seed",  "l1",     "dropout",
                                    "lr",        "weight_decay", "resolution", "steps", "epochs", "member",
                                    "x"};
    const Catalogue& c = catalogue();
    for (const auto* list :
         {&c.fields.scene, &c.fields.data, &c.fields.rows, &c.fields.model, &c.fields.layer, &c.fields.init,
          &c.fields.training, &c.fields.early_stopping, &c.fields.augmentation, &c.fields.ensemble})
      for (std::string_view n : *list) out.emplace_back(n);
    const auto args = [&](const auto& infos) {
      for (const auto& info : infos)
        for (const ArgInfo& a : info.args) out.emplace_back(a.name);
    };
    args(c.activations);
    args(c.losses);
    args(c.optimizers);
    args(c.schedulers);
    args(c.inits);
    return out;
  }();
  return list;
}

// Whether `message` holds `name` as a whole word ("lr" in "optimizer.lr must be", not in "already").
inline bool names(const std::string& message, const std::string& name) {
  const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (auto at = message.find(name); at != std::string::npos; at = message.find(name, at + 1))
    if ((at == 0 || !word(message[at - 1])) && (at + name.size() == message.size() || !word(message[at + name.size()])))
      return true;
  return false;
}

// A refusal of a field somewhere in a config: its message names one of field_names().
inline void refused_field(const std::string& message) {
  show(message);
  for (const std::string& n : field_names())
    if (names(message, n)) return;
  fail("a refusal names no field", message);
}

// A refusal of one named input (a file, "data.test"): its message starts with that name.
inline void refused_input(const std::string& message, std::string_view what) {
  show(message);
  if (message.rfind(what, 0) != 0) fail("a refusal does not start with the input's name", message);
}

// One of validate_scene's problems: its message names its path (the scene itself: "scene").
inline void problem(const Problem& p) {
  show(p.path + ": " + p.message);
  if (p.message.empty()) fail("a problem without a message", p.path);
  if (p.path.empty() ? p.message.find("scene") == std::string::npos : p.message.find(p.path) == std::string::npos)
    fail(("a problem's message does not name its path '" + p.path + "'").c_str(), p.message);
}

}  // namespace nnp::fuzz

// The optimiser race's settings as JSON (what the lab's page sends): torch's vocabulary for the
// optimisers and the schedule, read by spec_json's readers, so every name and range is checked once.
#include <cmath>
#include <string>

#include "nnp/error.h"
#include "nnp/json.h"
#include "nnp/optimiser_race.h"
#include "nnp/spec_json.h"

namespace nnp {
namespace {

const Json& member(const Json& j, const char* key, const char* expected) {
  const Json* v = j.find(key);
  if (v == nullptr || v->is_null()) throw Error(std::string(key) + " is missing (" + expected + " is expected)");
  return *v;
}

double number(const Json& v, const std::string& path) {
  if (!v.is_number()) throw Error(path + " must be a number, got " + v.dump());
  return v.number();
}

}  // namespace

RaceSpec race_spec_from_json(std::string_view text) {
  const std::optional<Json> parsed = Json::parse(text);
  if (!parsed || !parsed->is_object()) throw Error("the race's settings are not a JSON object");
  const Json& j = *parsed;
  for (const auto& [key, value] : j.members())
    if (key != "expression" && key != "start" && key != "racers" && key != "scheduler" && key != "gradient_noise" &&
        key != "seed")
      throw Error(key + " is not a race setting; accepted: expression, start, racers, scheduler, gradient_noise, seed");
  RaceSpec spec;
  const Json& expression = member(j, "expression", "a string");
  if (!expression.is_string()) throw Error("expression must be a string, got " + expression.dump());
  spec.expression = expression.string();
  const Json& start = member(j, "start", "a pair [x, y]");
  if (!start.is_array() || start.size() != 2) throw Error("start must be a pair [x, y], got " + start.dump());
  spec.start = {number(start[0], "start[0]"), number(start[1], "start[1]")};
  const Json& racers = member(j, "racers", "an array of optimisers");
  if (!racers.is_array()) throw Error("racers must be an array of optimisers, got " + racers.dump());
  for (std::size_t i = 0; i < racers.size(); ++i)
    spec.racers.push_back(optimizer_spec_from(racers[i], "racers[" + std::to_string(i) + "]"));
  if (const Json* s = j.find("scheduler"); s != nullptr && !s->is_null())
    spec.scheduler = scheduler_spec_from(*s, "scheduler");
  if (const Json* n = j.find("gradient_noise")) spec.gradient_noise = number(*n, "gradient_noise");
  if (const Json* s = j.find("seed")) {
    const double seed = number(*s, "seed");
    if (!(seed >= 0.0 && seed <= 4294967295.0 && std::floor(seed) == seed))
      throw Error("seed must be a whole number in [0, 4294967295], got " + s->dump());
    spec.seed = static_cast<std::uint64_t>(seed);
  }
  validate(spec);
  return spec;
}

}  // namespace nnp

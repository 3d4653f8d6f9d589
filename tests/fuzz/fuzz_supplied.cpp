// libFuzzer target: rows a caller supplies (new Trainer(config, {x, y, features, classes, test?}),
// wasm/conversions.cpp: a CSV the page read, or an API user's arrays), with NaN, ±Infinity, wrong
// sizes and bad class indices. The rows go through check_supplied as the binding does; rows it
// accepts train a small network, a few steps, and predict. A refusal must name the input ("data",
// "data.test") or a field.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "fuzz_check.h"
#include "hostile.h"
#include "nnp/error.h"
#include "nnp/spec_json.h"
#include "nnp/supplied.h"
#include "nnp/trainer.h"

namespace {

using nnp::Dataset;
using nnp::fuzz::hostile_float;
using nnp::fuzz::hostile_int;

// rows × features values, one target per row: clean rows (finite values, valid class indices) half
// the time, else each value now and then a hostile one (NaN, ±Infinity, any bits).
Dataset rows(FuzzedDataProvider& in, int features, int classes) {
  const int hostile_one_in = in.ConsumeBool() ? 16 : 0;
  const auto hostile = [&] { return hostile_one_in > 0 && in.ConsumeIntegralInRange(1, hostile_one_in) == 1; };
  Dataset d;
  d.features = features;
  d.classes = classes;
  d.targets = 1;
  const int n = in.ConsumeIntegralInRange(0, 40);
  // Sometimes one value too many or too few.
  const int extra = in.ConsumeIntegralInRange(0, 8) == 0 ? in.ConsumeIntegralInRange(-1, 1) : 0;
  const long long values = static_cast<long long>(n) * (features > 0 ? features : 1) + extra;
  for (long long i = 0; i < values && i < 4096; ++i)
    d.x.push_back(hostile() ? hostile_float(in) : in.ConsumeFloatingPointInRange(-3.f, 3.f));
  for (int i = 0; i < n; ++i)
    d.y.push_back(hostile()     ? hostile_float(in)
                  : classes > 0 ? static_cast<float>(in.ConsumeIntegralInRange(0, classes - 1))
                                : in.ConsumeFloatingPointInRange(-3.f, 3.f));
  return d;
}

// An engine config for these rows: a small network whose inputs and outputs fit them (or, now and
// then, do not), a loss for the task, fuzzed split fractions and batch size.
std::string config_for(FuzzedDataProvider& in, int features, int classes) {
  using nlohmann::json;
  const bool fit = in.ConsumeIntegralInRange(0, 7) != 0;
  const int outputs = classes >= 2 ? classes : 1;
  json c = {{"seed", in.ConsumeIntegralInRange(0, 1000)},
            {"data",
             {{"name", "supplied"},
              {"trainFraction", in.ConsumeBool() ? 0.5 : nnp::fuzz::hostile_double(in)},
              {"validationFraction", in.ConsumeBool() ? 0.0 : nnp::fuzz::hostile_double(in)},
              {"standardize", in.ConsumeBool()}}},
            {"model",
             {{"inputs", fit ? features : hostile_int(in, 8)},
              {"layers",
               {{{"units", 1 + in.ConsumeIntegralInRange(0, 7)}, {"activation", "Tanh"}},
                {{"units", fit ? outputs : hostile_int(in, 8)}, {"activation", "Identity"}}}}}},
            {"loss", {{"name", classes >= 2 ? "CrossEntropyLoss" : "MSELoss"}}},
            {"optimizer", {{"name", "Adam"}, {"lr", 0.01}}},
            {"training", {{"batchSize", hostile_int(in, 16)}, {"dropLast", in.ConsumeBool()}}}};
  // JSON has no NaN or Infinity: JSON.stringify writes null, and so does nlohmann-json.
  return c.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using namespace nnp;
  FuzzedDataProvider in(bytes, size);
  const int features = in.ConsumeIntegralInRange(-1, 6);
  const int classes = in.ConsumeIntegralInRange(-1, 5);
  SuppliedData s;
  s.data = rows(in, features, classes);
  if (in.ConsumeBool()) s.test = rows(in, in.ConsumeIntegralInRange(0, 3) == 0 ? features + 1 : features, classes);
  try {
    check_supplied(s.data, "data");
    if (s.test) check_supplied(*s.test, "data.test");
  } catch (const Error& e) {
    const std::string m = e.what();
    fuzz::refused_input(m, m.rfind("data.test", 0) == 0 ? "data.test" : "data");
    return 0;
  }
  const std::string text = config_for(in, features, classes);
  try {
    Trainer t(trainer_config_from_json(text), s);
    t.run(in.ConsumeIntegralInRange(0, 6));
    t.evaluate();
    const int n = in.ConsumeIntegralInRange(1, 4);
    std::vector<float> x(static_cast<std::size_t>(n) * t.raw().train.features);
    for (float& v : x) v = hostile_float(in);
    std::vector<float> out(static_cast<std::size_t>(n) * t.model().outputs());
    t.predict(x.data(), n, out.data());
    t.confusion(t.inputs().train);
  } catch (const DivergedError& e) {
    fuzz::show(e.what());
  } catch (const Error& e) {
    fuzz::refused_field(e.what());
  }
  return 0;
}

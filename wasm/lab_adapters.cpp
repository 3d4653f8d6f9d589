#include "lab_adapters.h"

#include "conversions.h"
#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/spec_json.h"

namespace nnp::wasm {
namespace {

// A generated two-class 2-D set, standardised as the playground's "standardize" option does.
Dataset standardised(const std::string& name, int samples, double noise, double seed) {
  Pcg32 rng(static_cast<std::uint64_t>(seed));
  Dataset d = generate({.name = name, .samples = samples, .noise = noise, .classes = 2}, rng);
  if (d.features != 2 || d.classes != 2) throw Error("data.name: '" + name + "' is not a 2-D, two-class dataset");
  InputPipeline pipeline({Feature::X1, Feature::X2}, /*standardize=*/true, 2);
  pipeline.fit(d);
  return pipeline.transform(d);
}

// Points given by the lab: x [n × features], y [n × targets].
Dataset points_from_js(const val& x, const val& y, int features, int classes) {
  Dataset d;
  d.features = features;
  d.classes = classes;
  read_floats(x, "x", d.x);
  read_floats(y, "y", d.y);
  guarded([&] {
    if (d.x.empty() || d.x.size() % static_cast<std::size_t>(features) != 0)
      throw Error("x must hold n × " + std::to_string(features) + " numbers (n ≥ 1), got " +
                  std::to_string(d.x.size()));
    if (d.y.empty() || d.y.size() % static_cast<std::size_t>(d.size()) != 0)
      throw Error("y must hold a target for each of the " + std::to_string(d.size()) + " points, got " +
                  std::to_string(d.y.size()) + " numbers");
  });
  d.targets = static_cast<int>(d.y.size() / static_cast<std::size_t>(d.size()));
  return d;
}

double number(const val& object, const char* key, double fallback) {
  const val v = object[key];
  return v.isNumber() ? v.as<double>() : fallback;
}

}  // namespace

val lab_points(const std::string& name, int samples, double noise, double seed, double grid) {
  const Dataset d = guarded([&] {
    Dataset s = standardised(name, samples, noise, seed);
    return grid > 0.0 ? snap_to_grid(std::move(s), grid) : s;
  });
  val out = val::object();
  out.set("x", float_array(d.x));
  out.set("y", float_array(d.y));
  return out;
}

LabGradientFlow::LabGradientFlow(const val& spec, const val& data, int batch, double seed)
    : flow_(guarded([&] {
        if (data.isUndefined() || data.isNull() || !data["name"].isString())
          throw Error("data must be {name, samples, noise}");
        Dataset d = standardised(data["name"].as<std::string>(), static_cast<int>(number(data, "samples", 200)),
                                 number(data, "noise", 0.0), seed);
        return GradientFlow(learner_spec_from_json(json_text(spec)), std::move(d),
                            {.batch = batch, .seed = static_cast<std::uint64_t>(seed)});
      })) {}

val LabGradientFlow::run(int count) {
  for (int i = 0; i < count && diverged_.empty(); ++i) {
    try {
      last_loss_ = flow_.step(i + 1 == count);
    } catch (const DivergedError& e) {
      diverged_ = e.what();
    } catch (const std::exception& e) {
      throw_js(e.what());
    }
  }
  val out = val::object();
  out.set("loss", last_loss_);
  out.set("steps", steps());
  out.set("diverged", !diverged_.empty());
  out.set("message", diverged_);
  return out;
}

val LabGradientFlow::layers() const {
  val out = val::array();
  for (const LayerFlow& f : flow_.layers()) {
    val layer = val::object();
    layer.set("weightGradNorm", f.weight_grad_norm);
    layer.set("biasGradNorm", f.bias_grad_norm);
    layer.set("updateRatio", f.update_ratio);
    layer.set("saturated", f.saturated);
    layer.set("dead", f.dead);
    layer.set("histogram", int_array(f.histogram));
    layer.set("lo", f.range.lo);
    layer.set("hi", f.range.hi);
    out.call<void>("push", layer);
  }
  return out;
}

int LabGradientFlow::distinct_units(int layer) const {
  return guarded([&] {
    if (layer < 0) throw Error("layer must be ≥ 0, got " + std::to_string(layer));
    return nnp::distinct_units(flow_.learner().model(), static_cast<std::size_t>(layer));
  });
}

val LabGradientFlow::parameter(const std::string& name) const {
  return guarded([&] {
    const std::span<const float> p = flow_.learner().parameter(name);
    return float_array(p.data(), p.size());
  });
}

LabPerceptron::LabPerceptron(const val& x, const val& y, double lr)
    : data_(points_from_js(x, y, 2, 2)), p_(guarded([&] { return Perceptron(2, PerceptronSpec{.lr = lr}); })) {}

val LabPerceptron::step() {
  const PerceptronStep s = guarded([&] { return p_.step(data_); });
  val out = val::object();
  out.set("sample", s.sample);
  out.set("position", s.position);
  out.set("predicted", s.predicted);
  out.set("label", s.label);
  out.set("mistake", s.mistake);
  out.set("deltaW", val::array(s.delta_w.begin(), s.delta_w.end()));
  out.set("deltaB", s.delta_b);
  out.set("epochEnd", s.epoch_end);
  return out;
}

int LabPerceptron::epoch() {
  return guarded([&] { return p_.epoch(data_); });
}

val LabPerceptron::weights() const { return val::array(p_.weights().begin(), p_.weights().end()); }
val LabPerceptron::mistakes_per_epoch() const { return int_array(p_.mistakes_per_epoch()); }

LabNetwork::LabNetwork(const val& spec, const val& x, const val& y, double seed)
    : learner_(
          guarded([&] { return Learner(learner_spec_from_json(json_text(spec)), static_cast<std::uint64_t>(seed)); })) {
  const Dataset d = points_from_js(x, y, learner_.model().inputs(), 0);
  x_ = d.x;
  y_ = d.y;
  n_ = d.size();
  if (d.targets != learner_.model().outputs() && d.targets != 1)
    throw_js("y must hold 1 or " + std::to_string(learner_.model().outputs()) + " targets per point");
}

double LabNetwork::train(int steps) {
  return guarded([&] {
    return learner_.run_steps(x_.data(), y_.data(), n_, static_cast<int>(y_.size() / static_cast<std::size_t>(n_)),
                              steps);
  });
}

val LabNetwork::predict(const val& x) {
  read_floats(x, "x", points_);
  return guarded([&] {
    const int inputs = learner_.model().inputs();
    if (points_.empty() || points_.size() % static_cast<std::size_t>(inputs) != 0)
      throw Error("x must hold m × " + std::to_string(inputs) + " numbers (m ≥ 1)");
    const Tensor out =
        learner_.predict(points_.data(), static_cast<int>(points_.size() / static_cast<std::size_t>(inputs)));
    return float_array(out.data, out.size());
  });
}

}  // namespace nnp::wasm

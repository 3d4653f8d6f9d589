#include "lab_adapters.h"

#include <climits>

#include "conversions.h"
#include "nnp/error.h"
#include "nnp/generators.h"
#include "nnp/spec_json.h"

namespace nnp::wasm {
namespace {

// A generated two-class 2-D set, standardised as the playground's "standardize" option does.
Dataset standardised(const std::string& name, int samples, double noise, std::uint64_t seed) {
  Pcg32 rng(seed);
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
  if (d.x.empty() || d.x.size() % static_cast<std::size_t>(features) != 0)
    throw Error("x must hold n × " + std::to_string(features) + " numbers (n ≥ 1), got " + std::to_string(d.x.size()));
  if (d.y.empty() || d.y.size() % static_cast<std::size_t>(d.size()) != 0)
    throw Error("y must hold a target for each of the " + std::to_string(d.size()) + " points of x, got " +
                std::to_string(d.y.size()) + " numbers");
  d.targets = static_cast<int>(d.y.size() / static_cast<std::size_t>(d.size()));
  return d;
}

}  // namespace

val lab_points(const val& name, const val& samples, const val& noise, const val& seed, const val& grid) {
  const double step = number_arg(grid, "labPoints: grid");
  Dataset d =
      standardised(string_arg(name, "labPoints: name"), int_arg(samples, "labPoints: samples", INT_MIN, INT_MAX),
                   number_arg(noise, "labPoints: noise"), seed_arg(seed, "labPoints: seed"));
  if (step != 0.0) d = snap_to_grid(std::move(d), step);  // 0: no grid
  val out = val::object();
  out.set("x", float_array(d.x));
  out.set("y", float_array(d.y));
  return out;
}

LabGradientFlow::LabGradientFlow(const val& spec, const val& data, const val& batch, const val& seed)
    : flow_([&] {
        if (data.isUndefined() || data.isNull() || !data["name"].isString())
          refuse("GradientFlow: data must be {name, samples, noise}");
        const std::uint64_t s = seed_arg(seed, "GradientFlow: seed");
        const int b = int_arg(batch, "GradientFlow: batch", INT_MIN, INT_MAX);
        Dataset d = standardised(
            data["name"].as<std::string>(),
            data["samples"].isUndefined() ? 200 : int_arg(data["samples"], "data.samples", INT_MIN, INT_MAX),
            data["noise"].isUndefined() ? 0.0 : number_arg(data["noise"], "data.noise"), s);
        return GradientFlow(learner_spec_js(spec), std::move(d), {.batch = b, .seed = s});
      }()) {}

val LabGradientFlow::run(const val& count_arg) {
  const int count = int_arg(count_arg, "GradientFlow.run: steps", 0, kMaxStepsPerCall);
  for (int i = 0; i < count && diverged_.empty(); ++i) {
    try {
      last_loss_ = flow_.step(i + 1 == count);
    } catch (const DivergedError& e) {
      diverged_ = e.what();
    } catch (const std::exception& e) {
      refuse(e.what());
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

int LabGradientFlow::distinct_units(const val& layer) const {
  const int l = int_arg(layer, "distinctUnits: layer", 0, INT_MAX);
  return nnp::distinct_units(flow_.learner().model(), static_cast<std::size_t>(l));
}

val LabGradientFlow::parameter(const val& name) const {
  const std::span<const float> p = flow_.learner().parameter(string_arg(name, "parameter: name"));
  return float_array(p.data(), p.size());
}

LabPerceptron::LabPerceptron(const val& x, const val& y, const val& lr)
    : data_(points_from_js(x, y, 2, 2)), p_(2, PerceptronSpec{.lr = number_arg(lr, "Perceptron: lr")}) {}

val LabPerceptron::step() {
  const PerceptronStep s = p_.step(data_);
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

int LabPerceptron::epoch() { return p_.epoch(data_); }

val LabPerceptron::weights() const { return val::array(p_.weights().begin(), p_.weights().end()); }
val LabPerceptron::mistakes_per_epoch() const { return int_array(p_.mistakes_per_epoch()); }

LabNetwork::LabNetwork(const val& spec, const val& x, const val& y, const val& seed)
    : learner_(learner_spec_js(spec), seed_arg(seed, "Network: seed")) {
  const Dataset d = points_from_js(x, y, learner_.model().inputs(), 0);
  x_ = d.x;
  y_ = d.y;
  n_ = d.size();
  if (d.targets != learner_.model().outputs() && d.targets != 1)
    refuse("y must hold 1 or " + std::to_string(learner_.model().outputs()) + " targets for each of the " +
           std::to_string(n_) + " points of x, got " + std::to_string(y_.size()) + " numbers");
}

double LabNetwork::train(const val& steps) {
  return learner_.run_steps(x_.data(), y_.data(), n_, static_cast<int>(y_.size() / static_cast<std::size_t>(n_)),
                            int_arg(steps, "Network.train: steps", 1, kMaxStepsPerCall));
}

val LabNetwork::predict(const val& x) {
  read_floats(x, "x", points_);
  const int inputs = learner_.model().inputs();
  if (points_.empty() || points_.size() % static_cast<std::size_t>(inputs) != 0)
    throw Error("x must hold m × " + std::to_string(inputs) + " numbers (m ≥ 1)");
  const Tensor out =
      learner_.predict(points_.data(), static_cast<int>(points_.size() / static_cast<std::size_t>(inputs)));
  return float_array(out.data, out.size());
}

}  // namespace nnp::wasm

// The optimiser race (core/src/labs): torch.optim on 2-D surfaces against PyTorch's own runs
// (tests/fixtures/race/, made by gen_race_fixtures.py), divergence, noise, the schedule, the
// optimisers' state and the surfaces' table.
#include "nnp/optimiser_race.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "nnp/error.h"
#include "nnp/expression.h"
#include "nnp/json.h"
#include "nnp/loss_surfaces.h"
#include "nnp/spec_json.h"

namespace nnp {
namespace {

// docs/parity.md's tolerance.
bool close(double got, double expected) { return std::fabs(got - expected) <= 1e-5 + 1e-4 * std::fabs(expected); }

OptimizerSpec optimizer(const std::string& json) { return optimizer_spec_from(*Json::parse(json), "optimizer"); }

RaceSpec race(const std::string& surface, std::vector<OptimizerSpec> racers) {
  const LossSurface& s = loss_surface(surface);
  return RaceSpec{
      .expression = surface_expression(s, s.parameter.value), .start = s.start, .racers = std::move(racers)};
}

TEST(OptimiserRace, MatchesPyTorchFixtures) {
  std::ifstream in(NNP_RACE_FIXTURE);
  ASSERT_TRUE(in) << NNP_RACE_FIXTURE;
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json fx = nlohmann::json::parse(text.str());
  ASSERT_GE(fx.at("runs").size(), 15u);
  for (const nlohmann::json& run : fx.at("runs")) {
    const std::string name = run.at("name");
    // The fixture's surface is the table's (the lab draws what was checked).
    const LossSurface& surface = loss_surface(run.at("surface").get<std::string>());
    ASSERT_EQ(run.at("expression").get<std::string>(), surface_expression(surface, surface.parameter.value)) << name;
    RaceSpec spec{.expression = run.at("expression"),
                  .start = {run.at("start")[0], run.at("start")[1]},
                  .racers = {optimizer(run.at("optimizer").dump())}};
    OptimiserRace r(spec);
    r.run(run.at("steps").get<int>());
    const Racer& racer = r.racer(0);
    ASSERT_FALSE(racer.diverged()) << name << ": " << racer.message();
    const auto expected = run.at("trajectory").get<std::vector<double>>();
    ASSERT_EQ(racer.trajectory().size(), expected.size()) << name;
    for (std::size_t i = 0; i < expected.size(); ++i)
      ASSERT_TRUE(close(racer.trajectory()[i], expected[i]))
          << name << " step " << i / 2 << (i % 2 ? " y" : " x") << ": got " << racer.trajectory()[i] << ", expected "
          << expected[i];
    const auto losses = run.at("loss").get<std::vector<double>>();
    ASSERT_EQ(racer.losses().size(), losses.size()) << name;
    for (std::size_t i = 0; i < losses.size(); ++i)
      ASSERT_TRUE(close(racer.losses()[i], losses[i])) << name << " f at step " << i;
  }
}

// Each listed minimum is a stationary point of the engine's own gradient, and no lower than a
// point nearby (so it is a minimum, not a saddle).
TEST(LossSurfaces, MinimaAreMinimaOfTheEnginesGradient) {
  for (const LossSurface& s : loss_surfaces()) {
    const Expression e = parse_expression(surface_expression(s, s.parameter.value));
    for (const SurfacePoint& m : s.minima) {
      std::vector<float> v(e.leaves.size()), g(e.leaves.size());
      for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(e.leaves[i] == "x" ? m.x : m.y);
      const float f = evaluate_expression(e, v, g);
      for (float gi : g) EXPECT_LT(std::fabs(gi), 2e-3f) << s.id << " at (" << m.x << ", " << m.y << ")";
      for (float d : {-0.05f, 0.05f}) {
        std::vector<float> w = v;
        w[0] += d;
        EXPECT_GT(evaluate_expression(e, w), f) << s.id;
      }
    }
    EXPECT_LT(s.x_min, s.start.x);
    EXPECT_LT(s.start.x, s.x_max);
    EXPECT_LT(s.y_min, s.start.y);
    EXPECT_LT(s.start.y, s.y_max);
  }
  EXPECT_THROW(loss_surface("nope"), Error);
  EXPECT_EQ(surface_expression(loss_surface("bowl"), 25), "0.5*(x^2 + 25*y^2)");
  EXPECT_THROW(surface_expression(loss_surface("bowl"), 1000), Error);
}

// On the bowl 0.5(x² + κy²), SGD multiplies y by (1 − lr·κ) each step: with lr·κ = 100 it grows
// 99× a step and overflows float after ~20 steps; the small-lr racer beside it keeps going.
TEST(OptimiserRace, DivergenceStopsOneRacerWithTheStepNamed) {
  RaceSpec spec =
      race("bowl", {optimizer(R"({"name": "SGD", "lr": 10})"), optimizer(R"({"name": "SGD", "lr": 0.01})")});
  spec.expression = surface_expression(loss_surface("bowl"), 10);
  OptimiserRace r(spec);
  r.run(100);
  const Racer& wild = r.racer(0);
  ASSERT_TRUE(wild.diverged());
  const std::string expected = "diverged at step " + std::to_string(wild.steps() + 1) + ":";
  EXPECT_EQ(wild.message().rfind(expected, 0), 0u) << wild.message();
  EXPECT_GT(wild.steps(), 5);
  EXPECT_LT(wild.steps(), 100);
  EXPECT_TRUE(std::isfinite(wild.position()[0]) && std::isfinite(wild.position()[1]));
  r.run(10);  // stays stopped
  EXPECT_EQ(wild.trajectory().size(), static_cast<std::size_t>(2 * (wild.steps() + 1)));
  EXPECT_FALSE(r.racer(1).diverged());
  EXPECT_EQ(r.racer(1).steps(), 110);
}

TEST(OptimiserRace, GradientNoiseIsSeededAndHelpsLeaveTheShallowMinimum) {
  const LossSurface& s = loss_surface("two-minima");
  const auto final_x = [&](double noise, std::uint64_t seed) {
    RaceSpec spec = race(s.id, {optimizer(R"({"name": "SGD", "lr": 0.1})")});
    spec.gradient_noise = noise;
    spec.seed = seed;
    OptimiserRace r(spec);
    r.run(3000);
    return r.racer(0).position()[0];
  };
  // Without noise, descent from the start ends in the shallow minimum on the right.
  EXPECT_NEAR(final_x(0.0, 1), s.minima[0].x, 1e-3);
  EXPECT_EQ(final_x(0.5, 7), final_x(0.5, 7));  // the same seed, the same run
  // With noise, most seeds end on the deep side (x < 0).
  int deep = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) deep += final_x(1.5, seed) < 0.0f ? 1 : 0;
  EXPECT_GE(deep, 5);
}

TEST(OptimiserRace, ScheduleAndStateAreTorchs) {
  RaceSpec spec = race("himmelblau", {optimizer(R"({"name": "Adam", "lr": 0.1})"),
                                      optimizer(R"({"name": "SGD", "lr": 0.01, "momentum": 0.9})")});
  spec.scheduler = scheduler_spec_from(*Json::parse(R"({"name": "ExponentialLR", "gamma": 0.5})"), "scheduler");
  OptimiserRace r(spec);
  const std::array<float, 2> g0 = r.racer(0).gradient();
  r.run(1);
  // After one step: exp_avg = (1 − β₁)·g, exp_avg_sq = (1 − β₂)·g², momentum_buffer = g.
  const Optimizer::State adam = r.racer(0).state();
  ASSERT_EQ(adam.exp_avg.size(), 2u);
  EXPECT_FLOAT_EQ(adam.exp_avg[0], 0.1f * g0[0]);
  EXPECT_FLOAT_EQ(adam.exp_avg_sq[1], 0.001f * g0[1] * g0[1]);
  EXPECT_TRUE(adam.momentum_buffer.empty());
  const Optimizer::State sgd = r.racer(1).state();
  ASSERT_EQ(sgd.momentum_buffer.size(), 2u);
  EXPECT_FLOAT_EQ(sgd.momentum_buffer[0], g0[0]);
  EXPECT_TRUE(sgd.exp_avg.empty());
  r.run(2);
  EXPECT_DOUBLE_EQ(r.racer(0).lr(), 0.1 * 0.125);
}

TEST(OptimiserRace, BadSettingsNameWhatToChange) {
  const auto message = [](const std::string& json) {
    try {
      race_spec_from_json(json);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(
      message(R"({"expression": "x^2 + (y", "start": [0, 0], "racers": [{"name": "SGD", "lr": 0.1}]})").find("column"),
      std::string::npos);
  EXPECT_EQ(message(R"({"expression": "x^2 + z", "start": [0, 0], "racers": [{"name": "SGD", "lr": 0.1}]})")
                .rfind("column 7: 'z'", 0),
            0u);
  EXPECT_NE(
      message(R"({"expression": "x^2", "start": [0, 0], "racers": [{"name": "SGD", "lr": 100}]})").find("racers[0].lr"),
      std::string::npos);
  EXPECT_NE(message(R"({"expression": "x^2", "start": [0, 0], "racers": []})").find("racers"), std::string::npos);
  EXPECT_NE(message(R"({"expression": "x^2", "start": [0], "racers": [{"name": "SGD", "lr": 1}]})").find("start"),
            std::string::npos);
  EXPECT_EQ(message(R"({"expression": "x^2", "start": [0, 1], "racers": [{"name": "Adam", "lr": 0.1}]})"), "");
}

TEST(OptimiserRace, GridHoldsTheSurfacesValues) {
  const std::string f = "(1 - x)^2 + 100*(y - x^2)^2";
  const std::vector<float> grid = surface_grid(f, 5, -2.0, 2.0, -1.0, 3.0);
  ASSERT_EQ(grid.size(), 25u);
  EXPECT_FLOAT_EQ(grid[0], 9.0f + 100.0f * 25.0f);  // (−2, −1)
  EXPECT_FLOAT_EQ(grid[2 * 5 + 3], 0.0f);           // (1, 1)
  EXPECT_THROW(surface_grid(f, 1, -2.0, 2.0, -1.0, 3.0), Error);
  EXPECT_THROW(surface_grid(f, 8, 2.0, -2.0, -1.0, 3.0), Error);
}

}  // namespace
}  // namespace nnp

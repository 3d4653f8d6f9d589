#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "nnp/error.h"
#include "nnp/trainer.h"
#include "test_config.h"

namespace nnp {
namespace {

// The grid's cell centres, row 0 at y_max, as predict_grid samples them.
std::vector<float> cell_centres(int res, float lo, float hi) {
  std::vector<float> xy;
  for (int r = 0; r < res; ++r)
    for (int c = 0; c < res; ++c) {
      xy.push_back(lo + (hi - lo) * (static_cast<float>(c) + 0.5f) / static_cast<float>(res));
      xy.push_back(hi - (hi - lo) * (static_cast<float>(r) + 0.5f) / static_cast<float>(res));
    }
  return xy;
}

// A direct evaluation, unit by unit in double: Σ w·x + b through tanh, the features by hand.
TEST(NeuronMaps, EveryUnitMatchesADirectEvaluation) {
  TrainerConfig c = testing::skeleton_config(3);
  c.data.features = {Feature::X1, Feature::X2, Feature::X1TimesX2};
  c.learner.model = MlpSpec{.inputs = 3, .layers = {{5, Activation::Tanh}, {1, Activation::Sigmoid}}};
  Trainer t(c);
  t.run(40);  // away from the initialisation
  const int res = 7;
  const float lo = -6, hi = 6;
  std::vector<float> maps(static_cast<std::size_t>(res * res) * (3 + 5 + 1), -99.0f);
  t.neuron_maps(res, lo, hi, lo, hi, maps.data());
  const std::vector<float> xy = cell_centres(res, lo, hi);
  const Learner& l = t.learner();
  const auto w0 = l.parameter("0.weight"), b0 = l.parameter("0.bias");
  const auto w1 = l.parameter("2.weight"), b1 = l.parameter("2.bias");
  const auto plane = static_cast<std::size_t>(res) * static_cast<std::size_t>(res);
  for (std::size_t cell = 0; cell < plane; ++cell) {
    const double x = xy[2 * cell], y = xy[2 * cell + 1];
    const double in[3] = {x, y, x * y};
    for (int f = 0; f < 3; ++f) EXPECT_NEAR(maps[f * plane + cell], in[f], 1e-4) << "feature " << f;
    double out = b1[0];
    for (int u = 0; u < 5; ++u) {
      double z = b0[u];
      for (int f = 0; f < 3; ++f) z += w0[u * 3 + f] * in[f];
      EXPECT_NEAR(maps[(3 + u) * plane + cell], std::tanh(z), 1e-5) << "hidden unit " << u << " cell " << cell;
      out += w1[u] * std::tanh(z);
    }
    EXPECT_NEAR(maps[8 * plane + cell], 1.0 / (1.0 + std::exp(-out)), 1e-5) << "output, cell " << cell;
  }
}

// Standardised inputs and dropout: the maps are the network inputs the Trainer feeds (so the
// output map equals predict on the raw points) and never drop units.
TEST(NeuronMaps, FollowStandardisationAndIgnoreDropout) {
  TrainerConfig c = testing::skeleton_config(2);
  c.data.standardize = true;
  c.learner.model.layers[0].dropout = 0.5f;
  Trainer t(c);
  t.run(30);
  const int res = 5;
  const auto plane = static_cast<std::size_t>(res) * static_cast<std::size_t>(res);
  std::vector<float> maps(plane * (2 + 4 + 4 + 1)), again(maps.size()), predicted(plane);
  t.neuron_maps(res, -6, 6, -6, 6, maps.data());
  t.neuron_maps(res, -6, 6, -6, 6, again.data());
  EXPECT_EQ(maps, again);  // evaluation mode: no random dropout mask
  const std::vector<float> xy = cell_centres(res, -6, 6);
  t.predict(xy.data(), res * res, predicted.data());
  const auto& mean = t.pipeline().mean();
  const auto& sd = t.pipeline().stddev();
  for (std::size_t cell = 0; cell < plane; ++cell) {
    EXPECT_NEAR(maps[10 * plane + cell], predicted[cell], 1e-6);
    for (std::size_t f = 0; f < 2; ++f) EXPECT_NEAR(maps[f * plane + cell], (xy[2 * cell + f] - mean[f]) / sd[f], 1e-5);
  }
}

TEST(NeuronMaps, RefusesABadResolutionAndDataWithoutAPlane) {
  Trainer t(testing::skeleton_config());
  std::vector<float> out(1);
  EXPECT_THROW(t.neuron_maps(0, -6, 6, -6, 6, out.data()), Error);
  TrainerConfig c = testing::skeleton_config();
  c.data = DataSpec{.name = "sine", .samples = 100, .split = {.train = 0.5}};
  c.learner.model = MlpSpec{.inputs = 1, .layers = {{4, Activation::Tanh}, {1, Activation::Identity}}};
  c.learner.loss = LossSpec{.kind = LossKind::MSELoss};
  Trainer curve(c);
  EXPECT_THROW(curve.neuron_maps(4, -6, 6, -6, 6, out.data()), Error);
}

// The sizes a caller allocates with carry the methods' own checks, so the buffer is never sized
// from a bad resolution.
TEST(NeuronMaps, SizesRefuseWhatTheGridsRefuse) {
  Trainer t(testing::skeleton_config());
  std::size_t units = static_cast<std::size_t>(t.model().inputs());
  for (const LayerSpec& l : t.model().spec().layers) units += static_cast<std::size_t>(l.units);
  EXPECT_EQ(t.neuron_maps_size(3), units * 9);
  EXPECT_EQ(t.grid_size(5, /*every_class=*/true), 25u * static_cast<std::size_t>(t.model().outputs()));
  EXPECT_EQ(t.grid_size(5, /*every_class=*/false), 25u);
  const auto message = [](const auto& f) {
    try {
      f();
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([&] { t.neuron_maps_size(257); }), "the neuron maps' resolution must be from 1 to 256, got 257");
  EXPECT_EQ(message([&] { t.grid_size(0, false); }), "the prediction grid's resolution must be from 1 to 1024, got 0");
  std::vector<float> out(1);
  EXPECT_EQ(message([&] { t.predict_grid(2000, -6, 6, -6, 6, out.data()); }),
            "the prediction grid's resolution must be from 1 to 1024, got 2000");
}

}  // namespace
}  // namespace nnp

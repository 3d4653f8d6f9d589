// Replays every PyTorch fixture in tests/fixtures/parity (format: ../shared/docs/parity-format.md)
// through the C++ API: same initial parameters, same batches; every loss, every first-step
// gradient and every final parameter must match within 1e-5 + 1e-4·|expected|.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "nnp/learner.h"
#include "nnp/spec_json.h"

namespace nnp {
namespace {

using nlohmann::json;

std::vector<std::string> fixture_files() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(NNP_FIXTURE_DIR))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<float> floats(const json& j) { return j.at("data").get<std::vector<float>>(); }

struct Worst {
  double excess = -1.0;  // |got − expected| − tolerance; > 0 is a failure
  std::string what;
};

void compare(Worst& worst, const std::string& quantity, std::span<const float> got,
             const std::vector<float>& expected) {
  ASSERT_EQ(got.size(), expected.size()) << quantity;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const double tol = 1e-5 + 1e-4 * std::fabs(expected[i]);
    const double excess = std::fabs(static_cast<double>(got[i]) - expected[i]) - tol;
    if (excess > worst.excess || std::isnan(got[i])) {
      std::ostringstream s;
      s << quantity << "[" << i << "]: got " << got[i] << ", expected " << expected[i];
      worst = {std::isnan(got[i]) ? 1e30 : excess, s.str()};
    }
  }
}

class Parity : public ::testing::TestWithParam<std::string> {};

TEST_P(Parity, MatchesPyTorch) {
  std::ifstream in(GetParam());
  std::stringstream text;
  text << in.rdbuf();
  const json fx = json::parse(text.str());
  Learner learner(learner_spec_from_json(text.str()), 0);
  for (const json& p : fx.at("parameters")) learner.set_parameter(p.at("name").get<std::string>(), floats(p));

  Worst worst;
  std::vector<float> losses;
  const json& steps = fx.at("steps");
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const json& x = steps[s].at("x");
    const json& y = steps[s].at("y");
    const int n = x.at("shape")[0].get<int>();
    const int y_cols = y.at("shape").size() == 1 ? 1 : y.at("shape")[1].get<int>();
    const std::vector<float> xv = floats(x), yv = floats(y);
    losses.push_back(learner.compute_gradients(xv.data(), yv.data(), n, y_cols));
    if (s == 0)
      for (const json& g : fx.at("expected").at("grads_first_step")) {
        const std::string name = g.at("name").get<std::string>();
        compare(worst, "grad " + name, learner.gradient(name), floats(g));
      }
    learner.apply_update();
  }
  compare(worst, "loss", losses, fx.at("expected").at("loss").get<std::vector<float>>());
  for (const json& p : fx.at("expected").at("parameters")) {
    const std::string name = p.at("name").get<std::string>();
    compare(worst, "parameter " + name, learner.parameter(name), floats(p));
  }
  EXPECT_LE(worst.excess, 0.0) << fx.at("name").get<std::string>() << ": worst mismatch " << worst.what;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Parity, ::testing::ValuesIn(fixture_files()), [](const auto& info) {
  std::string n = std::filesystem::path(info.param).stem().string();
  std::replace_if(
      n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return n;
});

TEST(ParityFixtures, ThereAreFixtures) { EXPECT_GE(fixture_files().size(), 50u); }

}  // namespace
}  // namespace nnp

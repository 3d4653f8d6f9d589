#pragma once
// A multilayer perceptron as torch.nn.Sequential(Linear, act, Linear, act, …): parameters in one
// flat, aligned slab in named_parameters() order (0.weight [out, in], 0.bias [out], 2.weight, …),
// gradients in a second slab of the same layout, so zero_grad() is one fill and an optimiser step
// is one pass. The forward pass records autograd ops (Linear, Activation, Dropout per layer);
// training takes their fast path, MlpStep, which calls the same kernels without the tape.
//
//   nnp::Mlp net({.inputs = 2, .layers = {{4, nnp::Activation::Tanh}, {1, nnp::Activation::Sigmoid}}});
//   nnp::Pcg32 rng(1);
//   net.init({.weight = nnp::InitKind::XavierUniform}, rng);
//   nnp::Var y = net.forward(graph, x);      // evaluation mode (no dropout)
#include <span>
#include <string>
#include <vector>

#include "nnp/autograd.h"
#include "nnp/optim.h"
#include "nnp/rng.h"
#include "nnp/spec.h"
#include "nnp/tensor.h"

namespace nnp {

// Throws nnp::Error naming the field ("network.layers[1].units …") when the spec is unusable.
void validate(const MlpSpec& spec);

struct ParamInfo {
  std::string name;  // "0.weight", "0.bias", "2.weight", …
  std::size_t offset = 0;
  int rows = 0;  // a bias is [1, out] internally; its torch shape is [out]
  int cols = 0;
  bool is_bias = false;
};

class Mlp {
 public:
  explicit Mlp(const MlpSpec& spec);

  void init_default(Pcg32& rng);
  // Initialises every layer by `spec`; Kaiming's gain follows each layer's activation.
  void init(const InitSpec& spec, Pcg32& rng);
  // Evaluation mode: dropout is skipped. Training mode: pass the generator for dropout masks.
  Var forward(Graph& g, Var x, Pcg32* dropout_rng = nullptr);
  void zero_grad();

  const MlpSpec& spec() const { return spec_; }
  void set_dropout(std::size_t layer, float p);
  int inputs() const { return spec_.inputs; }
  int outputs() const { return spec_.layers.back().units; }
  std::span<float> parameters() { return params_; }
  std::span<float> gradients() { return grads_; }
  std::span<const float> parameters_view() const { return params_; }
  std::span<const float> gradients_view() const { return grads_; }
  const std::vector<ParamInfo>& named_parameters() const { return info_; }
  const ParamInfo* find(std::string_view name) const;
  // The parameters as optimiser segments (one per torch parameter).
  std::vector<ParamSegment> segments() const;
  Tensor weight(std::size_t layer);
  Tensor bias(std::size_t layer);

 private:
  MlpSpec spec_;
  std::vector<ParamInfo> info_;
  AlignedVector params_;
  AlignedVector grads_;
};

}  // namespace nnp

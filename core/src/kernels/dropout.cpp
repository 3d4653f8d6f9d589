// Inverted dropout (torch.nn.Dropout in training mode): each element kept with probability 1 − p
// and scaled by 1/(1 − p), so the expected output is the input and evaluation simply skips it.
#include "layers.h"

namespace nnp {

// h = a ⊙ mask
void dropout_forward(float p, Pcg32& rng, const float* a, float* mask, float* h, std::size_t n) {
  const float scale = 1.0f / (1.0f - p);
  for (std::size_t i = 0; i < n; ++i) {
    const float u = static_cast<float>(rng.next_u32() >> 8) * 0x1.0p-24f;  // uniform [0, 1), 24 bits
    mask[i] = u < p ? 0.0f : scale;
    h[i] = a[i] * mask[i];
  }
}

// ∂a = mask ⊙ ∂h
void dropout_backward(const float* mask, const float* dh, float* da, std::size_t n, bool accumulate) {
  if (accumulate)
    for (std::size_t i = 0; i < n; ++i) da[i] += dh[i] * mask[i];
  else
    for (std::size_t i = 0; i < n; ++i) da[i] = dh[i] * mask[i];
}

}  // namespace nnp

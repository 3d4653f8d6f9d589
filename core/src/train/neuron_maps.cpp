// Trainer::neuron_maps: what every neuron computes over the input plane, for the network diagram
// (TensorFlow Playground's per-neuron thumbnails, the output layer included).
#include <algorithm>
#include <string>

#include "nnp/autograd.h"
#include "nnp/error.h"
#include "nnp/trainer.h"

namespace nnp {
namespace {
constexpr int kCellsPerChunk = 512;  // grid cells per forward pass
}  // namespace

// The forward pass of Mlp::forward in evaluation mode, layer by layer, keeping each layer's output:
// the weights enter as constants, so nothing is recorded for a backward pass and no gradient moves.
void Trainer::check_neuron_maps(int res) const {
  if (res < 1 || res > 256)
    throw Error("the neuron maps' resolution must be from 1 to 256, got " + std::to_string(res));
  if (raw_.train.features != 2)
    throw Error("neuron maps need 2-D data; this data has " + std::to_string(raw_.train.features) + " features");
}

std::size_t Trainer::neuron_maps_size(int res) const {
  check_neuron_maps(res);
  const MlpSpec& m = config_.learner.model;
  std::size_t units = static_cast<std::size_t>(m.inputs);
  for (const LayerSpec& l : m.layers) units += static_cast<std::size_t>(l.units);
  return units * static_cast<std::size_t>(res) * static_cast<std::size_t>(res);
}

void Trainer::neuron_maps(int res, float x_min, float x_max, float y_min, float y_max, float* out) {
  check_neuron_maps(res);
  Mlp& net = model();
  const int inputs = net.inputs();
  const auto plane = static_cast<std::size_t>(res) * static_cast<std::size_t>(res);
  Arena arena(static_cast<std::size_t>(kCellsPerChunk) * 64);
  Graph g(arena, 2 + 4 * net.spec().layers.size());
  const int rows_per_chunk = std::max(1, kCellsPerChunk / res);
  for (int row0 = 0; row0 < res; row0 += rows_per_chunk) {
    const int rows = std::min(rows_per_chunk, res - row0);
    const int cells = rows * res;
    const std::size_t first = static_cast<std::size_t>(row0) * static_cast<std::size_t>(res);
    grid_inputs(res, row0, rows, x_min, x_max, y_min, y_max);  // scratch_: the network inputs
    const auto store = [&](const float* v, int units, int unit0) {
      for (int u = 0; u < units; ++u) {
        float* dst = out + static_cast<std::size_t>(unit0 + u) * plane + first;
        for (int c = 0; c < cells; ++c) dst[c] = v[static_cast<std::size_t>(c) * units + u];
      }
    };
    store(scratch_.data(), inputs, 0);
    g.clear();
    Var h = g.input({scratch_.data(), cells, inputs});
    int unit0 = inputs;
    for (std::size_t i = 0; i < net.spec().layers.size(); ++i) {
      const LayerSpec& layer = net.spec().layers[i];
      h = g.activation(g.add_row(g.matmul(h, g.input(net.weight(i)), false, true), g.input(net.bias(i))),
                       layer.activation);
      store(g.value(h).data, layer.units, unit0);
      unit0 += layer.units;
    }
  }
}

}  // namespace nnp

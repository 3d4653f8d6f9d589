#pragma once
// A bump allocator for activations and their gradients. reset() frees everything at once; after the
// first few steps one block holds a whole step, so steady-state training allocates nothing.
//
//   nnp::Arena arena;
//   float* h = arena.alloc(rows * cols);   // 16-byte aligned, uninitialised
//   arena.reset();                          // start of the next step
#include <cstddef>
#include <vector>

#include "nnp/tensor.h"

namespace nnp {

class Arena {
 public:
  explicit Arena(std::size_t initial_floats = 1 << 14);
  float* alloc(std::size_t n);
  float* alloc_zeroed(std::size_t n);
  void reset();
  std::size_t capacity() const;

 private:
  struct Block {
    AlignedVector data;
    std::size_t used = 0;
  };
  std::vector<Block> blocks_;
};

}  // namespace nnp

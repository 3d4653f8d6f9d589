#include "nnp/arena.h"

#include <algorithm>
#include <cstring>

namespace nnp {

Arena::Arena(std::size_t initial_floats) {
  blocks_.reserve(8);
  blocks_.push_back(Block{AlignedVector(initial_floats), 0});
}

float* Arena::alloc(std::size_t n) {
  n = aligned_count(std::max<std::size_t>(n, 1));
  Block* b = &blocks_.back();
  if (b->used + n > b->data.size()) {
    // Earlier blocks stay valid until reset(), which merges them into one.
    blocks_.push_back(Block{AlignedVector(std::max(n, 2 * b->data.size())), 0});
    b = &blocks_.back();
  }
  float* p = b->data.data() + b->used;
  b->used += n;
  return p;
}

float* Arena::alloc_zeroed(std::size_t n) {
  float* p = alloc(n);
  std::memset(p, 0, n * sizeof(float));
  return p;
}

void Arena::reset() {
  if (blocks_.size() > 1) {
    std::size_t total = capacity();
    blocks_.clear();
    blocks_.push_back(Block{AlignedVector(total), 0});
  }
  blocks_.front().used = 0;
}

std::size_t Arena::capacity() const {
  std::size_t total = 0;
  for (const Block& b : blocks_) total += b.data.size();
  return total;
}

}  // namespace nnp

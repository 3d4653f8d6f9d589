#include "nnp/arena.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace nnp {

TEST(Arena, AllocationsAreAlignedAndDisjoint) {
  Arena arena(64);
  float* a = arena.alloc(3);
  float* b = arena.alloc(5);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a) % kAlignment, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b) % kAlignment, 0u);
  EXPECT_GE(b - a, 3);  // same block: b follows a's (rounded-up) three floats
}

TEST(Arena, OverflowKeepsEarlierPointersAndResetMergesBlocks) {
  Arena arena(8);
  float* a = arena.alloc(8);
  a[7] = 42.0f;
  float* b = arena.alloc(100);  // needs a second block
  b[99] = 1.0f;
  EXPECT_EQ(a[7], 42.0f);
  const std::size_t total = arena.capacity();
  arena.reset();
  EXPECT_EQ(arena.capacity(), total);
  // After the merge the same demand fits in one block: no new block is made.
  arena.alloc(8);
  arena.alloc(100);
  EXPECT_EQ(arena.capacity(), total);
}

TEST(Arena, ZeroedAllocationIsZero) {
  Arena arena(16);
  float* a = arena.alloc(16);
  for (int i = 0; i < 16; ++i) a[i] = 7.0f;
  arena.reset();
  float* z = arena.alloc_zeroed(16);
  for (int i = 0; i < 16; ++i) EXPECT_EQ(z[i], 0.0f);
}

}  // namespace nnp

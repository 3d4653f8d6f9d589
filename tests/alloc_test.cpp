// Steady-state training allocates nothing: after a warm-up, 1,000 steps (and evaluations) make no
// heap allocation. Global operator new is replaced to count.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "nnp/spec_json.h"
#include "nnp/trainer.h"
#include "test_config.h"

namespace {
std::atomic<long> g_allocations{0};
}

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, std::align_val_t a) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  const std::size_t al = static_cast<std::size_t>(a);
  if (void* p = std::aligned_alloc(al, (n + al - 1) / al * al)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) { return operator new(n, a); }
// The nothrow forms too (std::stable_sort's buffer uses them): left to the library's, their
// memory would come back through the free() below, which ASan reports as a mismatch.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace nnp {

TEST(Allocation, SteadyStateTrainingAllocatesNothing) {
  Trainer t(testing::skeleton_config());
  t.run(100);  // warm-up: the arena and the graph reach their working size
  t.evaluate();
  const long before = g_allocations.load();
  t.run(1000);
  const long after_steps = g_allocations.load();
  t.evaluate();
  const long after_eval = g_allocations.load();
  EXPECT_EQ(after_steps - before, 0);
  EXPECT_EQ(after_eval - after_steps, 0);
}

TEST(Allocation, EveryFeatureAtOnceAllocatesNothingInSteadyState) {
  // Adam with amsgrad and decay groups, a schedule, both clippings, L1, dropout, cross-entropy
  // with label smoothing.
  Trainer t(trainer_config_from_json(R"({"seed": 2, "data": {"name": "circle", "samples": 300, "noise": 0.1,
    "trainFraction": 0.6, "validationFraction": 0.1, "features": ["x1", "x2", "x1*x2"], "standardize": true},
    "training": {"batchSize": 16, "earlyStopping": {"patience": 1000}}, "model": {"inputs": 3, "layers": [
      {"units": 16, "activation": {"name": "GELU"}, "dropout": 0.2},
      {"units": 16, "activation": {"name": "LeakyReLU", "negative_slope": 0.1}},
      {"units": 2, "activation": "Identity"}]},
    "loss": {"name": "CrossEntropyLoss", "label_smoothing": 0.1},
    "optimizer": {"name": "AdamW", "lr": 0.01, "amsgrad": true, "no_decay_bias": true},
    "scheduler": {"name": "CosineAnnealingLR", "T_max": 50}, "clip_grad_norm": 1.0, "clip_grad_value": 0.5,
    "l1": 0.0001})"));
  t.run(100);
  t.evaluate();
  const long before = g_allocations.load();
  t.run(1000);
  t.evaluate();
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_GT(t.evaluate().test.accuracy, 0.8);
}

}  // namespace nnp

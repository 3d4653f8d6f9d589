// torch.optim update rules (PyTorch 1.13 single-tensor implementations), one pass per parameter
// group. Hyper-parameters are combined in double as Python does, then rounded to float where the
// torch kernel receives them as scalars.
#include <cmath>
#include <string>

#include "../kernels/simd.h"
#include "nnp/error.h"
#include "nnp/optim.h"

namespace nnp {

using simd::Batch;

namespace {

// const char* so that the check costs no allocation when it passes.
void require(bool ok, const char* field, const char* rule, double got) {
  if (!ok) throw Error("optimizer." + std::string(field) + " must be " + rule + ", got " + format_number(got));
}

// SGD's per-step constants: buf = d on the first step, then momentum·buf + (1 − dampening)·d.
struct SgdConstants {
  float lr, wd, momentum, damp;
  bool first, nesterov;
};

// d = g + wd·p; buf = d (first step) or momentum·buf + (1 − dampening)·d;
// d = nesterov ? d + momentum·buf : buf; p −= lr·d. T is a vector or, for the tail, a float: the
// same operations either way, so every element gets the same bits.
template <bool kWd, bool kMomentum, class T>
inline T sgd_update(T pv, T gv, T* buf, const SgdConstants& k) {
  T d = gv;
  if constexpr (kWd) d = gv + T(k.wd) * pv;
  if constexpr (kMomentum) {
    *buf = k.first ? d : *buf * T(k.momentum) + T(k.damp) * d;
    d = k.nesterov ? d + T(k.momentum) * *buf : *buf;
  }
  return pv + T(-k.lr) * d;
}

// Branch-free per option (V8 does not unswitch loops); buf is used only with momentum. Not inlined,
// for the reason adam_pass is not.
template <bool kWd, bool kMomentum>
[[gnu::noinline]] void sgd_pass(float* p, const float* g, float* buf, const SgdConstants& constants, std::size_t n) {
  const SgdConstants k = constants;  // a local copy: the stores through p could alias the reference
  constexpr std::size_t W = simd::kWidth;
  std::size_t i = 0;
  for (; i + W <= n; i += W) {
    Batch b = kMomentum ? Batch::load_unaligned(buf + i) : Batch(0.0f);
    sgd_update<kWd, kMomentum>(Batch::load_unaligned(p + i), Batch::load_unaligned(g + i), &b, k)
        .store_unaligned(p + i);
    if constexpr (kMomentum) b.store_unaligned(buf + i);
  }
  for (; i < n; ++i) p[i] = sgd_update<kWd, kMomentum>(p[i], g[i], kMomentum ? buf + i : nullptr, k);
}

// Adam(W)'s per-step constants and its arrays (vmax only with amsgrad).
struct AdamConstants {
  Batch step_size, inv_bc2_sqrt, eps, b1, b1c, b2, b2c, decay, wd;
};
struct AdamArrays {
  float* p;
  const float* g;
  float *m, *v, *vmax;
};

// AdamW: p ·= 1 − lr·wd; Adam: g += wd·p. m = β₁m + (1 − β₁)g; v = β₂v + (1 − β₂)g²;
// amsgrad: v̂ = max(v̂, v); p −= (lr / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + eps). torch divides √v̂
// by √(1 − β₂ᵗ); multiplying by its reciprocal is the same formula within an ulp and spares one of
// the two vector divisions (with the square root, they are most of Adam's time: divisions and roots
// share one unit). W elements from offset i.
template <bool kDecay, bool kCoupled, bool kAms>
inline void adam_vector(const AdamArrays& a, const AdamConstants& k, std::size_t i) {
  Batch pv = Batch::load_unaligned(a.p + i);
  Batch gv = Batch::load_unaligned(a.g + i);
  if constexpr (kDecay) pv = pv * k.decay;
  if constexpr (kCoupled) gv = gv + k.wd * pv;
  const Batch m = Batch::load_unaligned(a.m + i) * k.b1 + k.b1c * gv;
  const Batch v = Batch::load_unaligned(a.v + i) * k.b2 + k.b2c * (gv * gv);
  m.store_unaligned(a.m + i);
  v.store_unaligned(a.v + i);
  Batch vhat = v;
  if constexpr (kAms) {
    vhat = xsimd::max(Batch::load_unaligned(a.vmax + i), v);
    vhat.store_unaligned(a.vmax + i);
  }
  (pv - k.step_size * (m / (xsimd::sqrt(vhat) * k.inv_bc2_sqrt + k.eps))).store_unaligned(a.p + i);
}

// n elements; the tail through the same vector code, padded. Not inlined: six copies inside
// step_segment made its every call (SGD's too) slower, 6 % of W1's step.
template <bool kDecay, bool kCoupled, bool kAms>
[[gnu::noinline]] void adam_pass(const AdamArrays& arrays, const AdamConstants& constants, std::size_t n) {
  // Local copies: the stores through the arrays could alias the referenced constants, which would
  // then be reloaded every iteration.
  const AdamArrays a = arrays;
  const AdamConstants k = constants;
  constexpr std::size_t W = simd::kWidth;
  std::size_t i = 0;
  for (; i + W <= n; i += W) adam_vector<kDecay, kCoupled, kAms>(a, k, i);
  if (i == n) return;
  const std::size_t r = n - i;
  alignas(16) float tp[W] = {}, tg[W] = {}, tm[W] = {}, tv[W] = {}, tx[W] = {};
  std::copy(a.p + i, a.p + n, tp);
  std::copy(a.g + i, a.g + n, tg);
  std::copy(a.m + i, a.m + n, tm);
  std::copy(a.v + i, a.v + n, tv);
  if constexpr (kAms) std::copy(a.vmax + i, a.vmax + n, tx);
  adam_vector<kDecay, kCoupled, kAms>({tp, tg, tm, tv, tx}, k, 0);
  std::copy(tp, tp + r, a.p + i);
  std::copy(tm, tm + r, a.m + i);
  std::copy(tv, tv + r, a.v + i);
  if constexpr (kAms) std::copy(tx, tx + r, a.vmax + i);
}

}  // namespace

OptimizerSpec OptimizerSpec::defaults_for(OptimizerKind kind) {
  OptimizerSpec s;
  s.kind = kind;
  switch (kind) {
    case OptimizerKind::SGD: s.lr = 0.01; break;
    case OptimizerKind::Adagrad:
      s.lr = 0.01;
      s.eps = 1e-10;
      break;
    case OptimizerKind::RMSprop:
      s.lr = 0.01;
      s.eps = 1e-8;
      break;
    case OptimizerKind::Adam: s.lr = 1e-3; break;
    case OptimizerKind::AdamW:
      s.lr = 1e-3;
      s.weight_decay = 0.01;
      break;
  }
  return s;
}

// lr and weight_decay, which a run changes live, are the Learner's to check (learner.cpp), at
// construction and at each change.
void validate(const OptimizerSpec& s) {
  require(std::isfinite(s.eps) && s.eps >= 0.0, "eps", "a finite number ≥ 0", s.eps);
  switch (s.kind) {
    case OptimizerKind::SGD:
      require(std::isfinite(s.momentum) && s.momentum >= 0.0, "momentum", "a finite number ≥ 0", s.momentum);
      require(std::isfinite(s.dampening), "dampening", "a finite number", s.dampening);
      if (s.nesterov && (s.momentum <= 0.0 || s.dampening != 0.0))
        throw Error("optimizer.nesterov needs momentum > 0 and dampening 0 (as torch.optim.SGD)");
      break;
    case OptimizerKind::Adagrad:
      require(std::isfinite(s.lr_decay) && s.lr_decay >= 0.0, "lr_decay", "a finite number ≥ 0", s.lr_decay);
      require(std::isfinite(s.initial_accumulator_value) && s.initial_accumulator_value >= 0.0,
              "initial_accumulator_value", "a finite number ≥ 0", s.initial_accumulator_value);
      break;
    case OptimizerKind::RMSprop:
      require(std::isfinite(s.alpha) && s.alpha >= 0.0, "alpha", "a finite number ≥ 0", s.alpha);
      require(std::isfinite(s.momentum) && s.momentum >= 0.0, "momentum", "a finite number ≥ 0", s.momentum);
      break;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW:
      require(s.beta1 >= 0.0 && s.beta1 < 1.0, "betas[0]", "in [0, 1)", s.beta1);
      require(s.beta2 >= 0.0 && s.beta2 < 1.0, "betas[1]", "in [0, 1)", s.beta2);
      break;
  }
}

Optimizer::Optimizer(const OptimizerSpec& spec, std::vector<ParamSegment> segments)
    : spec_(spec), segments_(std::move(segments)) {
  validate(spec_);
  std::size_t n = 0;
  for (const ParamSegment& s : segments_) n = std::max(n, s.offset + s.size);
  const bool two =
      spec_.kind == OptimizerKind::RMSprop || spec_.kind == OptimizerKind::Adam || spec_.kind == OptimizerKind::AdamW;
  const bool three = spec_.kind == OptimizerKind::RMSprop || spec_.amsgrad;
  s1_.assign(n, spec_.kind == OptimizerKind::Adagrad ? static_cast<float>(spec_.initial_accumulator_value) : 0.0f);
  if (two) s2_.assign(n, 0.0f);
  if (three) s3_.assign(n, 0.0f);
  plan_passes();
}

// Unchecked: the Learner checks a user's lr and weight decay; a schedule's own lr may reach 0
// (CosineAnnealingLR with eta_min 0).
void Optimizer::set_lr(double lr) { spec_.lr = lr; }

void Optimizer::set_weight_decay(double weight_decay) {
  spec_.weight_decay = weight_decay;
  plan_passes();
}

// Which of s1, s2, s3 hold what is written once, in the class's comment on them.
Optimizer::State Optimizer::state() const {
  State st;
  switch (spec_.kind) {
    case OptimizerKind::SGD:
      if (spec_.momentum != 0.0) st.momentum_buffer = s1_;
      break;
    case OptimizerKind::Adagrad: st.sum = s1_; break;
    case OptimizerKind::RMSprop:
      st.square_avg = s1_;
      if (spec_.momentum > 0.0) st.momentum_buffer = s2_;
      if (spec_.centered) st.grad_avg = s3_;
      break;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW:
      st.exp_avg = s1_;
      st.exp_avg_sq = s2_;
      if (spec_.amsgrad) st.max_exp_avg_sq = s3_;
      break;
  }
  return st;
}

void Optimizer::step(std::span<float> params, std::span<const float> grads) {
  ++step_;
  if (whole_.size > 0) {
    step_segment(whole_, params.data(), grads.data());
    return;
  }
  for (const ParamSegment& seg : segments_) step_segment(seg, params.data() + seg.offset, grads.data() + seg.offset);
}

// One pass over the whole slab (padding included) instead of one per parameter, when every
// parameter gets the same rule: the padding's zeros then stay zero (0 − lr·0/(√0 + eps) with
// eps > 0), and each real element sees exactly the arithmetic of its own segment's pass.
void Optimizer::plan_passes() {
  whole_ = {};
  const bool decay_groups = spec_.no_decay_bias && spec_.weight_decay != 0.0;
  const bool padding_stays_zero = spec_.kind == OptimizerKind::SGD || spec_.eps > 0.0;
  if (decay_groups || !padding_stays_zero || segments_.empty()) return;
  for (const ParamSegment& s : segments_) whole_.size = std::max(whole_.size, s.offset + s.size);
}

void Optimizer::step_segment(const ParamSegment& seg, float* p, const float* g) {
  const OptimizerSpec& o = spec_;
  const std::size_t n = seg.size;
  const double wd = (o.no_decay_bias && seg.is_bias) ? 0.0 : o.weight_decay;
  float* s1 = s1_.data() + seg.offset;
  float* s2 = s2_.empty() ? nullptr : s2_.data() + seg.offset;
  float* s3 = s3_.empty() ? nullptr : s3_.data() + seg.offset;
  const auto f = [](double v) { return static_cast<float>(v); };

  switch (o.kind) {
    case OptimizerKind::SGD: {
      const SgdConstants k{f(o.lr), f(wd), f(o.momentum), f(1.0 - o.dampening), step_ == 1, o.nesterov};
      if (o.momentum != 0.0)
        return wd != 0.0 ? sgd_pass<true, true>(p, g, s1, k, n) : sgd_pass<false, true>(p, g, s1, k, n);
      return wd != 0.0 ? sgd_pass<true, false>(p, g, s1, k, n) : sgd_pass<false, false>(p, g, s1, k, n);
    }
    case OptimizerKind::Adagrad: {
      // g += wd·p; clr = lr / (1 + (step − 1)·lr_decay); sum += g²; p −= clr·g / (√sum + eps)
      const float clr = f(o.lr / (1.0 + static_cast<double>(step_ - 1) * o.lr_decay));
      const float wdf = f(wd), eps = f(o.eps);
      for (std::size_t i = 0; i < n; ++i) {
        const float gi = wd != 0.0 ? g[i] + wdf * p[i] : g[i];
        s1[i] += gi * gi;
        p[i] += -clr * (gi / (std::sqrt(s1[i]) + eps));
      }
      return;
    }
    case OptimizerKind::RMSprop: {
      // g += wd·p; v = α·v + (1 − α)·g²; centered: ḡ = α·ḡ + (1 − α)·g, avg = √(v − ḡ²) + eps,
      // else avg = √v + eps; momentum: buf = μ·buf + g/avg, p −= lr·buf; else p −= lr·g/avg
      const float lr = f(o.lr), wdf = f(wd), a = f(o.alpha), a1 = f(1.0 - o.alpha), eps = f(o.eps), mom = f(o.momentum);
      for (std::size_t i = 0; i < n; ++i) {
        const float gi = wd != 0.0 ? g[i] + wdf * p[i] : g[i];
        s1[i] = s1[i] * a + a1 * gi * gi;
        float avg;
        if (o.centered) {
          s3[i] = s3[i] * a + a1 * gi;
          avg = std::sqrt(s1[i] - s3[i] * s3[i]) + eps;
        } else {
          avg = std::sqrt(s1[i]) + eps;
        }
        if (o.momentum > 0.0) {
          s2[i] = s2[i] * mom + gi / avg;
          p[i] += -lr * s2[i];
        } else {
          p[i] += -lr * (gi / avg);
        }
      }
      return;
    }
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: {
      const bool decoupled = o.kind == OptimizerKind::AdamW;
      const double bc1 = 1.0 - std::pow(o.beta1, static_cast<double>(step_));
      const double bc2 = 1.0 - std::pow(o.beta2, static_cast<double>(step_));
      const AdamConstants k{Batch(f(o.lr / bc1)),    Batch(f(1.0 / std::sqrt(bc2))), Batch(f(o.eps)),
                            Batch(f(o.beta1)),       Batch(f(1.0 - o.beta1)),        Batch(f(o.beta2)),
                            Batch(f(1.0 - o.beta2)), Batch(f(1.0 - o.lr * wd)),      Batch(f(wd))};
      const AdamArrays a{p, g, s1, s2, o.amsgrad ? s3 : nullptr};
      // One loop per combination of the per-element options, so the loop body has no branches
      // (V8 does not unswitch loops; with them Adam's pass ran ~25 % slower than the native one).
      const bool decay = decoupled && wd != 0.0, coupled = !decoupled && wd != 0.0;
      if (o.amsgrad) {
        if (decay) return adam_pass<true, false, true>(a, k, n);
        if (coupled) return adam_pass<false, true, true>(a, k, n);
        return adam_pass<false, false, true>(a, k, n);
      }
      if (decay) return adam_pass<true, false, false>(a, k, n);
      if (coupled) return adam_pass<false, true, false>(a, k, n);
      return adam_pass<false, false, false>(a, k, n);
    }
  }
}

}  // namespace nnp

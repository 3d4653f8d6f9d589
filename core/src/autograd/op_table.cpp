// Every op of the tape: its forward beside its backward, the derivative in one line above them.
// A backward adds (∂a += …) because a value may feed several ops. The layers' ops (Linear,
// Activation, Dropout, Loss) call the kernels the fused training step (MlpStep) calls too, so each
// derivative rule is written once: kernels/linear.cpp, kernels/activations.cpp,
// kernels/dropout.cpp, losses/losses.cpp.
#include "op_table.h"

#include <algorithm>
#include <cmath>

#include "../kernels/layers.h"
#include "../losses/losses.h"
#include "nnp/kernels.h"

namespace nnp {
namespace {

std::size_t size(const OpArgs& o) { return o.node.value.size(); }
const float* dy(const OpArgs& o) { return o.node.grad; }
float* out(const OpArgs& o) { return o.node.value.data; }

// ---- the layers: kernels shared with the fused step ----------------------------------------------

// z = x·Wᵀ + b:  ∂x = ∂z·W,  ∂W = ∂zᵀ·x,  ∂b = Σ_rows ∂z   (a = x, b = W, c = bias)
struct LinearOp {
  static void forward(const OpArgs& o) {
    linear_forward(o.a.data, o.b.data, o.c.data, out(o), o.a.rows, o.a.cols, o.b.rows, o.node.aux);
  }
  static void backward(const OpArgs& o) {
    linear_backward(o.a.data, o.b.data, dy(o), o.da, o.db, o.dc, o.a.rows, o.a.cols, o.b.rows, true);
  }
};

// y = f(a):  ∂a = f'(a)·∂y   (each f' beside its f in kernels/activations.cpp)
struct ActivationOp {
  static void forward(const OpArgs& o) { activation_forward(o.node.act, o.a.data, out(o), o.a.rows, o.a.cols); }
  static void backward(const OpArgs& o) {
    activation_backward(o.node.act, o.a.data, out(o), dy(o), o.da, o.a.rows, o.a.cols);
  }
};

// y = a ⊙ mask:  ∂a = mask·∂y   (p = s0, the mask drawn into aux)
struct DropoutOp {
  static void forward(const OpArgs& o) { dropout_forward(o.node.s0, *o.rng, o.a.data, o.node.aux, out(o), size(o)); }
  static void backward(const OpArgs& o) { dropout_backward(o.node.aux, dy(o), o.da, size(o), true); }
};

// loss(prediction a, target b): each loss's derivative beside its value in losses/losses.cpp
struct LossOp {
  static void forward(const OpArgs& o) { losses::forward(o.node.loss, o.a, o.b, out(o), o.node.aux); }
  static void backward(const OpArgs& o) {
    float* dp = o.da != nullptr ? o.da : o.arena->alloc_zeroed(o.a.size());  // when only the target needs one
    losses::backward(o.node.loss, o.a, o.b, dy(o), dp, o.db);
  }
};

// ---- matmul: C = op(A)·op(B) ------------------------------------------------------------------------
// ∂A = ∂C·op(B)ᵀ and ∂B = op(A)ᵀ·∂C, each rewritten for the stored layout of A and B so that no
// transpose is ever formed: the flags just pick the GEMM form.
struct MatMulOp {
  static void forward(const OpArgs& o) {
    const Node& n = o.node;
    const int k = n.trans_a ? o.a.rows : o.a.cols;
    gemm(n.trans_a, n.trans_b, n.value.rows, n.value.cols, k, 1.0f, o.a.data, o.a.cols, o.b.data, o.b.cols, 0.0f,
         out(o), n.value.cols);
  }
  static void backward(const OpArgs& o) {
    const Node& n = o.node;
    const Tensor &a = o.a, &b = o.b;
    const int m = n.value.rows, cols = n.value.cols;
    const int k = n.trans_a ? a.rows : a.cols;
    if (o.da != nullptr) {
      if (!n.trans_a)  // A [m,k]: ∂A = ∂C·op(B)ᵀ
        gemm(false, !n.trans_b, m, k, cols, 1.0f, dy(o), cols, b.data, b.cols, 1.0f, o.da, a.cols);
      else  // A [k,m]: ∂A = op(B)·∂Cᵀ
        gemm(n.trans_b, true, k, m, cols, 1.0f, b.data, b.cols, dy(o), cols, 1.0f, o.da, a.cols);
    }
    if (o.db != nullptr) {
      if (!n.trans_b)  // B [k,n]: ∂B = op(A)ᵀ·∂C
        gemm(!n.trans_a, false, k, cols, m, 1.0f, a.data, a.cols, dy(o), cols, 1.0f, o.db, b.cols);
      else  // B [n,k]: ∂B = ∂Cᵀ·op(A)
        gemm(true, n.trans_a, cols, k, m, 1.0f, dy(o), cols, a.data, a.cols, 1.0f, o.db, b.cols);
    }
  }
};

// ---- elementwise binary ops, b broadcast onto a -------------------------------------------------
// ∂b sums over the axes b was broadcast along.

// Index of b's element that broadcasts onto a's (r, c).
std::size_t bidx(const Tensor& b, int r, int c) {
  return static_cast<std::size_t>(b.rows == 1 ? 0 : r) * b.cols + (b.cols == 1 ? 0 : c);
}

bool is_row(const Tensor& a, const Tensor& b) { return b.rows == 1 && b.cols == a.cols; }

// y[i, j] = f(a[i, j], b[bidx])
template <class F>
void broadcast_forward(const OpArgs& o, F f) {
  for (int i = 0; i < o.a.rows; ++i)
    for (int j = 0; j < o.a.cols; ++j) o.node.value(i, j) = f(o.a(i, j), o.b.data[bidx(o.b, i, j)]);
}

struct Partials {
  float da, db;
};

// ∂a[i, j] += f(∂y, a, b).da,  ∂b[bidx] += f(∂y, a, b).db
template <class F>
void broadcast_backward(const OpArgs& o, F f) {
  for (int i = 0; i < o.a.rows; ++i)
    for (int j = 0; j < o.a.cols; ++j) {
      const std::size_t ia = static_cast<std::size_t>(i) * o.a.cols + j, ib = bidx(o.b, i, j);
      const Partials p = f(dy(o)[ia], o.a.data[ia], o.b.data[ib]);
      if (o.da != nullptr) o.da[ia] += p.da;
      if (o.db != nullptr) o.db[ib] += p.db;
    }
}

// a + b:  ∂a = ∂y,  ∂b = Σ ∂y   (a bias row takes the vector kernels)
struct AddOp {
  static void forward(const OpArgs& o) {
    if (is_row(o.a, o.b)) return add_row(o.a.data, o.b.data, out(o), o.a.rows, o.a.cols);
    broadcast_forward(o, [](float a, float b) { return a + b; });
  }
  static void backward(const OpArgs& o) {
    if (is_row(o.a, o.b)) {
      if (o.da != nullptr) add_acc(dy(o), o.da, size(o));
      if (o.db != nullptr) sum_rows_acc(dy(o), o.db, o.a.rows, o.a.cols);
      return;
    }
    broadcast_backward(o, [](float g, float, float) { return Partials{g, g}; });
  }
};

// a − b:  ∂a = ∂y,  ∂b = −Σ ∂y
struct SubOp {
  static void forward(const OpArgs& o) {
    broadcast_forward(o, [](float a, float b) { return a - b; });
  }
  static void backward(const OpArgs& o) {
    broadcast_backward(o, [](float g, float, float) { return Partials{g, -g}; });
  }
};

// a ⊙ b:  ∂a = ∂y·b,  ∂b = Σ ∂y·a
struct MulOp {
  static void forward(const OpArgs& o) {
    broadcast_forward(o, [](float a, float b) { return a * b; });
  }
  static void backward(const OpArgs& o) {
    broadcast_backward(o, [](float g, float a, float b) { return Partials{g * b, g * a}; });
  }
};

// a / b:  ∂a = ∂y/b,  ∂b = −Σ ∂y·a/b²
struct DivOp {
  static void forward(const OpArgs& o) {
    broadcast_forward(o, [](float a, float b) { return a / b; });
  }
  static void backward(const OpArgs& o) {
    broadcast_backward(o, [](float g, float a, float b) { return Partials{g / b, -(g * a / (b * b))}; });
  }
};

// max(a, b):  ∂a = ∂y where a > b, ∂y/2 where a = b;  ∂b likewise (torch.maximum's tie rule)
struct MaximumOp {
  static void forward(const OpArgs& o) {
    broadcast_forward(o, [](float a, float b) { return std::max(a, b); });
  }
  static void backward(const OpArgs& o) {
    broadcast_backward(o, [](float g, float a, float b) {
      return a == b ? Partials{0.5f * g, 0.5f * g} : a > b ? Partials{g, 0.0f} : Partials{0.0f, g};
    });
  }
};

// min(a, b):  ∂a = ∂y where a < b, ∂y/2 where a = b;  ∂b likewise
struct MinimumOp {
  static void forward(const OpArgs& o) {
    broadcast_forward(o, [](float a, float b) { return std::min(a, b); });
  }
  static void backward(const OpArgs& o) {
    broadcast_backward(o, [](float g, float a, float b) {
      return a == b ? Partials{0.5f * g, 0.5f * g} : a < b ? Partials{g, 0.0f} : Partials{0.0f, g};
    });
  }
};

// ---- scalar and unary ops (s0, s1: the node's scalars) ------------------------------------------

// y[i] = f(a[i])
template <class F>
void map_forward(const OpArgs& o, F f) {
  for (std::size_t i = 0; i < size(o); ++i) out(o)[i] = f(o.a.data[i]);
}

// ∂a[i] += f(∂y[i], a[i], y[i])
template <class F>
void map_backward(const OpArgs& o, F f) {
  for (std::size_t i = 0; i < size(o); ++i) o.da[i] += f(dy(o)[i], o.a.data[i], out(o)[i]);
}

// a + s:  ∂a = ∂y
struct AddScalarOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [s = o.node.s0](float a) { return a + s; });
  }
  static void backward(const OpArgs& o) { add_acc(dy(o), o.da, size(o)); }
};

// a·s:  ∂a = s·∂y
struct MulScalarOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [s = o.node.s0](float a) { return a * s; });
  }
  static void backward(const OpArgs& o) { axpy(o.node.s0, dy(o), o.da, size(o)); }
};

// aᵖ:  ∂a = p·aᵖ⁻¹·∂y
struct PowOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [p = o.node.s0](float a) { return std::pow(a, p); });
  }
  static void backward(const OpArgs& o) {
    map_backward(o, [p = o.node.s0](float g, float a, float) { return g * p * std::pow(a, p - 1.0f); });
  }
};

// eᵃ:  ∂a = eᵃ·∂y
struct ExpOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [](float a) { return std::exp(a); });
  }
  static void backward(const OpArgs& o) {
    map_backward(o, [](float g, float, float y) { return g * y; });
  }
};

// log a:  ∂a = ∂y/a
struct LogOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [](float a) { return std::log(a); });
  }
  static void backward(const OpArgs& o) {
    map_backward(o, [](float g, float a, float) { return g / a; });
  }
};

// |a|:  ∂a = sign(a)·∂y   (0 at 0, as torch)
struct AbsOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [](float a) { return std::fabs(a); });
  }
  static void backward(const OpArgs& o) {
    map_backward(o, [](float g, float a, float) { return g * static_cast<float>((a > 0.0f) - (a < 0.0f)); });
  }
};

// clamp(a, lo, hi):  ∂a = ∂y where lo ≤ a ≤ hi, else 0   (torch passes the gradient at the bounds)
struct ClampOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [lo = o.node.s0, hi = o.node.s1](float a) { return std::clamp(a, lo, hi); });
  }
  static void backward(const OpArgs& o) {
    const float lo = o.node.s0, hi = o.node.s1;
    for (std::size_t i = 0; i < size(o); ++i)
      if (o.a.data[i] >= lo && o.a.data[i] <= hi) o.da[i] += dy(o)[i];
  }
};

// sin a:  ∂a = cos a·∂y   (in double, rounded once: the page's module already links double
// sin/cos for its datasets, and float's sinf/cosf would add 1 KB gzipped to it — issue 13)
struct SinOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [](float a) { return static_cast<float>(std::sin(double{a})); });
  }
  static void backward(const OpArgs& o) {
    map_backward(o, [](float g, float a, float) { return g * static_cast<float>(std::cos(double{a})); });
  }
};

// cos a:  ∂a = −sin a·∂y
struct CosOp {
  static void forward(const OpArgs& o) {
    map_forward(o, [](float a) { return static_cast<float>(std::cos(double{a})); });
  }
  static void backward(const OpArgs& o) {
    map_backward(o, [](float g, float a, float) { return -g * static_cast<float>(std::sin(double{a})); });
  }
};

// ---- reductions -------------------------------------------------------------------------------------

// Σ a (in double):  ∂a = ∂y broadcast
struct SumOp {
  static void forward(const OpArgs& o) {
    double s = 0.0;
    for (std::size_t i = 0; i < o.a.size(); ++i) s += o.a.data[i];
    out(o)[0] = static_cast<float>(s);
  }
  static void backward(const OpArgs& o) {
    for (std::size_t i = 0; i < o.a.size(); ++i) o.da[i] += dy(o)[0];
  }
};

// Σ over rows → [1, cols]:  ∂a = ∂y broadcast down the rows
struct SumRowsOp {
  static void forward(const OpArgs& o) {
    std::fill(out(o), out(o) + size(o), 0.0f);
    sum_rows_acc(o.a.data, out(o), o.a.rows, o.a.cols);
  }
  static void backward(const OpArgs& o) {
    for (int i = 0; i < o.a.rows; ++i)
      add_acc(dy(o), o.da + static_cast<std::size_t>(i) * o.a.cols, static_cast<std::size_t>(o.a.cols));
  }
};

// Σ over columns → [rows, 1]:  ∂a = ∂y broadcast along each row
struct SumColsOp {
  static void forward(const OpArgs& o) {
    std::fill(out(o), out(o) + size(o), 0.0f);
    for (int i = 0; i < o.a.rows; ++i)
      for (int j = 0; j < o.a.cols; ++j) out(o)[i] += o.a(i, j);
  }
  static void backward(const OpArgs& o) {
    for (int i = 0; i < o.a.rows; ++i)
      for (int j = 0; j < o.a.cols; ++j) o.da[static_cast<std::size_t>(i) * o.a.cols + j] += dy(o)[i];
  }
};

void nothing(const OpArgs&) {}  // Leaf: an input or a parameter

// In the order of enum Op (checked below).
constexpr OpRule kRules[] = {
    {Op::Leaf, nothing, nothing},
    {Op::Linear, LinearOp::forward, LinearOp::backward},
    {Op::Activation, ActivationOp::forward, ActivationOp::backward},
    {Op::Dropout, DropoutOp::forward, DropoutOp::backward},
    {Op::Loss, LossOp::forward, LossOp::backward},
    {Op::MatMul, MatMulOp::forward, MatMulOp::backward},
    {Op::Add, AddOp::forward, AddOp::backward},
    {Op::Sub, SubOp::forward, SubOp::backward},
    {Op::Mul, MulOp::forward, MulOp::backward},
    {Op::Div, DivOp::forward, DivOp::backward},
    {Op::AddScalar, AddScalarOp::forward, AddScalarOp::backward},
    {Op::MulScalar, MulScalarOp::forward, MulScalarOp::backward},
    {Op::Pow, PowOp::forward, PowOp::backward},
    {Op::Exp, ExpOp::forward, ExpOp::backward},
    {Op::Log, LogOp::forward, LogOp::backward},
    {Op::Abs, AbsOp::forward, AbsOp::backward},
    {Op::Clamp, ClampOp::forward, ClampOp::backward},
    {Op::Sin, SinOp::forward, SinOp::backward},
    {Op::Cos, CosOp::forward, CosOp::backward},
    {Op::Maximum, MaximumOp::forward, MaximumOp::backward},
    {Op::Minimum, MinimumOp::forward, MinimumOp::backward},
    {Op::Sum, SumOp::forward, SumOp::backward},
    {Op::SumRows, SumRowsOp::forward, SumRowsOp::backward},
    {Op::SumCols, SumColsOp::forward, SumColsOp::backward},
};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < std::size(kRules); ++i)
    if (static_cast<std::size_t>(kRules[i].op) != i) return false;
  return std::size(kRules) == static_cast<std::size_t>(Op::SumCols) + 1;
}
static_assert(in_enum_order(), "kRules must list every Op in the enum's order");

}  // namespace

const OpRule& rule_of(Op op) { return kRules[static_cast<std::size_t>(op)]; }

}  // namespace nnp

// Every op: its forward (a Graph method that computes and records) beside its backward (in
// backward_node, which accumulates into the inputs' gradients). The derivative is in each comment.
#include <algorithm>
#include <cmath>

#include "losses.h"
#include "nnp/autograd.h"
#include "nnp/error.h"
#include "nnp/kernels.h"

namespace nnp {
namespace {

std::string shape(const Tensor& t) { return "[" + std::to_string(t.rows) + ", " + std::to_string(t.cols) + "]"; }

// Index of b's element that broadcasts onto a's (r, c).
inline std::size_t bidx(const Tensor& b, int r, int c) {
  return static_cast<std::size_t>(b.rows == 1 ? 0 : r) * b.cols + (b.cols == 1 ? 0 : c);
}

bool is_row(const Tensor& a, const Tensor& b) { return b.rows == 1 && b.cols == a.cols; }

const char* op_name(Op op) {
  switch (op) {
    case Op::Add: return "add";
    case Op::Sub: return "sub";
    case Op::Mul: return "mul";
    default: return "div";
  }
}

}  // namespace

Node Graph::unary(Op op, Var a) {
  Node r;
  r.op = op;
  r.a = a;
  r.requires_grad = node(a).requires_grad;
  r.value = new_value(value(a).rows, value(a).cols);
  return r;
}

// ---- matmul: C = op(A)·op(B) -----------------------------------------------------------------
// dA = dC·op(B)ᵀ and dB = op(A)ᵀ·dC, each rewritten for the stored layout of A and B so that no
// transpose is ever formed: the flags just pick the GEMM form (see backward_node).
Var Graph::matmul(Var a, Var b, bool trans_a, bool trans_b) {
  const Tensor& ta = value(a);
  const Tensor& tb = value(b);
  const int m = trans_a ? ta.cols : ta.rows;
  const int k = trans_a ? ta.rows : ta.cols;
  const int kb = trans_b ? tb.cols : tb.rows;
  const int n = trans_b ? tb.rows : tb.cols;
  if (k != kb)
    throw Error("matmul: inner dimensions differ: " + shape(ta) + (trans_a ? "ᵀ" : "") + " · " + shape(tb) +
                (trans_b ? "ᵀ" : ""));
  Node r;
  r.op = Op::MatMul;
  r.a = a;
  r.b = b;
  r.trans_a = trans_a;
  r.trans_b = trans_b;
  r.requires_grad = node(a).requires_grad || node(b).requires_grad;
  r.value = new_value(m, n);
  gemm(trans_a, trans_b, m, n, k, 1.0f, ta.data, ta.cols, tb.data, tb.cols, 0.0f, r.value.data, n);
  return push(r);
}

// ---- elementwise binary ops with b broadcast ---------------------------------------------------
// add: da = dy, db = Σ dy;  sub: db = −Σ dy;  mul: da = dy·b, db = Σ dy·a;  div: da = dy/b,
// db = −Σ dy·a/b²  (Σ over the axes b was broadcast along).
Var Graph::binary(Op op, Var a, Var b) {
  const Tensor& ta = value(a);
  const Tensor& tb = value(b);
  const bool ok = (tb.rows == ta.rows || tb.rows == 1) && (tb.cols == ta.cols || tb.cols == 1);
  if (!ok)
    throw Error(std::string(op_name(op)) + ": " + shape(tb) + " does not broadcast onto " + shape(ta) +
                " (use the same shape, [1, cols], [rows, 1] or [1, 1])");
  Node r;
  r.op = op;
  r.a = a;
  r.b = b;
  r.requires_grad = node(a).requires_grad || node(b).requires_grad;
  r.value = new_value(ta.rows, ta.cols);
  if (op == Op::Add && is_row(ta, tb)) {
    nnp::add_row(ta.data, tb.data, r.value.data, ta.rows, ta.cols);  // the bias fast path
    return push(r);
  }
  for (int i = 0; i < ta.rows; ++i)
    for (int j = 0; j < ta.cols; ++j) {
      const float x = ta(i, j), y = tb.data[bidx(tb, i, j)];
      r.value(i, j) = op == Op::Add ? x + y : op == Op::Sub ? x - y : op == Op::Mul ? x * y : x / y;
    }
  return push(r);
}

Var Graph::add(Var a, Var b) { return binary(Op::Add, a, b); }
Var Graph::sub(Var a, Var b) { return binary(Op::Sub, a, b); }
Var Graph::mul(Var a, Var b) { return binary(Op::Mul, a, b); }
Var Graph::div(Var a, Var b) { return binary(Op::Div, a, b); }

// ---- scalar and unary ops ------------------------------------------------------------------------
// a + s: da = dy
Var Graph::add_scalar(Var a, float s) {
  Node r = unary(Op::AddScalar, a);
  r.s0 = s;
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) r.value.data[i] = x.data[i] + s;
  return push(r);
}

// a·s: da = s·dy
Var Graph::mul_scalar(Var a, float s) {
  Node r = unary(Op::MulScalar, a);
  r.s0 = s;
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) r.value.data[i] = x.data[i] * s;
  return push(r);
}

// a^p: da = p·a^(p−1)·dy
Var Graph::pow(Var a, float exponent) {
  Node r = unary(Op::Pow, a);
  r.s0 = exponent;
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) r.value.data[i] = std::pow(x.data[i], exponent);
  return push(r);
}

// eᵃ: da = eᵃ·dy
Var Graph::exp(Var a) {
  Node r = unary(Op::Exp, a);
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) r.value.data[i] = std::exp(x.data[i]);
  return push(r);
}

// log a: da = dy/a
Var Graph::log(Var a) {
  Node r = unary(Op::Log, a);
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) r.value.data[i] = std::log(x.data[i]);
  return push(r);
}

// |a|: da = sign(a)·dy (0 at 0, as torch)
Var Graph::abs(Var a) {
  Node r = unary(Op::Abs, a);
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) r.value.data[i] = std::fabs(x.data[i]);
  return push(r);
}

// clamp(a, lo, hi): da = dy where lo ≤ a ≤ hi, else 0 (torch passes the gradient at the bounds)
Var Graph::clamp(Var a, float lo, float hi) {
  if (!(lo <= hi)) throw Error("clamp: min " + std::to_string(lo) + " is greater than max " + std::to_string(hi));
  Node r = unary(Op::Clamp, a);
  r.s0 = lo;
  r.s1 = hi;
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) r.value.data[i] = std::clamp(x.data[i], lo, hi);
  return push(r);
}

// ---- reductions ----------------------------------------------------------------------------------
// Σ a: da = dy (broadcast)
Var Graph::sum(Var a) {
  const Tensor& x = value(a);
  Node r;
  r.op = Op::Sum;
  r.a = a;
  r.requires_grad = node(a).requires_grad;
  r.value = new_value(1, 1);
  double s = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) s += x.data[i];
  r.value.data[0] = static_cast<float>(s);
  return push(r);
}

Var Graph::mean(Var a) { return mul_scalar(sum(a), 1.0f / static_cast<float>(value(a).size())); }

// Σ over an axis: da = dy broadcast back along that axis
Var Graph::sum(Var a, int axis) {
  if (axis != 0 && axis != 1)
    throw Error("sum: axis must be 0 (over rows) or 1 (over columns), got " + std::to_string(axis));
  const Tensor& x = value(a);
  Node r;
  r.op = axis == 0 ? Op::SumRows : Op::SumCols;
  r.a = a;
  r.requires_grad = node(a).requires_grad;
  r.value = axis == 0 ? new_value(1, x.cols) : new_value(x.rows, 1);
  std::fill(r.value.data, r.value.data + r.value.size(), 0.0f);
  if (axis == 0)
    sum_rows_acc(x.data, r.value.data, x.rows, x.cols);
  else
    for (int i = 0; i < x.rows; ++i)
      for (int j = 0; j < x.cols; ++j) r.value.data[i] += x(i, j);
  return push(r);
}

Var Graph::mean(Var a, int axis) {
  const Tensor& x = value(a);
  return mul_scalar(sum(a, axis), 1.0f / static_cast<float>(axis == 0 ? x.rows : x.cols));
}

// ---- activations ---------------------------------------------------------------------------------
// Derivatives: kernels/activations.cpp, beside each forward formula.
Var Graph::activation(Var a, const ActivationSpec& spec) {
  if (spec.kind == Activation::Identity) return a;
  if (spec.kind == Activation::Softmax) return softmax(a);
  if (spec.kind == Activation::LogSoftmax) return log_softmax(a);
  Node r = unary(Op::Activation, a);
  r.act = spec;
  activation_forward(spec, value(a).data, r.value.data, r.value.size());
  return push(r);
}

// softmax over each row: da = y ⊙ (dy − Σ_row dy·y)
Var Graph::softmax(Var a) {
  Node r = unary(Op::Softmax, a);
  softmax_rows(value(a).data, r.value.data, r.value.rows, r.value.cols);
  return push(r);
}

// log_softmax over each row: da = dy − softmax·Σ_row dy
Var Graph::log_softmax(Var a) {
  Node r = unary(Op::LogSoftmax, a);
  log_softmax_rows(value(a).data, r.value.data, r.value.rows, r.value.cols);
  return push(r);
}

// dropout: da = mask·dy
Var Graph::dropout(Var a, float p, Pcg32& rng) {
  if (!(p >= 0.0f && p < 1.0f)) throw Error("dropout p must be from 0 to below 1, got " + std::to_string(p));
  if (p == 0.0f) return a;
  Node r = unary(Op::Dropout, a);
  float* mask = arena_.alloc(r.value.size());
  const float scale = 1.0f / (1.0f - p);
  const Tensor& x = value(a);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const float u = static_cast<float>(rng.next_u32() >> 8) * 0x1.0p-24f;  // uniform [0, 1)
    mask[i] = u < p ? 0.0f : scale;
    r.value.data[i] = x.data[i] * mask[i];
  }
  r.aux = mask;
  r.s0 = p;
  return push(r);
}

// ---- losses: forward and backward in losses.cpp ---------------------------------------------------
Var Graph::loss(Var prediction, Var target, const LossSpec& spec) {
  const Tensor& p = value(prediction);
  const Tensor& t = value(target);
  int rows = 1, cols = 1;
  losses::check(spec, p, t, rows, cols);
  Node r;
  r.op = Op::Loss;
  r.a = prediction;
  r.b = target;
  r.loss = spec;
  r.requires_grad = node(prediction).requires_grad || node(target).requires_grad;
  r.value = spec.reduction == Reduction::None ? new_value(rows, cols) : new_value(1, 1);
  losses::forward(spec, p, t, r.value.data, arena_.alloc(static_cast<std::size_t>(p.cols)));
  return push(r);
}

// ---- the reverse sweep's dispatch ----------------------------------------------------------------
void Graph::backward_node(const Node& n) {
  Node& an = node(n.a);
  const float* dy = n.grad;
  const std::size_t size = n.value.size();
  switch (n.op) {
    case Op::Leaf: return;
    case Op::MatMul: {
      Node& bn = node(n.b);
      const Tensor& a = an.value;
      const Tensor& b = bn.value;
      const int m = n.value.rows, cols = n.value.cols;
      const int k = n.trans_a ? a.rows : a.cols;
      if (an.requires_grad) {
        float* da = grad_buffer(an);
        if (!n.trans_a)  // A [m,k]: dA = dC·op(B)ᵀ
          gemm(false, !n.trans_b, m, k, cols, 1.0f, dy, cols, b.data, b.cols, 1.0f, da, a.cols);
        else  // A [k,m]: dA = op(B)·dCᵀ
          gemm(n.trans_b, true, k, m, cols, 1.0f, b.data, b.cols, dy, cols, 1.0f, da, a.cols);
      }
      if (bn.requires_grad) {
        float* db = grad_buffer(bn);
        if (!n.trans_b)  // B [k,n]: dB = op(A)ᵀ·dC
          gemm(!n.trans_a, false, k, cols, m, 1.0f, a.data, a.cols, dy, cols, 1.0f, db, b.cols);
        else  // B [n,k]: dB = dCᵀ·op(A)
          gemm(true, n.trans_a, cols, k, m, 1.0f, dy, cols, a.data, a.cols, 1.0f, db, b.cols);
      }
      return;
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: {
      Node& bn = node(n.b);
      const Tensor& a = an.value;
      const Tensor& b = bn.value;
      if (n.op == Op::Add && is_row(a, b)) {
        if (an.requires_grad) add_acc(dy, grad_buffer(an), size);
        if (bn.requires_grad) sum_rows_acc(dy, grad_buffer(bn), a.rows, a.cols);
        return;
      }
      float* da = an.requires_grad ? grad_buffer(an) : nullptr;
      float* db = bn.requires_grad ? grad_buffer(bn) : nullptr;
      for (int i = 0; i < a.rows; ++i)
        for (int j = 0; j < a.cols; ++j) {
          const std::size_t ia = static_cast<std::size_t>(i) * a.cols + j, ib = bidx(b, i, j);
          const float g = dy[ia], x = a.data[ia], y = b.data[ib];
          switch (n.op) {
            case Op::Add:
              if (da) da[ia] += g;
              if (db) db[ib] += g;
              break;
            case Op::Sub:
              if (da) da[ia] += g;
              if (db) db[ib] -= g;
              break;
            case Op::Mul:
              if (da) da[ia] += g * y;
              if (db) db[ib] += g * x;
              break;
            default:
              if (da) da[ia] += g / y;
              if (db) db[ib] -= g * x / (y * y);
          }
        }
      return;
    }
    case Op::AddScalar: add_acc(dy, grad_buffer(an), size); return;
    case Op::MulScalar: axpy(n.s0, dy, grad_buffer(an), size); return;
    case Op::Pow: {
      float* da = grad_buffer(an);
      for (std::size_t i = 0; i < size; ++i) da[i] += dy[i] * n.s0 * std::pow(an.value.data[i], n.s0 - 1.0f);
      return;
    }
    case Op::Exp: {
      float* da = grad_buffer(an);
      for (std::size_t i = 0; i < size; ++i) da[i] += dy[i] * n.value.data[i];
      return;
    }
    case Op::Log: {
      float* da = grad_buffer(an);
      for (std::size_t i = 0; i < size; ++i) da[i] += dy[i] / an.value.data[i];
      return;
    }
    case Op::Abs: {
      float* da = grad_buffer(an);
      for (std::size_t i = 0; i < size; ++i) {
        const float x = an.value.data[i];
        da[i] += dy[i] * static_cast<float>((x > 0.0f) - (x < 0.0f));
      }
      return;
    }
    case Op::Clamp: {
      float* da = grad_buffer(an);
      for (std::size_t i = 0; i < size; ++i) {
        const float x = an.value.data[i];
        if (x >= n.s0 && x <= n.s1) da[i] += dy[i];
      }
      return;
    }
    case Op::Sum: {
      float* da = grad_buffer(an);
      for (std::size_t i = 0; i < an.value.size(); ++i) da[i] += dy[0];
      return;
    }
    case Op::SumRows: {
      float* da = grad_buffer(an);
      for (int i = 0; i < an.value.rows; ++i)
        add_acc(dy, da + static_cast<std::size_t>(i) * an.value.cols, static_cast<std::size_t>(an.value.cols));
      return;
    }
    case Op::SumCols: {
      float* da = grad_buffer(an);
      for (int i = 0; i < an.value.rows; ++i)
        for (int j = 0; j < an.value.cols; ++j) da[static_cast<std::size_t>(i) * an.value.cols + j] += dy[i];
      return;
    }
    case Op::Activation: activation_backward(n.act, an.value.data, n.value.data, dy, grad_buffer(an), size); return;
    case Op::Softmax: softmax_rows_backward(n.value.data, dy, grad_buffer(an), n.value.rows, n.value.cols); return;
    case Op::LogSoftmax:
      log_softmax_rows_backward(n.value.data, dy, grad_buffer(an), n.value.rows, n.value.cols);
      return;
    case Op::Dropout: {
      float* da = grad_buffer(an);
      for (std::size_t i = 0; i < size; ++i) da[i] += dy[i] * n.aux[i];
      return;
    }
    case Op::Loss: {
      Node& tn = node(n.b);
      float* dp = an.requires_grad ? grad_buffer(an) : nullptr;
      float* dt = tn.requires_grad ? grad_buffer(tn) : nullptr;
      if (dp == nullptr) dp = arena_.alloc_zeroed(an.value.size());  // only the target needs it
      losses::backward(n.loss, an.value, tn.value, dy, dp, dt);
      return;
    }
  }
}

}  // namespace nnp

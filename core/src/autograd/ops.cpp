// Graph's op methods: each checks its inputs' shapes and records a node; the maths of every op,
// forward beside backward, is in op_table.cpp.
#include <string>

#include "../kernels/layers.h"
#include "../losses/losses.h"
#include "nnp/autograd.h"
#include "nnp/error.h"

namespace nnp {
namespace {

std::string shape(const Tensor& t) { return "[" + std::to_string(t.rows) + ", " + std::to_string(t.cols) + "]"; }

const char* op_name(Op op) {
  switch (op) {
    case Op::Add: return "add";
    case Op::Sub: return "sub";
    case Op::Mul: return "mul";
    case Op::Maximum: return "maximum";
    case Op::Minimum: return "minimum";
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

// ---- the layers ------------------------------------------------------------------------------------

Var Graph::linear(Var x, Var w, Var b) {
  const Tensor& tx = value(x);
  const Tensor& tw = value(w);
  const Tensor& tb = value(b);
  if (tw.cols != tx.cols)
    throw Error("linear: the input " + shape(tx) + " has " + std::to_string(tx.cols) + " features but the weight " +
                shape(tw) + " takes " + std::to_string(tw.cols) + " (weight: [out, in])");
  if (tb.rows != 1 || tb.cols != tw.rows)
    throw Error("linear: the bias " + shape(tb) + " must be [1, " + std::to_string(tw.rows) + "] for the weight " +
                shape(tw));
  Node r;
  r.op = Op::Linear;
  r.a = x;
  r.b = w;
  r.c = b;
  r.requires_grad = node(x).requires_grad || node(w).requires_grad || node(b).requires_grad;
  r.value = new_value(tx.rows, tw.rows);
  const std::size_t scratch = linear_scratch_size(tx.rows, tx.cols, tw.rows);
  if (scratch > 0) r.aux = arena_.alloc_zeroed(scratch);  // Wᵀ with zero-padded rows
  return record(r);
}

Var Graph::activation(Var a, const ActivationSpec& spec) {
  if (spec.kind == Activation::Identity) return a;
  Node r = unary(Op::Activation, a);
  r.act = spec;
  return record(r);
}

Var Graph::dropout(Var a, float p, Pcg32& rng) {
  if (!(p >= 0.0f && p < 1.0f)) throw Error("dropout p must be from 0 to below 1, got " + std::to_string(p));
  if (p == 0.0f) return a;
  Node r = unary(Op::Dropout, a);
  r.s0 = p;
  r.aux = arena_.alloc(r.value.size());  // the mask
  return record(r, &rng);
}

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
  r.aux = arena_.alloc(static_cast<std::size_t>(p.cols));  // a row's scratch
  return record(r);
}

// ---- tensor ops --------------------------------------------------------------------------------------

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
  return record(r);
}

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
  return record(r);
}

Var Graph::add(Var a, Var b) { return binary(Op::Add, a, b); }
Var Graph::sub(Var a, Var b) { return binary(Op::Sub, a, b); }
Var Graph::mul(Var a, Var b) { return binary(Op::Mul, a, b); }
Var Graph::div(Var a, Var b) { return binary(Op::Div, a, b); }

Var Graph::add_scalar(Var a, float s) {
  Node r = unary(Op::AddScalar, a);
  r.s0 = s;
  return record(r);
}

Var Graph::mul_scalar(Var a, float s) {
  Node r = unary(Op::MulScalar, a);
  r.s0 = s;
  return record(r);
}

Var Graph::pow(Var a, float exponent) {
  Node r = unary(Op::Pow, a);
  r.s0 = exponent;
  return record(r);
}

Var Graph::exp(Var a) { return record(unary(Op::Exp, a)); }
Var Graph::log(Var a) { return record(unary(Op::Log, a)); }
Var Graph::abs(Var a) { return record(unary(Op::Abs, a)); }

Var Graph::sin(Var a) { return record(unary(Op::Sin, a)); }
Var Graph::cos(Var a) { return record(unary(Op::Cos, a)); }

Var Graph::maximum(Var a, Var b) { return binary(Op::Maximum, a, b); }
Var Graph::minimum(Var a, Var b) { return binary(Op::Minimum, a, b); }

Var Graph::clamp(Var a, float lo, float hi) {
  if (!(lo <= hi)) throw Error("clamp: min " + std::to_string(lo) + " is greater than max " + std::to_string(hi));
  Node r = unary(Op::Clamp, a);
  r.s0 = lo;
  r.s1 = hi;
  return record(r);
}

Var Graph::sum(Var a) {
  Node r;
  r.op = Op::Sum;
  r.a = a;
  r.requires_grad = node(a).requires_grad;
  r.value = new_value(1, 1);
  return record(r);
}

Var Graph::mean(Var a) { return mul_scalar(sum(a), 1.0f / static_cast<float>(value(a).size())); }

Var Graph::sum(Var a, int axis) {
  if (axis != 0 && axis != 1)
    throw Error("sum: axis must be 0 (over rows) or 1 (over columns), got " + std::to_string(axis));
  const Tensor& x = value(a);
  Node r;
  r.op = axis == 0 ? Op::SumRows : Op::SumCols;
  r.a = a;
  r.requires_grad = node(a).requires_grad;
  r.value = axis == 0 ? new_value(1, x.cols) : new_value(x.rows, 1);
  return record(r);
}

Var Graph::mean(Var a, int axis) {
  const Tensor& x = value(a);
  return mul_scalar(sum(a, axis), 1.0f / static_cast<float>(axis == 0 ? x.rows : x.cols));
}

}  // namespace nnp

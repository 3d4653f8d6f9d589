// Every op: its forward (a Graph method that computes and records) beside its backward (which
// accumulates into its inputs' gradients). The one-line derivative is in each comment.
#include <algorithm>
#include <cmath>

#include "nnp/autograd.h"
#include "nnp/error.h"
#include "nnp/kernels.h"

namespace nnp {
namespace {

std::string shape(const Tensor& t) {
  return "[" + std::to_string(t.rows) + ", " + std::to_string(t.cols) + "]";
}

}  // namespace

// ---- matmul: C = op(A)·op(B) -------------------------------------------------------------------
// dA = dC·op(B)ᵀ and dB = op(A)ᵀ·dC, each rewritten for the stored layout of A and B so that no
// transpose is ever formed: the flags just pick the GEMM form.
Var Graph::matmul(Var a, Var b, bool trans_a, bool trans_b) {
  const Tensor& ta = value(a);
  const Tensor& tb = value(b);
  const int m = trans_a ? ta.cols : ta.rows;
  const int k = trans_a ? ta.rows : ta.cols;
  const int kb = trans_b ? tb.cols : tb.rows;
  const int n = trans_b ? tb.rows : tb.cols;
  if (k != kb)
    throw Error("matmul: inner dimensions differ: " + shape(ta) + (trans_a ? "ᵀ" : "") + " · " +
                shape(tb) + (trans_b ? "ᵀ" : ""));
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

// ---- add_row: Y = A + 1·b  (b a row broadcast over rows) ----------------------------------------
// dA = dY; db = Σ_rows dY.
Var Graph::add_row(Var a, Var row) {
  const Tensor& ta = value(a);
  const Tensor& tb = value(row);
  if (tb.rows != 1 || tb.cols != ta.cols)
    throw Error("add_row: bias " + shape(tb) + " does not match " + shape(ta));
  Node r;
  r.op = Op::AddRow;
  r.a = a;
  r.b = row;
  r.requires_grad = node(a).requires_grad || node(row).requires_grad;
  r.value = new_value(ta.rows, ta.cols);
  nnp::add_row(ta.data, tb.data, r.value.data, ta.rows, ta.cols);
  return push(r);
}

// ---- activations ---------------------------------------------------------------------------------
Var Graph::activation(Var a, Activation kind) {
  switch (kind) {
    case Activation::Identity: return a;
    case Activation::Sigmoid: return sigmoid(a);
    case Activation::Tanh: return tanh(a);
    case Activation::ReLU: return relu(a);
  }
  return a;
}

#define NNP_UNARY(method, OP, kernel)                           \
  Var Graph::method(Var a) {                                    \
    const Tensor& ta = value(a);                                \
    Node r;                                                     \
    r.op = Op::OP;                                              \
    r.a = a;                                                    \
    r.requires_grad = node(a).requires_grad;                    \
    r.value = new_value(ta.rows, ta.cols);                      \
    kernel(ta.data, r.value.data, ta.size());                   \
    return push(r);                                             \
  }
NNP_UNARY(tanh, Tanh, tanh_forward)        // d/dx = 1 − y²
NNP_UNARY(sigmoid, Sigmoid, sigmoid_forward)  // d/dx = y(1 − y)
NNP_UNARY(relu, ReLU, relu_forward)        // d/dx = [x > 0]
#undef NNP_UNARY

// ---- losses (reduction = mean, as torch.nn's default) -------------------------------------------
static void check_same_shape(const char* op, const Tensor& a, const Tensor& b) {
  if (a.rows != b.rows || a.cols != b.cols)
    throw Error(std::string(op) + ": prediction " + shape(a) + " and target " + shape(b) +
                " differ in shape");
}

// L = mean((a − t)²);  dL/da = 2(a − t)/n, dL/dt = −2(a − t)/n.
Var Graph::mse_loss(Var prediction, Var target) {
  const Tensor& a = value(prediction);
  const Tensor& t = value(target);
  check_same_shape("MSELoss", a, t);
  double s = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double d = static_cast<double>(a.data[i]) - t.data[i];
    s += d * d;
  }
  Node r;
  r.op = Op::MseLoss;
  r.a = prediction;
  r.b = target;
  r.requires_grad = node(prediction).requires_grad || node(target).requires_grad;
  r.value = new_value(1, 1);
  r.value.data[0] = static_cast<float>(s / static_cast<double>(a.size()));
  return push(r);
}

// L = −mean(t·max(log p, −100) + (1 − t)·max(log(1 − p), −100))  (torch.nn.BCELoss)
// dL/dp = (p − t) / max(p(1 − p), 1e-12) / n, as PyTorch's binary_cross_entropy_backward.
Var Graph::bce_loss(Var probability, Var target) {
  const Tensor& p = value(probability);
  const Tensor& t = value(target);
  check_same_shape("BCELoss", p, t);
  double s = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const float pv = p.data[i];
    const float tv = t.data[i];
    if (!(pv >= 0.0f && pv <= 1.0f))
      throw Error("BCELoss: inputs must be probabilities in [0, 1], got " + std::to_string(pv) +
                  " (use Sigmoid as the last activation)");
    const float log_p = std::max(std::log(pv), -100.0f);
    const float log_1mp = std::max(std::log1p(-pv), -100.0f);
    s += static_cast<double>((tv - 1.0f) * log_1mp - tv * log_p);
  }
  Node r;
  r.op = Op::BceLoss;
  r.a = probability;
  r.b = target;
  r.requires_grad = node(probability).requires_grad;
  r.value = new_value(1, 1);
  r.value.data[0] = static_cast<float>(s / static_cast<double>(p.size()));
  return push(r);
}

// ---- the reverse sweep's dispatch ----------------------------------------------------------------
void Graph::backward_node(const Node& n) {
  Node& an = node(n.a);
  const float* dy = n.grad;
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
    case Op::AddRow: {
      Node& bn = node(n.b);
      if (an.requires_grad) add_acc(dy, grad_buffer(an), n.value.size());
      if (bn.requires_grad) sum_rows_acc(dy, grad_buffer(bn), n.value.rows, n.value.cols);
      return;
    }
    case Op::Tanh:
      tanh_backward(n.value.data, dy, grad_buffer(an), n.value.size());
      return;
    case Op::Sigmoid:
      sigmoid_backward(n.value.data, dy, grad_buffer(an), n.value.size());
      return;
    case Op::ReLU:
      relu_backward(an.value.data, dy, grad_buffer(an), n.value.size());
      return;
    case Op::MseLoss: {
      Node& tn = node(n.b);
      const Tensor& a = an.value;
      const Tensor& t = tn.value;
      const float scale = 2.0f * dy[0] / static_cast<float>(a.size());
      float* da = an.requires_grad ? grad_buffer(an) : nullptr;
      float* dt = tn.requires_grad ? grad_buffer(tn) : nullptr;
      for (std::size_t i = 0; i < a.size(); ++i) {
        const float g = scale * (a.data[i] - t.data[i]);
        if (da) da[i] += g;
        if (dt) dt[i] -= g;
      }
      return;
    }
    case Op::BceLoss: {
      const Tensor& p = an.value;
      const Tensor& t = node(n.b).value;
      const float scale = dy[0] / static_cast<float>(p.size());
      float* dp = grad_buffer(an);
      for (std::size_t i = 0; i < p.size(); ++i) {
        const float pv = p.data[i];
        dp[i] += scale * (pv - t.data[i]) / std::max((1.0f - pv) * pv, 1e-12f);
      }
      return;
    }
  }
}

}  // namespace nnp

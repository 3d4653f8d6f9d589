// The expression grammar (expression.h): a recursive-descent parser over a hand-written scanner.
// Recursion depth is bounded by the length limit (each level consumes a character), far below the
// browser's 64 KiB stack.
#include <array>
#include <cctype>
#include <cmath>
#include <string>

#include "../spec/read_double.h"
#include "nnp/error.h"
#include "nnp/expression.h"

namespace nnp {
namespace {

using F = ExprFunction;
constexpr std::array<ExprFunctionInfo, 18> kFunctions{{
    {F::Exp, "exp", 1, 1},
    {F::Log, "log", 1, 1},
    {F::Sqrt, "sqrt", 1, 1},
    {F::Abs, "abs", 1, 1},
    {F::Sin, "sin", 1, 1},
    {F::Cos, "cos", 1, 1},
    {F::Tanh, "tanh", 1, 1},
    {F::Sigmoid, "sigmoid", 1, 1},
    {F::Relu, "relu", 1, 1},
    {F::LeakyRelu, "leaky_relu", 1, 2},
    {F::Gelu, "gelu", 1, 1},
    {F::Silu, "silu", 1, 1},
    {F::Softplus, "softplus", 1, 1},
    {F::Mse, "mse", 2, 2},
    {F::Bce, "bce", 2, 2},
    {F::BceWithLogits, "bce_with_logits", 2, 2},
    {F::Max, "max", 2, 2},
    {F::Min, "min", 2, 2},
}};

std::string function_names() {
  std::string s;
  for (const ExprFunctionInfo& f : kFunctions) s += (s.empty() ? "" : ", ") + std::string(f.name);
  return s;
}

std::string arity(const ExprFunctionInfo& f) {
  const auto n = [](int k) { return std::to_string(k) + (k == 1 ? " argument" : " arguments"); };
  return f.min_args == f.max_args ? n(f.min_args) : std::to_string(f.min_args) + " or " + n(f.max_args);
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

class Parser {
 public:
  Parser(std::string_view s, const ExpressionLimits& limits) : s_(s), limits_(limits) { e_.source = s; }

  Expression run() {
    skip_space();
    if (pos_ == s_.size()) fail(pos_, "the expression is empty: type one, e.g. 3*x^2");
    sum();
    skip_space();
    if (pos_ < s_.size()) {
      if (s_[pos_] == ')') fail(pos_, "')' has no '(' to close");
      fail(pos_, "expected an operator (+ - * / ^) or the end, found " + describe(pos_));
    }
    return std::move(e_);
  }

 private:
  [[noreturn]] static void fail(std::size_t pos, const std::string& message) {
    throw Error("column " + std::to_string(pos + 1) + ": " + message);
  }

  std::string describe(std::size_t pos) const {
    if (pos >= s_.size()) return "the end";
    return "'" + std::string(1, s_[pos]) + "'";
  }

  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }

  bool accept(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  int add(ExprNode n) {
    if (e_.nodes.size() >= limits_.max_nodes)
      fail(static_cast<std::size_t>(n.column - 1), "the expression has more than " + std::to_string(limits_.max_nodes) +
                                                       " parts (numbers, names, operators, calls): the limit");
    e_.nodes.push_back(std::move(n));
    return static_cast<int>(e_.nodes.size()) - 1;
  }

  int node(ExprKind kind, std::size_t pos, std::vector<int> args) {
    ExprNode n;
    n.kind = kind;
    n.column = static_cast<int>(pos) + 1;
    n.args = std::move(args);
    return add(std::move(n));
  }

  int sum() {
    int left = product();
    for (;;) {
      skip_space();
      const std::size_t at = pos_;
      if (accept('+'))
        left = node(ExprKind::Add, at, {left, product()});
      else if (accept('-'))
        left = node(ExprKind::Sub, at, {left, product()});
      else
        return left;
    }
  }

  int product() {
    int left = unary();
    for (;;) {
      skip_space();
      const std::size_t at = pos_;
      if (accept('*'))
        left = node(ExprKind::Mul, at, {left, unary()});
      else if (accept('/'))
        left = node(ExprKind::Div, at, {left, unary()});
      else
        return left;
    }
  }

  int unary() {
    skip_space();
    const std::size_t at = pos_;
    if (!accept('-')) return power();
    const int operand = unary();
    ExprNode& o = e_.nodes[operand];
    if (o.kind == ExprKind::Number) {  // a negative number, not an operation on one
      o.number = -o.number;
      o.column = static_cast<int>(at) + 1;
      return operand;
    }
    return node(ExprKind::Negate, at, {operand});
  }

  int power() {
    const int base = primary();
    skip_space();
    const std::size_t at = pos_;
    if (!accept('^')) return base;
    skip_space();
    const std::size_t exponent_at = pos_;
    const int exponent = fold_power(unary());
    if (e_.nodes[exponent].kind != ExprKind::Number)
      fail(exponent_at, "the exponent after '^' must be a number (x^2, x^-0.5); for a^b write exp(b*log(a))");
    const double p = e_.nodes[exponent].number;
    e_.nodes.pop_back();  // the exponent lives in the Pow node
    const int n = node(ExprKind::Pow, at, {base});
    e_.nodes[n].number = p;
    return n;
  }

  // An exponent that is itself a power of numbers (2^3^2 = 2^(3^2)) becomes the number it is.
  int fold_power(int n) {
    const ExprNode& p = e_.nodes[n];
    if (p.kind != ExprKind::Pow || e_.nodes[p.args[0]].kind != ExprKind::Number) return n;
    const int base = p.args[0];
    e_.nodes[base].number = std::pow(e_.nodes[base].number, p.number);
    e_.nodes.pop_back();  // the Pow node, last added
    return base;
  }

  int primary() {
    skip_space();
    const std::size_t at = pos_;
    if (pos_ == s_.size()) fail(pos_, "expected a number, a name or '(', found the end");
    const char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      const int inner = sum();
      if (!accept(')')) fail(pos_, "expected ')' to close the '(' at column " + std::to_string(at + 1));
      return inner;
    }
    if (is_digit(c) || c == '.') return number();
    if (is_name_start(c)) return name();
    fail(pos_, "expected a number, a name or '(', found " + describe(pos_));
  }

  // digits [. digits] or . digits, then an optional exponent; read as JSON's grammar reads it.
  int number() {
    const std::size_t at = pos_;
    const auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
      return std::string(s_.substr(from, pos_ - from));
    };
    std::string text = digits();
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      const std::string fraction = digits();
      if (text.empty() && fraction.empty()) fail(at, "'.' is not a number");
      if (text.empty()) text = "0";
      if (!fraction.empty()) text += "." + fraction;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      std::size_t q = pos_ + 1;
      if (q < s_.size() && (s_[q] == '+' || s_[q] == '-')) ++q;
      if (q < s_.size() && is_digit(s_[q])) {
        text += "e" + std::string(s_.substr(pos_ + 1, q - pos_ - 1));
        pos_ = q;
        text += digits();
      }
    }
    if (pos_ < s_.size() && (s_[pos_] == '.' || is_name_char(s_[pos_])))
      fail(pos_, "unexpected " + describe(pos_) + " after the number " + text + " (write 2*x, not 2x)");
    const double v = read_double(text);
    if (!std::isfinite(v)) fail(at, "the number " + text + " is too large");
    ExprNode n;
    n.kind = ExprKind::Number;
    n.number = v;
    n.column = static_cast<int>(at) + 1;
    return add(std::move(n));
  }

  int name() {
    const std::size_t at = pos_;
    while (pos_ < s_.size() && is_name_char(s_[pos_])) ++pos_;
    const std::string_view id = s_.substr(at, pos_ - at);
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '(') return call(id, at);
    ExprNode n;
    n.kind = ExprKind::Leaf;
    n.column = static_cast<int>(at) + 1;
    n.leaf = e_.leaf_index(id);
    if (n.leaf < 0) {
      n.leaf = static_cast<int>(e_.leaves.size());
      e_.leaves.emplace_back(id);
    }
    return add(std::move(n));
  }

  int call(std::string_view id, std::size_t at) {
    const ExprFunctionInfo* f = nullptr;
    for (const ExprFunctionInfo& k : kFunctions)
      if (k.name == id) f = &k;
    if (f == nullptr) fail(at, "unknown function '" + std::string(id) + "'; known: " + function_names());
    const std::size_t open = pos_++;
    std::vector<int> args{sum()};
    while (accept(',')) args.push_back(sum());
    if (!accept(')'))
      fail(pos_,
           "expected ',' or ')' to close the '(' of " + std::string(id) + " at column " + std::to_string(open + 1));
    const int count = static_cast<int>(args.size());
    if (count < f->min_args || count > f->max_args)
      fail(at, std::string(id) + " takes " + arity(*f) + ", got " + std::to_string(count));
    if (f->function == F::LeakyRelu && count == 2 && e_.nodes[args[1]].kind != ExprKind::Number)
      fail(static_cast<std::size_t>(e_.nodes[args[1]].column - 1), "leaky_relu's slope must be a number");
    const int n = node(ExprKind::Call, at, std::move(args));
    e_.nodes[n].function = f->function;
    return n;
  }

  std::string_view s_;
  const ExpressionLimits& limits_;
  std::size_t pos_ = 0;
  Expression e_;
};

}  // namespace

std::span<const ExprFunctionInfo> expression_functions() { return kFunctions; }

int Expression::leaf_index(std::string_view name) const {
  for (std::size_t i = 0; i < leaves.size(); ++i)
    if (leaves[i] == name) return static_cast<int>(i);
  return -1;
}

Expression parse_expression(std::string_view source, const ExpressionLimits& limits) {
  if (source.size() > limits.max_length)
    throw Error("the expression has " + std::to_string(source.size()) + " characters; the limit is " +
                std::to_string(limits.max_length));
  return Parser(source, limits).run();
}

}  // namespace nnp

#pragma once
// How a refusal leaves the module: every binding is registered through refusing<F> (or make<T>
// for a constructor), which catches whatever the call throws (an nnp::Error from the core, or
// conversions.h's refuse() from an argument check), hands its message to the glue and returns
// normally, so every C++ frame below has run its destructors and every `val` argument has let go
// of its JS handle. The glue (embind_refusals.js) then throws the JS Error. A JS exception thrown
// from inside wasm would unwind past all of them: each refused call leaked 3 handles and ~1 KB
// of heap that way (docs/reliability.md, "The Embind API itself").
//
//   class_<JsTrainer>("Trainer")
//       .constructor(&make<JsTrainer, const val&>, allow_raw_pointers())
//       .function("run", &refusing<&JsTrainer::run>::call);
//   function("splitSizes", &refusing<&split_sizes_js>::call);
#include <emscripten/val.h>

#include <exception>
#include <type_traits>
#include <utility>

namespace nnp::wasm {

// The message of the refusal the glue throws when the call returns (null: an unknown exception).
void set_refusal(const char* message) noexcept;

// What a refused call returns (the glue throws instead of passing it on).
template <class R>
R nothing() {
  if constexpr (std::is_same_v<R, emscripten::val>)
    return emscripten::val::undefined();
  else
    return R();
}

// The wrappers below repeat their try/catch: one helper taking a lambda made each module 0.3 KB
// (gzip) larger, past issue 13's 150 KB for core-fma.wasm.
template <auto F>
struct refusing;

// A free function.
template <class R, class... A, R (*F)(A...)>
struct refusing<F> {
  static R call(A... a) {
    try {
      return F(std::forward<A>(a)...);
    } catch (const std::exception& e) {
      set_refusal(e.what());
    } catch (...) {
      set_refusal(nullptr);
    }
    return nothing<R>();
  }
};

// A method: Embind takes a function whose first argument is the object as one.
template <class C, class R, class... A, R (C::*F)(A...)>
struct refusing<F> {
  static R call(C& self, A... a) {
    try {
      return (self.*F)(std::forward<A>(a)...);
    } catch (const std::exception& e) {
      set_refusal(e.what());
    } catch (...) {
      set_refusal(nullptr);
    }
    return nothing<R>();
  }
};

template <class C, class R, class... A, R (C::*F)(A...) const>
struct refusing<F> {
  static R call(const C& self, A... a) {
    try {
      return (self.*F)(std::forward<A>(a)...);
    } catch (const std::exception& e) {
      set_refusal(e.what());
    } catch (...) {
      set_refusal(nullptr);
    }
    return nothing<R>();
  }
};

// A constructor: a refused one gives the glue a null pointer, which it never wraps (it throws).
template <class T, class... A>
T* make(A... a) {
  try {
    return new T(std::forward<A>(a)...);
  } catch (const std::exception& e) {
    set_refusal(e.what());
  } catch (...) {
    set_refusal(nullptr);
  }
  return nullptr;
}

}  // namespace nnp::wasm

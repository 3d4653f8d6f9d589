#pragma once
// Errors a caller can fix: a bad configuration or input, or a run that diverged. The message names
// the field and the accepted values; the wasm binding turns it into a JavaScript Error.
#include <stdexcept>
#include <string>

#include "nnp/format.h"

namespace nnp {

class Error : public std::runtime_error {
 public:
  explicit Error(const char* message) : std::runtime_error(message) {}
  explicit Error(const std::string& message) : std::runtime_error(message) {}
  // A message built in the throw expression (`throw Error("… " + std::to_string(n))`) gives its
  // buffer back here, not in its temporary's destructor: in wasm the core is built without
  // exception handling, so a throw skips that destructor, and every refusal leaked its message.
  explicit Error(std::string&& message) : std::runtime_error(message) { std::string().swap(message); }
};

// Thrown by Trainer::run when the loss stops being finite; parameters keep their last finite values.
class DivergedError : public Error {
 public:
  using Error::Error;
};

// A number as an error message shows it: shortest %g form ("0.1", "-1", "1e-08", "nan").
inline std::string format_number(double v) { return format_g(v, 6); }

}  // namespace nnp

// .nnpd reader (format: docs/datasets.md). Everything is checked before it is read: sizes are
// computed in 64 bits against the buffer's length, and the JSON trailer must be an object of
// strings.
#include "nnp/nnpd.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "nnp/error.h"
#include "nnp/json.h"

namespace nnp {
namespace {

std::uint16_t u16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }

std::uint32_t u32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

float f32(const std::uint8_t* p) {
  const std::uint32_t bits = u32(p);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

std::string num(std::uint64_t v) { return std::to_string(v); }

// The magic as text: printable ASCII as is, other bytes as \xNN.
std::string show_magic(const std::uint8_t* p) {
  static const char* hex = "0123456789ABCDEF";
  std::string s;
  for (int i = 0; i < 4; ++i) {
    const unsigned c = p[i];
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      s += static_cast<char>(c);
    } else {
      s += "\\x";
      s += hex[c >> 4];
      s += hex[c & 15];
    }
  }
  return "\"" + s + "\"";
}

class Trailer {
 public:
  Trailer(const Json& j, std::string what) : j_(j), what_(std::move(what)) {}

  const Json* find(const char* key) const {
    const Json* v = j_.find(key);
    return v == nullptr || v->is_null() ? nullptr : v;
  }

  std::string string(const char* key, bool required) const {
    const Json* v = find(key);
    if (v == nullptr) {
      if (required) fail(std::string("trailer.") + key + " is missing (a string is expected)");
      return {};
    }
    if (!v->is_string()) fail(std::string("trailer.") + key + " must be a string, got " + v->dump());
    return v->string();
  }

  // An array of exactly n strings (`per` says what each names, for the message).
  std::vector<std::string> strings(const char* key, std::uint32_t n, const char* per, bool required) const {
    const Json* v = find(key);
    const std::string expected = "an array of " + num(n) + " strings, one per " + per;
    if (v == nullptr) {
      if (required) fail(std::string("trailer.") + key + " is missing (" + expected + " is expected)");
      return {};
    }
    if (!v->is_array()) fail(std::string("trailer.") + key + " must be " + expected + ", got " + v->dump());
    if (v->size() != n)
      fail(std::string("trailer.") + key + " must be " + expected + ", got " + num(v->size()) + " entries");
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& e = (*v)[i];
      if (!e.is_string()) fail(std::string("trailer.") + key + "[" + num(i) + "] must be a string, got " + e.dump());
      out.push_back(e.string());
    }
    return out;
  }

  [[noreturn]] void fail(const std::string& message) const { throw Error(what_ + ": " + message); }

 private:
  const Json& j_;
  std::string what_;
};

}  // namespace

LabeledData read_nnpd(std::span<const std::uint8_t> bytes, std::string_view what_view) {
  const std::string what(what_view.empty() ? std::string_view("the dataset") : what_view);
  const auto fail = [&](const std::string& message) { throw Error(what + ": " + message); };
  const std::uint64_t size = bytes.size();
  const std::uint8_t* p = bytes.data();

  // Header.
  if (size >= 4 && std::memcmp(p, "NNPD", 4) != 0)
    fail("not an .nnpd file: it starts with " + show_magic(p) + ", not \"NNPD\"");
  if (size < kNnpdHeaderBytes)
    fail("truncated: " + num(size) + " bytes, shorter than the " + num(kNnpdHeaderBytes) + "-byte header");
  const std::uint16_t version = u16(p + 4);
  const std::uint16_t encoding = u16(p + 6);
  const std::uint32_t count = u32(p + 8);
  const std::uint32_t features = u32(p + 12);
  const std::uint32_t classes = u32(p + 16);
  const float scale = f32(p + 20);
  const std::uint16_t width = u16(p + 24);
  const std::uint16_t height = u16(p + 26);
  const std::uint32_t reserved = u32(p + 28);
  if (version != kNnpdVersion)
    fail("format version " + num(version) + " is not supported (this reader reads version " + num(kNnpdVersion) + ")");
  if (encoding > 1) fail("unknown encoding " + num(encoding) + " (0 = float32, 1 = uint8)");
  constexpr std::uint32_t kMaxInt = std::numeric_limits<int>::max();
  if (count == 0 || count > kMaxInt)
    fail("the header says " + num(count) + " rows (1 to " + num(kMaxInt) + " allowed)");
  if (features == 0 || features > kMaxInt)
    fail("the header says " + num(features) + " features (1 to " + num(kMaxInt) + " allowed)");
  if (classes == 0 || classes > 256)
    fail("the header says " + num(classes) + " classes (1 to 256 allowed: labels are bytes)");
  if (!(std::isfinite(scale) && scale > 0.0f))
    fail("the header's scale must be a finite number above 0, got " + format_number(scale));
  if ((width == 0) != (height == 0) || static_cast<std::uint64_t>(width) * height != (width == 0 ? 0 : features))
    fail("the header says " + num(width) + "×" + num(height) + " images but " + num(features) +
         " features (width × height must equal features, or both be 0)");
  if (reserved != 0) fail("the header's reserved bytes 28…31 must be 0, got " + num(reserved));

  // Sections: features, labels, trailer length, trailer. count, features < 2^31, so no overflow.
  const std::uint64_t values = static_cast<std::uint64_t>(count) * features;
  const std::uint64_t item = encoding == 0 ? 4 : 1;
  const std::uint64_t feature_bytes = values * item;
  const char* type = encoding == 0 ? "float32" : "uint8";
  std::uint64_t at = kNnpdHeaderBytes;
  if (size - at < feature_bytes)
    fail("truncated: the header says " + num(count) + " rows × " + num(features) + " features (" + num(feature_bytes) +
         " bytes of " + type + ") but the file holds " + num(size - at) + " bytes of features");
  const std::uint8_t* x_bytes = p + at;
  at += feature_bytes;
  if (size - at < count)
    fail("truncated: the header says " + num(count) + " labels but the file holds " + num(size - at) +
         " bytes of labels");
  const std::uint8_t* labels = p + at;
  at += count;
  if (size - at < 4)
    fail("truncated: the trailer's 4-byte length after the labels is missing (" + num(size - at) + " bytes left)");
  const std::uint64_t trailer_bytes = u32(p + at);
  at += 4;
  if (size - at < trailer_bytes)
    fail("truncated: the trailer's length says " + num(trailer_bytes) + " bytes but " + num(size - at) + " follow");
  const std::uint8_t* trailer = p + at;
  at += trailer_bytes;
  if (at != size) fail(num(size - at) + " unexpected bytes after the trailer");

  // Labels, then feature values, before anything is allocated.
  for (std::uint32_t i = 0; i < count; ++i)
    if (labels[i] >= classes)
      fail("row " + num(i) + " has label " + num(labels[i]) + ", not below classes = " + num(classes));
  if (encoding == 0) {
    for (std::uint64_t i = 0; i < values; ++i) {
      const float v = f32(x_bytes + 4 * i) * scale;
      if (!std::isfinite(v))
        fail("feature " + num(i % features) + " of row " + num(i / features) + " is " + format_number(v) +
             " (features must be finite)");
    }
  }

  // Trailer: a UTF-8 JSON object.
  const std::optional<Json> parsed =
      Json::parse(std::string_view(reinterpret_cast<const char*>(trailer), static_cast<std::size_t>(trailer_bytes)));
  if (!parsed) fail("the trailer (" + num(trailer_bytes) + " bytes) is not valid UTF-8 JSON");
  if (!parsed->is_object()) fail("the trailer must be a JSON object, got " + std::string(parsed->type_name()));
  const Trailer t(*parsed, what);

  LabeledData out;
  out.name = t.string("name", true);
  if (out.name.empty()) t.fail("trailer.name must not be empty");
  out.class_names = t.strings("class_names", classes, "class", true);
  out.feature_names = t.strings("feature_names", features, "feature", false);
  out.title = t.string("title", false);
  out.source = t.string("source", true);
  out.license = t.string("license", true);
  out.width = width;
  out.height = height;

  Dataset& d = out.data;
  d.features = static_cast<int>(features);
  d.targets = 1;
  d.classes = static_cast<int>(classes);
  d.x.resize(static_cast<std::size_t>(values));
  if (encoding == 0) {
    for (std::size_t i = 0; i < d.x.size(); ++i) d.x[i] = f32(x_bytes + 4 * i) * scale;
  } else {
    for (std::size_t i = 0; i < d.x.size(); ++i) d.x[i] = static_cast<float>(x_bytes[i]) * scale;
  }
  d.y.resize(count);
  for (std::uint32_t i = 0; i < count; ++i) d.y[i] = static_cast<float>(labels[i]);
  return out;
}

}  // namespace nnp

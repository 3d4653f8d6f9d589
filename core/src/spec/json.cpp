// JSON reading and writing (json.h): a recursive-descent parser over RFC 8259's grammar and a
// compact writer, matching nlohmann::json's acceptance and output (json.h says what that is).
#include "nnp/json.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "nnp/format.h"
#include "read_double.h"

namespace nnp {

namespace {

// Deeper nesting is refused rather than risking the wasm stack; scenes nest about five deep.
constexpr int kMaxDepth = 512;

bool digit(char c) { return c >= '0' && c <= '9'; }

// Appends the code point as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A double in nlohmann::json's form: the shortest digits that read back to v, laid out as its
// serializer did (fixed notation for decimal exponents -4 < n ≤ 15, else d.ddde±XX; a whole value
// keeps ".0" so that it reads back as a float).
void append_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  if (v == 0) {
    out += std::signbit(v) ? "-0.0" : "0.0";
    return;
  }
  std::string text;
  for (int precision = 1; precision <= 17; ++precision) {
    text = format_e(v, precision - 1);
    if (read_double(text) == v) break;
  }
  // text is [-]d[.ddd]e±x: the digits, and the decimal exponent of the first one.
  const char* p = text.c_str();
  if (*p == '-') {
    out += '-';
    ++p;
  }
  std::string digits;
  for (; *p != 'e'; ++p)
    if (digit(*p)) digits += *p;
  const int k = static_cast<int>(digits.size());
  const int n = std::atoi(p + 1) + 1;  // the decimal point's position after the first digit
  if (k <= n && n <= 15) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
    out += ".0";
  } else if (0 < n && n <= 15) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out += '.';
    out.append(digits, static_cast<std::size_t>(n));
  } else if (-4 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    const int e = n - 1;
    out += e < 0 ? "e-" : "e+";
    const int a = e < 0 ? -e : e;
    if (a < 10) out += '0';
    out += std::to_string(a);
  }
}

void append_string(std::string& out, const std::string& s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

}  // namespace

// The parser: each function reads one production at p_, or returns false (the whole text is then
// not JSON).
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  std::optional<Json> document() {
    // A UTF-8 byte-order mark is skipped; the rest of one is an error.
    if (end_ - p_ >= 1 && static_cast<unsigned char>(*p_) == 0xEF) {
      if (end_ - p_ < 3 || std::string_view(p_, 3) != "\xEF\xBB\xBF") return std::nullopt;
      p_ += 3;
    }
    Json j;
    if (!value(j, 0)) return std::nullopt;
    space();
    if (p_ != end_) return std::nullopt;
    return j;
  }

 private:
  void space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  bool value(Json& out, int depth) {
    space();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return object(out, depth + 1);
      case '[': return array(out, depth + 1);
      case '"': {
        std::string s;
        if (!string(s)) return false;
        out.v_ = std::move(s);
        return true;
      }
      case 't': out.v_ = true; return literal("true");
      case 'f': out.v_ = false; return literal("false");
      case 'n': out.v_ = nullptr; return literal("null");
      default: return number(out);
    }
  }

  bool array(Json& out, int depth) {
    if (depth > kMaxDepth) return false;
    ++p_;  // [
    Json::Array a;
    space();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
    } else {
      for (;;) {
        a.emplace_back();
        if (!value(a.back(), depth)) return false;
        space();
        if (p_ == end_) return false;
        const char c = *p_++;
        if (c == ']') break;
        if (c != ',') return false;
      }
    }
    out.v_ = std::move(a);
    return true;
  }

  bool object(Json& out, int depth) {
    if (depth > kMaxDepth) return false;
    ++p_;  // {
    Json::Object o;
    space();
    if (p_ != end_ && *p_ == '}') {
      ++p_;
    } else {
      for (;;) {
        space();
        std::string key;
        if (p_ == end_ || *p_ != '"' || !string(key)) return false;
        space();
        if (p_ == end_ || *p_++ != ':') return false;
        Json v;
        if (!value(v, depth)) return false;
        // Sorted by key; a repeated key keeps its last value.
        const auto at = std::lower_bound(o.begin(), o.end(), key,
                                         [](const Json::Member& m, const std::string& k) { return m.first < k; });
        if (at != o.end() && at->first == key)
          at->second = std::move(v);
        else
          o.emplace(at, std::move(key), std::move(v));
        space();
        if (p_ == end_) return false;
        const char c = *p_++;
        if (c == '}') break;
        if (c != ',') return false;
      }
    }
    out.v_ = std::move(o);
    return true;
  }

  // Four hex digits of a \u escape.
  bool hex4(std::uint32_t& cp) {
    if (end_ - p_ < 4) return false;
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      const int d = digit(c)                 ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : -1;
      if (d < 0) return false;
      cp = cp * 16 + static_cast<std::uint32_t>(d);
    }
    return true;
  }

  bool escape(std::string& out) {
    if (p_ == end_) return false;
    switch (*p_++) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {              // must pair with a low one
          std::uint32_t low = 0;
          if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return true;
      }
      default: return false;
    }
  }

  // One well-formed UTF-8 sequence of 2 to 4 bytes (RFC 3629's table), copied to `out`.
  bool utf8(std::string& out) {
    const auto b0 = static_cast<unsigned char>(*p_);
    int extra = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      extra = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      extra = 2;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      extra = 3;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (end_ - p_ <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      const auto b = static_cast<unsigned char>(p_[i]);
      if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return false;
    }
    out.append(p_, static_cast<std::size_t>(extra) + 1);
    p_ += extra + 1;
    return true;
  }

  bool string(std::string& out) {
    ++p_;  // "
    while (p_ != end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c == '\\') {
        ++p_;
        if (!escape(out)) return false;
        continue;
      }
      if (c < 0x20) return false;  // a control character must be escaped
      if (c >= 0x80) {
        if (!utf8(out)) return false;
        continue;
      }
      out += static_cast<char>(c);
      ++p_;
    }
    return false;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?: a whole number that fits 64 bits stays whole.
  bool number(Json& out) {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || !digit(*p_)) return false;
    if (*p_ == '0')
      ++p_;
    else
      while (p_ != end_ && digit(*p_)) ++p_;
    bool whole = true;
    if (p_ != end_ && *p_ == '.') {
      whole = false;
      ++p_;
      if (p_ == end_ || !digit(*p_)) return false;
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      whole = false;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !digit(*p_)) return false;
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    if (whole) {
      // The magnitude, unless it overflows 64 bits (then it is read as a double, as nlohmann did).
      std::uint64_t m = 0;
      bool fits = true;
      for (const char* q = start + (negative ? 1 : 0); q != p_ && fits; ++q) {
        const auto d = static_cast<std::uint64_t>(*q - '0');
        fits = m <= (UINT64_MAX - d) / 10;
        m = m * 10 + d;
      }
      if (fits && !negative) {
        out.v_ = m;
        return true;
      }
      if (fits && m <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
        out.v_ = m == 0 ? std::int64_t{0} : static_cast<std::int64_t>(0 - m);
        return true;
      }
    }
    const double d = read_double(std::string_view(start, static_cast<std::size_t>(p_ - start)));
    if (!std::isfinite(d)) return false;  // overflow
    out.v_ = d;
    return true;
  }

  const char* p_;
  const char* end_;
};

std::optional<Json> Json::parse(std::string_view text) { return JsonParser(text).document(); }

const char* Json::type_name() const noexcept {
  static constexpr const char* kNames[] = {"null",   "boolean", "number", "number",
                                           "number", "string",  "array",  "object"};
  return kNames[v_.index()];
}

double Json::number() const noexcept {
  switch (v_.index()) {
    case kInteger: return static_cast<double>(*std::get_if<std::int64_t>(&v_));
    case kUnsigned: return static_cast<double>(*std::get_if<std::uint64_t>(&v_));
    default: return *std::get_if<double>(&v_);
  }
}

std::size_t Json::size() const noexcept {
  if (is_array()) return array().size();
  if (is_object()) return members().size();
  return 0;
}

const Json* Json::find(std::string_view key) const noexcept {
  if (!is_object()) return nullptr;
  for (const Member& m : members())
    if (m.first == key) return &m.second;
  return nullptr;
}

Json& Json::push_back(Json value) {
  Array& a = std::get<Array>(v_);
  a.push_back(std::move(value));
  return a.back();
}

Json& Json::add(std::string key, Json value) {
  Object& o = std::get<Object>(v_);
  o.emplace_back(std::move(key), std::move(value));
  return o.back().second;
}

void Json::erase(std::string_view key) {
  if (!is_object()) return;
  Object& o = std::get<Object>(v_);
  o.erase(std::remove_if(o.begin(), o.end(), [&](const Member& m) { return m.first == key; }), o.end());
}

std::string Json::dump() const {
  std::string out;
  dump_to(out);
  return out;
}

void Json::dump_to(std::string& out) const {
  switch (v_.index()) {
    case kNull: out += "null"; return;
    case kBoolean: out += boolean() ? "true" : "false"; return;
    case kInteger: out += std::to_string(std::get<std::int64_t>(v_)); return;
    case kUnsigned: out += std::to_string(std::get<std::uint64_t>(v_)); return;
    case kFloat: append_double(out, std::get<double>(v_)); return;
    case kString: append_string(out, string()); return;
    case kArray: {
      out += '[';
      bool first = true;
      for (const Json& e : array()) {
        if (!first) out += ',';
        first = false;
        e.dump_to(out);
      }
      out += ']';
      return;
    }
    default: {
      out += '{';
      bool first = true;
      for (const Member& m : members()) {
        if (!first) out += ',';
        first = false;
        append_string(out, m.first);
        out += ':';
        m.second.dump_to(out);
      }
      out += '}';
    }
  }
}

bool operator==(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    // Whole numbers exactly; a float against either by value.
    if (a.v_.index() != Json::kFloat && b.v_.index() != Json::kFloat) {
      const bool an = a.v_.index() == Json::kInteger && std::get<std::int64_t>(a.v_) < 0;
      const bool bn = b.v_.index() == Json::kInteger && std::get<std::int64_t>(b.v_) < 0;
      if (an != bn) return false;
      const auto bits = [](const Json& j) {
        return j.v_.index() == Json::kInteger ? static_cast<std::uint64_t>(std::get<std::int64_t>(j.v_))
                                              : std::get<std::uint64_t>(j.v_);
      };
      return bits(a) == bits(b);
    }
    return a.number() == b.number();
  }
  return a.v_ == b.v_;
}

}  // namespace nnp

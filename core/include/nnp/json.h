#pragma once
// A JSON value: what the engine reads (scenes, learner specs, .nnpd trailers) and writes (the
// catalogue), and how its messages show a value. The engine's own, small instead of general: the
// browser module's download is a budget (issue 13), and a general library's templates cost it
// about a quarter of its bytes.
//
// It reads and shows values as nlohmann::json did (which the messages were written with): parse()
// takes strict RFC 8259 text (UTF-8 checked, an optional byte-order mark, no comments, no number
// that overflows a double); dump() writes compact text, numbers written as whole numbers stay
// whole ("3"), others read back exactly in the shortest form ("0.1", "3.0", "1e-05"), infinities
// and NaN as null.
//
//   const std::optional<nnp::Json> j = nnp::Json::parse(R"({"lr": 0.1, "layers": [2, 1]})");
//   if (j && j->is_object())
//     if (const nnp::Json* lr = j->find("lr"); lr != nullptr && lr->is_number()) use(lr->number());
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace nnp {

class Json {
 public:
  using Array = std::vector<Json>;
  using Member = std::pair<std::string, Json>;
  using Object = std::vector<Member>;

  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : v_(b) {}
  Json(int i) : v_(static_cast<std::int64_t>(i)) {}
  Json(double d) : v_(d) {}
  Json(const char* s) : v_(std::string(s)) {}
  Json(std::string_view s) : v_(std::string(s)) {}
  Json(std::string s) : v_(std::move(s)) {}
  Json(Array a) : v_(std::move(a)) {}
  static Json object() { return Json(Object{}); }

  // The value `text` holds, or nullopt when it is not one JSON value (with only whitespace around).
  static std::optional<Json> parse(std::string_view text);

  bool is_null() const noexcept { return std::holds_alternative<std::nullptr_t>(v_); }
  bool is_boolean() const noexcept { return std::holds_alternative<bool>(v_); }
  bool is_number() const noexcept { return v_.index() >= kInteger && v_.index() <= kFloat; }
  bool is_string() const noexcept { return std::holds_alternative<std::string>(v_); }
  bool is_array() const noexcept { return std::holds_alternative<Array>(v_); }
  bool is_object() const noexcept { return std::holds_alternative<Object>(v_); }
  // "null", "boolean", "number", "string", "array" or "object".
  const char* type_name() const noexcept;

  // The value of a number (a whole one converted), a boolean, a string, an array, an object:
  // callers check the type first (a wrong type is a bug: it reads through a null pointer).
  double number() const noexcept;
  bool boolean() const noexcept { return *std::get_if<bool>(&v_); }
  const std::string& string() const noexcept { return *std::get_if<std::string>(&v_); }
  const Array& array() const noexcept { return *std::get_if<Array>(&v_); }
  // Members in the order they were added; parse() adds them sorted by key (bytewise), so a parsed
  // object lists its keys, and messages name them, in that order whatever the text's order.
  const Object& members() const noexcept { return *std::get_if<Object>(&v_); }

  // An array's elements or an object's members; 0 for any other value.
  std::size_t size() const noexcept;
  bool empty() const noexcept { return size() == 0; }
  const Json& operator[](std::size_t i) const noexcept { return array()[i]; }
  // An object's member `key`, or nullptr (also when this is not an object).
  const Json* find(std::string_view key) const noexcept;
  Json* find(std::string_view key) noexcept { return const_cast<Json*>(std::as_const(*this).find(key)); }
  bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }

  // Appends an element to an array, or a member to an object (whose key must be new): for
  // documents written in a fixed order, such as the catalogue.
  Json& push_back(Json value);
  Json& add(std::string key, Json value);
  // Removes an object's member `key`, if present.
  void erase(std::string_view key);

  std::string dump() const;
  void dump_to(std::string& out) const;

  // Numbers compare by value (3 == 3.0), arrays and objects element by element.
  friend bool operator==(const Json& a, const Json& b);

 private:
  // Whole numbers keep their exact value (as nlohmann::json did, negative ones signed, others
  // unsigned); every other number is a double.
  enum Index : std::size_t { kNull, kBoolean, kInteger, kUnsigned, kFloat, kString, kArray, kObject };
  using Value = std::variant<std::nullptr_t, bool, std::int64_t, std::uint64_t, double, std::string, Array, Object>;
  explicit Json(Value v) : v_(std::move(v)) {}
  friend class JsonParser;

  Value v_;
};

}  // namespace nnp

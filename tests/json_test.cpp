// nnp::Json against nlohmann::json, which the engine's messages were written with (and which the
// tests still use): the same texts accepted and refused, the same dump() of what was read.
#include "nnp/json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using nnp::Json;

// nlohmann's reading of `text`: its compact dump, or nullopt when it refuses the text.
std::optional<std::string> reference(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j.dump();
}

const std::vector<std::string> kTexts = {
    // Values and layout.
    "null", "true", "false", " \t\r\n 0 \n", "{}", "[]", "[[]]", "{\"a\":{}}", "[1,[2,[3,{}]]]",
    R"({"b": 1, "a": [true, null, "x"], "c": {"z": 0, "y": -1}})", R"({"k": 1, "k": 2})", R"({"b": 2, "a": 1, "b": 3})",
    "\xEF\xBB\xBF{\"bom\": 1}",
    // Numbers: whole ones stay whole; the rest in the shortest form that reads back.
    "0", "-0", "-0.0", "0.0", "1", "-1", "12", "3.0", "1.5", "-2.25", "0.1", "0.01", "0.001", "0.0001", "0.00001",
    "1e-5", "1E+2", "1e2", "2.5e-3", "123456789012345.0", "1234567890123456.0", "1e15", "1e16", "1.5e300", "4.9e-324",
    "2.2250738585072014e-308", "1.7976931348623157e308", "0.30000000000000004", "9007199254740993",
    "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
    "100000000000000000000000000", "123.456e10", "[1.0, 2, 3.25]",
    // Strings: escapes and UTF-8.
    R"("")", R"("a\"b\\c\/d\b\f\n\r\t")", R"("\u0041\u00e9\u20AC")", R"("\ud83d\ude00")", R"("\u0000x")",
    R"("\u001f\u007f")", "\"é€😀\"", "\"\x7f\"",
    // Refused.
    "", " ", "nul", "tru", "True", "[1,]", "[,1]", "{\"a\":1,}", "{a:1}", "{'a':1}", "{\"a\" 1}", "[1 2]", "01", "-",
    "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "1e400", "-1e400", "[1]x", "{} {}", "\"abc", "\"a\nb\"",
    "\"\t\"", R"("\x")", R"("\u12")", R"("\uZZZZ")", R"("\ud800")", R"("\udc00")", R"("\ud800\u0041")", "\"\xC0\xAF\"",
    "\"\xED\xA0\x80\"", "\"\xF5\x80\x80\x80\"", "\"\xE2\x82\"", "\"\x80\"", "\xEF\xBB{}", "// c\n{}", "[1]\n/* c */"};

TEST(Json, ReadsAndWritesAsNlohmannJson) {
  for (const std::string& text : kTexts) {
    const std::optional<Json> j = Json::parse(text);
    const std::optional<std::string> expected = reference(text);
    ASSERT_EQ(j.has_value(), expected.has_value()) << text;
    if (j) EXPECT_EQ(j->dump(), *expected) << text;
  }
}

TEST(Json, WritesDoublesAsNlohmannJson) {
  for (const double v :
       {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 123456.789, 1e21, 5e-324, 6.02214076e23, -0.5, static_cast<double>(0.1f),
        static_cast<double>(1e-4f), 100.0, 1e15, 1e16, std::numeric_limits<double>::infinity(), std::nan("")})
    EXPECT_EQ(Json(v).dump(), nlohmann::json(v).dump()) << v;
  // Where nlohmann's Grisu2 does not find the shortest form, ours is (and reads back the same).
  EXPECT_EQ(nlohmann::json(1e23).dump(), "9.999999999999999e+22");
  EXPECT_EQ(Json(1e23).dump(), "1e+23");
  EXPECT_EQ(Json::parse("1e+23")->number(), 1e23);
  // Control characters and quotes in a string written from code.
  const std::string s = std::string("q\"\\\x01\x1f") + "é";
  EXPECT_EQ(Json(s).dump(), nlohmann::json(s).dump());
}

TEST(Json, ObjectsListParsedKeysSortedAndAddedKeysInOrder) {
  const Json j = *Json::parse(R"({"b": 1, "a": 2, "c": {"y": 1, "x": 2}})");
  ASSERT_EQ(j.members().size(), 3u);
  EXPECT_EQ(j.members()[0].first, "a");
  EXPECT_EQ(j.members()[2].first, "c");
  EXPECT_EQ(j.find("c")->dump(), R"({"x":2,"y":1})");
  EXPECT_EQ(j.find("missing"), nullptr);
  EXPECT_EQ(Json(1).find("a"), nullptr);

  Json out = Json::object();
  out.add("z", 1);
  out.add("a", Json::Array{1.5, "x", nullptr}).push_back(false);
  EXPECT_EQ(out.dump(), R"({"z":1,"a":[1.5,"x",null,false]})");
  out.erase("z");
  EXPECT_EQ(out.dump(), R"({"a":[1.5,"x",null,false]})");
}

TEST(Json, ComparesNumbersByValue) {
  EXPECT_EQ(*Json::parse("3"), *Json::parse("3.0"));
  EXPECT_EQ(*Json::parse("-100"), Json(-100));
  EXPECT_FALSE(*Json::parse("1") == Json(true));
  EXPECT_FALSE(*Json::parse("18446744073709551615") == *Json::parse("-1"));
  EXPECT_EQ(*Json::parse(R"({"a": [1, "x"]})"), *Json::parse(R"({"a": [1.0, "x"]})"));
  EXPECT_FALSE(*Json::parse(R"({"a": [1, "x"]})") == *Json::parse(R"({"a": [1, "y"]})"));
  EXPECT_EQ(*Json::parse("null"), Json(nullptr));
  EXPECT_EQ(std::string(Json::parse("2.5")->type_name()), "number");
  EXPECT_EQ(std::string(Json::parse("[]")->type_name()), "array");
}

TEST(Json, RefusesNestingDeeperThanTheLimit) {
  EXPECT_TRUE(Json::parse(std::string(100, '[') + std::string(100, ']')));
  EXPECT_FALSE(Json::parse(std::string(100000, '[') + std::string(100000, ']')));
}

}  // namespace

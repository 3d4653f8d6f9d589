// The shipped .nnpd files (web/public/data, docs/datasets.md) and the reader's errors.
#include "nnp/nnpd.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "nnp/error.h"

namespace nnp {
namespace {

std::vector<std::uint8_t> read_file(const std::string& name) {
  const std::string path = std::string(NNP_DATA_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

LabeledData load(const std::string& name) {
  const std::vector<std::uint8_t> bytes = read_file(name);
  return read_nnpd(bytes, name);
}

std::vector<int> class_counts(const Dataset& d) {
  std::vector<int> counts(static_cast<std::size_t>(d.classes), 0);
  for (float y : d.y) ++counts.at(static_cast<std::size_t>(y));
  return counts;
}

// Sum of the stored integers (value / scale, rounded): a checksum over every feature.
long long stored_sum(const Dataset& d, double per_unit) {
  long long sum = 0;
  for (float v : d.x) sum += std::llround(v * per_unit);
  return sum;
}

void expect_shape(const LabeledData& d, int rows, int features, int classes, int width, int height) {
  EXPECT_EQ(d.data.size(), rows);
  EXPECT_EQ(d.data.features, features);
  EXPECT_EQ(d.data.targets, 1);
  EXPECT_EQ(d.data.classes, classes);
  EXPECT_EQ(d.data.x.size(), static_cast<std::size_t>(rows) * features);
  EXPECT_EQ(d.data.y.size(), static_cast<std::size_t>(rows));
  EXPECT_EQ(d.width, width);
  EXPECT_EQ(d.height, height);
  EXPECT_EQ(d.class_names.size(), static_cast<std::size_t>(classes));
  for (float y : d.data.y) EXPECT_EQ(y, std::floor(y));
}

void expect_range(const Dataset& d, float lo, float hi) {
  float mn = d.x[0], mx = d.x[0];
  for (float v : d.x) {
    mn = std::fmin(mn, v);
    mx = std::fmax(mx, v);
  }
  EXPECT_EQ(mn, lo);
  EXPECT_EQ(mx, hi);
}

const std::vector<std::string> kFashionClasses = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                  "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

TEST(NnpdShipped, DigitsAreSklearnsLoadDigits) {
  const LabeledData d = load("digits.nnpd");
  expect_shape(d, 1797, 64, 10, 8, 8);
  EXPECT_EQ(d.name, "digits");
  EXPECT_EQ(d.class_names, (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
  ASSERT_EQ(d.feature_names.size(), 64u);
  EXPECT_EQ(d.feature_names[0], "pixel_0_0");
  EXPECT_EQ(d.feature_names[63], "pixel_7_7");
  EXPECT_NE(d.source.find("python3-sklearn"), std::string::npos);
  EXPECT_NE(d.source.find("digits.csv.gz"), std::string::npos);
  EXPECT_NE(d.license.find("BSD-3-Clause"), std::string::npos);
  EXPECT_EQ(class_counts(d.data), (std::vector<int>{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}));
  expect_range(d.data, 0.0f, 1.0f);
  EXPECT_EQ(stored_sum(d.data, 16), 561718);
  // Image 0 is a "0"; its first row in the source is 0 0 5 13 9 1 0 0 (of 16).
  EXPECT_EQ(d.data.y[0], 0.0f);
  const float row0[8] = {0, 0, 5, 13, 9, 1, 0, 0};
  for (int c = 0; c < 8; ++c) EXPECT_EQ(d.data.x[c], row0[c] / 16.0f) << "column " << c;
  EXPECT_EQ(d.data.x[1 * 8 + 3], 15.0f / 16.0f);  // image 0, pixel (1, 3) = 15
  // The first ten images are 0 … 9, and the last (an 8) starts 0 0 10 14.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(d.data.y[i], static_cast<float>(i));
  EXPECT_EQ(d.data.y[1796], 8.0f);
  EXPECT_EQ(d.data.x[1796 * 64 + 2], 10.0f / 16.0f);
  EXPECT_EQ(d.data.x[1796 * 64 + 3], 14.0f / 16.0f);
}

TEST(NnpdShipped, IrisIsFloat32InCentimetres) {
  const LabeledData d = load("iris.nnpd");
  expect_shape(d, 150, 4, 3, 0, 0);
  EXPECT_EQ(d.name, "iris");
  EXPECT_EQ(d.class_names, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
  EXPECT_EQ(d.feature_names, (std::vector<std::string>{"sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                                                       "petal width (cm)"}));
  EXPECT_NE(d.source.find("iris.csv"), std::string::npos);
  EXPECT_EQ(class_counts(d.data), (std::vector<int>{50, 50, 50}));
  const float first[4] = {5.1f, 3.5f, 1.4f, 0.2f}, last[4] = {5.9f, 3.0f, 5.1f, 1.8f};
  for (int f = 0; f < 4; ++f) {
    EXPECT_EQ(d.data.x[f], first[f]);
    EXPECT_EQ(d.data.x[149 * 4 + f], last[f]);
  }
  EXPECT_EQ(d.data.y[0], 0.0f);
  EXPECT_EQ(d.data.y[149], 2.0f);
  // Column ranges of sklearn's iris.rst: 4.3–7.9, 2.0–4.4, 1.0–6.9, 0.1–2.5.
  const float lo[4] = {4.3f, 2.0f, 1.0f, 0.1f}, hi[4] = {7.9f, 4.4f, 6.9f, 2.5f};
  for (int f = 0; f < 4; ++f) {
    float mn = 1e9f, mx = -1e9f;
    for (int i = 0; i < 150; ++i) {
      mn = std::fmin(mn, d.data.x[i * 4 + f]);
      mx = std::fmax(mx, d.data.x[i * 4 + f]);
    }
    EXPECT_EQ(mn, lo[f]) << "feature " << f;
    EXPECT_EQ(mx, hi[f]) << "feature " << f;
  }
}

TEST(NnpdShipped, FashionTrainIsTheFirst10000) {
  const LabeledData d = load("fashion-train.nnpd");
  expect_shape(d, 10000, 784, 10, 28, 28);
  EXPECT_EQ(d.name, "fashion-train");
  EXPECT_EQ(d.class_names, kFashionClasses);
  EXPECT_TRUE(d.feature_names.empty());
  EXPECT_NE(d.source.find("dataset-fashion-mnist"), std::string::npos);
  EXPECT_NE(d.license.find("MIT"), std::string::npos);
  EXPECT_EQ(class_counts(d.data), (std::vector<int>{942, 1027, 1016, 1019, 974, 989, 1021, 1022, 990, 1000}));
  expect_range(d.data, 0.0f, 1.0f);
  EXPECT_EQ(stored_sum(d.data, 255), 572388787);
  // Image 0 is an ankle boot; its row 10 holds 193 228 218 213 from column 13.
  EXPECT_EQ(d.data.y[0], 9.0f);
  const float px[4] = {193, 228, 218, 213};
  for (int c = 0; c < 4; ++c) EXPECT_NEAR(d.data.x[10 * 28 + 13 + c], px[c] / 255.0f, 1e-7f);
  EXPECT_EQ(d.data.x[0], 0.0f);
  EXPECT_EQ(d.data.y[9999], 6.0f);
}

TEST(NnpdShipped, FashionTestIsTheFirst2000) {
  const LabeledData d = load("fashion-test.nnpd");
  expect_shape(d, 2000, 784, 10, 28, 28);
  EXPECT_EQ(d.name, "fashion-test");
  EXPECT_EQ(d.class_names, kFashionClasses);
  EXPECT_EQ(class_counts(d.data), (std::vector<int>{200, 203, 214, 190, 219, 195, 197, 200, 194, 188}));
  expect_range(d.data, 0.0f, 1.0f);
  EXPECT_EQ(stored_sum(d.data, 255), 114763281);
  const float labels[10] = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7};
  for (int i = 0; i < 10; ++i) EXPECT_EQ(d.data.y[i], labels[i]);
  EXPECT_NEAR(d.data.x[20 * 28 + 17], 1.0f, 1e-7f);  // image 0, pixel (20, 17) = 255
  EXPECT_NEAR(d.data.x[20 * 28 + 1], 126.0f / 255.0f, 1e-7f);
}

// ---- A small hand-built file, then one thing broken at a time. ----

void put16(std::vector<std::uint8_t>& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v);
  b[at + 1] = static_cast<std::uint8_t>(v >> 8);
}
void put32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}
void putf(std::vector<std::uint8_t>& b, std::size_t at, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, 4);
  put32(b, at, v);
}

const std::string kTrailer =
    R"({"name":"tiny","class_names":["a","b","c"],"feature_names":["f0","f1"],"source":"hand-made","license":"CC0"})";

// 3 rows × 2 features, 3 classes; uint8 features with scale 0.5, or float32 ones.
std::vector<std::uint8_t> tiny(int encoding = 1, const std::string& trailer = kTrailer) {
  const std::size_t item = encoding == 0 ? 4 : 1;
  std::vector<std::uint8_t> b(32 + 6 * item);
  std::memcpy(b.data(), "NNPD", 4);
  put16(b, 4, 1);
  put16(b, 6, static_cast<std::uint16_t>(encoding));
  put32(b, 8, 3);
  put32(b, 12, 2);
  put32(b, 16, 3);
  putf(b, 20, encoding == 0 ? 1.0f : 0.5f);
  for (int i = 0; i < 6; ++i) {
    if (encoding == 0)
      putf(b, 32 + 4 * i, static_cast<float>(i) - 2.5f);
    else
      b[32 + i] = static_cast<std::uint8_t>(i * 10);
  }
  for (std::uint8_t y : {2, 0, 1}) b.push_back(y);
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(trailer.size() >> (8 * i)));
  b.insert(b.end(), trailer.begin(), trailer.end());
  return b;
}

std::string error_of(const std::vector<std::uint8_t>& b, const char* name = "t.nnpd") {
  try {
    read_nnpd(b, name);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(NnpdReader, ReadsAHandBuiltFile) {
  const LabeledData u = read_nnpd(tiny(1), "t.nnpd");
  EXPECT_EQ(u.data.x, (std::vector<float>{0, 5, 10, 15, 20, 25}));
  EXPECT_EQ(u.data.y, (std::vector<float>{2, 0, 1}));
  EXPECT_EQ(u.name, "tiny");
  EXPECT_EQ(u.class_names, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(u.feature_names, (std::vector<std::string>{"f0", "f1"}));
  EXPECT_EQ(u.source, "hand-made");
  EXPECT_EQ(u.license, "CC0");
  EXPECT_EQ(u.title, "");
  EXPECT_EQ(u.width, 0);
  const LabeledData f = read_nnpd(tiny(0), "t.nnpd");
  EXPECT_EQ(f.data.x, (std::vector<float>{-2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f}));
  EXPECT_EQ(f.data.size(), 3);
  // Images: width × height = features.
  std::vector<std::uint8_t> img = tiny(1);
  put16(img, 24, 2);
  put16(img, 26, 1);
  EXPECT_EQ(read_nnpd(img, "t.nnpd").width, 2);
}

TEST(NnpdReader, RejectsAWrongMagic) {
  std::vector<std::uint8_t> b = tiny();
  std::memcpy(b.data(), "PK\x03\x04", 4);
  EXPECT_EQ(error_of(b), "t.nnpd: not an .nnpd file: it starts with \"PK\\x03\\x04\", not \"NNPD\"");
  EXPECT_EQ(error_of({'<', 'h', 't', 'm', 'l', '>'}),
            "t.nnpd: not an .nnpd file: it starts with \"<htm\", not \"NNPD\"");
}

TEST(NnpdReader, RejectsATruncatedHeader) {
  EXPECT_EQ(error_of({}), "t.nnpd: truncated: 0 bytes, shorter than the 32-byte header");
  std::vector<std::uint8_t> b = tiny();
  b.resize(20);
  EXPECT_EQ(error_of(b), "t.nnpd: truncated: 20 bytes, shorter than the 32-byte header");
}

TEST(NnpdReader, RejectsAWrongVersionOrEncoding) {
  std::vector<std::uint8_t> b = tiny();
  put16(b, 4, 2);
  EXPECT_EQ(error_of(b), "t.nnpd: format version 2 is not supported (this reader reads version 1)");
  b = tiny();
  put16(b, 6, 7);
  EXPECT_EQ(error_of(b), "t.nnpd: unknown encoding 7 (0 = float32, 1 = uint8)");
}

TEST(NnpdReader, RejectsBadHeaderFields) {
  std::vector<std::uint8_t> b = tiny();
  put32(b, 8, 0);
  EXPECT_EQ(error_of(b), "t.nnpd: the header says 0 rows (1 to 2147483647 allowed)");
  b = tiny();
  put32(b, 12, 0xFFFFFFFFu);
  EXPECT_EQ(error_of(b), "t.nnpd: the header says 4294967295 features (1 to 2147483647 allowed)");
  b = tiny();
  put32(b, 16, 257);
  EXPECT_EQ(error_of(b), "t.nnpd: the header says 257 classes (1 to 256 allowed: labels are bytes)");
  b = tiny();
  putf(b, 20, std::nanf(""));
  EXPECT_EQ(error_of(b), "t.nnpd: the header's scale must be a finite number above 0, got nan");
  b = tiny();
  putf(b, 20, 0.0f);
  EXPECT_EQ(error_of(b), "t.nnpd: the header's scale must be a finite number above 0, got 0");
  b = tiny();
  put16(b, 24, 3);
  put16(b, 26, 3);
  EXPECT_EQ(error_of(b),
            "t.nnpd: the header says 3×3 images but 2 features (width × height must equal features, or both be 0)");
  b = tiny();
  put16(b, 24, 2);
  EXPECT_EQ(error_of(b),
            "t.nnpd: the header says 2×0 images but 2 features (width × height must equal features, or both be 0)");
  b = tiny();
  put32(b, 28, 5);
  EXPECT_EQ(error_of(b), "t.nnpd: the header's reserved bytes 28…31 must be 0, got 5");
}

TEST(NnpdReader, RejectsTruncatedFeatures) {
  std::vector<std::uint8_t> b = tiny(1);
  b.resize(32 + 4);
  EXPECT_EQ(error_of(b),
            "t.nnpd: truncated: the header says 3 rows × 2 features (6 bytes of uint8) but the file holds 4 bytes of "
            "features");
  b = tiny(0);
  b.resize(32 + 10);
  EXPECT_EQ(error_of(b),
            "t.nnpd: truncated: the header says 3 rows × 2 features (24 bytes of float32) but the file holds 10 bytes "
            "of features");
  // A huge header count is caught by the size check, not by an allocation.
  b = tiny(0);
  put32(b, 8, 2000000000u);
  put32(b, 12, 2000000000u);
  EXPECT_EQ(error_of(b),
            "t.nnpd: truncated: the header says 2000000000 rows × 2000000000 features (16000000000000000000 "
            "bytes of float32) but the file holds " +
                std::to_string(b.size() - 32) + " bytes of features");
}

TEST(NnpdReader, RejectsTruncatedLabelsAndTrailer) {
  std::vector<std::uint8_t> b = tiny(1);
  b.resize(32 + 6 + 1);
  EXPECT_EQ(error_of(b), "t.nnpd: truncated: the header says 3 labels but the file holds 1 bytes of labels");
  b.resize(32 + 6 + 3 + 2);
  EXPECT_EQ(error_of(b), "t.nnpd: truncated: the trailer's 4-byte length after the labels is missing (2 bytes left)");
  b = tiny(1);
  b.resize(b.size() - 10);
  EXPECT_EQ(error_of(b), "t.nnpd: truncated: the trailer's length says " + std::to_string(kTrailer.size()) +
                             " bytes but " + std::to_string(kTrailer.size() - 10) + " follow");
  b = tiny(1);
  b.push_back(0);
  b.push_back(0);
  EXPECT_EQ(error_of(b), "t.nnpd: 2 unexpected bytes after the trailer");
}

TEST(NnpdReader, RejectsALabelNotBelowClasses) {
  std::vector<std::uint8_t> b = tiny(1);
  b[32 + 6 + 1] = 3;
  EXPECT_EQ(error_of(b), "t.nnpd: row 1 has label 3, not below classes = 3");
  b[32 + 6 + 1] = 255;
  EXPECT_EQ(error_of(b), "t.nnpd: row 1 has label 255, not below classes = 3");
}

TEST(NnpdReader, RejectsNonFiniteFloatFeatures) {
  std::vector<std::uint8_t> b = tiny(0);
  putf(b, 32 + 4 * 3, std::numeric_limits<float>::infinity());
  EXPECT_EQ(error_of(b), "t.nnpd: feature 1 of row 1 is inf (features must be finite)");
  b = tiny(0);
  putf(b, 20, 3e38f);  // finite values, scaled past float's range
  EXPECT_EQ(error_of(b), "t.nnpd: feature 0 of row 0 is -inf (features must be finite)");
}

TEST(NnpdReader, RejectsABadTrailer) {
  EXPECT_EQ(error_of(tiny(1, "{\"name\": ")), "t.nnpd: the trailer (9 bytes) is not valid UTF-8 JSON");
  EXPECT_EQ(error_of(tiny(1, "")), "t.nnpd: the trailer (0 bytes) is not valid UTF-8 JSON");
  const std::string bad_utf8 = "{\"name\":\"\xFF\"}";
  EXPECT_EQ(error_of(tiny(1, bad_utf8)),
            "t.nnpd: the trailer (" + std::to_string(bad_utf8.size()) + " bytes) is not valid UTF-8 JSON");
  EXPECT_EQ(error_of(tiny(1, "[1, 2]")), "t.nnpd: the trailer must be a JSON object, got array");
  EXPECT_EQ(error_of(tiny(1, R"({"class_names":["a","b","c"],"source":"s","license":"l"})")),
            "t.nnpd: trailer.name is missing (a string is expected)");
  EXPECT_EQ(error_of(tiny(1, R"({"name":7,"class_names":["a","b","c"],"source":"s","license":"l"})")),
            "t.nnpd: trailer.name must be a string, got 7");
  EXPECT_EQ(error_of(tiny(1, R"({"name":"","class_names":["a","b","c"],"source":"s","license":"l"})")),
            "t.nnpd: trailer.name must not be empty");
  EXPECT_EQ(error_of(tiny(1, R"({"name":"n","source":"s","license":"l"})")),
            "t.nnpd: trailer.class_names is missing (an array of 3 strings, one per class is expected)");
  EXPECT_EQ(error_of(tiny(1, R"({"name":"n","class_names":["a","b"],"source":"s","license":"l"})")),
            "t.nnpd: trailer.class_names must be an array of 3 strings, one per class, got 2 entries");
  EXPECT_EQ(error_of(tiny(1, R"({"name":"n","class_names":"abc","source":"s","license":"l"})")),
            "t.nnpd: trailer.class_names must be an array of 3 strings, one per class, got \"abc\"");
  EXPECT_EQ(error_of(tiny(1, R"({"name":"n","class_names":["a",2,"c"],"source":"s","license":"l"})")),
            "t.nnpd: trailer.class_names[1] must be a string, got 2");
  EXPECT_EQ(
      error_of(tiny(1, R"({"name":"n","class_names":["a","b","c"],"feature_names":["x"],"source":"s","license":"l"})")),
      "t.nnpd: trailer.feature_names must be an array of 2 strings, one per feature, got 1 entries");
  EXPECT_EQ(error_of(tiny(1, R"({"name":"n","class_names":["a","b","c"],"source":"s"})")),
            "t.nnpd: trailer.license is missing (a string is expected)");
  // Unknown keys are ignored; UTF-8 names survive.
  const LabeledData d = read_nnpd(
      tiny(1, R"({"name":"n","title":"Größe","class_names":["a","b","c"],"source":"s","license":"l","notes":[1]})"),
      "t.nnpd");
  EXPECT_EQ(d.title, "Größe");
}

TEST(NnpdReader, EveryTruncationOfAShippedFileIsAnError) {
  const std::vector<std::uint8_t> full = read_file("iris.nnpd");
  ASSERT_GT(full.size(), 32u);
  for (std::size_t n = 0; n < full.size(); n += (n < 64 || n + 64 > full.size()) ? 1 : 97) {
    const std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_THROW(read_nnpd(cut, "iris.nnpd"), Error) << n << " bytes";
  }
  EXPECT_NO_THROW(read_nnpd(full, "iris.nnpd"));
  const std::vector<std::uint8_t> digits = read_file("digits.nnpd");
  const std::vector<std::uint8_t> cut(digits.begin(), digits.begin() + 32 + 1000);
  EXPECT_EQ(error_of(cut, "digits.nnpd"),
            "digits.nnpd: truncated: the header says 1797 rows × 64 features (115008 bytes of uint8) but the file "
            "holds 1000 bytes of features");
}

}  // namespace
}  // namespace nnp

#pragma once
// Reads .nnpd files: the real labelled datasets the page ships (web/public/data/, made by
// scripts/data/convert_datasets.py; format and sources in docs/datasets.md). Every field is checked
// against the buffer, so a bad or truncated file throws nnp::Error naming the file and the problem,
// e.g. "digits.nnpd: truncated: the header says 1797 rows × 64 features (115008 bytes of uint8) but
// the file holds 1000 bytes of features"; it never reads out of bounds.
//
//   std::vector<std::uint8_t> bytes = ...;              // the whole file, e.g. fetched by the page
//   nnp::LabeledData d = nnp::read_nnpd(bytes, "digits.nnpd");
//   // d.data: 1797 rows × 64 features in 0 … 1, targets = 1 (the class index), classes = 10
//   // d.class_names = {"0", …, "9"}, d.width = d.height = 8
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nnp/data.h"

namespace nnp {

struct LabeledData {
  Dataset data;  // features as stored × scale, targets = 1 holding the class index, classes = k
  std::string name;
  std::vector<std::string> class_names;  // one per class
  int width = 0, height = 0;             // images: pixel (r, c) is feature r·width + c; else 0
  // From the trailer too: empty feature_names when the file names none (the image sets).
  std::vector<std::string> feature_names;
  std::string title, source, license;
};

// `what` names the input in error messages (a file name). Throws nnp::Error on any bad input.
LabeledData read_nnpd(std::span<const std::uint8_t> bytes, std::string_view what);

// The format's constants (docs/datasets.md).
inline constexpr std::uint16_t kNnpdVersion = 1;
inline constexpr std::size_t kNnpdHeaderBytes = 32;

}  // namespace nnp

// libFuzzer target: the bytes of a .nnpd file, as datasetInfo(bytes, name) and new Trainer(config,
// {nnpd}) hand them to the engine (wasm/adapters.cpp, conversions.cpp). Seeds: the small shipped
// files (web/public/data/iris.nnpd, digits.nnpd). A refusal must start with the file's name; a file
// the reader accepts must hold rows a Trainer takes (check_supplied) and plot without reading past
// its rows.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz_check.h"
#include "nnp/error.h"
#include "nnp/nnpd.h"
#include "nnp/supplied.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using namespace nnp;
  LabeledData d;
  try {
    d = read_nnpd(std::span<const std::uint8_t>(bytes, size), "fuzz.nnpd");
  } catch (const Error& e) {
    fuzz::refused_input(e.what(), "fuzz.nnpd");
    return 0;
  }
  try {
    check_supplied(d.data, "fuzz.nnpd");
  } catch (const Error& e) {
    fuzz::fail("read_nnpd accepted rows that check_supplied refuses", e.what());
  }
  if (d.class_names.size() != static_cast<std::size_t>(d.data.classes))
    fuzz::fail("class names", std::to_string(d.class_names.size()));
  plot_points(d.data);
  return 0;
}

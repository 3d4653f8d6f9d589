#pragma once
// Checks a scene (docs/scene.schema.json; the page's document) against the catalogue and the rules
// that tie its parts together, returning every problem at once, each with the path of the field to
// change and a message that names it and says what to do. The Trainer runs the same rules on its
// typed config and throws the first problem.
//
//   for (const nnp::Problem& p : nnp::validate_scene(R"({"format": "nn-playground/scene@1", …})"))
//     std::puts(p.message.c_str());  // "optimizer.lr must be a number in [1e-06, 10], got 100"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nnp/trainer.h"

namespace nnp {

struct Problem {
  std::string path;     // "optimizer.lr", "model.layers[2].units"; "" for the scene itself
  std::string message;  // names the field and what to change
};
using Problems = std::vector<Problem>;

// The rows a scene trains on, as far as the rules need them.
struct DataShape {
  int rows = 0;      // in total (with a separate test set: the rows that give train and validation)
  int features = 0;  // raw features per row
  int classes = 0;   // 0: a regression
  bool separate_test = false;
};

// A scene as JSON text. A generated dataset's shape is known, and so is that of rows the scene
// carries (data.rows); for other supplied data (a shipped dataset, an .nnpd file) pass its shape to
// check the model, loss and split against it, or leave it out to leave those checks to the Trainer.
Problems validate_scene(std::string_view scene_json, const std::optional<DataShape>& supplied = std::nullopt);

// The rules of a training config that need no data: mixup against the loss.
void check_training(const TrainerConfig& c, Problems& out);
// The rules that tie a config to its data: the split leaves no set empty, data.features only for
// 2-D data, model.inputs, the loss and the output layer for the task, signedLabels, dropLast.
void check_against_data(const TrainerConfig& c, const DataShape& shape, Problems& out);
// The same once the data is split (the Trainer): everything but the split, with its training rows.
void check_against_data(const TrainerConfig& c, const DataShape& shape, int train_rows, Problems& out);
// Throws the first problem's message as an nnp::Error; nothing when there is none.
void throw_first(const Problems& problems);

}  // namespace nnp

#pragma once
// Classification metrics on network outputs [rows, cols]: one output is class 1 when it passes a
// threshold (0.5 for probabilities, 0 for logits); several outputs pick the argmax. Targets are
// class indices (or 0/1 labels, or one probability row per sample for soft targets).
//
//   std::vector<int> cm = nnp::confusion_matrix(outputs, targets, 0.5f);   // classes × classes
//   double acc = nnp::accuracy(outputs, targets, 0.5f);
#include <vector>

#include "nnp/tensor.h"

namespace nnp {

// The class a row of outputs predicts.
int predicted_class(const Tensor& outputs, int row, float threshold);
// The class a row of targets names: the index, the 0/1 label, or the argmax of a probability row.
int target_class(const Tensor& targets, int row);
// Number of classes the outputs distinguish: 2 for one output, else the number of outputs.
int class_count(const Tensor& outputs);
double accuracy(const Tensor& outputs, const Tensor& targets, float threshold);
// counts[actual · classes + predicted], accumulated into `counts` (classes × classes entries).
void confusion_matrix(const Tensor& outputs, const Tensor& targets, float threshold, std::vector<int>& counts);

}  // namespace nnp

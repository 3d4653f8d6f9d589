#pragma once
// Reads specs from JSON in the vocabulary of parity fixtures (../shared/docs/parity-format.md) and
// scenes: torch class names with their keyword arguments. Every error names the field, e.g.
// "optimizer.betas[1] must be in [0, 1), got 1".
//
//   nnp::LearnerSpec s = nnp::learner_spec_from_json(R"({"model": {"inputs": 2, "layers":
//       [{"units": 1, "activation": {"name": "Sigmoid"}}]}, "loss": {"name": "BCELoss"},
//       "optimizer": {"name": "SGD", "lr": 0.1}})");
#include <string>
#include <string_view>

#include "nnp/json.h"
#include "nnp/spec.h"
#include "nnp/trainer.h"

namespace nnp {

// Keys: model, loss, optimizer, scheduler (null or object), clip_grad_norm, clip_grad_value, l1,
// init. Other top-level keys are ignored (fixtures carry parameters and steps beside them).
LearnerSpec learner_spec_from_json(std::string_view json);
LearnerSpec learner_spec_from(const Json& spec);
// The learner's keys plus seed, data {name, samples, noise, trainFraction} and batchSize.
TrainerConfig trainer_config_from_json(std::string_view json);
// The same from a parsed document (validate_scene reads the scene once).
TrainerConfig trainer_config_from(const Json& config);
// One optimiser or scheduler ({"name": "Adam", "lr": 0.01, …}); errors name `path` ("racers[1]").
OptimizerSpec optimizer_spec_from(const Json& j, const std::string& path);
SchedulerSpec scheduler_spec_from(const Json& j, const std::string& path);

}  // namespace nnp

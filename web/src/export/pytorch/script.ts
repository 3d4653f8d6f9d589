// Export to PyTorch: a saved model (scene + the page's parameters) and the run's position become
// one runnable Python script that continues the page's training in torch — the same network,
// loss, optimiser, schedule and regularisation, the same data, split and batch order, the page's
// parameters loaded at the step where it stopped. Pure: text in, text out (no DOM, no wasm).
//
//   const text = pytorchScript(await client.saveModel(), { step: progress.step });
import { SUPPLIED, type Scene } from '../../scene/types.ts';
import { CATALOGUE, entryOf } from '../../scene/engine-catalogue.ts';
import type { SavedModel } from '../../model.ts';
import { augmentationSection, augments } from './augmentation.ts';
import { dataConstants, dataSection, suppliedClasses, type ExportRows } from './data.ts';
import { learnerSection, networkSection } from './network.ts';
import { pyList, pyString } from './python.ts';
import { RNG_SECTION } from './rng.ts';
import { trainingConstants, trainingSection } from './training.ts';

export type { ExportRows } from './data.ts';

/** Where the page's run is: optimiser steps taken so far (Progress.step). */
export interface RunPosition {
  step: number;
}

/** What the page does that torch cannot say in its own words, said in the script. */
const NOT_TORCH = `# What torch cannot express exactly, and what this script does instead:
# - torch's random generator cannot replay the page's draws: the data, the split, the batch order,
#   the dropout masks and the initial weights come from the engine's PCG32, written out below
#   (a DataLoader would draw another order; nn.Dropout other masks).
# - "Shuffle" off keeps the split's order every epoch (TF Playground's fixed order): a list of
#   rows here, where DataLoader(shuffle=False) would take the rows as the file has them.
# - A saved model holds the parameters, not the optimiser's state: the script rebuilds it by
#   replaying the page's steps (REPLAY), with the scene's settings as they are now — a learning
#   rate, L1 or dropout changed while the page was training is replayed at its new value.
# - The engine sums the L1 term and the losses in double, torch in float32: the numbers agree to
#   float32 rounding (the export's test holds them to 1e-5 + 1e-4 * |value|).
# - Evaluation of an ensemble averages the members' losses; the page scores the mean of their
#   probabilities. Early stopping counts evaluations from where the script starts.`;

const IMPORTS = `import argparse
import json
import math
import warnings

import torch
from torch import nn

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
`;

/** A name for the downloaded files: "nn-playground-circle", "nn-playground-mnist". */
export function exportBaseName(scene: Scene): string {
  const d = scene.data;
  const name = d.name === SUPPLIED ? (d.dataset ?? 'data') : d.name;
  return `nn-playground-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

function describeScene(scene: Scene): string {
  const sizes = [scene.model.inputs, ...scene.model.layers.map((l) => l.units)].join('-');
  const d = scene.data;
  const data = d.name === SUPPLIED ? (d.dataset ?? d.rows?.source ?? 'supplied rows') : d.name;
  return `${data}, a ${sizes} network, ${scene.loss.name}, ${scene.optimizer.name}`;
}

function classification(scene: Scene, rows?: ExportRows): boolean {
  const d = scene.data;
  if (d.name === SUPPLIED) return suppliedClasses(scene, rows) > 0;
  return entryOf(CATALOGUE.datasets, d.name).task === 'classification';
}

function parametersSection(model: SavedModel): string {
  const members = model.parameters.map((record) => {
    const entries = Object.entries(record).map(
      ([name, values]) => `        ${pyString(name)}: ${pyList(values, '        ')},`,
    );
    return `    {\n${entries.join('\n')}\n    },`;
  });
  return `# %%
# ---- The page's parameters -------------------------------------------------------------------
# Where the page stopped, by torch name (one record per ensemble member): float32 values written
# exactly, loaded at step STEP.
PARAMETERS = [
${members.join('\n')}
]
`;
}

/**
 * The Python script for a saved model at `position`. A scene on supplied rows that it does not
 * carry itself (a shipped dataset, a large CSV) needs them as `rows`. Throws naming what is missing.
 */
export function pytorchScript(model: SavedModel, position: RunPosition, rows?: ExportRows): string {
  const scene = model.scene;
  if (!Number.isInteger(position.step) || position.step < 0) {
    throw new Error(`the run's step must be a whole number >= 0, got ${position.step}`);
  }
  const header = `#!/usr/bin/env python3
"""nn-playground, exported to PyTorch: ${describeScene(scene)}.

Continues the page's training from step ${position.step}: the same network, loss, optimiser,
schedule, regularisation, data, split and batch order, starting from the page's parameters.
Runs on CUDA when there is one, else on the CPU.

    python3 ${exportBaseName(scene)}.py                     # one more epoch
    python3 ${exportBaseName(scene)}.py --steps 100 --report run.json
"""
`;
  const constants = [
    '# %%',
    '# ---- The scene: every setting of the page, named as there --------------------------------------',
    `SEED = ${scene.seed}  # Data panel: seed (data, split, initial weights, dropout, batch order)`,
    `STEP = ${position.step}  # optimiser steps the page had taken (Training panel: step)`,
    ...dataConstants(scene),
    `CLASSIFICATION = ${classification(scene, rows) ? 'True' : 'False'}`,
    ...trainingConstants(scene),
    '',
  ].join('\n');
  const augmented = augments(scene);
  return [
    header,
    `${NOT_TORCH}\n`,
    IMPORTS,
    constants,
    RNG_SECTION,
    dataSection(scene, rows),
    networkSection(scene),
    learnerSection(scene),
    ...(augmented ? [augmentationSection(scene)] : []),
    parametersSection(model),
    trainingSection(augmented),
  ].join('\n');
}

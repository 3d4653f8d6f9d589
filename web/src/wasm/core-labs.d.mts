// Types of core-labs.mjs (scripts/build-wasm.sh): the labs' engine, built from wasm/lab_bindings.cpp
// and wasm/lab_adapters.cpp (only what the teaching labs call; web/src/labs/lab-engine.ts loads
// it). Keep in step with them; web/test/core-labs.test.ts exercises every binding.
import type { CoreOptions, DatasetName, LearnerSpec } from './core.mjs';

/** Points for a lab: x [n × 2] row-major, y [n] class labels 0/1. */
export interface LabPoints {
  x: Float32Array;
  y: Float32Array;
}

/** One layer's figures after a measured step (NaN where a figure does not apply). */
export interface LayerFlow {
  /** ‖∂L/∂W‖ on the step's batch, before any clipping. */
  weightGradNorm: number;
  biasGradNorm: number;
  /** ‖Δw‖/‖w‖ of the step's update (NaN when w was all zero). */
  updateRatio: number;
  /** Share of sigmoid/tanh outputs near a bound (NaN for other activations). */
  saturated: number;
  /** Share of ReLU units zero on every sample of the batch (NaN for other activations). */
  dead: number;
  /** Counts of the layer's outputs in equal bins over [lo, hi] (outliers in the end bins). */
  histogram: Int32Array;
  lo: number;
  hi: number;
}

export interface FlowProgress {
  /** The last step's batch loss. */
  loss: number;
  /** Steps taken so far. */
  steps: number;
  /** The loss or a gradient stopped being finite; the run takes no more steps. */
  diverged: boolean;
  /** The engine's message when diverged ('' otherwise). */
  message: string;
}

/** A network trained on a generated 2-D set, each layer measured (nnp::GradientFlow). */
export interface GradientFlow {
  /** Up to `steps` (0 … 10,000) steps on the next mini-batches, the last one measured. */
  run(steps: number): FlowProgress;
  /** The last measured step's figures, one record per layer (output layer last). */
  layers(): LayerFlow[];
  /** How many units of a layer differ bit for bit in their weights and bias. */
  distinctUnits(layer: number): number;
  /** A parameter by torch name ("0.weight" [out, in] row-major, "0.bias"), a copy. */
  parameter(name: string): Float32Array;
  steps(): number;
  delete(): void;
}

export interface PerceptronStep {
  /** The row of the data shown. */
  sample: number;
  /** Its place in the epoch's order. */
  position: number;
  predicted: number;
  label: number;
  mistake: boolean;
  /** The update made: lr·t·x and lr·t (zero without a mistake). */
  deltaW: number[];
  deltaB: number;
  /** This sample closed an epoch. */
  epochEnd: boolean;
}

/** Rosenblatt's rule on the lab's points, one sample at a time (fixed order). */
export interface Perceptron {
  step(): PerceptronStep;
  /** Finishes the epoch under way (or runs a whole one); its mistakes. */
  epoch(): number;
  weights(): number[];
  bias(): number;
  mistakesPerEpoch(): Int32Array;
  converged(): boolean;
  /** The weights at an epoch's end came back to an earlier epoch's end. */
  cycling(): boolean;
  /** Epochs in the cycle (0 until one is found). */
  cycleLength(): number;
  epochs(): number;
  /** Samples shown so far in the epoch under way. */
  position(): number;
  accuracy(): number;
  delete(): void;
}

/** A small network trained full-batch on the lab's points. */
export interface Network {
  /** `steps` (1 … 10,000) full-batch steps; the last loss. */
  train(steps: number): number;
  /** Outputs for points x [m × inputs]. */
  predict(x: Float32Array): Float32Array;
  steps(): number;
  delete(): void;
}

/** A leaf of an expression: its value and whether it requires a gradient (a parameter). */
export interface ExplorerLeaf {
  name: string;
  value: number;
  requiresGrad: boolean;
}

/** A node of the tape the engine recorded for an expression. */
export interface ExplorerNode {
  /** Position on the tape (recording order, a topological order). */
  id: number;
  /** The tape's op: "leaf", "constant", "add", "sub", "mul", "div", "mul_scalar", "pow", "tanh", "bceloss", … */
  op: string;
  /** What the graph shows: a leaf's name, a number, "+", "−", "×", "÷", "neg", "^2", "tanh", … */
  label: string;
  /** The input nodes' ids. */
  inputs: Int32Array;
  value: number;
  requiresGrad: boolean;
  /** Whether a gradient has arrived (a leaf's: its accumulated .grad). */
  hasGrad: boolean;
  grad: number;
  /** Where the node starts in the expression, from 1 (0: none). */
  column: number;
}

/** One input of a step: the op's local derivative and the chain rule's product. */
export interface ExplorerStepInput {
  /** The input node's id. */
  input: number;
  /** ∂node/∂input (the op's backward rule run with upstream 1). */
  local: number;
  /** Whether the input requires a gradient (else nothing is added to it). */
  receives: boolean;
  /** upstream × local: what was added to the input's gradient. */
  contribution: number;
  /** The input's gradient after the addition. */
  gradAfter: number;
}

/** What one step of the backward pass did. */
export interface ExplorerStep {
  /** The node processed; −1: nothing to propagate. */
  node: number;
  /** ∂output/∂node, complete when its turn comes. */
  upstream: number;
  inputs: ExplorerStepInput[];
  /** This was the pass's last node. */
  passDone: boolean;
}

/** An expression on the engine's tape (core/include/nnp/autograd_explorer.h). Call delete(). */
export interface AutogradExplorer {
  /** Every leaf in order of first appearance, with its settings. */
  leaves(): ExplorerLeaf[];
  nodes(): ExplorerNode[];
  /** The output node's id. */
  output(): number;
  /** The forward value. */
  value(): number;
  /** Finishes the pass in progress, or runs a whole one; leaves' gradients accumulate. */
  backward(): void;
  /** Processes the next node (a new pass starts when none is in progress). */
  step(): ExplorerStep;
  /** The node step() processes next; −1: no pass in progress. */
  nextNode(): number;
  /** The leaves' gradients to zero. */
  zeroGrad(): void;
  /** Every leaf's accumulated gradient (0 for constants). */
  leafGrads(): Float32Array;
  /** Central differences per leaf: the float32 forward at v ± finiteDifferenceStep, in double. */
  finiteDifferences(): Float64Array;
  delete(): void;
}

/** checkExpression's answer: the leaves, or the first mistake. */
export interface ExpressionCheck {
  /** The leaves with their settings as the explorer takes them (empty after a mistake). */
  leaves: ExplorerLeaf[];
  /** The mistake's message ("column 7: expected ')' …"), or "". */
  error: string;
  /** The mistake's column, from 1; 0: none, or no column. */
  column: number;
}

export interface ExpressionFunction {
  name: string;
  minArgs: number;
  maxArgs: number;
}

/** A torch.optim optimiser by class name and keyword arguments ({name: 'Adam', lr: 0.05, betas: [0.9, 0.999]}). */
export interface RaceOptimizer {
  name: 'SGD' | 'Adagrad' | 'RMSprop' | 'Adam' | 'AdamW';
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weight_decay?: number;
  alpha?: number;
  eps?: number;
  betas?: [number, number];
  amsgrad?: boolean;
}

/** A torch.optim.lr_scheduler by class name and keyword arguments. */
export interface RaceScheduler {
  name: 'StepLR' | 'ExponentialLR' | 'CosineAnnealingLR' | 'LinearLR';
  [arg: string]: number | string;
}

/** What OptimiserRace is built from (core/include/nnp/optimiser_race.h, race_spec_from_json). */
export interface RaceSettings {
  /** f(x, y) in the labs' grammar ("(1 - x)^2 + 100*(y - x^2)^2"). */
  expression: string;
  start: [number, number];
  racers: RaceOptimizer[];
  scheduler?: RaceScheduler | null;
  /** Std of the Gaussian noise added to each gradient component (0: none). */
  gradient_noise?: number;
  seed?: number;
}

/** torch.optim's per-parameter state by its state_dict names, [for x, for y]; only what the rule keeps. */
export interface RacerOptimizerState {
  momentum_buffer?: [number, number];
  sum?: [number, number];
  square_avg?: [number, number];
  grad_avg?: [number, number];
  exp_avg?: [number, number];
  exp_avg_sq?: [number, number];
  max_exp_avg_sq?: [number, number];
}

/** A racer now: its position, f and gradient there (without noise), its lr and state. */
export interface RacerSnapshot {
  x: number;
  y: number;
  f: number;
  gradX: number;
  gradY: number;
  gradNorm: number;
  lr: number;
  steps: number;
  diverged: boolean;
  /** "diverged at step N: …" once it has, else ''. */
  message: string;
  state: RacerOptimizerState;
}

export interface OptimiserRace {
  /** Every racer still running takes `steps` steps; throws Error for a count outside [0, 100000]. */
  run(steps: number): void;
  racers(): number;
  racer(i: number): RacerSnapshot;
  /** [x₀, y₀, x₁, y₁, …]: the start and every step's position (a copy). */
  trajectory(i: number): Float32Array;
  /** f before each step (a copy). */
  losses(i: number): Float32Array;
  delete(): void;
}

export interface SurfaceParameter {
  name: string;
  label: string;
  min: number;
  max: number;
  value: number;
}

/** One of the engine's loss surfaces (core/src/labs/loss_surfaces.cpp). */
export interface LossSurface {
  id: string;
  title: string;
  /** With "{k}" where the parameter goes (surfaceExpression fills it in). */
  expression: string;
  parameter: SurfaceParameter | null;
  box: { xMin: number; xMax: number; yMin: number; yMax: number };
  start: [number, number];
  minima: [number, number][];
  /** One sentence: what to look for. */
  lesson: string;
}

export interface LabsCoreModule {
  /** The SIMD architecture the module was built for ("wasm32 SIMD128"). */
  simdArch(): string;
  /** Throws an Error with the engine's message for a bad expression or leaf. */
  AutogradExplorer: new (source: string, leaves: readonly ExplorerLeaf[]) => AutogradExplorer;
  checkExpression(source: string, leaves: readonly ExplorerLeaf[]): ExpressionCheck;
  /** The functions an expression may call. */
  expressionFunctions(): ExpressionFunction[];
  /** The finite differences' step h. */
  readonly finiteDifferenceStep: number;
  /** A generated two-class 2-D set, standardised, snapped to multiples of `grid` (0: not snapped;
   *  a negative or non-finite grid throws). */
  labPoints(
    name: DatasetName,
    samples: number,
    noise: number,
    seed: number,
    grid: number,
  ): LabPoints;
  GradientFlow: new (
    spec: LearnerSpec | string,
    data: { name: DatasetName; samples: number; noise: number },
    batch: number,
    seed: number,
  ) => GradientFlow;
  Perceptron: new (x: Float32Array, y: Float32Array, lr: number) => Perceptron;
  Network: new (
    spec: LearnerSpec | string,
    x: Float32Array,
    y: Float32Array,
    seed: number,
  ) => Network;
  /** Throws Error naming the field (or the expression's column) for bad settings. */
  OptimiserRace: new (settings: RaceSettings | string) => OptimiserRace;
  lossSurfaces(): LossSurface[];
  /** The surface's expression with its parameter set to k. */
  surfaceExpression(id: string, k: number): string;
  /** f on a res × res grid, row-major from (xMin, yMin), x fastest; overflow is Infinity. */
  surfaceGrid(
    expression: string,
    res: number,
    xMin: number,
    xMax: number,
    yMin: number,
    yMax: number,
  ): Float32Array;
}

export default function createLabsCore(options?: CoreOptions): Promise<LabsCoreModule>;

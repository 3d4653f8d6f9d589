// Types of core-labs.mjs (scripts/build-wasm.sh): the labs' engine, built from wasm/lab_bindings.cpp
// (only what the teaching labs call; web/src/labs/lab-engine.ts loads it). Keep in step with it.
import type { CoreOptions } from './core.mjs';

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

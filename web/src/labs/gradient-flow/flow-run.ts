// One side of a preset: the engine's GradientFlow run and the history of its measured steps (the
// engine's figures, kept for the charts). Training happens in slices the caller times, so the
// page's frame stays short (index.ts).
import type { GradientFlow, LabsCoreModule, LayerFlow } from '../../wasm/core-labs.mjs';
import { BATCH, DATA, SEED, type Side } from './presets.ts';

/**
 * Steps between two measured points of the charts: one epoch of the data (200 samples, batches of
 * 20), so every point is measured on the same batch and the lines show the trend, not the batches.
 */
export const STEPS_PER_POINT = 10;
/** A run stops here: the story of every preset is told well before. */
export const MAX_STEPS = 1500;

export class FlowRun {
  private readonly flow: GradientFlow;
  /** The step of each measured point. */
  readonly steps: number[] = [];
  readonly losses: number[] = [];
  /** Per layer, per point: ‖∂L/∂W‖ and ‖Δw‖/‖w‖. */
  readonly gradNorms: number[][];
  readonly updateRatios: number[][];
  latest: LayerFlow[] = [];
  diverged: string | null = null;

  constructor(
    engine: LabsCoreModule,
    readonly side: Side,
  ) {
    this.flow = new engine.GradientFlow(side.spec, DATA, BATCH, SEED);
    const layers = side.spec.model.layers.length;
    this.gradNorms = Array.from({ length: layers }, () => []);
    this.updateRatios = Array.from({ length: layers }, () => []);
  }

  get done(): boolean {
    return this.diverged !== null || this.stepCount >= MAX_STEPS;
  }

  get stepCount(): number {
    return this.steps.at(-1) ?? 0;
  }

  /** Trains to the next measured point and records it. */
  advance(): void {
    if (this.done) return;
    const progress = this.flow.run(STEPS_PER_POINT);
    if (progress.diverged) {
      this.diverged = progress.message;
      return;
    }
    this.latest = this.flow.layers();
    this.steps.push(progress.steps);
    this.losses.push(progress.loss);
    this.latest.forEach((layer, l) => {
      this.gradNorms[l]!.push(layer.weightGradNorm);
      this.updateRatios[l]!.push(layer.updateRatio);
    });
  }

  distinctUnits(layer: number): number {
    return this.flow.distinctUnits(layer);
  }

  parameter(name: string): Float32Array {
    return this.flow.parameter(name);
  }

  dispose(): void {
    this.flow.delete();
  }
}

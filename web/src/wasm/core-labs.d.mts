// Types of core-labs.mjs (scripts/build-wasm.sh): the labs' engine, built from wasm/lab_bindings.cpp
// (only what the teaching labs call; web/src/labs/lab-engine.ts loads it). Keep in step with it.
import type { CoreOptions } from './core.mjs';

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
}

export default function createLabsCore(options?: CoreOptions): Promise<LabsCoreModule>;

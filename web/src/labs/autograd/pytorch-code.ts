// The PyTorch code for what the explorer shows: the leaves as tensors, the expression in Python
// (text only: "^" as "**", the grammar's functions by their torch names), and the calls made so far.
import type { ExplorerLeaf } from '../../wasm/core-labs.mjs';

/** The grammar's functions (core/src/expr/parse.cpp) as torch spells them. */
const TORCH_NAMES: Readonly<Record<string, string>> = {
  exp: 'torch.exp',
  log: 'torch.log',
  sqrt: 'torch.sqrt',
  abs: 'torch.abs',
  sin: 'torch.sin',
  cos: 'torch.cos',
  tanh: 'torch.tanh',
  sigmoid: 'torch.sigmoid',
  relu: 'torch.relu',
  leaky_relu: 'F.leaky_relu',
  gelu: 'F.gelu',
  silu: 'F.silu',
  softplus: 'F.softplus',
  mse: 'F.mse_loss',
  bce: 'F.binary_cross_entropy',
  bce_with_logits: 'F.binary_cross_entropy_with_logits',
  max: 'torch.maximum',
  min: 'torch.minimum',
};

/** What the student did since the explorer was (re)built, in order. */
export type Action = 'backward' | 'zero_grad' | 'step';

function pythonNumber(v: number): string {
  const s = String(Math.fround(v) === v ? Number(v.toPrecision(7)) : v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** The expression as Python: `^` → `**`, function names → torch's. */
export function toPython(expression: string): string {
  return expression
    .replace(/\^/g, '**')
    .replace(/\b([A-Za-z_]\w*)(\s*\()/g, (all, name: string, paren: string) => {
      const torchName = TORCH_NAMES[name];
      return torchName === undefined ? all : torchName + paren;
    });
}

/** The script: leaves, the expression, then each action (a partial pass noted as such). */
export function pytorchCode(
  expression: string,
  leaves: readonly ExplorerLeaf[],
  actions: readonly Action[],
): string {
  const lines = ['import torch', 'import torch.nn.functional as F', ''];
  for (const l of leaves) {
    const grad = l.requiresGrad ? ', requires_grad=True' : '';
    lines.push(`${l.name} = torch.tensor(${pythonNumber(l.value)}${grad})`);
  }
  lines.push('', `out = ${toPython(expression)}`);
  const params = leaves.filter((l) => l.requiresGrad).map((l) => l.name);
  const show = params.length > 0 ? `print(${params.map((n) => `${n}.grad`).join(', ')})` : '';
  let steps = 0;
  const flushSteps = () => {
    if (steps > 0) lines.push(`# … ${steps} node(s) of a backward pass processed (Step backward)`);
    steps = 0;
  };
  for (const a of actions) {
    if (a === 'step') {
      steps++;
      continue;
    }
    if (a === 'backward') {
      steps = 0;
      lines.push('out.backward(retain_graph=True)  # .grad accumulates: += ∂out/∂leaf');
      if (show) lines.push(show);
    } else {
      flushSteps();
      if (!lines.some((l) => l.startsWith('out.backward')))
        lines.push('# zero_grad: each .grad is still None');
      else for (const n of params) lines.push(`${n}.grad.zero_()`);
    }
  }
  flushSteps();
  if (!actions.includes('backward'))
    lines.push('# out.backward()  ← press Backward (or Step backward)');
  return lines.join('\n');
}

// The PyTorch loop equivalent to one racer on screen (issue 15, part 3): the surface as a Python
// function, the parameter with requires_grad=True, torch.optim's class with the racer's keyword
// arguments, the schedule and the noise — what the engine runs, written for the course's labs.
import type { RaceOptimizer, RaceScheduler } from '../../wasm/core-labs.mjs';

/** The grammar's functions under their torch names (the others are torch.<name>). */
const TORCH_NAMES: Record<string, string> = {
  relu: 'torch.relu',
  sigmoid: 'torch.sigmoid',
  leaky_relu: 'torch.nn.functional.leaky_relu',
  gelu: 'torch.nn.functional.gelu',
  silu: 'torch.nn.functional.silu',
  softplus: 'torch.nn.functional.softplus',
  max: 'torch.maximum',
  min: 'torch.minimum',
};

/** The expression in Python: ^ becomes **, a function call its torch function. */
export function pythonExpression(expression: string): string {
  return expression
    .replace(/\^/g, '**')
    .replace(
      /\b([A-Za-z_]\w*)\s*\(/g,
      (_, name: string) => `${TORCH_NAMES[name] ?? `torch.${name}`}(`,
    );
}

function pythonValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return `(${v.map(pythonValue).join(', ')})`;
  return String(v);
}

function keywordArgs(o: RaceOptimizer | RaceScheduler): string {
  return Object.entries(o)
    .filter(([k]) => k !== 'name')
    .map(([k, v]) => `${k}=${pythonValue(v)}`)
    .join(', ');
}

export interface CodeInput {
  expression: string;
  start: [number, number];
  optimizer: RaceOptimizer;
  scheduler: RaceScheduler | null;
  noise: number;
  steps: number;
}

export function pytorchCode(c: CodeInput): string {
  const lines = [
    'import torch',
    '',
    'def f(x, y):',
    `    return ${pythonExpression(c.expression)}`,
    '',
    `p = torch.tensor([${c.start[0]}, ${c.start[1]}], requires_grad=True)`,
    `opt = torch.optim.${c.optimizer.name}([p], ${keywordArgs(c.optimizer)})`,
  ];
  if (c.scheduler)
    lines.push(
      `sched = torch.optim.lr_scheduler.${c.scheduler.name}(opt, ${keywordArgs(c.scheduler)})`,
    );
  if (c.noise > 0) lines.push('torch.manual_seed(0)  # the noise differs from the lab’s draws');
  lines.push(
    `for step in range(${Math.max(1, c.steps)}):`,
    '    opt.zero_grad()',
    '    loss = f(p[0], p[1])',
    '    loss.backward()',
  );
  if (c.noise > 0)
    lines.push(`    p.grad += ${c.noise} * torch.randn(2)  # gradient noise, like a mini-batch's`);
  lines.push('    opt.step()');
  if (c.scheduler) lines.push('    sched.step()');
  lines.push('print(p.detach(), loss.item())');
  return lines.join('\n');
}

// The autograd explorer (issue 15): type an expression, set its leaves, and watch the engine's
// tape — backward whole or one node at a time, the chain rule written out with the engine's
// numbers, finite differences beside the gradients, and the same thing in PyTorch. Every number
// comes from the labs' module (core-labs.wasm: nnp::AutogradExplorer); this file only draws.
import '../../styles/autograd.css';
import type {
  AutogradExplorer,
  ExplorerLeaf,
  ExplorerNode,
  ExplorerStep,
  LabsCoreModule,
} from '../../wasm/core-labs.mjs';
import { labEngine } from '../lab-engine.ts';
import type { LabContext, MountedLab } from '../lab.ts';
import { EXAMPLES } from './examples.ts';
import { drawGraph } from './graph-view.ts';
import { pytorchCode, type Action } from './pytorch-code.ts';

/** Six significant digits, trailing zeros dropped: what the tables and the graph show. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Leaves in the link: `name:value` for a parameter, `name:value:c` for a constant, `;` between. */
function leavesToLink(leaves: readonly ExplorerLeaf[]): string {
  return leaves
    .map((l) => `${l.name}:${formatNumber(l.value)}${l.requiresGrad ? '' : ':c'}`)
    .join(';');
}
function leavesFromLink(text: string | null): ExplorerLeaf[] {
  if (text === null) return [];
  const out: ExplorerLeaf[] = [];
  for (const part of text.split(';')) {
    const [name, value, flag] = part.split(':');
    const v = Number(value);
    if (name && Number.isFinite(v)) out.push({ name, value: v, requiresGrad: flag !== 'c' });
  }
  return out;
}

function labelOf(nodes: readonly ExplorerNode[], id: number): string {
  const n = nodes[id];
  if (n === undefined) return '?';
  return n.op === 'leaf' || n.op === 'constant' ? n.label : `node ${id} (${n.label})`;
}

export function mountLab(root: HTMLElement, context: LabContext): Promise<MountedLab> {
  return labEngine().then((labs) => mount(root, context, labs));
}

function mount(root: HTMLElement, context: LabContext, labs: LabsCoreModule): MountedLab {
  const first = EXAMPLES[0]!;
  let source = context.link.initial.get('expr') ?? first.expression;
  let settings = context.link.initial.has('expr')
    ? leavesFromLink(context.link.initial.get('leaves'))
    : first.leaves;
  let explorer: AutogradExplorer | null = null;
  let actions: Action[] = [];
  let lastStep: ExplorerStep | null = null;
  let lastStepNodes: ExplorerNode[] = [];
  let passes = 0; // complete backward passes since the last zero_grad (or the start)

  // ---- markup ---------------------------------------------------------------------------------
  const title = el('h1', { class: 'lab-title' }, 'Autograd explorer');
  const intro = el(
    'p',
    { class: 'ag-intro' },
    'Type an expression: the engine records each operation as a node of a graph (the forward pass). ' +
      'Backward walks the graph from the output to the leaves, multiplying each node’s gradient by the local derivative of its operation (the chain rule).',
  );
  const exprLabel = el('label', { for: 'ag-expr' }, 'Expression');
  const exprInput = el('input', {
    id: 'ag-expr',
    type: 'text',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'ag-error ag-help',
  });
  exprInput.value = source;
  const caret = el('div', { class: 'ag-caret', 'aria-hidden': 'true' });
  const error = el('p', { id: 'ag-error', class: 'ag-error', role: 'alert' });
  const help = el(
    'p',
    { id: 'ag-help', class: 'ag-help' },
    `Operators + − * / ^ (the exponent a number), parentheses, and ${labs
      .expressionFunctions()
      .map((f) => f.name)
      .join(', ')}. Any other name is a leaf.`,
  );
  const exampleLabel = el('label', { for: 'ag-example' }, 'Examples');
  const exampleSelect = el('select', { id: 'ag-example' });
  exampleSelect.append(el('option', { value: '' }, 'Pick an example…'));
  EXAMPLES.forEach((e, i) =>
    exampleSelect.append(el('option', { value: String(i) }, `${e.title}: ${e.expression}`)),
  );

  const leafTable = el('table', { class: 'ag-leaves' });
  const leafCaption = el('caption', {}, 'Leaves');
  const leafHead = el('thead');
  const headRow = el('tr');
  for (const h of [
    'leaf',
    'value',
    'requires_grad',
    '.grad',
    'finite difference',
    '|.grad − finite difference|',
  ])
    headRow.append(el('th', { scope: 'col' }, h));
  leafHead.append(headRow);
  const leafBody = el('tbody');
  leafTable.append(leafCaption, leafHead, leafBody);
  const fdNote = el(
    'p',
    { class: 'ag-note' },
    `Finite difference: (f(v + h) − f(v − h)) / 2h with h = ${labs.finiteDifferenceStep}, each f the engine's float32 forward pass.`,
  );
  const accumulateNote = el('p', { class: 'ag-note ag-accumulate' });

  const buttons = el('div', { class: 'ag-buttons', role: 'group', 'aria-label': 'Backward pass' });
  const backwardButton = el('button', { type: 'button', id: 'ag-backward' }, 'Backward');
  const stepButton = el('button', { type: 'button', id: 'ag-step' }, 'Step backward');
  const zeroButton = el('button', { type: 'button', id: 'ag-zero' }, 'zero_grad');
  const resetButton = el('button', { type: 'button', id: 'ag-reset' }, 'Reset');
  buttons.append(backwardButton, stepButton, zeroButton, resetButton);
  const output = el('p', { class: 'ag-output', 'aria-live': 'polite' });

  const graphFigure = el('figure', { class: 'ag-graph' });
  const graphSvg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  graphSvg.setAttribute('role', 'img');
  graphSvg.setAttribute('aria-label', 'The computation graph the engine recorded');
  graphFigure.append(
    graphSvg,
    el(
      'figcaption',
      {},
      'Leaves on the left (blue: requires_grad, grey: constants), the output on the right. Each node: its operation, = its value, and its gradient ∂out/∂node once it has arrived. Orange: the node the next step processes; green: the one just processed.',
    ),
  );

  const chain = el('section', { class: 'ag-chain', 'aria-live': 'polite' });
  const chainTitle = el('h2', {}, 'Chain rule, last step');
  const chainBody = el('div', { id: 'ag-chain' });
  chain.append(chainTitle, chainBody);

  const code = el('section', { class: 'ag-code' });
  const codePre = el('pre', { id: 'ag-pytorch' });
  code.append(el('h2', {}, 'The same in PyTorch'), codePre);

  const fieldRow = el('div', { class: 'ag-field' });
  const exprBox = el('div', { class: 'ag-expr-box' });
  exprBox.append(exprInput, caret);
  fieldRow.append(exprLabel, exprBox, exampleLabel, exampleSelect);
  const left = el('div', { class: 'ag-left' });
  left.append(leafTable, fdNote, accumulateNote);
  const right = el('div', { class: 'ag-right' });
  right.append(chain, code);
  const columns = el('div', { class: 'ag-columns' });
  columns.append(left, right);
  root.append(title, intro, fieldRow, error, help, buttons, output, graphFigure, columns);

  // ---- state → screen -------------------------------------------------------------------------
  function writeLink() {
    context.link.write(new URLSearchParams({ expr: source, leaves: leavesToLink(settings) }));
  }

  let errorColumn = 0;
  function showError(message: string, column: number) {
    errorColumn = column;
    error.textContent = message;
    error.hidden = message === '';
    exprInput.setAttribute('aria-invalid', message === '' ? 'false' : 'true');
    caret.textContent = column > 0 ? `${' '.repeat(column - 1)}^` : '';
  }

  function renderLeaves() {
    const ex = explorer;
    if (ex === null) return;
    const leaves = ex.leaves();
    const grads = ex.leafGrads();
    const fd = ex.finiteDifferences();
    const hadBackward = actions.some((a) => a === 'backward' || a === 'step');
    leafBody.replaceChildren();
    leaves.forEach((leaf, i) => {
      const row = el('tr', { 'data-leaf': leaf.name });
      const valueInput = el('input', {
        type: 'number',
        step: 'any',
        'aria-label': `value of ${leaf.name}`,
        class: 'ag-leaf-value',
      });
      valueInput.value = formatNumber(leaf.value);
      valueInput.addEventListener('change', () => {
        const v = Number(valueInput.value);
        if (valueInput.value.trim() === '' || !Number.isFinite(v)) {
          context.say(`The value of ${leaf.name} must be a number.`);
          return;
        }
        context.say(null);
        settings = leaves.map((l) => (l.name === leaf.name ? { ...l, value: v } : l));
        rebuild();
      });
      const rg = el('input', {
        type: 'checkbox',
        'aria-label': `${leaf.name} requires grad`,
        class: 'ag-leaf-rg',
      });
      rg.checked = leaf.requiresGrad;
      rg.addEventListener('change', () => {
        settings = leaves.map((l) =>
          l.name === leaf.name ? { ...l, requiresGrad: rg.checked } : l,
        );
        rebuild();
      });
      const gradText = !leaf.requiresGrad
        ? 'None (constant)'
        : hadBackward
          ? formatNumber(grads[i]!)
          : 'None';
      // Mid-pass the leaves hold part of their gradient: compare once the pass is complete.
      const diff =
        leaf.requiresGrad && hadBackward && ex.nextNode() < 0
          ? Math.abs(grads[i]! - fd[i]!).toExponential(1)
          : '';
      const cells = [
        el('th', { scope: 'row' }, leaf.name),
        el('td'),
        el('td'),
        el('td', { class: 'ag-leaf-grad' }, gradText),
      ];
      cells[1]!.append(valueInput);
      cells[2]!.append(rg);
      row.append(
        ...cells,
        el('td', { class: 'ag-leaf-fd' }, formatNumber(fd[i]!)),
        el('td', { class: 'ag-leaf-diff' }, diff),
      );
      leafBody.append(row);
    });
    accumulateNote.textContent =
      passes > 1
        ? `${passes} backward passes since zero_grad: each .grad holds ${passes} × the gradient (PyTorch accumulates into .grad), so it differs from the finite difference until zero_grad.`
        : '';
  }

  function renderChain() {
    chainBody.replaceChildren();
    const nodes = lastStepNodes;
    if (lastStep === null) {
      chainBody.append(
        el(
          'p',
          {},
          'Press Step backward to process one node and see the chain rule with its numbers.',
        ),
      );
      return;
    }
    if (lastStep.node < 0) {
      chainBody.append(
        el('p', {}, 'Nothing to propagate: no leaf of this expression requires a gradient.'),
      );
      return;
    }
    const n = nodes[lastStep.node]!;
    chainBody.append(
      el(
        'p',
        { class: 'ag-chain-node' },
        `Processed ${labelOf(nodes, n.id)}, value ${formatNumber(n.value)}. Its upstream gradient ∂out/∂node = ${formatNumber(lastStep.upstream)}.`,
      ),
    );
    const list = el('ul');
    for (const input of lastStep.inputs) {
      const name = labelOf(nodes, input.input);
      const text = input.receives
        ? `∂out/∂${name} += upstream × local = ${formatNumber(lastStep.upstream)} × ${formatNumber(input.local)} = ${formatNumber(input.contribution)}  → its gradient is now ${formatNumber(input.gradAfter)}`
        : `${name} requires no gradient (local derivative ${formatNumber(input.local)}): nothing is stored.`;
      list.append(el('li', { class: 'ag-chain-input' }, text));
    }
    chainBody.append(list);
    if (lastStep.passDone)
      chainBody.append(el('p', {}, 'That was the last node: this backward pass is complete.'));
  }

  function render() {
    if (explorer === null) return;
    // A leaf's .grad is None until a backward pass reaches it, as in PyTorch (the engine's buffer
    // exists from the start).
    const started = actions.some((a) => a !== 'zero_grad');
    const nodes = explorer
      .nodes()
      .map((n) => (n.op === 'leaf' && !started ? { ...n, hasGrad: false } : n));
    drawGraph(
      graphSvg,
      nodes,
      { next: explorer.nextNode(), current: lastStep?.node ?? -1 },
      formatNumber,
    );
    renderLeaves();
    renderChain();
    output.textContent = `out = ${formatNumber(explorer.value())}`;
    codePre.textContent = pytorchCode(source, explorer.leaves(), actions);
  }

  /** A fresh explorer for (source, settings); false when the expression has a mistake. */
  function rebuild(): boolean {
    const check = labs.checkExpression(source, settings);
    showError(check.error, check.column);
    if (check.error !== '') {
      for (const b of [backwardButton, stepButton, zeroButton, resetButton]) b.disabled = true;
      return false;
    }
    for (const b of [backwardButton, stepButton, zeroButton, resetButton]) b.disabled = false;
    explorer?.delete();
    explorer = new labs.AutogradExplorer(source, check.leaves);
    settings = explorer.leaves();
    actions = [];
    lastStep = null;
    passes = 0;
    writeLink();
    render();
    return true;
  }

  // ---- controls -------------------------------------------------------------------------------
  exprInput.addEventListener('input', () => {
    source = exprInput.value;
    rebuild();
  });
  exampleSelect.addEventListener('change', () => {
    const e = EXAMPLES[Number(exampleSelect.value)];
    if (exampleSelect.value === '' || e === undefined) return;
    source = e.expression;
    settings = e.leaves;
    exprInput.value = source;
    rebuild();
  });
  backwardButton.addEventListener('click', () => {
    if (explorer === null) return;
    explorer.backward();
    actions.push('backward');
    passes++;
    lastStep = null;
    render();
    chainBody.replaceChildren(
      el(
        'p',
        {},
        'Backward processed every remaining node at once. Use Step backward to see each one.',
      ),
    );
  });
  stepButton.addEventListener('click', () => {
    if (explorer === null) return;
    lastStepNodes = [];
    lastStep = explorer.step();
    lastStepNodes = explorer.nodes();
    if (lastStep.passDone) {
      actions.push('backward');
      passes++;
    } else actions.push('step');
    render();
  });
  zeroButton.addEventListener('click', () => {
    if (explorer === null) return;
    explorer.zeroGrad();
    actions.push('zero_grad');
    passes = 0;
    render();
  });
  resetButton.addEventListener('click', () => rebuild());

  if (!rebuild()) {
    // A link with a broken expression: show its mistake, and the first example's graph below it.
    source = first.expression;
    settings = first.leaves;
    const [message, column] = [error.textContent, errorColumn];
    rebuild();
    exprInput.value = context.link.initial.get('expr') ?? '';
    showError(message, column);
  }
  context.ready();
  return {
    dispose() {
      explorer?.delete();
      explorer = null;
    },
  };
}

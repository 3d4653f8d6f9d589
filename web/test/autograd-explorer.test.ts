// The labs' module (core-labs.wasm) under node: the autograd explorer's gradients equal PyTorch's
// (tests/fixtures/autograd/expressions.json, gen_autograd_fixtures.py) and the finite differences,
// stepping reaches backward()'s gradients, and bad input comes back as a message with its column.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import createLabsCore, {
  type AutogradExplorer,
  type ExplorerLeaf,
  type LabsCoreModule,
} from '../src/wasm/core-labs.mjs';

interface FixtureLeaf extends ExplorerLeaf {
  grad: number | null;
}
interface Fixture {
  format: string;
  expressions: { name: string; expression: string; leaves: FixtureLeaf[]; value: number }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/autograd/expressions.json', import.meta.url), 'utf8'),
) as Fixture;

let labs: LabsCoreModule;

beforeAll(async () => {
  const wasmBinary = readFileSync(new URL('../src/wasm/core-labs.wasm', import.meta.url));
  labs = await createLabsCore({ wasmBinary });
});

/** The parity fixtures' tolerance (docs/parity.md). */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 + 1e-4 * Math.abs(b);

function withExplorer<T>(
  source: string,
  leaves: readonly ExplorerLeaf[],
  f: (ex: AutogradExplorer) => T,
): T {
  const ex = new labs.AutogradExplorer(source, leaves);
  try {
    return f(ex);
  } finally {
    ex.delete();
  }
}

describe('the autograd explorer (core-labs.wasm)', () => {
  it('reads a fixture of at least 20 expressions', () => {
    expect(fixture.format).toBe('nn-playground/autograd@1');
    expect(fixture.expressions.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of fixture.expressions) {
    it(`${c.name}: ${c.expression} matches PyTorch and finite differences`, () => {
      withExplorer(c.expression, c.leaves, (ex) => {
        expect(ex.leaves().map((l) => l.name)).toEqual(c.leaves.map((l) => l.name));
        expect(close(ex.value(), c.value), `value ${ex.value()} vs ${c.value}`).toBe(true);
        ex.backward();
        const grads = ex.leafGrads();
        const fd = ex.finiteDifferences();
        c.leaves.forEach((leaf, i) => {
          if (leaf.grad === null) {
            expect(grads[i]).toBe(0);
            return;
          }
          expect(close(grads[i]!, leaf.grad), `${leaf.name}: ${grads[i]} vs ${leaf.grad}`).toBe(
            true,
          );
          expect(Math.abs(grads[i]! - fd[i]!)).toBeLessThanOrEqual(1e-3);
        });
      });
    });
  }

  it('steps node by node to the gradients of backward(), and accumulates until zeroGrad', () => {
    const c = fixture.expressions.find((e) => e.name === 'two-layer-net-mse')!;
    const whole = withExplorer(c.expression, c.leaves, (ex) => {
      ex.backward();
      return ex.leafGrads();
    });
    withExplorer(c.expression, c.leaves, (ex) => {
      let steps = 0;
      for (let s = ex.step(); ; s = ex.step()) {
        steps++;
        for (const input of s.inputs)
          if (input.receives) expect(input.contribution).toBeCloseTo(s.upstream * input.local, 6);
        if (s.passDone) break;
      }
      expect(steps).toBe(ex.nodes().filter((n) => n.op !== 'leaf' && n.op !== 'constant').length);
      expect(ex.leafGrads()).toEqual(whole);
      ex.backward();
      expect(ex.leafGrads()).toEqual(whole.map((g) => 2 * g));
      ex.zeroGrad();
      expect([...ex.leafGrads()].every((g) => g === 0)).toBe(true);
    });
  });

  it('reports a mistake with its column, and refuses what is too large', () => {
    expect(labs.checkExpression('tanh(w*x + b', [])).toEqual({
      leaves: [],
      error: "column 13: expected ',' or ')' to close the '(' of tanh at column 5",
      column: 13,
    });
    const unknown = labs.checkExpression('softmax(x)', []);
    expect(unknown.column).toBe(1);
    expect(unknown.error).toContain('known: exp, log, sqrt');
    expect(labs.checkExpression('x+'.repeat(200) + 'x', []).error).toBe(
      'the expression has 401 characters; the limit is 400',
    );
    expect(labs.checkExpression('x+'.repeat(150) + 'x', []).error).toContain('more than 200 parts');
    expect(
      labs.checkExpression('bce(p, t)', [{ name: 't', value: 1, requiresGrad: true }]).column,
    ).toBe(8);
    expect(() => new labs.AutogradExplorer('(x', [])).toThrow("column 3: expected ')' to close");
    expect(
      () => new labs.AutogradExplorer('x', [{ name: 'x', value: NaN, requiresGrad: true }]),
    ).toThrow('leaves[0].value must be finite');
  });

  it('defaults a loss target to a constant and lists the functions', () => {
    const check = labs.checkExpression('bce(sigmoid(w*x), t)', []);
    expect(check.leaves.map((l) => [l.name, l.requiresGrad])).toEqual([
      ['w', true],
      ['x', true],
      ['t', false],
    ]);
    expect(labs.expressionFunctions().map((f) => f.name)).toContain('bce_with_logits');
    expect(labs.finiteDifferenceStep).toBe(1e-3);
  });
});

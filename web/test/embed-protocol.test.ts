import { describe, expect, it } from 'vitest';
import { hyperparametersOf, parseMessage, posted } from '../src/embed/protocol.ts';

describe('embed protocol: parseMessage', () => {
  it('reads each request, with or without an id', () => {
    for (const type of ['play', 'pause', 'step', 'reset', 'getMetrics', 'getScene', 'status']) {
      expect(parseMessage({ nnp: 1, type, id: 7 })).toEqual({
        kind: 'request',
        id: 7,
        request: { type },
      });
      expect(parseMessage({ nnp: 1, type })).toEqual({ kind: 'request', request: { type } });
    }
    const scene = { seed: 1 };
    expect(parseMessage({ nnp: 1, type: 'loadScene', id: 'a', scene })).toEqual({
      kind: 'request',
      id: 'a',
      request: { type: 'loadScene', scene },
    });
    expect(
      parseMessage({ nnp: 1, type: 'setHyperparameters', values: { lr: 0.1, dropout: [0.2, 0] } }),
    ).toEqual({
      kind: 'request',
      request: { type: 'setHyperparameters', values: { lr: 0.1, dropout: [0.2, 0] } },
    });
  });

  it('ignores what is not a message of this protocol, saying why, and never throws', () => {
    const reasons = [
      null,
      undefined,
      'play',
      42,
      [1, 'play'],
      { type: 'play' },
      { nnp: 2, type: 'play' },
      { nnp: '1', type: 'play' },
      { nnp: 1 },
      { nnp: 1, type: 5 },
      { nnp: 1, type: 'play', id: { x: 1 } },
      { nnp: 1, type: 'play', id: NaN },
      { nnp: 1, type: 'fly' },
      { nnp: 1, type: 'reply', id: 1, ok: true },
      { nnp: 1, type: 'epochEnd' },
      { nnp: 1, type: 'loadScene' },
    ].map((data) => {
      const parsed = parseMessage(data);
      return parsed.kind === 'ignored' ? parsed.reason : parsed.kind;
    });
    expect(reasons).toEqual([
      'shape',
      'shape',
      'shape',
      'shape',
      'shape',
      'shape',
      'version',
      'version',
      'shape',
      'shape',
      'shape',
      'shape',
      'type',
      'type',
      'type',
      'arguments',
    ]);
    const odd = Object.create(null) as Record<string, unknown>;
    odd.nnp = 1;
    odd.type = 'play';
    expect(parseMessage(odd)).toEqual({ kind: 'request', request: { type: 'play' } });
  });

  it('answers a request with an id and wrong arguments with a readable error', () => {
    expect(parseMessage({ nnp: 1, type: 'loadScene', id: 1, scene: 'circle' })).toEqual({
      kind: 'invalid',
      id: 1,
      error: 'loadScene: expected a scene object in "scene" (as in docs/scenes/*.json)',
    });
    expect(
      parseMessage({ nnp: 1, type: 'setHyperparameters', id: 2, values: { lr: '0.1' } }),
    ).toEqual({
      kind: 'invalid',
      id: 2,
      error: 'setHyperparameters: lr must be a finite number, not "0.1"',
    });
  });

  it('posts with the version first', () => {
    expect(posted({ type: 'ready' })).toEqual({ nnp: 1, type: 'ready' });
  });
});

describe('embed protocol: hyperparametersOf', () => {
  it('takes the live fields and nothing else', () => {
    expect(hyperparametersOf({ lr: 0.01, l1: 0, weight_decay: 1e-4 })).toEqual({
      lr: 0.01,
      l1: 0,
      weight_decay: 1e-4,
    });
    expect(hyperparametersOf({ batch_size: 8, lr: 0.1 })).toMatch(
      /^"batch_size" cannot change in a running network; expected "values" with any of lr, l1, weight_decay, dropout/,
    );
    expect(hyperparametersOf({})).toMatch(/^expected "values"/);
    expect(hyperparametersOf(null)).toMatch(/^expected "values"/);
    expect(hyperparametersOf({ lr: Infinity })).toBe('lr must be a finite number, not Infinity');
    expect(hyperparametersOf({ dropout: 0.2 })).toMatch(/^dropout must be a list of numbers/);
    expect(hyperparametersOf({ dropout: [0.2, 'x'] })).toMatch(/^dropout must be a list/);
  });
});

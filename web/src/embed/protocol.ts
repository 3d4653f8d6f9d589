// The messages a host page (a course page, a learning-management system) and an embedded
// playground exchange by window.postMessage: docs/embedding.md shows each with an example.
// Every message is an object `{ nnp: 1, type, … }`; `nnp` is the protocol's version, so a
// later version can change a message without an old host misreading it. A request with an `id`
// gets one reply `{ nnp: 1, type: 'reply', id, ok, result | error }`; without one it is fire and
// forget. Pure: parseMessage sorts whatever arrives into a request, a request whose arguments
// are wrong (an error reply), or something to ignore (counted by embed/host-bridge.ts).
import type { Hyperparameters } from '../engine/hyperparameters.ts';
import type { EngineStatus } from '../state/store.ts';

export const PROTOCOL_VERSION = 1;

/** A request's id, echoed by its reply. */
export type RequestId = string | number;

/** What a host may ask. */
export type Request =
  /** Shows `scene` (a scene document, as in a link or docs/scenes/*.json) as a new paused run.
   *  → null, or an error saying what to change in the scene. */
  | { type: 'loadScene'; scene: unknown }
  /** The run buttons. → null (an error while the engine is not ready). */
  | { type: 'play' }
  | { type: 'pause' }
  /** One optimiser step on one batch (the Step button). */
  | { type: 'step' }
  /** Starts the scene over from its seed (the Reset button). */
  | { type: 'reset' }
  /** Changes the settings the running network takes in place, keeping its weights: the scene's
   *  optimizer.lr, l1, optimizer.weight_decay and every layer's dropout. → the scene's values
   *  after the change, or the scene check's message. */
  | { type: 'setHyperparameters'; values: Hyperparameters }
  /** → Metrics: the numbers the page shows. */
  | { type: 'getMetrics' }
  /** → the current scene document. */
  | { type: 'getScene' }
  /** → BridgeStatus: the protocol version, the engine's status and what was ignored. */
  | { type: 'status' };

export type RequestType = Request['type'];

const REQUEST_TYPES: readonly RequestType[] = [
  'loadScene',
  'play',
  'pause',
  'step',
  'reset',
  'setHyperparameters',
  'getMetrics',
  'getScene',
  'status',
];

/** One split's numbers; null where the page shows a dash (no accuracy for a regression). */
export interface SplitMetrics {
  loss: number | null;
  accuracy: number | null;
}

/** What the page shows beside the run buttons, from the run's latest snapshot. */
export interface Metrics {
  /** The page's run (a new scene or a reset link starts another). */
  run: number;
  status: EngineStatus;
  epoch: number;
  step: number;
  samples: number;
  train: SplitMetrics;
  /** null without a validation set. */
  validation: SplitMetrics | null;
  test: SplitMetrics;
}

/** Why a message was ignored. */
export type IgnoredReason =
  /** Sent from an origin not in the page's list (&origins=). */
  | 'origin'
  /** Not an object with `nnp`, a string `type` and a string or number `id` if any. */
  | 'shape'
  /** `nnp` is not PROTOCOL_VERSION. */
  | 'version'
  /** A `type` this version does not know (or an event's, which only the page sends). */
  | 'type'
  /** Wrong arguments on a request without an id, which has nowhere to reply. */
  | 'arguments';

/** What the `status` request returns. */
export interface BridgeStatus {
  version: number;
  /** The origins allowed to send requests. */
  origins: string[];
  status: EngineStatus;
  /** Requests handled (replied to or done). */
  accepted: number;
  /** Messages ignored, by reason, and the latest one's reason in words. */
  ignored: Record<IgnoredReason, number>;
  lastIgnored: string | null;
}

/** What the page tells its host without being asked. */
export type PageEvent =
  /** The engine answers: requests work from now on. Sent once. */
  | { type: 'ready'; metrics: Metrics }
  /** One or more epochs ended since the last such event (at most one per animation frame). */
  | { type: 'epochEnd'; metrics: Metrics }
  /** Early stopping ended the run (Reset or a new scene starts another). */
  | { type: 'earlyStopped'; metrics: Metrics; bestEpoch: number }
  /** The loss became NaN or infinite at `step`: training paused, the run kept. */
  | { type: 'diverged'; message: string; step: number | null; metrics: Metrics };

export type Reply =
  | { type: 'reply'; id: RequestId; ok: true; result: unknown }
  | { type: 'reply'; id: RequestId; ok: false; error: string };

/** A message as posted: the version first. */
export type Posted<M> = { nnp: typeof PROTOCOL_VERSION } & M;

export function posted<M extends object>(message: M): Posted<M> {
  return { nnp: PROTOCOL_VERSION, ...message };
}

/** What arrived, sorted. */
export type Parsed =
  | { kind: 'request'; id?: RequestId; request: Request }
  /** A request with an id whose arguments are wrong: reply with `error`. */
  | { kind: 'invalid'; id: RequestId; error: string }
  | { kind: 'ignored'; reason: IgnoredReason; detail: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is RequestId {
  return (typeof value === 'string' && value.length <= 200) || Number.isFinite(value);
}

/** Sorts a message's data (anything: it comes from another page). Never throws. */
export function parseMessage(data: unknown): Parsed {
  const ignored = (reason: IgnoredReason, detail: string): Parsed => ({
    kind: 'ignored',
    reason,
    detail,
  });
  if (!isObject(data) || !('nnp' in data)) {
    return ignored('shape', 'not an object with nnp: 1');
  }
  if (data.nnp !== PROTOCOL_VERSION) {
    return ignored('version', `nnp is ${String(data.nnp)}; this page speaks version 1`);
  }
  const { type, id } = data;
  if (typeof type !== 'string') return ignored('shape', 'type is not a string');
  if (id !== undefined && !isId(id)) return ignored('shape', 'id is not a string or a number');
  if (!(REQUEST_TYPES as readonly string[]).includes(type)) {
    return ignored('type', `"${type.slice(0, 40)}" is not a request`);
  }
  const request = requestOf(type as RequestType, data);
  if (typeof request === 'string') {
    return id === undefined
      ? ignored('arguments', `${type}: ${request}`)
      : { kind: 'invalid', id, error: `${type}: ${request}` };
  }
  return id === undefined ? { kind: 'request', request } : { kind: 'request', id, request };
}

/** The request of a known type, or what is wrong with its arguments. */
function requestOf(type: RequestType, data: Record<string, unknown>): Request | string {
  switch (type) {
    case 'loadScene':
      return isObject(data.scene)
        ? { type, scene: data.scene }
        : 'expected a scene object in "scene" (as in docs/scenes/*.json)';
    case 'setHyperparameters': {
      const values = hyperparametersOf(data.values);
      return typeof values === 'string' ? values : { type, values };
    }
    default:
      return { type };
  }
}

const LIVE_FIELDS = ['lr', 'l1', 'weight_decay', 'dropout'] as const;

/** `values` as Hyperparameters (numbers, dropout one per layer), or what is wrong. The values'
 *  ranges are the scene check's (embed/controller.ts), not repeated here. */
export function hyperparametersOf(values: unknown): Hyperparameters | string {
  const expected = `expected "values" with any of ${LIVE_FIELDS.join(', ')}, e.g. { "lr": 0.03 }`;
  if (!isObject(values)) return expected;
  const keys = Object.keys(values);
  const unknown = keys.filter((key) => !(LIVE_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return `${unknown.map((k) => `"${k}"`).join(', ')} cannot change in a running network; ${expected}`;
  }
  if (keys.length === 0) return expected;
  const result: Hyperparameters = {};
  for (const name of ['lr', 'l1', 'weight_decay'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
      return `${name} must be a finite number, not ${shown}`;
    }
    result[name] = value;
  }
  const { dropout } = values;
  if (dropout !== undefined) {
    const list = Array.isArray(dropout) ? (dropout as unknown[]) : null;
    if (!list?.every((p) => typeof p === 'number' && Number.isFinite(p))) {
      return 'dropout must be a list of numbers, one per layer (the output layer\u2019s 0)';
    }
    result.dropout = list as number[];
  }
  return result;
}
